"""Metadata derived from the body: speakers, pull quotes, tags, summary, dates."""

from __future__ import annotations

import pytest
from briefing.enrich import parse_date
from briefing.pipeline import convert
from briefing.text import cut_words
from conftest import NATO_SEED

NATO = convert(NATO_SEED.read_bytes())


def seed(*paragraphs: str) -> bytes:
    return ("A Headline For The Test Seed\n\n" + "\n\n".join(paragraphs) + "\n").encode()


def test_pronoun_speaker_is_the_last_person_named() -> None:
    article = convert(seed(
        "“We will not wait for anyone to act on our behalf,” Mark Rutte said at the press conference.",
        "“We are all on the eastern flank, every single one of us,” he warned on Tuesday evening.",
    ))
    assert [q.speaker for q in article.quotes] == ["Mark Rutte", "Mark Rutte"]


def test_split_quote_is_joined_and_attributed() -> None:
    article = convert(seed(
        "Maria Alvarez has sponsored the bill since it was first drafted two years ago in committee.",
        "“If you don’t fund it,” she said, “accept that the pipes will keep failing for years.”",
    ))
    [quote] = article.quotes
    assert quote.text == "If you don’t fund it, accept that the pipes will keep failing for years."
    assert quote.speaker == "Maria Alvarez"


def test_a_capitalised_word_before_said_is_not_a_speaker() -> None:
    article = convert(seed(
        "Opponents said the bill did not say how the repairs would be paid for, and they voted no.",
        "“We all want clean water, but we also owe taxpayers a plan,” said Senator Tom Becker.",
    ))
    assert [q.speaker for q in article.quotes] == ["Tom Becker"]


def test_seed_pull_quotes_are_attributed_one_per_paragraph() -> None:
    assert 2 <= len(NATO.pull_quotes) <= 4
    assert all(q.speaker == "Mark Rutte" for q in NATO.pull_quotes)
    assert len({q.block for q in NATO.pull_quotes}) == len(NATO.pull_quotes)


def test_seed_tags_are_what_it_is_about() -> None:
    assert {"NATO", "Ukraine", "Russia", "Mark Rutte", "Europe"} <= set(NATO.tags)
    assert "European" not in NATO.tags


def test_seed_summary_is_whole_sentences() -> None:
    assert NATO.summary == ("The debate over peace in Ukraine has entered a decisive phase, and NATO "
                            "Secretary General Mark Rutte is no longer softening his language.")


def test_seed_sections_and_reading_time() -> None:
    assert len(NATO.sections) == 8
    assert NATO.reading_minutes == -(-NATO.words // 230) == 5


@pytest.mark.parametrize("text, iso", [
    ("LinkNaija August 08, 2018", "2018-08-08"),
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "2019-11-19"),
    ("Updated 10:43 AM, 19 November 2019", "2019-11-19"),
    ("Publicado em 2023-05-12", "2023-05-12"),
    ("Published 25/09/2018", "2018-09-25"),
    ("Published 05/06/2018", ""),
    ("No date here", ""),
    ("February 30, 2020", ""),
])
def test_dates(text: str, iso: str) -> None:
    assert parse_date(text) == iso


def test_cut_words_never_cuts_mid_word() -> None:
    assert cut_words("one two three four", 12) == "one two…"
    assert cut_words("short", 12) == "short"


def test_a_line_the_body_repeats_is_a_label_not_a_section() -> None:
    products = "".join(
        f"{name}\n\nThe {name.lower()} run for {hours} hours on one charge and fold into a small case.\n\n"
        "Buy Now\n\n" for name, hours in (("Studio Headphones", "forty"), ("Sport Earbuds", "twelve"),
                                            ("Travel Speakers", "twenty")))
    seed = ("Early headphone deals\n\n"
            "Retailers have cut prices on headphones a week before Black Friday, and several of these "
            "offers are the lowest we have tracked this year.\n\n" + products
            + "Prices were checked this morning and may change during the week as more offers arrive.\n")
    article = convert(seed.encode())
    assert [s.title for s in article.sections] == ["Studio Headphones", "Sport Earbuds", "Travel Speakers"]
    assert "\n".join(b.text for b in article.blocks).count("Buy Now") == 3  # kept as text, not lost


def test_a_surname_with_particles_is_one_speaker_and_one_tag() -> None:
    seed = ("EU leaders back new sanctions package\n\n"
            "European Commission President Ursula von der Leyen said on Tuesday that the bloc would adopt "
            "its next sanctions package before the summer, after weeks of talks between member states.\n\n"
            "\u201cWe will not stop until the pressure works,\u201d von der Leyen told reporters "
            "in Brussels, adding that the package would target shipping and banks.\n\n"
            "Diplomats said von der Leyen had spent the weekend calling capitals that had doubts about the "
            "measures, including Hungary and Slovakia.\n\n"
            "Hungary has blocked earlier packages for weeks. Officials in Brussels expect von der Leyen to "
            "present the final text next week, and Hungary is again expected to ask for exemptions.\n")
    article = convert(seed.encode())
    assert [(s.name, s.quotes) for s in article.quoted] == [("Ursula von der Leyen", 1)]
    assert "Ursula von der Leyen" in article.tags
    assert not {"Leyen", "Ursula"} & set(article.tags)
