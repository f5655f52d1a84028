"""Every internal link and #anchor resolves, in a local build and in a project-page build."""

from __future__ import annotations

from pathlib import Path

import pytest
from briefing.linkcheck import broken_links
from conftest import ROOT, SEEDS, build_site

SUBPATH_SITE = "https://user.github.io/repo"


def test_local_build_has_no_broken_links(nato_site: Path) -> None:
    assert broken_links(nato_site, "http://127.0.0.1:8000") == []


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("subpath")
    return build_site(tmp, SEEDS, SITEURL=SUBPATH_SITE, RELATIVE_URLS=False, FEED_DOMAIN=SUBPATH_SITE,
                      FEED_ALL_ATOM="feeds/all.atom.xml", FEED_ALL_RSS="feeds/all.rss.xml",
                      TAG_FEED_ATOM="feeds/tag/{slug}.atom.xml", TAG_FEED_RSS="feeds/tag/{slug}.rss.xml")


def test_project_page_build_has_no_broken_links(subpath_site: Path) -> None:
    assert broken_links(subpath_site, SUBPATH_SITE) == []


def test_project_page_feeds_sitemap_and_canonicals_live_under_the_subpath(subpath_site: Path) -> None:
    atom = (subpath_site / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert SUBPATH_SITE + "/nato-s-mark-rutte" in atom
    assert (subpath_site / "feeds" / "tag" / "nato.rss.xml").exists()
    sitemap = (subpath_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>%s/</loc>" % SUBPATH_SITE in sitemap
    robots = (subpath_site / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: %s/sitemap.xml" % SUBPATH_SITE in robots
    page = (subpath_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="%s/">' % SUBPATH_SITE in page


def test_publishconf_takes_the_site_url_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    from pelican.settings import read_settings

    monkeypatch.setenv("BRIEFING_SITEURL", "https://briefing.example.org/")
    monkeypatch.chdir(ROOT)
    settings = read_settings(str(ROOT / "publishconf.py"))
    assert settings["SITEURL"] == "https://briefing.example.org"
    assert settings["FEED_ALL_ATOM"] and not settings["RELATIVE_URLS"]
