"""A site of several briefings: the lead, prev/next, related by shared topics, pagination."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import GOLDEN, NATO_SEED, build_site

SEEDS = {
    "nato": (NATO_SEED, "date: 2025-12-17\n"),
    "water": (GOLDEN / "straight-quotes" / "seed.txt", "date: 2025-12-10\ntags: [NATO, Water]\n"),
    "bank": (GOLDEN / "wordpress-share-bar" / "seed.txt", "date: 2025-12-01\ntags: [Economy]\n"),
}
NATO = "nato-s-mark-rutte-warns-europe-peace-in-ukraine-requires-strength-not-illusions/index.html"
WATER = "senate-panel-advances-water-bill-after-long-debate/index.html"
BANK = "central-bank-holds-rates-steady-amid-sticky-inflation/index.html"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("three")
    seeds = tmp / "seeds"
    seeds.mkdir()
    for name, (seed, sidecar) in SEEDS.items():
        shutil.copy(seed, seeds / (name + ".txt"))
        (seeds / (name + ".yaml")).write_text(sidecar, encoding="utf-8")
    return build_site(tmp / "build", seeds, DEFAULT_PAGINATION=2)


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def links(page: BeautifulSoup, selector: str) -> list[str]:
    return [a.get_text(" ", strip=True) for a in page.select(selector)]


def test_home_leads_with_the_newest_and_paginates(site: Path) -> None:
    home = soup(site, "index.html")
    assert home.select_one("article.lead h2").get_text().startswith("NATO’s Mark Rutte")
    assert len(home.select("article.card")) == 2
    assert links(home, "nav.pagination a") == ["Older briefings"]
    second = soup(site, "index2.html")
    assert [h.get_text() for h in second.select("article.card h2")] == [
        "Central Bank Holds Rates Steady Amid Sticky Inflation"]
    assert not second.select("article.lead")


def test_prev_and_next_follow_the_dates(site: Path) -> None:
    assert links(soup(site, NATO), "nav.prev-next a") == [
        "Older: Senate Panel Advances Water Bill After Long Debate"]
    assert links(soup(site, WATER), "nav.prev-next a") == [
        "Older: Central Bank Holds Rates Steady Amid Sticky Inflation",
        "Newer: NATO’s Mark Rutte Warns Europe: Peace in Ukraine Requires Strength, Not Illusions"]


def test_related_briefings_share_a_topic(site: Path) -> None:
    related = links(soup(site, NATO), "section.related a")
    assert related == ["Senate Panel Advances Water Bill After Long Debate"]
    assert soup(site, BANK).select("section.related") == []


def test_topic_page_lists_its_briefings(site: Path) -> None:
    page = soup(site, "tag/nato.html")
    assert page.find("h1").get_text() == "NATO"
    assert len(page.select("article.card")) == 2
