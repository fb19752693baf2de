"""Static files, compressed once.

`serve` collects the static files at every start. WhiteNoise compresses every file each time,
and Brotli at its best setting took half a minute on the API docs' 8 MB of scripts, at every
start of `make run`. A compressed copy carries its source's modification time, so a copy with the
same time as its source is that source compressed: it is kept, and only new or changed files are
compressed.
"""

import os
from typing import Any

from whitenoise.compress import Compressor  # type: ignore[import-untyped]
from whitenoise.storage import CompressedStaticFilesStorage  # type: ignore[import-untyped]


class _CompressOnce(Compressor):  # type: ignore[misc]  # whitenoise has no type hints
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
