"""The Pelican adapter: the only module that imports Pelican.

On `initialized` every ``seeds/*.txt`` is converted into
``content/briefings/<slug>.md`` (Markdown with YAML front matter); the
`BriefingReader` reads those files back for Pelican, with raw HTML switched
off, heading anchors and permalinks from the front matter, and pull quotes
placed after their paragraph.  Settings (all optional):

    BRIEFING_SEEDS        the seed folder (default: "seeds" beside PATH)
    BRIEFING_CONTENT_DIR  the generated folder inside PATH (default: "briefings")
    BRIEFING_CACHE        the conversion cache folder (default: ".cache/briefing" beside
                          PATH; None: no cache)
    BRIEFING_WORKERS      processes converting changed seeds (default: the CPU count)
    BRIEFING_WRITERS      processes writing the pages of a large site (default: the CPU
                          count; see `parallel.py`)
    BRIEFING_SEARCH       build the Pagefind search index (default: True)
    BRIEFING              a dict of `config.Config` fields
"""

from __future__ import annotations

import functools
import html
import logging
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup
from pelican import signals
from pelican.contents import Content
from pelican.readers import BaseReader
from pelican.urlwrappers import Tag

from . import parallel
from .cache import ConversionCache
from .config import Config
from .emit import CHECKSUM_KEY, CHECKSUM_LINE, YAML_LOADER, is_hand_edited
from .generate import GenerateError, generate_all
from .related import related
from .render import glance_targets, render_briefing, render_page, sanitize

logger = logging.getLogger(__name__)

#: front-matter keys the reader accepts, and nothing else
FRONT_MATTER_KEYS = frozenset(
    "title date date_from slug summary caption author source source_url tags words "
    "reading_time sections pull_quotes figures quoted seed checksum".split()
)


#: front-matter keys that the reader renders (into the HTML, and the glance box's `glance`) and drops
RENDERED_KEYS = ("pull_quotes", "figures", "quoted")


#: front matter of the files this build generated, by real path, until the reader takes it
FRONTS: dict[str, dict[str, Any]] = {}


class BriefingError(RuntimeError):
    """Stops the build: something an editor must fix first."""


def seeds_dir(settings: dict[str, Any]) -> Path:
    default = Path(settings["PATH"]).parent / "seeds"
    return Path(str(settings.get("BRIEFING_SEEDS", default)))


def content_dir(settings: dict[str, Any]) -> Path:
    return Path(settings["PATH"]) / str(settings.get("BRIEFING_CONTENT_DIR", "briefings"))


def cache_dir(settings: dict[str, Any]) -> Path | None:
    default = Path(settings["PATH"]).parent / ".cache" / "briefing"
    value = settings.get("BRIEFING_CACHE", default)
    return None if value is None else Path(str(value))


def refuse_symlinks(folders: list[Path]) -> None:
    """Stop the build if content or theme folders hold a symbolic link: Pelican would follow it."""
    found = []
    for folder in folders:
        for path in folder.rglob("*") if folder.is_dir() else []:
            if path.is_symlink():
                found.append(str(path))
    if found:
        raise BriefingError("symbolic links are refused, never followed; remove: %s" % ", ".join(found))


def convert_seeds(pelican: Any) -> None:
    settings = pelican.settings
    refuse_symlinks([Path(settings["PATH"]), Path(settings["THEME"])])
    config = Config.from_mapping(dict(settings.get("BRIEFING", {})))
    try:
        cache = ConversionCache(cache_dir(settings))
        workers = int(settings.get("BRIEFING_WORKERS") or os.cpu_count() or 1)
        fronts: dict[Path, dict[str, Any]] = {}
        messages = generate_all(seeds_dir(settings), content_dir(settings), config, cache, workers, fronts)
    except GenerateError as err:
        raise BriefingError(str(err)) from err
    FRONTS.clear()
    FRONTS.update((os.path.realpath(path), front) for path, front in fronts.items())
    for level, message in messages:
        logger.log(level, "%s", message)
    logger.info("briefing: %d seed(s) from the conversion cache", cache.hits)


