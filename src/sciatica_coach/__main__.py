"""`python -m sciatica_coach`: the same as the `sciatica-coach` command."""

from sciatica_coach.cli import run

run()
