"""The ``sciatica-coach`` command line: the engine's contract commands, and the app's server.

Answers go to standard output as one JSON document (a readable summary instead when standard
output is a terminal, unless ``--json``). A refused input exits 2 with one line on standard error
naming the field; no traceback ever reaches the user.
"""

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Final, TextIO

from sciatica_coach import __version__, engine
from sciatica_coach.cli_text import render_text

EXIT_OK: Final = 0
EXIT_INTERNAL: Final = 1
EXIT_REFUSED: Final = 2


class InputProblem(Exception):
    """The command's input could not be read; the message names what and why."""


def read_json(path: str, stdin: TextIO) -> Any:
    try:
        if path == "-":
            text = stdin.read()
        else:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
    except FileNotFoundError:
        raise InputProblem(f"{path}: no such file") from None
    except (IsADirectoryError, PermissionError, UnicodeDecodeError) as exc:
        raise InputProblem(f"{path}: cannot be read ({exc.__class__.__name__})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputProblem(
            f"input: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sciatica-coach",
        description="Sciatica Coach: a safe, three-phase sciatica program. "
        "Engine commands read a JSON file (or - for standard input) and print JSON.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def engine_command(name: str, help_text: str, input_name: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(
            "file", metavar="FILE", help=f"{input_name} as JSON; - reads standard input"
        )
        sub.add_argument("--json", action="store_true", help="print JSON even on a terminal")
        return sub

    engine_command(
        "triage",
        "Screen a profile for red flags and the diagnosis gate: how urgently to see a clinician.",
        "a profile",
    )
    engine_command(
        "plan",
        "Build the twice-daily plan for a profile (or say why there is no program yet).",
        "a profile",
    )
    engine_command(
        "checks",
        "Which self-checks, and which directions of the movement test, are safe to offer now.",
        "a profile",
    )
    engine_command(
        "movement-test",
        "Read the movement test's results: the directional preference they show.",
        "a movement-test request (profile and results)",
    )
    engine_command(
        "review",
        "Review a week of session logs: progress, continue, regress or stop and seek care.",
        "a review request (profile, plan, dates, baseline pain and logs)",
    )
    score = commands.add_parser(
        "score",
        help="Score a questionnaire: odi, rmdq, peg, pgic or nrs.",
        description="Score a questionnaire's answers. ODI takes section values (0-5 or null), "
        "never the copyrighted wording.",
    )
    score.add_argument("instrument", choices=["odi", "rmdq", "peg", "pgic", "nrs"])
    score.add_argument("file", metavar="FILE", help="the answers as JSON; - reads standard input")
    score.add_argument("--json", action="store_true", help="print JSON even on a terminal")
    exercises = commands.add_parser(
        "exercises",
        help="List the exercise catalog.",
        description="List the exercise catalog: a table, or the full catalog with --json.",
    )
    exercises.add_argument("--json", action="store_true", help="the whole catalog as a JSON list")
    serve = commands.add_parser(
        "serve",
        help="Migrate the database and serve the web app (gunicorn).",
        description="Migrate the database and serve the web app with gunicorn. "
        "SQLite in the data directory unless DATABASE_URL is set.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (8000)")
    serve.add_argument(
        "--data-dir",
        default=None,
        help="where the database and secret key live "
        "(default: SCIATICA_COACH_DATA_DIR or the user's data folder)",
    )
    serve.add_argument("--workers", type=int, default=2, help="gunicorn worker processes (2)")
    serve.add_argument(
        "--new",
        action="store_true",
        help="start on an empty database even though this data folder was used before",
    )
    for name, text in (
        ("backup", "Write a backup of the database to FILE (owner-only)."),
        ("restore", "Replace the database with the backup in FILE. Stop the server first."),
    ):
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("file", metavar="FILE")
        sub.add_argument("--data-dir", default=None, help="the data folder (as for serve)")
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start a task worker beside the server (when workers run on their own)",
    )
    worker = commands.add_parser(
        "worker",
        help="Run the background tasks (reminders, e-mails, PDF reports).",
        description="Run the background tasks queued in the database, and queue due reminders. "
        "`serve` starts one unless given --no-worker; run more on other machines as needed.",
    )
    worker.add_argument(
        "--data-dir",
        default=None,
        help="where the database and secret key live (as for serve)",
    )
    commands.add_parser(
        "manage",
        help="Run any Django management command (sciatica-coach manage help).",
        add_help=False,
    )
    _illustrate_parser(commands)
    return parser


