"""Rebuild on every change, with the saved seed's page first (`invoke regenerate` / `livereload`).

    python -m briefing.watch PROJECT [--livereload]

The full build (`publish.dev_build`: a temporary folder swapped into output/)
runs in its own process, in the background; a new change stops it and starts
it again, so it never shows a site older than the last save.  When only seeds
changed, `live.LivePages` writes their pages first, in a fraction of a second.
After each page or build, ``output/.build-id`` changes: a page opened under
livereload polls it and reloads itself.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from .source import SEED_SUFFIXES, SIDECAR_SUFFIX

#: what the build itself writes among the inputs (`publish.INPUTS`, the watched folders and files)
GENERATED = (os.sep + "briefings" + os.sep, "__pycache__")
BUILD_ID = ".build-id"


def seeds_of(path: Path) -> list[Path]:
    """The seed a changed file in seeds/ belongs to: itself, or the seed a sidecar goes with."""
    if path.suffix.lower() in SEED_SUFFIXES:
        return [path]
    if path.suffix == SIDECAR_SUFFIX:
        return [s for s in (path.with_suffix(x) for x in SEED_SUFFIXES) if s.exists()]
    return []


def bump(output: Path) -> None:
    """Tell open pages that the site changed."""
    if output.is_dir():
        (output / BUILD_ID).write_text(str(time.time_ns()), encoding="utf-8")


class FullBuild:
    """One background `dev_build` process at a time; `restart` stops the running one first."""

    def __init__(self, project: Path, extra: tuple[str, ...], on_success: Callable[[], None]) -> None:
        self.project = project
        self.extra = extra
        self.on_success = on_success
        self.proc: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()

    def command(self) -> list[str]:
        code = ("import sys; from pathlib import Path; from briefing.publish import PublishError, dev_build\n"
                "try: dev_build(Path(sys.argv[1]), tuple(sys.argv[2:]))\n"
                "except PublishError as err: sys.exit('build failed: %s' % err)")
        return [sys.executable, "-c", code, str(self.project), *self.extra]

    def stop(self) -> None:
        with self.lock:
            proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            os.killpg(proc.pid, signal.SIGINT)  # dev_build removes its temporary folder
            proc.wait()

    def restart(self) -> None:
        self.stop()
        proc = subprocess.Popen(self.command(), cwd=self.project, start_new_session=True)
        with self.lock:
            self.proc = proc
        threading.Thread(target=self._wait, args=(proc,), daemon=True).start()

    def _wait(self, proc: subprocess.Popen[bytes]) -> None:
        if proc.wait() == 0:
            with self.lock:
                current = self.proc is proc
            if current:
                self.on_success()


def run(project: Path, livereload: bool = False) -> None:
    from watchfiles import watch

    from .live import LivePages
    from .publish import INPUTS

    extra = ("-e", "LIVERELOAD=true") if livereload else ()
    os.chdir(project)  # seeds are named relative to the project, as a build names them
    output = project / "output"
    live = LivePages(project, overrides={"LIVERELOAD": True} if livereload else {})
    stale = threading.Event()  # the live context misses a change that only a full build handles

    def built() -> None:
        bump(output)
        print("site rebuilt", flush=True)
        if stale.is_set() or not live.ready.is_set():
            stale.clear()
            live.start(lambda: print("ready: a saved seed's page is written first", flush=True))

    builder = FullBuild(project, extra, built)
    builder.restart()
    paths = [project / p for p in INPUTS if (project / p).exists()]

    def wanted(change: object, path: str) -> bool:
        return not any(part in path for part in GENERATED)

    try:
        for changes in watch(*paths, watch_filter=wanted, step=20):
            start = time.perf_counter()
            changed = sorted({Path(p) for _, p in changes})
            print("changed: %s" % ", ".join(p.name for p in changed), flush=True)
            builder.stop()
            seeds = sorted({seed for p in changed if p.parent == project / "seeds"
                            for seed in seeds_of(p)})
            only_seeds = len(seeds) > 0 and all(p.parent == project / "seeds" for p in changed)
            if only_seeds and live.usable():
                pages = [live.refresh(seed) for seed in seeds if seed.exists()]
                if pages and all(pages):
                    bump(output)
                    print("page updated in %.0f ms: %s" % ((time.perf_counter() - start) * 1000,
                                                           ", ".join(str(p) for p in pages)), flush=True)
                else:
                    stale.set()
            else:
                stale.set()
            builder.restart()
    finally:
        builder.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("project", type=Path)
    parser.add_argument("--livereload", action="store_true")
    args = parser.parse_args(argv)
    try:
        run(args.project.resolve(), args.livereload)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
