"""Seeds folder -> generated Markdown folder (file access, no Pelican).

Only files whose text changed are rewritten, so an unchanged seed leaves its
Markdown (and its mtime) alone.  A generated file that someone edited by hand
stops the run before anything is written; a generated file whose seed is gone
is removed.  Returns log messages as (level, text) for the adapter to log.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from unidecode import unidecode

from .config import Config
from .decode import SeedError
from .emit import emit, is_hand_edited
from .model import Article
from .pipeline import convert
from .sidecar import SidecarError
from .source import BAD_NAME, SEED_SUFFIX, read_seed, readable_name, shown_name

Message = tuple[int, str]


class GenerateError(RuntimeError):
    pass


def generate_all(seeds: Path, out: Path, config: Config) -> list[Message]:
    messages: list[Message] = []
    dates = first_commit_dates(seeds)
    planned: dict[Path, str] = {}
    owners: dict[str, Path] = {}
    for seed in sorted(seeds.glob("*" + SEED_SUFFIX)):
        name = _display(seed)
        if readable_name(name) is None:
            messages.append((logging.ERROR, "%s: %s; skipped" % (shown_name(name), BAD_NAME)))
            continue
        if seed.is_symlink():
            messages.append((logging.WARNING, "%s: is a symbolic link; skipped" % name))
            continue
        article = _convert(seed, name, config, messages)
        if article is None:
            continue
        article = _dated(article, seed, name, dates, messages)
        wanted = article.slug or FALLBACK_SLUG
        if not article.slug:
            messages.append((logging.WARNING, "%s: the title has no letters or digits for a slug; using %r"
                             % (name, FALLBACK_SLUG)))
        slug, rival = free_slug(wanted, owners)
        if rival is not None:
            messages.append((logging.WARNING, "%s: slug %r is taken by %s; using %r"
                             % (name, wanted, _display(rival), slug)))
        if slug != article.slug:
            article = dataclasses.replace(article, slug=slug)
        owners[slug] = seed
        planned[out / (slug + ".md")] = emit(article, name)
    _refuse_hand_edits(out, planned)
    out.mkdir(parents=True, exist_ok=True)
    for path, text in planned.items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    for stale in sorted(set(out.glob("*.md")) - set(planned)):
        stale.unlink()
        messages.append((logging.INFO, "%s: removed, its seed is gone" % _display(stale)))
    return messages


FALLBACK_SLUG = "briefing"
#: Cyrillic and Greek letters drawn like Latin ones (after Unicode TR39's confusables)
LOOKALIKES = str.maketrans(
    "аАвВсСеЕһНіІјЈкКмМоОрРѕЅтТхХуУԁԛԝαΑβΒεΕηΗιΙκΚμΜνΝοΟρΡτΤυΥχΧζΖ",
    "aAbBcCeEhHiIjJkKmMoOpPsStTxXyYdqwaAbBeEnHiIkKuMvNoOpPtTuYxXzZ",
)


def skeleton(slug: str) -> str:
    """What a slug looks like to a reader: "cafe" in Latin and in Cyrillic letters is the same."""
    return "".join(c for c in unidecode(slug.translate(LOOKALIKES)).casefold() if c.isalnum())


def free_slug(wanted: str, owners: dict[str, Path]) -> tuple[str, Path | None]:
    """`wanted`, or `wanted-2`, `-3`... unlike every slug taken, even in lookalike letters."""
    skeletons = {skeleton(s): path for s, path in owners.items()}
    slug, n = wanted, 1
    while slug in owners or skeleton(slug) in skeletons:
        n += 1
        slug = "%s-%d" % (wanted, n)
    rival = owners.get(wanted) or skeletons.get(skeleton(wanted))
    return slug, rival


def _convert(seed: Path, name: str, config: Config, messages: list[Message]) -> Article | None:
    try:
        data, sidecar = read_seed(seed)
        article = convert(data, config, sidecar)
    except SeedError as err:
        where = name + (":%d" % err.line if err.line else "") + (":%d" % err.column if err.column else "")
        messages.append((logging.ERROR, "%s: %s; skipped" % (where, err.message)))
        return None
    except (SidecarError, OSError) as err:
        messages.append((logging.ERROR, "%s: %s; skipped" % (name, err)))
        return None
    messages.extend((logging.WARNING, d.format(name)) for d in article.diagnostics)
    if not article.blocks:
        messages.append((logging.WARNING, "%s: no article text found (empty, or all boilerplate); "
                         "skipped. `briefing explain %s` shows why" % (name, name)))
        return None
    return article


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


def _refuse_hand_edits(out: Path, planned: dict[Path, str]) -> None:
    edited = [p for p in sorted(out.glob("*.md")) if is_hand_edited(p.read_text(encoding="utf-8"))
              and planned.get(p) != p.read_text(encoding="utf-8")]
    if edited:
        raise GenerateError(
            "%s: generated file edited by hand; nothing was overwritten. Move the change into "
            "the seed's sidecar (seeds/<name>.yaml), then delete the file and build again"
            % ", ".join(_display(p) for p in edited))


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
