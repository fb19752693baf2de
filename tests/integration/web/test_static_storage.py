"""Static files are compressed once: a changed file gets fresh copies, an unchanged one keeps
its own."""

import gzip
import os
from pathlib import Path

from sciatica_coach.web.static_storage import _CompressOnce


def test_an_unchanged_file_keeps_its_copies_and_a_changed_one_is_compressed_again(
    tmp_path: Path,
) -> None:
    script = tmp_path / "app.js"
    script.write_text("console.log('first');\n" * 200)
    compressor = _CompressOnce(quiet=True)
    made = compressor.compress(str(script))
    assert str(script) + ".gz" in made
    copy = Path(str(script) + ".gz")
    # A copy stamped with its source's time is taken as that source compressed, and left alone.
    copy.write_bytes(gzip.compress(b"kept"))
    os.utime(copy, ns=(script.stat().st_atime_ns, script.stat().st_mtime_ns))
    assert compressor.compress(str(script)) == made
    assert gzip.decompress(copy.read_bytes()) == b"kept"
    script.write_text("console.log('second');\n" * 200)
    os.utime(script, (1_900_000_000, 1_900_000_000))
    compressor.compress(str(script))
    assert b"second" in gzip.decompress(copy.read_bytes())
