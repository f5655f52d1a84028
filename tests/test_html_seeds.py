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
    text = read_html(PAGE.read_text(encoding="utf-8")).text
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
    meta = read_html(page).meta
    assert meta.title == "Central bank holds rates steady"
    assert meta.source_url == ""  # only http(s) becomes a link
    meta = read_html(page.replace("<h1>Central bank holds rates steady</h1>", "")).meta
    assert meta.title == "Central bank holds rates"  # og:title without the site's name


CLOSING = ("<p>Prices were checked at nine this morning and may have changed since; we update this "
           "post through the week as retailers announce more of their Black Friday offers.</p>")


def deals_page(after_the_boxes: str) -> bytes:
    """A deals post: two paragraphs of prose, then product boxes in the same article element."""
    prose = ("<p>Black Friday is still a week away, but several retailers have already cut prices on "
             "headphones, watches and tablets, and some of these early deals are the lowest we have seen.</p>"
             "<p>We went through hundreds of listings this morning and picked the offers below, each of "
             "them checked against its price history over the last six months.</p>")
    boxes = "".join(
        f"<h2>{name}</h2><ul><li>Up to {hours} hours of battery life on one charge</li>"
        f"<li>Fast charging gives an hour of playback in five minutes</li></ul>"
        f"<div class='product-callout'>{name} - Black<br>${price}<br>Available from the store<br>"
        "Buy Now</div>"
        for name, hours, price in (("Studio Headphones", 40, "164.99"), ("Sport Earbuds", 12, "119.00"),
                                   ("Travel Speaker", 20, "89.00")))
    return ("<html><head><title>Early headphone deals</title></head><body><nav>Home Deals Tech</nav>"
            "<h1>Early headphone deals</h1><div class='entry-content'>" + prose + boxes + after_the_boxes
            + "</div><footer>Copyright 2025</footer></body></html>").encode()


def test_the_body_runs_on_through_the_article_element_past_its_last_paragraph() -> None:
    article = convert_seed(deals_page(CLOSING), "deals.html")
    text = plain_text(article)
    for kept in ("Studio Headphones", "Up to 12 hours of battery life", "Travel Speaker - Black", "$89.00",
                 "Prices were checked"):
        assert kept in text, kept
    assert "Copyright" not in text
    assert [s.title for s in article.sections] == ["Studio Headphones", "Sport Earbuds", "Travel Speaker"]


def test_a_zone_with_paragraphs_of_its_own_inside_the_article_element_is_not_the_body() -> None:
    zone = ("<div class='zone-after'><h3>Since 1994</h3><h3>A word to our readers</h3>"
            "<p>Support our reviews desk and make a difference for readers "
            "everywhere, because independent testing costs money and time.</p>"
            "<p>Most of our assignments begin when readers ask us about a product they saw.</p></div>")
    text = plain_text(convert_seed(deals_page(zone), "deals.html"))
    assert "Up to 20 hours of battery life" in text  # the last box's list; the short lines after it trail
    assert "Support our reviews desk" not in text and "Most of our assignments" not in text


def test_an_ender_inside_the_article_element_still_ends_the_body() -> None:
    tail = "<p>Tags: deals, headphones</p><h3>Popular posts</h3><p>Ten kitchen gadgets under $20</p>"
    text = plain_text(convert_seed(deals_page(tail), "deals.html"))
    assert "Up to 20 hours of battery life" in text
    assert "kitchen gadgets" not in text


def test_a_button_that_is_a_link_to_nowhere_is_no_text_and_ends_nothing() -> None:
    button = "<div class='comments-launch'><a href='#' data-target='comments-flyout'>Comments</a></div>"
    last = ("<p>The regulator said it would publish its decision in March, after a consultation that "
            "drew more than <a href='#'>four thousand replies</a> from households and businesses.</p>")
    text = plain_text(convert_seed(deals_page(CLOSING + button + last), "deals.html"))
    assert "Comments" not in text
    assert "drew more than four thousand replies from households" in text  # a link inside prose is text


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