class BriefingReader(BaseReader):  # type: ignore[misc]
    """Reads generated briefings: YAML front matter (safe_load), then Markdown."""

    enabled = True
    file_extensions = ("md",)

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        text = Path(source_path).read_text(encoding="utf-8")
        meta, body = split_front_matter(text, source_path, FRONTS.pop(os.path.realpath(source_path), None))
        if "checksum" in meta and is_hand_edited(text):
            raise BriefingError(
                "%s was edited by hand; move the change into the seed's sidecar YAML "
                "and delete this file" % source_path
            )
        if "seed" in meta:
            figures, quoted = list(meta.get("figures") or []), list(meta.get("quoted") or [])
            anchors = {str(s.get("anchor", "")) for s in meta.get("sections") or []}
            targets, figure_ids, quote_ids = glance_targets(figures, quoted, anchors)
            meta["glance"] = {
                "figures": [{"text": str(f.get("text", "")), "href": "#" + i if i else ""}
                            for f, i in zip(figures, figure_ids, strict=True)],
                "quoted": [{"speaker": str(q.get("speaker", "")), "quotes": int(q.get("quotes", 0) or 0),
                            "first": str(q.get("first", "")), "href": "#" + i if i else ""}
                           for q, i in zip(quoted, quote_ids, strict=True)],
            }
            content = render_briefing(body, meta.get("sections", []), meta.get("pull_quotes", []), targets)
            for used_up in RENDERED_KEYS:  # Pelican would hold them for every article to the end
                meta.pop(used_up, None)
            clean = sanitize(content)
            if clean != content:
                logger.warning("%s: the sanitizer had to change the rendered HTML (please report)",
                               source_path)
                content = clean
        else:
            content = render_page(body)
        return content, self._metadata(meta)

    def _metadata(self, meta: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in meta.items():
            if key == "tags":
                out["tags"] = [Tag(str(t), self.settings) for t in value]
            elif key == "summary":
                out["summary"] = sanitize(html.escape(str(value), quote=False))  # the wall changes nothing
            elif key == "title":
                # Pelican treats titles as HTML (feeds strip tags from them): hand it escaped
                # text, which templates print as is and feeds turn back into the literal title
                out["title"] = Markup(html.escape(str(value)))
            elif key in ("date", "slug", "author"):
                out[key] = self.process_metadata(key, str(value))
            else:
                out[key] = value
        return out


def split_front_matter(text: str, source_path: str,
                       known: dict[str, Any] | None = None) -> tuple[dict[str, Any], str]:
    """(front matter, body) of a Markdown file.  `known` is the front matter this build wrote into
    it (`FRONTS`): used instead of parsing the YAML again when the file carries the same checksum
    (the reader then checks that checksum against the text, so an edited file never passes)."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.find("\n---\n", 4)
    if end < 0:
        raise BriefingError("%s:1: front matter has no closing ---" % source_path)
    line = CHECKSUM_LINE.search(text, 0, end + 1)
    if known is not None and line is not None and line.group(0).split()[1] == known.get(CHECKSUM_KEY):
        return dict(known), text[end + 5 :]
    meta = yaml.load(text[4:end], Loader=YAML_LOADER) or {}
    if not isinstance(meta, dict):
        raise BriefingError("%s:2: front matter must be a mapping" % source_path)
    unknown = sorted(str(k) for k in meta if k not in FRONT_MATTER_KEYS)
    if unknown:
        raise BriefingError("%s: unknown front-matter key(s): %s" % (source_path, ", ".join(unknown)))
    return meta, text[end + 5 :]


def index_for_search(pelican: Any) -> None:
    """Run Pagefind over the article pages (only article bodies carry data-pagefind-body)."""
    if not pelican.settings.get("BRIEFING_SEARCH", True):
        logger.info("briefing: search index not built (BRIEFING_SEARCH is off)")
        return
    output = str(pelican.settings["OUTPUT_PATH"])
    command = [sys.executable, "-m", "pagefind", "--site", output, "--glob", article_glob(pelican.settings)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)
    except (OSError, subprocess.SubprocessError) as err:
        logger.warning("briefing: search index not built: %s", err)
        return
    if done.returncode != 0:
        logger.warning("briefing: search index not built: pagefind said %s", done.stderr.strip()[-500:])


def article_glob(settings: dict[str, Any]) -> str:
    """The files articles are saved as, for Pagefind ("{slug}/index.html" -> "*/index.html"):
    it then skips parsing index, tag and archive pages, which it would not index anyway."""
    return re.sub(r"\{[^}]*\}", "*", str(settings.get("ARTICLE_SAVE_AS", "*.html")))


def contain_outputs(generator: Any) -> None:
    """Stop before anything is written if a page would land outside OUTPUT_PATH (real paths)."""
    root = Path(generator.settings["OUTPUT_PATH"]).resolve()
    items = [*getattr(generator, "articles", []), *getattr(generator, "pages", []),
             *getattr(generator, "hidden_pages", []), *getattr(generator, "drafts", [])]
    for item in items:
        target = (root / str(item.save_as)).resolve()
        if not target.is_relative_to(root):
            raise BriefingError("%s: would be written to %s, outside %s; refused"
                                % (item.source_path, target, root))


def link_briefings(generator: Any) -> None:
    """Give each article its `older`, `newer` (by the listing order) and `related` briefings."""
    articles = list(generator.articles)
    links = related([frozenset(str(t) for t in getattr(a, "tags", [])) for a in articles])
    for index, article in enumerate(articles):
        article.older = articles[index + 1] if index + 1 < len(articles) else None
        article.newer = articles[index - 1] if index > 0 else None
        article.related = [articles[j] for j in links[index]]


def pack_content(content: Any) -> None:
    """Hold a briefing's HTML compressed until a page asks for it (`content_object_init`).

    Pelican keeps every article for the whole build, and at a few thousand
    briefings their HTML is most of its memory (stored at two bytes a character
    once a page has one curly quote).  Pelican reads the HTML through the
    instance's `_get_content` when one is set; a briefing links no static file,
    so the emptied `_content` that Pelican scans for static links misses nothing.
    """
    if "seed" not in getattr(content, "metadata", {}) or not isinstance(content._content, str):
        return
    packed = zlib.compress(content._content.encode("utf-8"), 1)
    content._content = ""
    content._get_content = functools.partial(unpack, packed)


def unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


def forget_content(path: str, context: Any) -> None:
    """Drop the HTML Pelican memoizes for every page it has rendered (`content_written`): it is
    never needed again after the page is written, and a feed asks for it anew."""
    Content.get_content.cache.clear()


def add_reader(readers: Any) -> None:
    readers.reader_classes["md"] = BriefingReader


def register() -> None:
    signals.initialized.connect(convert_seeds)
    signals.readers_init.connect(add_reader)
    signals.all_generators_finalized.connect(parallel.remember_generators)
    signals.get_writer.connect(parallel.split_writing)
    signals.finalized.connect(parallel.join_writers)  # first: the other writers stop here
    signals.finalized.connect(index_for_search)
    signals.article_generator_finalized.connect(contain_outputs)
    signals.article_generator_finalized.connect(link_briefings)
    signals.page_generator_finalized.connect(contain_outputs)
    signals.content_object_init.connect(pack_content)
    signals.content_written.connect(forget_content)
