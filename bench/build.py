"""Speed benchmark: conversion, cold and warm builds, edits, memory, against plain Pelican.

    python -m bench.build [--count 1000] [--rounds 3] [--no-browser] [--results bench/results.md]

Generates `count` seeds (`bench.seedgen`), then in one run, interleaved round by
round, measures (medians over the rounds; ratios from the same run):

  conversion   ms per seed (median, p95) over the generated seeds and ../shared/corpus/txt
  cold, no search  a build from nothing without the Pagefind index: the Python build's own peak memory
  ours cold    `invoke build` from nothing: conversion (2 processes), Pelican, Pagefind
  plain cold   plain Pelican (no plugin, its default Markdown settings) building the same
               articles, written once as Pelican Markdown, with the same theme
  ours warm    `invoke build` again with nothing changed
  no search    a forced rebuild (seeds cached) without the Pagefind index: the Python build alone
  ours 1 seed  `invoke build --force` after editing one seed (cache for the other seeds)
  edit->disk   `invoke livereload` running: a seed saved -> its page rewritten on disk
  edit->browser  the same, until Chromium showing the page under livereload shows the edit

Each build runs in its own process; peak memory is that process tree's largest
resident set (`ru_maxrss`).  Figures are printed and written to `--results`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

from briefing.config import Config
from briefing.emit import body_markdown
from briefing.generate import FALLBACK_SLUG, free_slug, skeleton
from briefing.pipeline import convert

from bench.seedgen import write_seeds

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "txt"
RESULTS = Path(__file__).resolve().parent / "results.md"
PEAK = [sys.executable, "-c", (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
    "print('PEAK_KB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); "
    "sys.exit(code)")]


def settings_file(project: Path, plain: bool) -> str:
    """A settings file for `project`: the repository's, pointed at the project's folders."""
    lines = [
        "from pathlib import Path",
        "exec(compile(Path(%r).read_text(), 'pelicanconf.py', 'exec'))" % str(ROOT / "pelicanconf.py"),
        "PATH = %r" % str(project / "content"),
        "OUTPUT_PATH = %r" % str(project / "output"),
        "THEME = %r" % str(ROOT / "theme"),
        "PLUGIN_PATHS = [%r]" % str(ROOT / "plugins"),
        "BRIEFING_SEEDS = %r" % str(project / "seeds"),
    ]
    if plain:
        lines += ["PLUGINS = []", "del MARKDOWN  # Pelican's defaults"]
    return "\n".join(lines) + "\n"


def pelican_markdown(data: bytes, config: Config, owners: dict[str, Path], skeletons: dict[str, Path],
                     seed: Path) -> str:
    """One converted seed as plain Pelican Markdown (metadata lines, then the body); slugs made
    unique as the plugin makes them (`free_slug`), so two seeds with one title do not collide."""
    a = convert(data, config)
    slug, _ = free_slug(a.slug or FALLBACK_SLUG, owners, skeletons)
    owners[slug] = skeletons[skeleton(slug)] = seed
    meta = [("Title", a.title), ("Date", a.date or "2025-01-01"), ("Slug", slug),
            ("Tags", ", ".join(a.tags)), ("Summary", a.summary), ("Author", a.author)]
    return "".join("%s: %s\n" % (k, v) for k, v in meta if v) + "\n" + body_markdown(a.blocks)


def make_projects(work: Path, count: int) -> tuple[Path, Path]:
    ours, plain = work / "ours", work / "plain"
    write_seeds(ours / "seeds", count=count)
    for project, is_plain in ((ours, False), (plain, True)):
        shutil.copytree(ROOT / "content" / "pages", project / "content" / "pages")
        (project / "pelicanconf.py").write_text(settings_file(project, is_plain), encoding="utf-8")
    (plain / "content" / "briefings").mkdir()
    config = Config()
    owners: dict[str, Path] = {}
    skeletons: dict[str, Path] = {}
    for seed in sorted((ours / "seeds").glob("*.txt")):
        text = pelican_markdown(seed.read_bytes(), config, owners, skeletons, seed)
        (plain / "content" / "briefings" / (seed.stem + ".md")).write_text(text, encoding="utf-8")
    return ours, plain


def timed(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """(seconds, peak MiB, output) of one command run to completion."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(ROOT)])}
    start = time.perf_counter()
    done = subprocess.run([*PEAK, *command], cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit("failed: %s\n%s%s" % (" ".join(command), done.stdout[-2000:], done.stderr[-3000:]))
    peak = next(int(line.split()[1]) for line in done.stderr.splitlines() if line.startswith("PEAK_KB"))
    return seconds, peak / 1024, done.stdout


PLAIN_PELICAN = [sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "-q"]


def dev_build(force: bool = False, extra: tuple[str, ...] = ()) -> list[str]:
    return [sys.executable, "-c", "from pathlib import Path; from briefing.publish import dev_build; "
            "dev_build(Path.cwd(), %r, force=%r)" % (extra, force)]


NO_SEARCH = dev_build(True, ("-e", "BRIEFING_SEARCH=false"))


def conversion_ms(paths: list[Path]) -> tuple[float, float]:
    config = Config()
    datas = [p.read_bytes() for p in paths]
    for data in datas[:20]:
        convert(data, config)  # warm up (regex compilation)
    times = []
    for data in datas:
        start = time.perf_counter()
        convert(data, config)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def edit_seed(seed: Path, marker: str) -> None:
    text = seed.read_text(encoding="utf-8")
    lines = text.split("\n")
    # the longest line is a paragraph of the body: add a sentence to it
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += " The editors added %s to this paragraph." % marker
    seed.write_text("\n".join(lines), encoding="utf-8")


class Watcher:
    """`python -m briefing.watch PROJECT --livereload` running, its output lines collected."""

    def __init__(self, project: Path) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "plugins"), str(ROOT)])}
        self.proc = subprocess.Popen([sys.executable, "-m", "briefing.watch", str(project), "--livereload"],
                                     cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                     text=True, start_new_session=True)
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 600) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for index in range(after, len(self.lines)):
                if text in self.lines[index]:
                    return index + 1
            time.sleep(0.05)
        raise SystemExit("the watcher never said %r:\n%s" % (text, "".join(self.lines[-30:])))

    def stop(self) -> None:
        os.killpg(self.proc.pid, signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()


def page_of(project: Path, seed: Path) -> Path:
    for generated in (project / "content" / "briefings").glob("*.md"):
        head = generated.read_text(encoding="utf-8").split("\n---\n", 1)[0]
        if "\nseed: seeds/%s\n" % seed.name in head:
            slug = next(line[6:] for line in head.split("\n") if line.startswith("slug: "))
            return project / "output" / slug / "index.html"
    raise SystemExit("no generated file for %s" % seed)


def edits(project: Path, seeds: list[Path], rounds: int, browser: bool,
          record: Callable[[str, float], None]) -> None:
    """Edit -> page on disk, and edit -> Chromium shows it, under `livereload`."""
    from briefing.serve import serving

    watcher = Watcher(project)
    try:
        seen = watcher.wait_for("ready: a saved seed's page is written first")
        with serving(project / "output", port=0) as url:
            for round_ in range(rounds):
                seed = seeds[-1 - round_]
                page = page_of(project, seed)
                marker = "disk edit %d" % round_
                start = time.perf_counter()
                edit_seed(seed, marker)
                while marker.encode() not in (page.read_bytes() if page.exists() else b""):
                    time.sleep(0.002)
                record("edit -> page on disk s", time.perf_counter() - start)
                print("round %d: edit -> page on disk %.3f s" % (round_ + 1, time.perf_counter() - start))
                seen = watcher.wait_for("site rebuilt", seen)
                if browser:
                    record("edit -> browser s", browser_latency(url, project, seed, round_))
                    seen = watcher.wait_for("site rebuilt", seen)
    finally:
        watcher.stop()


def browser_latency(url: str, project: Path, seed: Path, round_: int) -> float:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("no chromium on PATH (or pass --no-browser)")
    page_path = page_of(project, seed).parent.name
    marker = "browser edit %d" % round_
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--headless=new"])
        page = browser.new_page()
        page.goto("%s/%s/" % (url, page_path))
        page.wait_for_timeout(500)  # the livereload script has read the current build id
        start = time.perf_counter()
        edit_seed(seed, marker)
        page.wait_for_function("t => document.body && document.body.innerText.includes(t)", arg=marker,
                               polling=5, timeout=60_000)
        seconds = time.perf_counter() - start
        browser.close()
    print("round %d: edit -> browser shows it %.3f s" % (round_ + 1, seconds))
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true", help="skip the livereload browser figure")
    parser.add_argument("--results", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="briefing-bench-"))
    figures: dict[str, list[float]] = {}

    def record(name: str, value: float) -> None:
        figures.setdefault(name, []).append(value)

    try:
        print("generating %d seeds in %s" % (args.count, work))
        ours, plain = make_projects(work, args.count)
        seeds = sorted((ours / "seeds").glob("*.txt"))
        median, p95 = conversion_ms(seeds)
        record("conversion ms/seed, generated (median)", median)
        record("conversion ms/seed, generated (p95)", p95)
        corpus = sorted(CORPUS.glob("*.txt"))
        if corpus:
            median, p95 = conversion_ms(corpus)
            record("conversion ms/seed, corpus txt (median)", median)
            record("conversion ms/seed, corpus txt (p95)", p95)
        for round_ in range(args.rounds):
            for path in ("output", ".cache", "content/briefings"):
                shutil.rmtree(ours / path, ignore_errors=True)
            seconds, peak, _ = timed(NO_SEARCH, ours)  # the Python build's own peak (Pagefind's is larger)
            record("ours cold, no search s", seconds)
            record("ours cold, no search peak MiB", peak)
            print("round %d: %-28s %6.2f s %6.0f MiB" % (round_ + 1, "ours cold, no search", seconds, peak))
            for path in ("output", ".cache", "content/briefings"):
                shutil.rmtree(ours / path, ignore_errors=True)
            shutil.rmtree(plain / "output", ignore_errors=True)
            for name, command, where in (
                ("ours cold", dev_build(), ours),
                ("plain Pelican cold", PLAIN_PELICAN, plain),
                ("ours warm, nothing changed", dev_build(), ours),
                ("ours rebuild, seeds cached, no search", NO_SEARCH, ours),
            ):
                seconds, peak, _ = timed(command, where)
                record(name + " s", seconds)
                record(name + " peak MiB", peak)
                print("round %d: %-28s %6.2f s %6.0f MiB" % (round_ + 1, name, seconds, peak))
            edit_seed(seeds[round_], "round %d" % round_)
            seconds, peak, _ = timed(dev_build(), ours)
            record("ours one seed changed s", seconds)
            print("round %d: %-28s %6.2f s %6.0f MiB" % (round_ + 1, "ours one seed changed", seconds, peak))
        edits(ours, seeds, args.rounds, not args.no_browser, record)
        report = summary(figures, args)
        print(report)
        args.results.write_text(report, encoding="utf-8")
        print("written to %s" % args.results)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def summary(figures: dict[str, list[float]], args: argparse.Namespace) -> str:
    med = {k: statistics.median(v) for k, v in figures.items()}
    import pelican

    lines = [
        "# Speed benchmark (`python -m bench.build --count %d --rounds %d`)" % (args.count, args.rounds),
        "",
        "Machine: %s, %d CPUs, Python %s, Pelican %s, %s." % (
            platform.platform(), os.cpu_count() or 0, platform.python_version(), pelican.__version__,
            time.strftime("%Y-%m-%d")),
        "Medians over the rounds; every ratio is from this one run.",
        "",
        "| figure | value |",
        "|---|---|",
    ]
    lines += ["| %s | %.2f |" % (k, v) for k, v in med.items()]
    cold, plain = med["ours cold s"], med["plain Pelican cold s"]
    lines += [
        "",
        "| ratio | value | target |",
        "|---|---|---|",
        "| ours cold / plain Pelican cold | %.2f | <= 0.8 |" % (cold / plain),
        "| ours warm (nothing changed) / ours cold | %.3f | <= 0.25 |"
        % (med["ours warm, nothing changed s"] / cold),
        "| ours one seed changed / ours cold | %.2f | |" % (med["ours one seed changed s"] / cold),
        "| peak MiB, Python build (cold, no search) | %.0f | <= 150 at 5,000 seeds |"
        % med["ours cold, no search peak MiB"],
        "| peak MiB, with the search index (Pagefind) | %.0f | |" % med["ours cold peak MiB"],
    ]
    if "edit -> page on disk s" in med:
        lines.append("| edit -> page on disk, seconds | %.3f | <= 0.5 |" % med["edit -> page on disk s"])
    if "edit -> browser s" in med:
        lines.append("| edit -> browser shows it, seconds | %.3f | <= 1 |" % med["edit -> browser s"])
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
