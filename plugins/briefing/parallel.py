"""Pelican's pages written on every core: part of the Pelican adapter.

Pelican renders and writes every page in one process, and on a large site that
is most of a build.  When the writer is requested (`signals.get_writer`, after
every article has been read and linked), the build forks into `workers`
processes that all walk the same, already computed, list of pages; each renders
and writes only every n-th call (`SharedWriter`), and only the first copies
static files.  At `finalized` the other processes exit and the first waits for
them; if one failed, the build fails.  Same pages, same bytes, on n cores.

Settings: ``BRIEFING_WRITERS`` (default: the CPU count; 1 switches this off).
Sites under `MIN_ARTICLES` are written in one process.
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
import sys
from typing import Any, ClassVar

from pelican.generators import SourceFileGenerator, StaticGenerator
from pelican.writers import Writer

logger = logging.getLogger(__name__)

#: fewer articles than this are not worth a second process
MIN_ARTICLES = 200


class Share:
    """Which calls this process writes: call k when k % count == index."""

    index = 0
    count = 1
    children: ClassVar[list[int]] = []
    generators: ClassVar[list[Any]] = []


class SharedWriter(Writer):  # type: ignore[misc]
    """A Pelican writer that renders only its share of the calls."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.calls = 0

    def mine(self) -> bool:
        call, self.calls = self.calls, self.calls + 1
        return call % Share.count == Share.index

    def write_file(self, *args: Any, **kwargs: Any) -> Any:
        return super().write_file(*args, **kwargs) if self.mine() else None

    def write_feed(self, *args: Any, **kwargs: Any) -> Any:
        return super().write_feed(*args, **kwargs) if self.mine() else None


def remember_generators(generators: list[Any]) -> None:
    Share.generators = list(generators)


def split_writing(pelican: Any) -> type | None:
    """The `get_writer` handler: fork the writers; None (Pelican's own writer) for small sites."""
    settings = pelican.settings
    workers = int(settings.get("BRIEFING_WRITERS") or os.cpu_count() or 1)
    articles = sum(len(getattr(g, "articles", [])) for g in Share.generators)
    if workers < 2 or articles < MIN_ARTICLES or not hasattr(os, "fork"):
        return None
    logger.info("briefing: writing the site on %d processes", workers)
    sys.stdout.flush()
    sys.stderr.flush()
    Share.count, Share.index = workers, 0
    Share.children = []
    for index in range(1, workers):
        pid = os.fork()
        if pid == 0:
            Share.index = index
            Share.children = []
            for generator in Share.generators:  # files copied, not rendered: the first process's job
                if isinstance(generator, StaticGenerator | SourceFileGenerator):
                    generator.generate_output = lambda writer: None
            return SharedWriter
        Share.children.append(pid)
    atexit.register(_stop_children)
    return SharedWriter


def join_writers(pelican: Any) -> None:
    """The first `finalized` handler: the other writers exit here; the first waits for them."""
    if Share.count < 2:
        return
    if Share.index != 0:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)
    failed = []
    for pid in Share.children:
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            failed.append(pid)
    Share.children = []
    if failed:
        raise RuntimeError("briefing: %d of the processes writing the site failed (see above)" % len(failed))


def _stop_children() -> None:
    """If the first process ends early (an error, Ctrl-C), the others must not write on."""
    for pid in Share.children:
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
