"""Seed text is untrusted: whatever it holds shows as text, never as structure."""

from __future__ import annotations

import copy
import dataclasses
import html
import json
import os
import random
from pathlib import Path

import pytest
import yaml
from briefing.emit import body_markdown, emit, emit_with_front, escape
from briefing.pipeline import convert, convert_seed
from briefing.plugin import FRONTS, BriefingError, BriefingReader, split_front_matter
from briefing.render import render_briefing
from bs4 import BeautifulSoup
from conftest import GOLDEN, build_site
from markdown import Markdown
from pelican.settings import DEFAULT_CONFIG

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    "<iframe src=//evil.example></iframe>",
    "<style>body{display:none}</style>",
    "[click me](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x](&#106;avascript:alert(1))",
    "![img](data:text/html;base64,PHNjcmlwdD4=)",
    "# not a heading",
    "## not a heading either",
    "* not a list",
    "- not a list",
    "+ not a list",
    "1. not a list",
    "2) not a list",
    "> not a quote",
    "`code` and ``more code``",
    "```python",
    "~~~",
    "| a | b |",
    "===",
    "---",
    "***",
    "{: onclick=\"alert(1)\" }",
    "[^1]: a footnote definition",
    "*[HTML]: an abbreviation",
    "Term",
    ": a definition",
    "[TOC]",
    "&amp; &lt;script&gt; &#60; &copy;",
    "{{ 7*7 }} and {% include 'x' %}",
    "Update: talks resumed",
    "back\\slash \\*escaped\\* _under_ **bold**",
    "<http://example.com> and <mail@example.com>",
    "a  line with two trailing spaces  ",
]


def render(markdown_source: str) -> str:
    return render_briefing(markdown_source, [], [])


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_is_also_literal_markdown(text: str) -> None:
    """Any Markdown tool (an editor's preview) shows the generated file as the seed text."""
    html = Markdown().convert(escape(text.strip()))
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p"], html
    assert soup.get_text() == text.strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_exactly_as_typed(text: str) -> None:
    html = render(escape(text.strip()))
    soup = BeautifulSoup(html, "html.parser")
    assert [t.name for t in soup.find_all(True)] == ["p"], html
    assert soup.get_text() == text.strip()


def test_random_punctuation_soup_renders_as_typed() -> None:
    rng = random.Random(20261128)
    alphabet = "<>&*_`#[](){}!:|\\-+=.~'\"/;@ x1"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))).strip()
        if not text:
            continue
        soup = BeautifulSoup(render(escape(text)), "html.parser")
        assert [t.name for t in soup.find_all(True)] == ["p"], text
        assert soup.get_text() == text, text


SEED = (
    "A Title With \"Quotes\" & <b>Tags</b>\n\n"
    + "\n\n".join(
        "%s is how paragraph %d of the hostile briefing begins, and then it carries on with "
        "ordinary words until the end.\n\nAn ordinary paragraph follows it, so that no two "
        "payloads ever stand next to each other in the seed." % (text.strip(), n)
        for n, text in enumerate(HOSTILE)
    )
    + "\n"
)


YAML_HOSTILE = [
    "title: x\nsave_as: ../../evil.html", "no", "yes", "~", "null", "!!python/object:os.system",
    "---", "...", "2024-01-01", "12:30", "1e3", "0x1F", "'", '"', "&anchor", "*alias", "@at",
    "%percent", "- item", "? key", "| block", "> folded", "# comment", "{a: 1}", "[1, 2]",
]


@pytest.mark.parametrize("value", YAML_HOSTILE)
def test_front_matter_round_trips_hostile_values(value: str) -> None:
    seed = b"Title\n\nThis first paragraph is long enough to be prose, and it ends with a full stop.\n"
    article = dataclasses.replace(convert(seed), title=value, summary=value, caption=value, author=value)
    meta, _ = split_front_matter(emit(article, "seeds/x.txt"), "x.md")
    for key in ("title", "summary", "caption", "author"):
        assert meta[key] == value, key
    assert "save_as" not in meta


def test_the_front_matter_handed_to_the_reader_is_what_parsing_the_file_gives() -> None:
    """The build skips parsing its own files' YAML (`emit_with_front`, `plugin.FRONTS`): that is
    only right if the handed-over front matter equals the parsed one, for every kind of value."""
    articles = [convert_seed(p.read_bytes(), p.name) for p in sorted(GOLDEN.glob("*/seed.*"))]
    articles.append(convert(SEED.encode()))
    base = convert(b"Title\n\nThis first paragraph is long enough to be prose; it ends with a full stop.\n")
    articles += [dataclasses.replace(base, title=v, summary=v, caption=v, author=v, tags=(v,))
                 for v in [*YAML_HOSTILE, *HOSTILE]]
    for article in articles:
        text, front = emit_with_front(article, "seeds/x.txt")
        parsed, body = split_front_matter(text, "x.md")
        assert parsed == front
        assert split_front_matter(text, "x.md", front) == (parsed, body)


