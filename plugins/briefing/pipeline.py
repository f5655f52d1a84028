"""The whole conversion, one stage per line.

    convert(data) -> Article
      1. decode      bytes -> text (encodings, line ends, controls) decode.py
      2. split       text -> lines with their blank-line context    decode.py
      3. classify    each line -> a Decision (kind, reason)         classify.py, locate.py, rules.py
      4. assemble    kept lines -> body blocks, anchors             blocks.py
      5. enrich      title, dates, quotes, tags, summary            enrich.py
      6. override    the editor's sidecar YAML wins                 sidecar.py

`convert_seed` reads a saved web page (.html) too: `html.py` lays it out as
text lines (dropping what its structure marks as furniture) and its metadata
(JSON-LD, OpenGraph, canonical URL) fills what the sidecar leaves empty.

Every stage is pure; nothing here reads files or logs.  `emit.py` turns the
Article into Markdown with YAML front matter; `plugin.py` is the Pelican side.
"""

from __future__ import annotations

import dataclasses

from .blocks import assemble, mark_continuations
from .classify import classify
from .config import Config
from .decode import decode, split_lines, strip_controls
from .enrich import enrich
from .html import read_html
from .model import Article
from .sidecar import Sidecar, apply_sidecar


def convert(data: bytes, config: Config | None = None, sidecar: Sidecar | None = None,
            container: tuple[int, int] | None = None) -> Article:
    """Seed bytes (plus the optional sidecar) -> Article.  Raises `SeedError`.
    `container`: the line numbers of a saved page's article element (`html.SavedPage`)."""
    config = config or Config()
    sidecar = sidecar or Sidecar()
    text, cleaned = strip_controls(decode(data))
    lines = split_lines(text)
    decisions, _span = classify(lines, config, container)
    decisions = sidecar.force_lines(decisions)
    decisions = mark_continuations(decisions)
    blocks = assemble(decisions)
    article = enrich(decisions, blocks, config)
    if cleaned:
        article = dataclasses.replace(article, diagnostics=(*cleaned, *article.diagnostics))
    return apply_sidecar(article, sidecar, config)


#: file name endings read as saved web pages
HTML_SUFFIXES = (".html", ".htm")


def convert_seed(data: bytes, name: str, config: Config | None = None,
                 sidecar: Sidecar | None = None) -> Article:
    """A seed file -> Article: a saved page (`HTML_SUFFIXES`) is laid out as text first."""
    if not name.lower().endswith(HTML_SUFFIXES):
        return convert(data, config, sidecar)
    page = read_html(decode(data))
    return convert(page.text.encode("utf-8"), config, (sidecar or Sidecar()).under(page.meta), page.container)
