"""Invariants over every seed we have: shipped, scenarios, and (when present) the corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from briefing.config import Config
from briefing.emit import body_markdown, plain_text
from briefing.model import Article, Kind
from briefing.pipeline import convert
from briefing.render import render_briefing, sanitize
from briefing.rules import match_rule
from briefing.text import strip_marker, words
from bs4 import BeautifulSoup
from conftest import CORPUS, GOLDEN, SEEDS

WORD = re.compile(r"\w+")
OURS = sorted(SEEDS.glob("*.txt")) + sorted(GOLDEN.glob("*/seed.txt"))
CORPUS_PAGES = sorted((CORPUS / "txt").glob("*.txt")) + sorted((CORPUS / "txt_copy").glob("*.txt")) \
    if CORPUS.is_dir() else []


def rendered_words(article: Article) -> list[str]:
    pulls = [{"text": q.text, "speaker": q.speaker, "after_block": q.block} for q in article.pull_quotes]
    sections = [{"title": s.title, "anchor": s.anchor} for s in article.sections]
    html = render_briefing(body_markdown(article.blocks), sections, pulls)
    soup = BeautifulSoup(html, "html.parser")
    for hidden in soup.select("aside.pullquote, a.permalink"):
        hidden.decompose()
    return WORD.findall(soup.get_text(" "))


def check(path: Path) -> None:
    article = convert(path.read_bytes())
    assert article.title.strip(), "no title"
    config = Config()
    for block in article.blocks:
        for text in (block.text, *block.items):
            if text:
                rule = match_rule(text, words(text), config.rules, config.max_rule_words)
                assert rule is None, "boilerplate survived (%s): %r" % (rule and rule.name, text)
    anchors = [s.anchor for s in article.sections]
    assert len(anchors) == len(set(anchors)), "duplicate anchors"
    body_lines = [strip_marker(d.line.text)[1] if d.kind is Kind.LIST_ITEM else d.line.text
                  for d in article.decisions
                  if d.kind in (Kind.PARAGRAPH, Kind.HEADING, Kind.LIST_ITEM, Kind.CONTINUATION)]
    kept = [w for text in body_lines for w in WORD.findall(text)]
    assert WORD.findall(plain_text(article)) == kept, "body words changed between seed and output"
    assert rendered_words(article) == kept, "body words changed between seed and HTML"


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.parent.name if p.name == "seed.txt" else p.name)
def test_our_seeds(path: Path) -> None:
    check(path)


@pytest.mark.skipif(not CORPUS_PAGES, reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", CORPUS_PAGES, ids=lambda p: "%s/%s" % (p.parent.name, p.stem[:8]))
def test_corpus_pages(path: Path) -> None:
    check(path)


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.parent.name if p.name == "seed.txt" else p.name)
def test_the_sanitizer_changes_nothing_we_render(path: Path) -> None:
    article = convert(path.read_bytes())
    pulls = [{"text": q.text, "speaker": q.speaker, "after_block": q.block} for q in article.pull_quotes]
    sections = [{"title": s.title, "anchor": s.anchor} for s in article.sections]
    html = render_briefing(body_markdown(article.blocks), sections, pulls)
    assert sanitize(html) == html


def test_the_sanitizer_does_remove_what_we_never_write() -> None:
    assert sanitize('<p onclick="x()">a</p><script>alert(1)</script><a href="javascript:x">b</a>') == \
        "<p>a</p><a>b</a>"