def _illustrate_parser(commands: Any) -> None:
    illustrate = commands.add_parser(
        "illustrate",
        help="Print an exercise's moving picture as SVG, or write the gallery of all of them.",
        description="Print the animated SVG of one exercise (or a still, or a start/end strip "
        "for print), or write a self-contained HTML gallery of every exercise.",
    )
    illustrate.add_argument("id", metavar="ID", nargs="?", help="an exercise id, e.g. bird_dog")
    mode = illustrate.add_mutually_exclusive_group()
    mode.add_argument("--still", action="store_true", help="the held position, not animated")
    mode.add_argument("--strip", action="store_true", help="start and end side by side")
    mode.add_argument("--gallery", metavar="FILE", help="write the HTML gallery to FILE")


def _illustrate(args: argparse.Namespace, stdout: TextIO) -> None:
    """``illustrate``: SVG on standard output, or the gallery written to a file."""
    from sciatica_coach import illustration

    if args.gallery is not None:
        if args.id is not None:
            raise InputProblem("ID: give an exercise id or --gallery FILE, not both")
        try:
            with open(args.gallery, "w", encoding="utf-8") as handle:
                handle.write(illustration.gallery_html())
        except OSError as exc:
            raise InputProblem(f"{args.gallery}: cannot be written ({exc.strerror})") from None
        return
    if args.id is None:
        raise InputProblem("ID: give an exercise id, or --gallery FILE")
    mode: illustration.Mode = "still" if args.still else "strip" if args.strip else "animated"
    try:
        stdout.write(illustration.illustrate(args.id, mode=mode) + "\n")
    except illustration.UnknownExercise as exc:
        raise InputProblem(f"ID: {exc}") from None


def _answer(args: argparse.Namespace, stdin: TextIO) -> tuple[str, Any]:
    handlers: dict[str, Callable[[Any], Any]] = {
        "triage": engine.triage,
        "plan": engine.plan,
        "review": engine.review,
        "checks": engine.checks,
        "movement-test": engine.movement_test,
    }
    if args.command == "exercises":
        return "exercises", engine.catalog()
    data = read_json(args.file, stdin)
    if args.command == "score":
        return "score", engine.score(args.instrument, data)
    if not isinstance(data, dict):
        root = "request" if args.command in ("review", "movement-test") else "profile"
        raise engine.RefusedInput(root, "is not a JSON object")
    return args.command, handlers[args.command](data)


def main(
    argv: Sequence[str] | None = None,
    *,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    stdin, stdout, stderr = stdin or sys.stdin, stdout or sys.stdout, stderr or sys.stderr
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["manage"]:
        # Everything after `manage` belongs to Django, including its own --help.
        from sciatica_coach.web.serve import manage

        return manage(arguments[1:])
    args = _parser().parse_args(arguments)
    if args.command == "serve":
        from sciatica_coach.web.serve import serve

        return serve(
            args.host,
            args.port,
            args.data_dir,
            args.workers,
            worker=not args.no_worker,
            new=args.new,
        )
    if args.command == "worker":
        from sciatica_coach.web.serve import worker

        return worker(args.data_dir)
    if args.command in ("backup", "restore"):
        from sciatica_coach.web.serve import backup_or_restore

        return backup_or_restore(args.command, args.file, args.data_dir, stderr)
    try:
        if args.command == "illustrate":
            _illustrate(args, stdout)
            return EXIT_OK
        kind, answer = _answer(args, stdin)
    except (InputProblem, engine.RefusedInput) as exc:
        print(f"error: {exc}", file=stderr)
        return EXIT_REFUSED
    except Exception as exc:  # the promise is: never a traceback, whatever happens
        print(f"error: internal problem ({exc.__class__.__name__}); please report it", file=stderr)
        return EXIT_INTERNAL
    as_text = (not args.json and stdout.isatty()) or (kind == "exercises" and not args.json)
    if as_text:
        stdout.write(render_text(kind, answer))
    else:
        json.dump(answer, stdout, indent=2, ensure_ascii=False)
        stdout.write("\n")
    return EXIT_OK


def run() -> None:
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (``| head``): not an error worth a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = EXIT_INTERNAL
    sys.exit(code)
