"""Seeds folder -> generated Markdown folder (file access, no Pelican).

Only files whose text changed are rewritten, so an unchanged seed leaves its
Markdown (and its mtime) alone.  A generated file that someone edited by hand
stops the run before anything is written; a generated file whose seed is gone
is removed.  Returns log messages as (level, text) for the adapter to log.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import multiprocessing
import os
import subprocess
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from unidecode import unidecode

from .cache import ConversionCache, cache_key, file_key
from .config import Config
from .decode import SeedError
from .emit import CHECKSUM_KEY, emit_with_front, intact_checksum
from .model import Article
from .pipeline import convert_seed
from .sidecar import Sidecar, SidecarError, load_sidecar
from .source import BAD_NAME, SEED_SUFFIXES, read_raw, readable_name, shown_name, sidecar_path

Message = tuple[int, str]


class GenerateError(RuntimeError):
    pass


def generate_all(seeds: Path, out: Path, config: Config, cache: ConversionCache | None = None,
                 workers: int = 1, fronts: dict[Path, dict[str, Any]] | None = None) -> list[Message]:
    """Convert every seed into `out`; unchanged seeds come from `cache`, the rest use `workers` processes.
    `fronts`, when given, receives each generated file's front matter as reading it back gives it."""
    cache = cache or ConversionCache(None)
    messages: list[Message] = []
    dates = first_commit_dates(seeds)
    found: list[tuple[Path, str]] = []
    for seed in sorted(p for p in (seeds.iterdir() if seeds.is_dir() else ())
                       if p.suffix.lower() in SEED_SUFFIXES):
        name = _display(seed)
        if readable_name(name) is None:
            messages.append((logging.ERROR, "%s: %s; skipped" % (shown_name(name), BAD_NAME)))
        elif seed.is_symlink():
            messages.append((logging.WARNING, "%s: is a symbolic link; skipped" % name))
        else:
            found.append((seed, name))
    existing = _intact_files(out)  # before anything is converted or written
    out.mkdir(parents=True, exist_ok=True)
    results = convert_all([seed for seed, _ in found], config, cache, workers)  # one at a time
    written: set[Path] = set()
    owners: dict[str, Path] = {}
    skeletons: dict[str, Path] = {}
    for (seed, name), (key, result) in zip(found, results, strict=True):
        article = _checked(result, name, messages)
        if article is None:
            continue
        article = _dated(article, seed, name, dates, messages)
        wanted = article.slug or FALLBACK_SLUG
        if not article.slug:
            messages.append((logging.WARNING, "%s: the title has no letters or digits for a slug; using %r"
                             % (name, FALLBACK_SLUG)))
        slug, rival = free_slug(wanted, owners, skeletons)
        if rival is not None:
            messages.append((logging.WARNING, "%s: slug %r is taken by %s; using %r"
                             % (name, wanted, _display(rival), slug)))
        if slug != article.slug:
            article = dataclasses.replace(article, slug=slug)
        owners[slug] = seed
        skeletons[skeleton(slug)] = seed
        path = out / (slug + ".md")
        text, front = _generated(article, name, key, cache)
        if existing.get(path) != front[CHECKSUM_KEY]:  # same checksum, same text: left alone
            path.write_text(text, encoding="utf-8")  # written as it comes: no build holds every file
        written.add(path)
        if fronts is not None:
            fronts[path] = front
    for stale in sorted(set(out.glob("*.md")) - written):
        stale.unlink()
        messages.append((logging.INFO, "%s: removed, its seed is gone" % _display(stale)))
    cache.prune()
    return messages


#: what converting one seed gave: the article, or why not ((message, line, column), or an I/O error text)
Result = Article | tuple[str, int, int] | str
#: fewer conversions than this are not worth starting worker processes for
POOL_MIN = 24


def _generated(article: Article, name: str, key: str, cache: ConversionCache) -> tuple[str, dict[str, Any]]:
    """The file for `article` and its front matter: from the cache when this seed, converted and
    then dated and named the same way, was written out before."""
    if not key:
        return emit_with_front(article, name)
    wanted = file_key(key, article, name)
    found = cache.get_file(wanted)
    if found is None:
        found = emit_with_front(article, name)
        cache.put_file(wanted, *found)
    return found


