"""The conversion cache: a seed converts once until something that shapes it changes.

An entry is keyed by everything a conversion depends on: the seed's bytes, the
sidecar's bytes (or its absence), the converter settings (`Config.fingerprint`)
and the converter's own code (a hash of this package's source), so changing a
boilerplate rule, a setting or the plugin re-converts, and a stale entry can
never be served.  Entries are pickled `Article`s written atomically; an entry
that cannot be read is a miss.  Entries not used by a build are pruned.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from .config import Config
from .model import Article

PACKAGE = Path(__file__).resolve().parent
SUFFIX = ".article"


@functools.cache
def code_version() -> str:
    """A hash of the converter's source files: any edit to the plugin changes it."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(data: bytes, sidecar: bytes | None, config: Config, kind: str = ".txt") -> str:
    """The key of a conversion: `kind` is the seed's file name ending (text or a saved page)."""
    digest = hashlib.sha256()
    for part in (code_version().encode(), config.fingerprint().encode(), kind.encode(), data,
                 b"no sidecar" if sidecar is None else b"sidecar:" + sidecar):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


class ConversionCache:
    """Articles by `cache_key` in `folder` (None: no cache, every seed converts)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits = 0

    def has(self, key: str) -> bool:
        """Whether an entry exists (it may still fail to load: `get` says)."""
        return self.folder is not None and (self.folder / (key + SUFFIX)).is_file()

    def get(self, key: str) -> Article | None:
        if self.folder is None:
            return None
        self.used.add(key)
        try:
            article = pickle.loads((self.folder / (key + SUFFIX)).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None
        if not isinstance(article, Article):
            return None
        self.hits += 1
        return article

    def put(self, key: str, article: Article) -> None:
        if self.folder is None:
            return
        self.used.add(key)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                pickle.dump(article, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / (key + SUFFIX))
        except OSError:
            return  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Remove the entries this build did not use (old versions of seeds, settings or code)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix in (SUFFIX, ".tmp") and path.stem not in self.used:
                path.unlink(missing_ok=True)
