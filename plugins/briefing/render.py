"""HTML for generated briefings, and for the pages an editor writes by hand.

A generated briefing is Markdown in the small subset `emit.py` writes:
paragraphs, ``## `` headings, ``- `` and ``1. `` lists, every other character
escaped.  `render_briefing` reads exactly that subset back, in one linear
pass: no seed text can reach a Markdown parser whose running time it could
blow up (Python-Markdown needs minutes for 200 KB of escaped brackets), and
nothing but the elements listed here can come out.  Each ``h2`` gets the
anchor recorded in the front matter and a visible permalink; each pull quote
is an ``aside`` after its block that screen readers skip (its words are in the
body already).

Hand-written pages (``content/pages``) go through Python-Markdown with raw
HTML switched off.
"""

from __future__ import annotations

import html
import re
from typing import Any

import nh3
from markdown import Markdown
from markdown.extensions import Extension

from .emit import unescape
from .quotes import pull_quote_text
from .slug import slugify, unique

NUMBERED = re.compile(r"\d+\. ")
#: everything a generated briefing body may contain; the sanitizer's allow-list (second wall)
ALLOWED_TAGS = frozenset({"p", "h2", "a", "ul", "ol", "li", "aside"})
ALLOWED_ATTRIBUTES = {"a": {"href", "class", "aria-label"}, "h2": {"id"}, "aside": {"class", "aria-hidden"},
                      "p": {"class", "id"}, "ul": {"id"}, "ol": {"id"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitize(html_text: str) -> str:
    """The rendered body through nh3 (Ammonia): on our own output this changes nothing (tested)."""
    return str(nh3.clean(html_text, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES, link_rel=None,
                         url_schemes=set(ALLOWED_SCHEMES)))


def glance_targets(figures: list[dict[str, Any]], quoted: list[dict[str, Any]],
                   taken: set[str]) -> tuple[dict[int, str], list[str], list[str]]:
    """Ids for the blocks the at-a-glance box links to: (block -> id, one id per figure, per speaker).

    A figure links to "figure-N", a speaker's first quote to "quote-<name>"; a block
    that two of them point at keeps the first id.  "" where the block is unknown.
    """
    ids: dict[int, str] = {}

    def target(block: Any, wanted: str) -> str:
        index = int(block) if isinstance(block, int) or str(block).lstrip("-").isdigit() else -1
        if index < 0:
            return ""
        if index not in ids:
            ids[index] = unique(wanted, taken)
        return ids[index]

    figure_ids = [target(f.get("block", -1), "figure-%d" % n) for n, f in enumerate(figures, 1)]
    quote_ids = [target(q.get("block", -1), "quote-" + (slugify(str(q.get("speaker", ""))) or "speaker"))
                 for q in quoted]
    return ids, figure_ids, quote_ids


def render_briefing(body: str, sections: list[dict[str, str]], pulls: list[dict[str, Any]],
                    targets: dict[int, str] | None = None) -> str:
    """The HTML of a generated briefing body (see the module docstring); `targets` gives blocks ids."""
    targets = targets or {}
    parts: list[str] = []
    taken: set[str] = set(targets.values())
    headings = 0
    for block in (b for b in body.split("\n\n") if b.strip()):
        lines = block.strip("\n").split("\n")
        if block.startswith("## "):
            text = unescape(" ".join(lines)[3:])
            recorded = sections[headings]["anchor"] if headings < len(sections) else ""
            headings += 1
            anchor = html.escape(unique(slugify(recorded) or slugify(text) or "section", taken))
            parts.append('<h2 id="%s">%s<a class="permalink" href="#%s" aria-label="Permalink to this '
                         'section">#</a></h2>' % (anchor, _text(text), anchor))
        elif all(line.startswith("- ") for line in lines):
            parts.append(_list("ul", [line[2:] for line in lines], _id(targets.get(len(parts)))))
        elif all(NUMBERED.match(line) for line in lines):
            parts.append(_list("ol", [line.split(" ", 1)[1] for line in lines], _id(targets.get(len(parts)))))
        else:
            parts.append("<p%s>%s</p>" % (_id(targets.get(len(parts))), _text(unescape(" ".join(lines)))))
    for pull in sorted(pulls, key=lambda p: -int(p.get("after_block", -1))):
        index = int(pull.get("after_block", -1))
        if 0 <= index < len(parts):
            parts.insert(index + 1, _aside(pull))
    return "\n".join(parts)


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _id(anchor: str | None) -> str:
    return ' id="%s"' % html.escape(anchor) if anchor else ""


def _list(tag: str, items: list[str], attributes: str = "") -> str:
    inner = "\n".join("<li>%s</li>" % _text(unescape(item)) for item in items)
    return "<%s%s>\n%s\n</%s>" % (tag, attributes, inner, tag)


def _aside(pull: dict[str, Any]) -> str:
    quote = '<p>%s</p>' % _text(pull_quote_text(str(pull.get("text", ""))))
    speaker = pull.get("speaker")
    who = '<p class="speaker">\u2014 %s</p>' % _text(str(speaker)) if speaker else ""
    return '<aside class="pullquote" aria-hidden="true">%s%s</aside>' % (quote, who)


class NoRawHtml(Extension):  # type: ignore[misc]
    """Python-Markdown with raw HTML, autolinks and automatic mail links switched off."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.preprocessors.deregister("html_block", strict=False)
        for name in ("html", "autolink", "automail"):
            md.inlinePatterns.deregister(name, strict=False)


def render_page(text: str) -> str:
    """The HTML of a hand-written page."""
    return str(Markdown(extensions=[NoRawHtml()], output_format="html").convert(text))