def convert_all(seeds: list[Path], config: Config, cache: ConversionCache,
                workers: int) -> Iterator[tuple[str, Result]]:
    """(cache key, `Result`) per seed, in order, one at a time: a cached article is read back when its
    turn comes, the others are converted in `workers` processes meanwhile, at most `AHEAD` seeds
    ahead of the one whose turn it is, so a build never holds all its seeds or articles at once.
    The key is "" for a seed that could not be read."""
    plan: list[tuple[Path, str, bool] | str] = []
    for seed in seeds:
        try:
            key = cache_key(*read_raw(seed), config, seed.suffix.lower())
        except OSError as err:
            plan.append(str(err))
            continue
        plan.append((seed, key, cache.has(key)))
    todo = [(str(item[0]), config) for item in plan if not isinstance(item, str) and not item[2]]
    with _converted(todo, workers) as converted:
        for item in plan:
            if isinstance(item, str):
                yield "", item
                continue
            seed, key, cached = item
            article = cache.get(key) if cached else None
            if article is not None:
                yield key, article
                continue
            # the seed is read again to be converted: the key of what was read is the one that counts
            key, result = next(converted) if not cached else _convert_path((str(seed), config))
            if isinstance(result, Article):
                cache.put(key, result)
            yield key, result


#: how many seeds the workers convert ahead of the one whose turn it is, at most
AHEAD = 64
#: seeds one worker task converts (fewer round trips between the processes)
TASK_SEEDS = 8


@contextmanager
def _converted(jobs: list[tuple[str, Config]], workers: int) -> Iterator[Iterator[tuple[str, Result]]]:
    """The jobs' (key, result) in order, as they are needed: from a process pool when there are enough."""
    if workers < 2 or len(jobs) < POOL_MIN:
        yield (_convert_path(job) for job in jobs)
        return
    forks = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork") if forks else None
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
    try:
        yield _ahead(pool, jobs)
    finally:
        pool.shutdown(cancel_futures=True)


