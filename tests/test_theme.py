"""What the theme promises, checked on the built HTML: CSP first, no inline code, sharing metadata."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup

ARTICLE = "nato-s-mark-rutte-warns-europe-peace-in-ukraine-requires-strength-not-illusions/index.html"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_starts_with_a_strict_csp_and_has_no_inline_code(nato_site: Path) -> None:
    pages = [p for p in nato_site.rglob("*.html") if "pagefind" not in p.parts]
    assert len(pages) >= 10
    for page in pages:
        soup = soup_of(page)
        first = soup.head.find(True)
        assert first.name == "meta" and first.get("http-equiv") == "Content-Security-Policy", page
        policy = first["content"]
        assert policy.startswith("default-src 'none';") and "unsafe-inline" not in policy, page
        assert not soup.find_all("style"), page
        assert not soup.find_all(style=True), page
        assert not [t for t in soup.find_all(True) if any(a.startswith("on") for a in t.attrs)], page
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/ld+json", (page, script)


def test_no_external_requests(nato_site: Path) -> None:
    for page in nato_site.rglob("*.html"):
        soup = soup_of(page)
        for tag in soup.find_all(["link", "script", "img"]):
            ref = tag.get("href") or tag.get("src") or ""
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not ref.startswith(("http:", "https:", "//")), (page, ref)


def test_article_sharing_metadata(nato_site: Path) -> None:
    soup = soup_of(nato_site / ARTICLE)
    meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.find_all("meta")}
    title = "NATO’s Mark Rutte Warns Europe: Peace in Ukraine Requires Strength, Not Illusions"
    assert meta["og:type"] == "article" and meta["og:title"] == title == meta["twitter:title"]
    assert meta["description"].startswith("The debate over peace in Ukraine")
    assert meta["article:published_time"].startswith("20")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "NewsArticle" and data["headline"] == title
    assert data["datePublished"] == meta["article:published_time"]
    assert data["publisher"]["name"] == "Briefing" and data["author"]["name"]
    assert data["description"] == meta["description"]


def test_home_leads_with_the_latest_briefing(nato_site: Path) -> None:
    lead = soup_of(nato_site / "index.html").find("article", class_="lead")
    assert lead.find("h2").get_text().startswith("NATO’s Mark Rutte")
    assert lead.find("p", class_="dek") and lead.find("p", class_="summary") and lead.find("time")
    assert "min read" in lead.find("p", class_="meta").get_text()
    assert [a.get_text() for a in lead.select("ul.tags a")][:3] == ["NATO", "Mark Rutte", "Ukraine"]
