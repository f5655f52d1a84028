"""Saved web pages as seeds: the article and its metadata, nothing of the page's machinery."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from briefing.emit import emit, plain_text
from briefing.html import read_html
from briefing.pipeline import convert_seed
from briefing.sidecar import load_sidecar
from bs4 import BeautifulSoup
from conftest import GOLDEN, build_site

PAGE = GOLDEN / "saved-page-html" / "seed.html"
#: text the page holds in scripts, styles, forms, iframes, comments, hidden and furniture elements
NEVER = ("TRACKER-SCRIPT-TEXT", "HIDDEN-COMMENT-TEXT", "NEWSLETTER-FORM-TEXT", "IFRAME-FALLBACK-TEXT",
         "NOSCRIPT-TEXT", "HIDDEN-STYLE-TEXT", "position: fixed", "We use cookies", "Accept all",
         "Great article", "Gas storage hits record", "All rights reserved", "Privacy Policy", "Markets")
BRIEFING = str(Path(sys.executable).parent / "briefing")


def test_scripts_styles_forms_iframes_comments_and_furniture_never_reach_the_output() -> None:
    text, _ = read_html(PAGE.read_text(encoding="utf-8"))
    for marker in NEVER[:6]:
        assert marker not in text, marker  # gone before the text stages even run
    article = convert_seed(PAGE.read_bytes(), PAGE.name)
    out = emit(article, "seeds/page.html") + plain_text(article)
    for marker in NEVER:
        assert marker not in out, marker
    assert "Every megawatt of flexible demand" in out  # a quote set as <blockquote> is article text


def test_the_page_metadata_fills_the_front_matter() -> None:
    article = convert_seed(PAGE.read_bytes(), PAGE.name)
    assert article.title == "Grid Operators Warn of Tight Winter Supply"
    assert (article.date, article.date_from) == ("2025-11-03", "page metadata")
    assert article.author == "Lena Okafor"
    assert article.source == "Energy Desk Daily"
    assert article.source_url == "https://energydesk.example.com/2025/11/grid-winter-supply"
    assert article.caption == "Transmission lines outside Rotterdam in October."
    assert [s.title for s in article.sections] == ["Which countries are most exposed?",
                                                   "What governments can do"]


def test_the_sidecar_wins_over_the_page() -> None:
    sidecar = load_sidecar("title: Winter Grid Outlook\ndate: 2025-11-04\nsource: Desk\n")
    article = convert_seed(PAGE.read_bytes(), PAGE.name, sidecar=sidecar)
    assert (article.title, article.date, article.date_from, article.source) == (
        "Winter Grid Outlook", "2025-11-04", "sidecar", "Desk")
    assert article.source_url == "https://energydesk.example.com/2025/11/grid-winter-supply"


def test_without_json_ld_the_headline_is_the_h1_that_agrees_with_og_title() -> None:
    page = ("<html><head><title>Rates Held | The Ledger</title>"
            "<meta property='og:title' content='Central bank holds rates | The Ledger'>"
            "<meta property='og:site_name' content='The Ledger'>"
            "<link rel='canonical' href='javascript:alert(1)'></head><body>"
            "<div class='logo'><h1>The Ledger</h1></div><h1>Central bank holds rates steady</h1>"
            "<p>The central bank kept its main rate unchanged on Thursday, saying inflation was easing "
            "more slowly than it had expected and that it would wait for more data before cutting.</p>"
            "</body></html>")
    _, meta = read_html(page)
    assert meta.title == "Central bank holds rates steady"
    assert meta.source_url == ""  # only http(s) becomes a link
    _, meta = read_html(page.replace("<h1>Central bank holds rates steady</h1>", ""))
    assert meta.title == "Central bank holds rates"  # og:title without the site's name


def test_an_html_seed_builds_into_a_page(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(PAGE, seeds / "grid-winter.html")
    site = build_site(tmp_path / "build", seeds)
    page = site / "grid-operators-warn-of-tight-winter-supply" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.h1 is not None
    assert soup.h1.get_text(strip=True) == "Grid Operators Warn of Tight Winter Supply"
    body = soup.select_one(".briefing-body") or soup
    assert "text such as <script>alert(1)</script> or *stars* in a statement" in body.get_text()
    assert soup.find("a", href="https://energydesk.example.com/2025/11/grid-winter-supply") is not None
    everything = "".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html"))
    for marker in NEVER:
        assert marker not in everything, marker


def test_briefing_clean_and_add_accept_a_saved_page(tmp_path: Path) -> None:
    done = subprocess.run([BRIEFING, "clean", str(PAGE)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("European grid operators warned on Monday")
    seeds = tmp_path / "seeds"
    done = subprocess.run([BRIEFING, "add", str(PAGE), "--seeds", str(seeds)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert [p.name for p in seeds.iterdir()] == ["grid-operators-warn-of-tight-winter-supply.html"]
