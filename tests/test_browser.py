"""The built site in real headless Chromium (Debian's `chromium`, driven by Playwright).

Without a browser these tests skip, except under CI=true, where they fail.
Screenshots land in tests/artifacts/ (ignored by git) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from briefing.serve import serving
from conftest import ROOT

CHROMIUM = (os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
            or shutil.which("google-chrome"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = ROOT / "tests" / "artifacts"
ARTICLE = "nato-s-mark-rutte-warns-europe-peace-in-ukraine-requires-strength-not-illusions/"
PAGES = {"home": "", "article": ARTICLE, "tag": "tag/nato.html", "archive": "archives.html",
         "about": "about/", "search": "search.html", "404": "404.html"}
VIEWS = [(390, "light"), (390, "dark"), (1280, "light"), (1280, "dark")]

if CHROMIUM is None and os.environ.get("CI") == "true":
    pytest.fail("CI=true but no chromium on PATH: install Debian's chromium", pytrace=False)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH")


@pytest.fixture(scope="module")
def server(nato_site: Path) -> Iterator[str]:
    with serving(nato_site) as base:
        yield base + "/"


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.mark.parametrize("width, scheme", VIEWS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_passes_axe_without_csp_errors_or_sideways_scroll(
        server: str, browser: object, name: str, width: int, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": width, "height": 900}, color_scheme=scheme)  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("dialog", lambda d: problems.append("dialog: " + d.message))
    page.goto(server + PAGES[name])
    page.wait_for_load_state("networkidle")
    results = Axe().run(page)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == [], violations
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert problems == [], problems
    ARTIFACTS.mkdir(exist_ok=True)
    if name in ("home", "article"):
        page.screenshot(path=str(ARTIFACTS / ("%s-%d-%s.png" % (name, width, scheme))), full_page=True)
    page.close()


def test_theme_toggle_is_remembered(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="light")  # type: ignore[attr-defined]
    page.goto(server + ARTICLE)
    toggle = page.locator("#theme-toggle")
    assert toggle.inner_text() == "Dark mode"
    toggle.click()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    page.reload()
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    assert page.locator("#theme-toggle").inner_text() == "Light mode"
    page.close()


def test_table_of_contents_links_land_on_their_sections(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page.goto(server + ARTICLE)
    links = page.locator("nav[aria-label='In this briefing'] a")
    assert links.count() == 8
    links.nth(4).click()
    assert page.evaluate("location.hash") == "#defense-spending-deterrence-or-destiny"
    top = page.evaluate("document.getElementById(location.hash.slice(1)).getBoundingClientRect().top")
    assert 0 <= top < 200
    page.close()


def test_print_hides_navigation_and_pull_quotes(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(server + ARTICLE)
    page.emulate_media(media="print")
    for selector in ("header.site", ".toc", ".pullquote", ".permalink"):
        assert page.locator(selector).first.is_hidden(), selector
    page.close()


def test_search_finds_the_briefing(server: str, browser: object) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.goto(server + "search.html")
    page.locator("#search input").fill("Rutte")
    result = page.locator(".pagefind-ui__result-link").first
    result.wait_for(timeout=10_000)
    assert result.inner_text().startswith("NATO’s Mark Rutte Warns Europe")
    assert result.get_attribute("href").endswith(ARTICLE)  # type: ignore[union-attr]
    assert problems == [], problems
    page.close()


def test_search_works_under_a_project_page_subpath(tmp_path: Path, browser: object) -> None:
    from conftest import SEEDS, build_site

    root = tmp_path / "www"
    root.mkdir()
    with serving(root) as base:
        site_url = base + "/repo"
        built = build_site(tmp_path / "build", SEEDS, SITEURL=site_url, RELATIVE_URLS=False)
        shutil.copytree(built, root / "repo")
        page = browser.new_page()  # type: ignore[attr-defined]
        page.goto(site_url + "/search.html")
        page.locator("#search input").fill("Rutte")
        result = page.locator(".pagefind-ui__result-link").first
        result.wait_for(timeout=10_000)
        assert result.get_attribute("href").startswith("/repo/nato-s-mark-rutte")  # type: ignore[union-attr]
        page.close()


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_sideways_scroll_at_320_px(server: str, browser: object, name: str) -> None:
    page = browser.new_page(viewport={"width": 320, "height": 640})  # type: ignore[attr-defined]
    page.goto(server + PAGES[name])
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.close()


def test_hostile_seed_runs_no_script_in_the_browser(tmp_path: Path, browser: object) -> None:
    from conftest import build_site
    from test_literal import SEED

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    payload = '<img src=x onerror="window.pwned=1;alert(1)"><script>window.pwned=2;alert(2)</script>'
    (seeds / "hostile.txt").write_text(SEED.replace("<script>alert(1)</script>", payload), encoding="utf-8")
    site = build_site(tmp_path / "build", seeds)
    with serving(site) as base:
        page = browser.new_page()  # type: ignore[attr-defined]
        problems: list[str] = []
        page.on("dialog", lambda d: (problems.append("dialog: " + d.message), d.dismiss()))
        page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        for path in ("", "a-title-with-quotes-b-tags-b/", "archives.html", "tags.html"):
            page.goto(base + "/" + path)
            page.wait_for_load_state("networkidle")
            assert page.evaluate("typeof window.pwned") == "undefined", path
        assert problems == [], problems
        assert "onerror" in page.goto(base + "/a-title-with-quotes-b-tags-b/").text()  # shown as text
        page.close()


def test_the_404_page_is_styled_at_any_depth(server: str, browser: object) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    problems: list[str] = []
    page.on("requestfailed", lambda r: problems.append(r.url))
    page.on("response", lambda r: problems.append(r.url) if r.status == 404 and "missing" not in r.url
            else None)
    response = page.goto(server + "tag/missing/deeper/page.html")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "Page not found"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).maxWidth") != "none"  # styled
    assert problems == [], problems
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_at_a_glance_box_is_readable_on_a_phone_and_links_into_the_text(
        server: str, browser: object, scheme: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page(viewport={"width": 390, "height": 844}, color_scheme=scheme)  # type: ignore[attr-defined]
    page.goto(server + ARTICLE)
    box = page.locator("section.glance")
    assert box.is_visible()
    figures = box.locator("ul.figures li")
    assert figures.count() == 5
    assert "up to 5% of GDP on defense by 2035" in figures.all_inner_texts()
    who = box.locator("ul.quoted li").first.inner_text()
    assert who.startswith("Mark Rutte, 8 quotes: “Getting there requires the Russians”")
    # every line of the box fits the phone's width, in a readable size
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    right = page.evaluate("Math.max(...[...document.querySelectorAll('section.glance li')]"
                          ".map(e => e.getBoundingClientRect().right))")
    assert right <= 390
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('section.glance li')).fontSize)")
    assert size >= 13
    results = Axe().run(page, context="section.glance")
    assert [v["id"] for v in results.response["violations"]] == []
    box.screenshot(path=str(ARTIFACTS / ("glance-390-%s.png" % scheme)))
    # the speaker's first quote and a figure link to the paragraphs that hold them
    box.locator("ul.quoted a").first.click()
    target = page.evaluate("document.getElementById(location.hash.slice(1)).textContent")
    assert "Getting there requires the Russians" in target
    box.locator("ul.figures a", has_text="40%").click()
    target = page.evaluate("document.getElementById(location.hash.slice(1)).textContent")
    assert "roughly 40% of its state budget to defense" in target
    page.close()
