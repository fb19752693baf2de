"""``sciatica-coach illustrate``: SVG on standard output, the gallery to a file, one-line errors."""

import io
from pathlib import Path

from sciatica_coach.cli import EXIT_OK, EXIT_REFUSED, main


def run(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(), stdout=stdout, stderr=stderr)
    return code, stdout.getvalue(), stderr.getvalue()


def test_it_prints_the_animated_svg_of_an_exercise() -> None:
    code, out, err = run("illustrate", "bird_dog")
    assert (code, err) == (EXIT_OK, "")
    assert out.startswith("<svg ")
    assert "@keyframes" in out
    assert "<title" in out


def test_it_prints_a_still_or_a_strip_on_request() -> None:
    _, still, _ = run("illustrate", "bird_dog", "--still")
    _, strip, _ = run("illustrate", "bird_dog", "--strip")
    assert "@keyframes" not in still
    assert "@keyframes" not in strip
    assert still != strip


def test_an_unknown_id_exits_2_with_one_line_and_no_traceback() -> None:
    code, out, err = run("illustrate", "x")
    assert (code, out) == (EXIT_REFUSED, "")
    assert err == "error: ID: 'x' is not an exercise in the catalog\n"


def test_it_writes_the_gallery_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "gallery.html"
    code, out, err = run("illustrate", "--gallery", str(target))
    assert (code, out, err) == (EXIT_OK, "", "")
    assert "Bird dog" in target.read_text(encoding="utf-8")


def test_a_gallery_that_cannot_be_written_is_one_line(tmp_path: Path) -> None:
    code, _, err = run("illustrate", "--gallery", str(tmp_path / "missing" / "g.html"))
    assert code == EXIT_REFUSED
    assert err.startswith("error: ")
    assert err.count("\n") == 1


def test_without_an_id_or_gallery_it_says_what_is_missing() -> None:
    code, _, err = run("illustrate")
    assert code == EXIT_REFUSED
    assert err == "error: ID: give an exercise id, or --gallery FILE\n"
