"""At a glance: key figures with their context, who is quoted, editor overrides, entity tags."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.config import Config
from briefing.glance import FIGURE_RULES, find_figures
from briefing.model import Block, Kind
from briefing.pipeline import convert
from briefing.sidecar import load_sidecar
from bs4 import BeautifulSoup
from conftest import GOLDEN, NATO_SEED, build_site

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "txt"


def paragraph(text: str) -> Block:
    return Block(Kind.PARAGRAPH, text, 1)


def test_a_figure_always_comes_with_its_context() -> None:
    seeds = [NATO_SEED, *sorted(GOLDEN.glob("*/seed.txt")), *sorted(CORPUS.glob("*.txt"))]
    seen = 0
    for seed in seeds:
        article = convert(seed.read_bytes())
        assert len(article.figures) <= Config().max_figures
        for figure in article.figures:
            seen += 1
            number = next(m.group(0) for r in FIGURE_RULES if r.name == figure.rule
                          for m in [r.pattern.search(figure.text)] if m)
            context = figure.text.replace(number, " ")
            assert len(re.findall(r"[^\W\d_]{2,}", context)) >= 2, (seed.name, figure.text)
            block = article.blocks[figure.block]
            assert figure.text in block.text or any(figure.text in item for item in block.items)
    assert seen >= 10


def test_bare_numbers_and_years_are_not_figures() -> None:
    blocks = [paragraph("In 2019 the council met 14 times."), paragraph("Score: 3-1."),
              paragraph("It rose 7%.")]
    assert find_figures(blocks, 5) == []


def test_the_strongest_rules_win_and_stay_in_text_order() -> None:
    blocks = [paragraph("The talks lasted three days in Geneva before a pause."),
              paragraph("Ministers agreed to cut emissions by 55% from 1990 levels by 2030."),
              paragraph("The fund will hold €20 billion for grid upgrades across the region."),
              paragraph("About 40,000 troops were moved to the border region last spring.")]
    figures = find_figures(blocks, 2)
    assert [f.rule for f in figures] == ["percentage", "money"]
    assert [f.text for f in figures] == ["agreed to cut emissions by 55% from 1990 levels by 2030",
                                         "will hold €20 billion for grid upgrades across the region"]


def test_who_is_quoted_counts_each_speaker_and_links_their_first_quote() -> None:
    article = convert(NATO_SEED.read_bytes())
    assert [(s.name, s.quotes) for s in article.quoted] == [("Mark Rutte", 8)]
    first = article.quoted[0]
    assert first.first == "Getting there requires the Russians"
    assert first.first in article.blocks[first.block].text
    assert "Mark Rutte" in article.tags  # a speaker is an entity tag: its tag page is a dossier


def test_the_sidecar_overrides_or_hides_the_box() -> None:
    data = NATO_SEED.read_bytes()
    chosen = convert(data, sidecar=load_sidecar(
        "figures: ['5% of GDP on defense by 2035']\nquoted: [{speaker: Mark Rutte, first: We are all on the "
        "eastern flank.}]\n"))
    assert [(f.text, f.rule) for f in chosen.figures] == [("5% of GDP on defense by 2035", "sidecar")]
    assert "5% of GDP on defense by 2035" in chosen.blocks[chosen.figures[0].block].text
    assert [(s.name, s.quotes, s.first) for s in chosen.quoted] == [
        ("Mark Rutte", 8, "We are all on the eastern flank.")]
    hidden = convert(data, sidecar=load_sidecar("figures: []\nquoted: []\n"))
    assert hidden.figures == () and hidden.quoted == ()


def test_the_box_prints_seed_text_literally_and_links_work(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "budget.txt").write_text(
        "Council Adopts Defence Budget\n\n"
        "The council adopted the budget on Tuesday after a long debate about priorities and costs.\n\n"
        "It sets aside 40% of the <script>budget</script> for *air defence* and training.\n\n"
        "“We cannot wait for the next crisis to act on this,” said Maria Alvarez, the council's chair.\n\n"
        "Members will review the plan again in the spring when new figures arrive from the ministries.\n",
        encoding="utf-8")
    site = build_site(tmp_path / "build", seeds)
    page = site / "council-adopts-defence-budget" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    box = soup.select_one("section.glance")
    assert box is not None and box.find("script") is None
    figure = box.select_one("ul.figures a")
    assert figure is not None
    assert figure.get_text() == "sets aside 40% of the <script>budget</script> for *air defence*"
    anchor = str(figure["href"]).lstrip("#")
    assert "40% of the" in (soup.find(id=anchor) or soup).get_text()
    who = box.select_one("ul.quoted li")
    assert who is not None and who.get_text().startswith("Maria Alvarez, 1 quote: “We cannot wait")
    tag = site / "tag" / "maria-alvarez.html"
    assert tag.is_file() and "council-adopts-defence-budget" in tag.read_text(encoding="utf-8")


def test_organisations_the_text_keeps_naming_become_tags() -> None:
    from briefing.enrich import organisations

    blocks = [paragraph("The European Commission proposed the plan, and the OSCE sent observers."),
              paragraph("Officials at the European Commission said GDP would rise; the OSCE agreed."),
              paragraph("GDP figures and the World Bank were mentioned once by the Court of Auditors.")]
    assert organisations(blocks) == ["European Commission", "OSCE"]
    seed = ("Commission Unveils Grid Plan\n\n" + "\n\n".join(b.text for b in blocks)
            + "\n\nThe plan now goes to member states, which have until March to respond to the proposals.\n")
    tags = convert(seed.encode()).tags
    assert "European Commission" in tags and "OSCE" in tags and "GDP" not in tags