def _ahead(pool: ProcessPoolExecutor, jobs: list[tuple[str, Config]]) -> Iterator[tuple[str, Result]]:
    """`jobs` converted in tasks of `TASK_SEEDS`, no more than `AHEAD` seeds submitted beyond the
    one being yielded (`Executor.map` would submit them all, and hold every result it gets)."""
    tasks = iter([jobs[i:i + TASK_SEEDS] for i in range(0, len(jobs), TASK_SEEDS)])
    pending: deque[Future[list[tuple[str, Result]]]] = deque(
        pool.submit(_convert_task, task) for task in itertools.islice(tasks, AHEAD // TASK_SEEDS))
    while pending:
        done = pending.popleft().result()
        task = next(tasks, None)
        if task is not None:
            pending.append(pool.submit(_convert_task, task))
        yield from done


def _convert_task(jobs: list[tuple[str, Config]]) -> list[tuple[str, Result]]:
    return [_convert_path(job) for job in jobs]


def _convert_path(job: tuple[str, Config]) -> tuple[str, Result]:
    """Read and convert one seed (in a worker process, so only picklable values go in and out):
    its cache key and the article, or why not; the key is "" when the seed could not be read."""
    path, config = job
    seed = Path(path)
    try:
        data, side = read_raw(seed)
    except OSError as err:
        return "", str(err)
    key = cache_key(data, side, config, seed.suffix.lower())
    try:
        sidecar = load_sidecar(side.decode("utf-8")) if side is not None else Sidecar()
    except UnicodeDecodeError as err:
        return key, "%s: not valid UTF-8 (byte %d); re-save it as UTF-8" % (sidecar_path(seed), err.start)
    except SidecarError as err:
        return key, "%s: %s" % (sidecar_path(seed), err)
    try:
        article = convert_seed(data, seed.name, config, sidecar)
    except SeedError as err:
        return key, (err.message, err.line, err.column)
    # the per-line decisions are for `briefing explain`; a build holding thousands of them only
    # spends memory (and time pickling them between processes and into the cache)
    return key, dataclasses.replace(article, decisions=())


FALLBACK_SLUG = "briefing"
#: Cyrillic and Greek letters drawn like Latin ones (after Unicode TR39's confusables)
LOOKALIKES = str.maketrans(
    "аАвВсСеЕһНіІјЈкКмМоОрРѕЅтТхХуУԁԛԝαΑβΒεΕηΗιΙκΚμΜνΝοΟρΡτΤυΥχΧζΖ",
    "aAbBcCeEhHiIjJkKmMoOpPsStTxXyYdqwaAbBeEnHiIkKuMvNoOpPtTuYxXzZ",
)


def skeleton(slug: str) -> str:
    """What a slug looks like to a reader: "cafe" in Latin and in Cyrillic letters is the same."""
    return "".join(c for c in unidecode(slug.translate(LOOKALIKES)).casefold() if c.isalnum())


def free_slug(wanted: str, owners: dict[str, Path], skeletons: dict[str, Path]) -> tuple[str, Path | None]:
    """`wanted`, or `wanted-2`, `-3`... unlike every slug taken (`owners`), even in lookalike letters
    (`skeletons`: the `skeleton` of every slug taken)."""
    slug, n = wanted, 1
    while slug in owners or skeleton(slug) in skeletons:
        n += 1
        slug = "%s-%d" % (wanted, n)
    rival = owners.get(wanted) or skeletons.get(skeleton(wanted))
    return slug, rival


def _checked(result: Result, name: str, messages: list[Message]) -> Article | None:
    """The article, with its diagnostics logged; None (and why) when the seed is skipped."""
    if isinstance(result, tuple):
        message, line, column = result
        where = name + (":%d" % line if line else "") + (":%d" % column if column else "")
        messages.append((logging.ERROR, "%s: %s; skipped" % (where, message)))
        return None
    if isinstance(result, str):
        messages.append((logging.ERROR, "%s: %s; skipped" % (name, result)))
        return None
    messages.extend((logging.WARNING, d.format(name)) for d in result.diagnostics)
    if not result.blocks:
        messages.append((logging.WARNING, "%s: no article text found (empty, or all boilerplate); "
                         "skipped. `briefing explain %s` shows why" % (name, name)))
        return None
    return result


def _dated(article: Article, seed: Path, name: str, dates: dict[str, str],
           messages: list[Message]) -> Article:
    if not article.date:
        if seed.name in dates:
            article = dataclasses.replace(article, date=dates[seed.name], date_from="git")
        else:
            mtime = datetime.fromtimestamp(seed.stat().st_mtime, tz=UTC)
            article = dataclasses.replace(article, date=mtime.date().isoformat(), date_from="file time")
            messages.append((logging.WARNING, "%s: no date in the text, sidecar or git history; "
                             "using the file's modification time" % name))
    messages.append((logging.INFO, "%s: date %s from the %s" % (name, article.date, article.date_from)))
    return article


def _intact_files(out: Path) -> dict[Path, str]:
    """The checksum of every generated file in `out`; stops, before anything is written, if one
    no longer matches its checksum (edited by hand)."""
    found: dict[Path, str] = {}
    edited = []
    for path in sorted(out.glob("*.md")):
        carried = intact_checksum(path.read_text(encoding="utf-8"))
        if carried is None:
            edited.append(path)
        else:
            found[path] = carried
    if edited:
        raise GenerateError(
            "%s: generated file edited by hand; nothing was overwritten. Move the change into "
            "the seed's sidecar (seeds/<name>.yaml), then delete the file and build again"
            % ", ".join(_display(p) for p in edited))
    return found


def first_commit_dates(seeds: Path) -> dict[str, str]:
    """Seed file name -> date of the commit that added it (empty outside git)."""
    try:
        log = subprocess.run(
            ["git", "log", "--diff-filter=A", "--format=%x00%aI", "--name-only", "--", "."],
            cwd=seeds, capture_output=True, text=True, check=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, str] = {}
    for entry in log.split("\x00")[1:]:
        stamp, _, files = entry.partition("\n")
        for f in files.split():
            dates[os.path.basename(f)] = stamp.strip()[:10]
    return dates


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
