"""Static files, compressed once, and quickly.

`serve` collects the static files at every start. WhiteNoise compresses every file each time,
and Brotli at its best setting took half a minute on the API docs' 8 MB of scripts, at every
start of `make run`. A compressed copy carries its source's modification time, so a copy with the
same time as its source is that source compressed: it is kept, and only new or changed files are
compressed. Source maps and the unused ReDoc bundle are not collected at all (see serve).

Brotli's best setting (11) took 12 s on the 1.5 MB Swagger bundle where setting 9 took 0.5 s for
a file 9 % larger (measured here); large files get 9, our own small ones 11.
"""

import os
from typing import Any

import brotli  # type: ignore[import-untyped]
from whitenoise.compress import Compressor  # type: ignore[import-untyped]
from whitenoise.storage import CompressedStaticFilesStorage  # type: ignore[import-untyped]

LARGE_BYTES = 256 * 1024


class _CompressOnce(Compressor):  # type: ignore[misc]  # whitenoise has no type hints
    def compress_brotli(self, data: bytes) -> bytes:
        return bytes(brotli.compress(data, quality=9 if len(data) > LARGE_BYTES else 11))

    def compress(self, path: str) -> list[str]:
        source = os.stat(path).st_mtime
        kept = [
            path + suffix
            for suffix, used in ((".br", self.use_brotli), (".gz", self.use_gzip))
            if used and os.path.exists(path + suffix)
        ]
        if kept and all(os.stat(copy).st_mtime == source for copy in kept):
            return kept
        return list(super().compress(path))


class CompressOnceStaticFilesStorage(CompressedStaticFilesStorage):  # type: ignore[misc]
    def create_compressor(self, **kwargs: Any) -> Compressor:
        return _CompressOnce(**kwargs)
