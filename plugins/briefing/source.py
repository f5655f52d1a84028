"""Reading a seed and its sidecar from disk (the only file access of the core)."""

from __future__ import annotations

from pathlib import Path

from .sidecar import Sidecar, SidecarError, load_sidecar

SEED_SUFFIX = ".txt"
#: every file name ending a seed can have: copied text, or a saved web page
SEED_SUFFIXES = (SEED_SUFFIX, ".html", ".htm")
SIDECAR_SUFFIX = ".yaml"


def readable_name(name: str) -> str | None:
    """None when a file name is not valid UTF-8 (it cannot be shown, logged or linked)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return name


def shown_name(name: str) -> str:
    """A file name as it can be printed: undecodable bytes as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


BAD_NAME = "the file name is not valid UTF-8; rename it"


def sidecar_path(seed: Path) -> Path:
    return seed.with_suffix(SIDECAR_SUFFIX)


def read_raw(seed: Path) -> tuple[bytes, bytes | None]:
    """The seed's bytes and its sidecar's (None when there is none), unparsed."""
    data = seed.read_bytes()
    side = sidecar_path(seed)
    return data, side.read_bytes() if side.exists() else None


def read_seed(seed: Path) -> tuple[bytes, Sidecar]:
    """The seed's bytes and its parsed sidecar (empty when there is none)."""
    data = seed.read_bytes()
    side = sidecar_path(seed)
    if not side.exists():
        return data, Sidecar()
    try:
        return data, load_sidecar(side.read_text(encoding="utf-8"))
    except SidecarError as err:
        raise SidecarError("%s: %s" % (side, err)) from err