def test_the_reader_does_not_parse_the_yaml_the_build_just_wrote(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    text, front = emit_with_front(convert(SEED.encode()), "seeds/x.txt")
    path = tmp_path / "x.md"
    path.write_text(text, encoding="utf-8")
    FRONTS[os.path.realpath(path)] = front
    monkeypatch.setattr(yaml, "load", lambda *a, **k: pytest.fail("parsed the YAML again"))
    _, meta = BriefingReader(copy.deepcopy(DEFAULT_CONFIG)).read(str(path))
    assert str(meta["title"]) == html.escape(front["title"])
    assert os.path.realpath(path) not in FRONTS  # taken once


def test_a_file_edited_after_the_build_wrote_it_still_stops_the_build(tmp_path: Path) -> None:
    text, front = emit_with_front(convert(SEED.encode()), "seeds/x.txt")
    path = tmp_path / "x.md"
    path.write_text(text.replace("title: ", "title: Edited ", 1), encoding="utf-8")
    FRONTS[os.path.realpath(path)] = front  # as the build handed it over
    with pytest.raises(BriefingError, match="edited by hand"):
        BriefingReader(copy.deepcopy(DEFAULT_CONFIG)).read(str(path))
    stale = dict(front, checksum="0" * 64)  # a hand-over for other text is ignored: the file is parsed
    assert split_front_matter(text, "x.md", stale)[0] == front


def test_hostile_seed_builds_to_a_page_without_injected_markup(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(SEED, encoding="utf-8")
    site = build_site(tmp_path / "build", seeds)
    page = site / "a-title-with-quotes-b-tags-b" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    body = soup.find("div", class_="body")
    assert {t.name for t in body.find_all(True)} <= {"p", "aside"}
    assert not soup.find_all(["iframe", "style", "svg", "img"])
    scripts = soup.find_all("script")
    assert [s.get("src") or s.get("type") for s in scripts] == ["application/ld+json", "../theme/js/theme.js"]
    data = json.loads(scripts[0].string)
    assert data["headline"] == 'A Title With "Quotes" & <b>Tags</b>'
    assert "</" not in scripts[0].string  # the JSON cannot close its script element
    assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)]
    text = body.get_text()
    for payload in HOSTILE:
        assert " ".join(payload.split()) in text, payload  # runs of spaces are one space in HTML
    assert soup.find("h1").get_text() == 'A Title With "Quotes" & <b>Tags</b>'
    assert soup.title.get_text().startswith('A Title With "Quotes" & <b>Tags</b>')


def test_hostile_title_is_literal_in_feeds(tmp_path: Path) -> None:
    from xml.etree import ElementTree

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "hostile.txt").write_text(SEED, encoding="utf-8")
    site = build_site(tmp_path / "build", seeds, SITEURL="https://x.example", RELATIVE_URLS=False,
                      FEED_DOMAIN="https://x.example", FEED_ALL_ATOM="feeds/all.atom.xml",
                      FEED_ALL_RSS="feeds/all.rss.xml")
    ns = {"a": "http://www.w3.org/2005/Atom"}
    atom = ElementTree.parse(site / "feeds" / "all.atom.xml").getroot()
    [entry] = atom.findall("a:entry", ns)
    assert entry.findtext("a:title", namespaces=ns) == 'A Title With "Quotes" & <b>Tags</b>'
    summary = entry.findtext("a:summary", namespaces=ns) or ""
    assert "<script>" not in summary  # the summary is HTML in feeds: seed text stays escaped in it
    rss = ElementTree.parse(site / "feeds" / "all.rss.xml").getroot()
    assert rss.findtext("channel/item/title") == 'A Title With "Quotes" & <b>Tags</b>'


def test_the_sanitizer_changes_nothing_on_the_hostile_seed() -> None:
    from briefing.render import sanitize

    article = convert(SEED.encode())
    html = render_briefing(body_markdown(article.blocks), [], [])
    assert sanitize(html) == html


@pytest.mark.parametrize("title", ["../../etc/passwd", "/abs/path", "..\\windows", "%2e%2e%2fx", "a/../b",
                                   "output-sibling/../x", "./.hidden", "\u202e.txt"])
def test_slugs_can_never_be_paths(title: str) -> None:
    from briefing.slug import slugify

    slug = slugify(title)
    assert not set(slug) & set("/\\.%\u202e") and not slug.startswith("-"), slug


@pytest.mark.parametrize("text", HOSTILE)
def test_the_sanitizer_changes_no_summary(text: str) -> None:
    import html as html_module

    from briefing.render import sanitize

    escaped = html_module.escape(text, quote=False)  # as the reader hands summaries to Pelican
    assert sanitize(escaped) == escaped


def test_a_title_that_tries_to_close_elements_stays_literal_everywhere(tmp_path: Path) -> None:
    from xml.etree import ElementTree

    title = 'x &quot; </title><script>alert(1)</script> "q" \'s'
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "t.txt").write_text("Plain Title\n\nA paragraph long enough to be prose, and it ends well.\n",
                                 encoding="utf-8")
    (seeds / "t.yaml").write_text("title: %s\n" % json.dumps(title), encoding="utf-8")
    site = build_site(tmp_path / "build", seeds, SITEURL="https://x.example", RELATIVE_URLS=False,
                      FEED_DOMAIN="https://x.example", FEED_ALL_ATOM="feeds/all.atom.xml")
    page = next(p for p in site.glob("*/index.html") if p.parent.name.startswith("x-quot"))
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.title.get_text().startswith(title)
    assert soup.find("h1").get_text() == title
    assert soup.find("meta", property="og:title")["content"] == title
    assert json.loads(soup.find("script", type="application/ld+json").string)["headline"] == title
    assert len(soup.find_all("script")) == 2  # the JSON-LD block and the theme's own script
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entry = ElementTree.parse(site / "feeds" / "all.atom.xml").getroot().find("a:entry", ns)
    assert entry is not None and entry.findtext("a:title", namespaces=ns) == title
