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
                      "p": {"class"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto"})


def sanitize(html_text: str) -> str:
    """The rendered body through nh3 (Ammonia): on our own output this changes nothing (tested)."""
    return str(nh3.clean(html_text, tags=set(ALLOWED_TAGS), attributes=ALLOWED_ATTRIBUTES, link_rel=None,
                         url_schemes=set(ALLOWED_SCHEMES)))


def render_briefing(body: str, sections: list[dict[str, str]], pulls: list[dict[str, Any]]) -> str:
    """The HTML of a generated briefing body (see the module docstring)."""
    parts: list[str] = []
    taken: set[str] = set()
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
            parts.append(_list("ul", [line[2:] for line in lines]))
        elif all(NUMBERED.match(line) for line in lines):
            parts.append(_list("ol", [line.split(" ", 1)[1] for line in lines]))
        else:
            parts.append("<p>%s</p>" % _text(unescape(" ".join(lines))))
    for pull in sorted(pulls, key=lambda p: -int(p.get("after_block", -1))):
        index = int(pull.get("after_block", -1))
        if 0 <= index < len(parts):
            parts.insert(index + 1, _aside(pull))
    return "\n".join(parts)


def _text(text: str) -> str:
    return html.escape(text, quote=False)


def _list(tag: str, items: list[str]) -> str:
    inner = "\n".join("<li>%s</li>" % _text(unescape(item)) for item in items)
    return "<%s>\n%s\n</%s>" % (tag, inner, tag)


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
