"""Everyday tasks: `invoke --list` shows them all."""

from __future__ import annotations

import sys
from pathlib import Path

from invoke import Context, task

HERE = Path(__file__).resolve().parent


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


@task(help={"seed": "the seed file, e.g. seeds/x.txt"})
def explain(c: Context, seed: str) -> None:
    """Show what every line of a seed became, and why."""
    c.run(f"{sys.executable} -m briefing explain {seed}")


@task(help={"seed": "the seed file, e.g. seeds/x.txt"})
def convert(c: Context, seed: str) -> None:
    """Print the Markdown with front matter that a seed becomes."""
    c.run(f"{sys.executable} -m briefing convert {seed}")


@task
def test(c: Context) -> None:
    """Run the test suite."""
    c.run(f"{sys.executable} -m pytest")


@task
def lint(c: Context) -> None:
    """ruff and mypy (strict on plugins/)."""
    c.run("ruff check plugins tests bench tasks.py pelicanconf.py publishconf.py")
    c.run("mypy")


@task(help={"no_lighthouse": "only the page weight"})
def bench_site(c: Context, no_lighthouse: bool = False) -> None:
    """Lighthouse scores for home and article, and the article's page weight."""
    c.run(f"{sys.executable} -m bench.site" + (" --no-lighthouse" if no_lighthouse else ""))


@task(help={"pin": "record the figures as the new floor (never lowers one)"})
def bench_extract(c: Context, pin: bool = False) -> None:
    """Score the cleaner on ../shared/corpus (txt and txt_copy) and check the pinned floor."""
    c.run(f"{sys.executable} -m bench.extract " + ("--pin" if pin else "--check"))
