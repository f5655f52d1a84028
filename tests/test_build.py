"""One real Pelican build of the shipped seed, checked the way a reader sees it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import NATO_SEED, ROOT, build_site

ARTICLE_SLUG = "nato-s-mark-rutte-warns-europe-peace-in-ukraine-requires-strength-not-illusions"
SECTIONS = [
    "Can There Be Peace Before Year’s End? NATO Refuses to Guess",
    "Security Guarantees Over NATO Membership For Now",
    "Europe’s Voice Is No Longer Optional",
    "A Warning to European Citizens: Geography No Longer Protects You",
    "Defense Spending: Deterrence or Destiny",
    "Trump, NATO, and an Uncomfortable Reality",
    "Ukraine, China, and the Global Chessboard",
    "Conclusion: Peace Through Preparedness",
]


def article(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / ARTICLE_SLUG / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_title_is_the_h1(nato_site: Path) -> None:
    h1 = article(nato_site).find_all("h1")
    assert [h.get_text(strip=True) for h in h1] == [
        "NATO’s Mark Rutte Warns Europe: Peace in Ukraine Requires Strength, Not Illusions"]


def test_eight_sections_with_ids_and_permalinks(nato_site: Path) -> None:
    body = article(nato_site).find("div", class_="body")
    headings = body.find_all("h2")
    assert [h.get_text(strip=True).removesuffix("#") for h in headings] == SECTIONS
    ids = [h["id"] for h in headings]
    assert len(set(ids)) == 8
    assert ids[0] == "can-there-be-peace-before-year-s-end-nato-refuses-to-guess"
    for h in headings:
        link = h.find("a", class_="permalink")
        assert link is not None and link["href"] == "#" + h["id"]


def test_table_of_contents_links_every_section(nato_site: Path) -> None:
    toc = article(nato_site).select_one("nav.toc-side")
    assert [a["href"] for a in toc.find_all("a")] == [
        "#" + h["id"] for h in article(nato_site).find("div", class_="body").find_all("h2")]


def test_three_layers_are_one_ordered_list(nato_site: Path) -> None:
    lists = article(nato_site).find("div", class_="body").find_all("ol")
    assert len(lists) == 1
    assert [li.get_text() for li in lists[0].find_all("li")] == [
        "A strong Ukrainian military as the first line of defense",
        "A European-led coalition of the willing as a second layer",
        "U.S. strategic backing to ensure deterrence credibility",
    ]


def test_pull_quotes_are_hidden_asides_near_their_paragraph(nato_site: Path) -> None:
    page = article(nato_site)
    asides = page.find_all("aside", class_="pullquote")
    assert 2 <= len(asides) <= 4
    for aside in asides:
        assert aside["aria-hidden"] == "true"
        quote = aside.find("p").get_text()
        words = quote.rstrip(".").split(",")[0]
        previous = aside.find_previous_sibling("p")
        assert words in previous.get_text(), (quote, previous.get_text())
        assert aside.find("p", class_="speaker").get_text() == "— Mark Rutte"


def test_caption_is_the_dek_not_body(nato_site: Path) -> None:
    page = article(nato_site)
    caption = "Mark Rutte Secretary General of NATO at Press Conference"
    assert page.find("p", class_="dek").get_text() == caption
    assert caption not in page.find("div", class_="body").get_text()


def test_broken_sentence_is_joined_with_an_em_dash(nato_site: Path) -> None:
    text = article(nato_site).find("div", class_="body").get_text()
    assert "continent-wide vulnerability \u2014 a theme increasingly echoed across NATO leadership." in text


def test_no_boilerplate_anywhere_in_the_site(nato_site: Path) -> None:
    for page in nato_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for phrase in ("Post a Comment", "0 Comments", "Close Menu"):
            assert phrase not in text, (page, phrase)


def test_tags_pages_exist_for_the_topics(nato_site: Path) -> None:
    for tag in ("nato", "ukraine", "russia"):
        assert (nato_site / "tag" / f"{tag}.html").exists()


def test_bad_seed_is_skipped_and_the_others_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "nato.txt").write_bytes(NATO_SEED.read_bytes())
    (seeds / "broken.txt").write_bytes(b"Title\n\nA paragraph in \x93Windows\x94 quotes.\n")
    site = build_site(tmp_path / "build", seeds)
    assert (site / ARTICLE_SLUG / "index.html").exists()
    assert len(list((tmp_path / "build" / "content" / "briefings").glob("*.md"))) == 1
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(m.endswith("broken.txt:3:16: invalid UTF-8 byte 0x93 (looks like Windows-1252; "
                          "re-save as UTF-8); skipped") for m in errors), errors


def test_every_body_word_of_the_seed_is_in_the_page_in_order(nato_site: Path) -> None:
    import re

    from briefing.model import Kind
    from briefing.pipeline import convert
    from briefing.text import strip_marker

    converted = convert(NATO_SEED.read_bytes())
    expected = [w for d in converted.decisions
                if d.kind in (Kind.PARAGRAPH, Kind.HEADING, Kind.LIST_ITEM, Kind.CONTINUATION)
                for w in re.findall(r"\w+", strip_marker(d.line.text)[1] if d.kind is Kind.LIST_ITEM
                                    else d.line.text)]
    body = article(nato_site).find("div", class_="body")
    for hidden in body.select("aside.pullquote, a.permalink"):
        hidden.decompose()
    assert re.findall(r"\w+", body.get_text(" ")) == expected


def test_rules_can_be_extended_from_the_settings(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    moment = "Perhaps the most striking moment"
    text = NATO_SEED.read_text(encoding="utf-8").replace(moment, "Brought to you by ACME\n\n" + moment)
    (seeds / "nato.txt").write_text(text, encoding="utf-8")
    site = build_site(tmp_path / "build", seeds,
                      BRIEFING={"extra_rules": {"sponsor line": [r"brought to you by .*"]}})
    page = (site / ARTICLE_SLUG / "index.html").read_text(encoding="utf-8")
    assert "ACME" not in page and "Perhaps the most striking moment" in page
    generated = next((tmp_path / "build" / "content" / "briefings").glob("*.md")).read_text(encoding="utf-8")
    assert "ACME" not in generated


def test_unknown_setting_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"unknown BRIEFING setting.*extra_rulez"):
        build_site(tmp_path / "build", tmp_path, BRIEFING={"extra_rulez": {}})


def test_summary_with_markup_characters_shows_literally(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "x.txt").write_text(
        "Ampersands & Angles\n\nThe <b>AT&T</b> deal & the 5 < 6 rule were announced on Monday, "
        "officials said, and it is a long enough sentence.\n", encoding="utf-8")
    site = build_site(tmp_path / "build", seeds)
    index = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "The <b>AT&T</b> deal & the 5 < 6 rule" in index.find("main").get_text()


def test_hand_edited_markdown_stops_the_build(tmp_path: Path) -> None:
    from briefing.plugin import BriefingError

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "nato.txt").write_bytes(NATO_SEED.read_bytes())
    build_site(tmp_path / "build", seeds)
    generated = next((tmp_path / "build" / "content" / "briefings").glob("*.md"))
    edited = generated.read_text(encoding="utf-8").replace("stark message", "stark warning")
    generated.write_text(edited, encoding="utf-8")
    shutil.rmtree(tmp_path / "build" / "content" / "pages")
    with pytest.raises(BriefingError, match=r"edited by hand.*sidecar"):
        build_site(tmp_path / "build", seeds)
    assert generated.read_text(encoding="utf-8") == edited


def test_symlinks_are_refused_never_followed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from briefing.plugin import BriefingError

    secret = tmp_path / "secret.txt"
    secret.write_text("Top Secret Headline\n\nA secret paragraph that must never be published, ever.\n")
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "nato.txt").write_bytes(NATO_SEED.read_bytes())
    (seeds / "linked.txt").symlink_to(secret)
    site = build_site(tmp_path / "build", seeds)
    assert not any("secret" in p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.html"))
    assert any("linked.txt: is a symbolic link; skipped" in r.getMessage() for r in caplog.records)
    pages = tmp_path / "build2" / "content" / "pages"
    shutil.copytree(ROOT / "content" / "pages", pages)
    (pages / "leak.md").symlink_to(secret)
    with pytest.raises(BriefingError, match="symbolic links are refused"):
        build_site(tmp_path / "build2", seeds)


def test_an_output_path_in_a_sibling_folder_is_refused(tmp_path: Path) -> None:
    """Pelican's own check compares strings: output-sibling/ starts with output."""
    from briefing.plugin import BriefingError

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "nato.txt").write_bytes(NATO_SEED.read_bytes())
    with pytest.raises(BriefingError, match=r"outside .*refused"):
        build_site(tmp_path / "build", seeds, ARTICLE_SAVE_AS="../output-sibling/{slug}.html")
    assert not (tmp_path / "build" / "output-sibling").exists()


def test_the_search_index_is_built_unless_switched_off(tmp_path: Path, nato_site: Path) -> None:
    assert (nato_site / "pagefind" / "pagefind.js").is_file()
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(NATO_SEED, seeds / "nato.txt")
    site = build_site(tmp_path / "build", seeds, BRIEFING_SEARCH=False)
    assert (site / "index.html").is_file() and not (site / "pagefind").exists()
