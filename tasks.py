"""Everyday tasks: `invoke --list` shows them all."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from invoke import Context, task

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "shared" / "corpus"


@task
def build(c: Context) -> None:
    """Convert every seed and build the site into output/."""
    c.run(f"{sys.executable} -m pelican -s pelicanconf.py", pty=False)


@task
def clean(c: Context) -> None:
    """Remove output/ and the generated Markdown."""
    c.run("rm -rf output content/briefings")


@task(pre=[clean], post=[build])
def rebuild(c: Context) -> None:
    """Clean, then build."""


@task
def serve(c: Context, port: int = 8000) -> None:
    """Serve output/ on http://127.0.0.1:PORT."""
    c.run(f"{sys.executable} -m pelican --listen --bind 127.0.0.1 --port {port} -s pelicanconf.py")


@task
def test(c: Context) -> None:
    """Run the test suite."""
    c.run(f"{sys.executable} -m pytest")


@task
def lint(c: Context) -> None:
    """ruff and mypy (strict on plugins/)."""
    c.run("ruff check plugins tests tasks.py pelicanconf.py")
    c.run("mypy")


@task(help={"corpus": "the labelled corpus folder (default ../shared/corpus)"})
def bench_extract(c: Context, corpus: str = str(CORPUS)) -> None:
    """Score the cleaner on the labelled corpus (txt and txt_copy renderings)."""
    score = Path(corpus) / "score.py"
    cmd = f"{sys.executable} -m briefing clean {{in}} --title-out {{title_out}}"
    for raw in ("txt", "txt_copy"):
        out = f"/tmp/briefing-pred-{raw}"
        c.run(f"rm -rf {out}")
        c.run(f"python3 {score} run --cmd {shlex.quote(cmd)} --out {out} "
              f"--raw-dir {Path(corpus) / raw} -j 2", hide="out")
        c.run(f"python3 {score} score {out} --per-doc {out}.csv")
