"""Sciatica Coach: a three-phase sciatica relief program and its clinician view."""

__version__ = "0.1.0"
