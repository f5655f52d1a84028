"""Where the body ends: the locator's decisions a reader would notice."""

from __future__ import annotations

from briefing.emit import plain_text
from briefing.pipeline import convert

ARTICLE = (
    "Solar module prices fall again\n\n"
    "Module prices fell for the sixth month in a row in October, as new factories in the region came "
    "online and demand from utility projects slowed ahead of the winter.\n\n"
    "Analysts expect prices to stay low into next year, though some manufacturers have already said "
    "they will cut output to protect their margins.\n\n"
    "Emiliano Rossi, who runs a small installer in Bari, said the lower prices had brought back customers "
    "who had put off their projects last year.\n\n"
    "Share\n\n"
)


def test_the_author_box_above_more_articles_from_is_not_the_body() -> None:
    seed = ARTICLE + ("Jane Doe\n\n"
                      "Jane joined the magazine in March 2017. She has covered energy since 2009.\n\n"
                      "More articles from Jane Doe\n\n"
                      "Related content\n")
    text = plain_text(convert(seed.encode()))
    assert "Jane" not in text
    assert "Emiliano Rossi, who runs a small installer" in text  # the last paragraph stays


def test_a_paragraph_starting_with_someone_else_of_the_same_first_name_stays() -> None:
    seed = ARTICLE.replace("Emiliano Rossi, who", "Jane Rossi, who").replace("Share\n\n", "") + (
        "Jane Doe\n\nMore articles from Jane Doe\n\nRelated content\n")
    text = plain_text(convert(seed.encode()))
    assert "Jane Doe" not in text
    assert "Jane Rossi, who runs a small installer" in text
