"""The conversion cache: a seed converts once until something that shapes it changes.

An entry is keyed by everything a conversion depends on: the seed's bytes, the
sidecar's bytes (or its absence), the converter settings (`Config.fingerprint`)
and the converter's own code (a hash of this package's source), so changing a
boilerplate rule, a setting or the plugin re-converts, and a stale entry can
never be served.  Entries are pickled `Article`s written atomically; an entry
that cannot be read is a miss.  Entries not used by a build are pruned.

The generated file (Markdown text and its front matter) is kept too, under
`file_key`: the conversion's key plus what the build sets afterwards (slug,
date and where it came from, the seed's name), so an unchanged seed is not
even written out as YAML again.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from .config import Config
from .model import Article

PACKAGE = Path(__file__).resolve().parent
SUFFIX = ".article"
FILE_SUFFIX = ".generated"


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


def file_key(key: str, article: Article, seed: str) -> str:
    """The key of a generated file: its conversion's `cache_key` and what the build set since."""
    parts = (key, article.slug, article.date, article.date_from, seed)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class ConversionCache:
    """Articles by `cache_key`, generated files by `file_key`, in `folder` (None: no cache)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.used: set[str] = set()
        self.hits = 0

    def has(self, key: str) -> bool:
        """Whether an entry exists (it may still fail to load: `get` says)."""
        return self.folder is not None and (self.folder / (key + SUFFIX)).is_file()

    def get(self, key: str) -> Article | None:
        article = self._load(key + SUFFIX)
        if not isinstance(article, Article):
            return None
        self.hits += 1
        return article

    def put(self, key: str, article: Article) -> None:
        self._store(key + SUFFIX, article)

    def get_file(self, key: str) -> tuple[str, dict[str, Any]] | None:
        """A generated file's text and front matter (`emit.emit_with_front`), by `file_key`."""
        found = self._load(key + FILE_SUFFIX)
        if not (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], str)
                and isinstance(found[1], dict)):
            return None
        return found[0], found[1]

    def put_file(self, key: str, text: str, front: dict[str, Any]) -> None:
        self._store(key + FILE_SUFFIX, (text, front))

    def _load(self, name: str) -> object:
        if self.folder is None:
            return None
        self.used.add(name)
        try:
            return pickle.loads((self.folder / name).read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            return None

    def _store(self, name: str, value: object) -> None:
        if self.folder is None:
            return
        self.used.add(name)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.folder / name)
        except OSError:
            return  # a cache that cannot be written only costs time

    def prune(self) -> None:
        """Remove the entries this build did not use (old versions of seeds, settings or code)."""
        if self.folder is None or not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix in (SUFFIX, FILE_SUFFIX, ".tmp") and path.name not in self.used:
                path.unlink(missing_ok=True)
