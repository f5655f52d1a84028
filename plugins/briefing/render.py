"""Markdown rendering for generated briefings (Python-Markdown, no Pelican).

Raw HTML is switched off (seed text is escaped already; this is a second
wall).  A tree processor gives each ``h2`` the anchor recorded in the front
matter plus a visible permalink, and inserts each pull quote after its block
as an ``aside`` that screen readers skip (its words are in the body already).
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from .quotes import pull_quote_text
from .slug import slugify, unique


class BriefingTree(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, sections: list[dict[str, str]], pulls: list[dict[str, Any]]) -> None:
        super().__init__(md)
        self.sections = sections
        self.pulls = pulls

    def run(self, root: ElementTree.Element) -> None:
        children = list(root)
        taken: set[str] = set()
        headings = [c for c in children if c.tag == "h2"]
        for n, h in enumerate(headings):
            text = "".join(h.itertext())
            anchor = self.sections[n]["anchor"] if n < len(self.sections) else slugify(text)
            anchor = unique(anchor or "section", taken)
            h.set("id", anchor)
            link = ElementTree.SubElement(h, "a", {"class": "permalink", "href": "#" + anchor,
                                             "aria-label": "Permalink to this section"})
            link.text = "#"
        for pull in sorted(self.pulls, key=lambda p: -int(p.get("after_block", -1))):
            index = int(pull.get("after_block", -1))
            if not 0 <= index < len(children):
                continue
            aside = ElementTree.Element("aside", {"class": "pullquote", "aria-hidden": "true"})
            quote = ElementTree.SubElement(aside, "p")
            quote.text = pull_quote_text(str(pull.get("text", "")))
            if pull.get("speaker"):
                who = ElementTree.SubElement(aside, "p", {"class": "speaker"})
                who.text = "\u2014 " + str(pull["speaker"])
            root.insert(list(root).index(children[index]) + 1, aside)


class BriefingExtension(Extension):  # type: ignore[misc]
    def __init__(self, sections: list[dict[str, str]], pulls: list[dict[str, Any]]) -> None:
        super().__init__()
        self.sections = sections
        self.pulls = pulls

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        for name in ("html_block",):
            md.preprocessors.deregister(name, strict=False)
        for name in ("html", "autolink", "automail"):
            md.inlinePatterns.deregister(name, strict=False)
        md.treeprocessors.register(BriefingTree(md, self.sections, self.pulls), "briefing", 5)
