"""Where the body ends: the locator's decisions a reader would notice."""

from __future__ import annotations

from briefing.emit import plain_text
from briefing.model import Article
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


def test_an_about_the_author_box_headed_with_her_name_is_not_the_body() -> None:
    for heading in ("About Jane Doe", "Über Jane Doe", "Sobre Jane Doe"):
        seed = ARTICLE.replace("Share\n\n", "") + (
            f"{heading}\n\n"
            "As energy editor, Jane Doe has covered solar markets and the grid since 2009.\n\n"
            "Related content\n")
        text = plain_text(convert(seed.encode()))
        assert "Jane" not in text, heading
        assert "Emiliano Rossi, who runs a small installer" in text


def test_an_about_section_that_does_not_present_a_person_stays() -> None:
    section = ("About The Installers\n\n"
               "The installers in the region are mostly family firms with fewer than ten employees, and "
               "many of them also sell heat pumps and batteries to the same customers.\n\n")
    seed = ARTICLE.replace("Share\n\n", "") + section
    text = plain_text(convert(seed.encode()))
    assert "About The Installers" in text
    assert "mostly family firms" in text


def ending_with(lines: str) -> str:
    """The article's text when `lines` follow its last paragraph, then a menu."""
    seed = ARTICLE.replace("Share\n\n", "") + lines + "Markets\n\nWorld\n\nBusiness\n\nSport\n"
    return plain_text(convert(seed.encode()))


def with_line_inside(line: str) -> Article:
    """The article with `line` between its first two paragraphs, where a page puts such lines."""
    first, rest = ARTICLE.split("Analysts expect")
    return convert((first + line + "\n\nAnalysts expect" + rest).encode())


def test_an_embedded_post_that_closes_the_article_keeps_its_attribution() -> None:
    text = ending_with("Prices are finally where they should be.\n\n"
                       "— Jane Doe (@janedoe) November 4, 2019\n\n")
    assert text.rstrip().endswith("— Jane Doe (@janedoe) November 4, 2019")
    assert "Markets" not in text


def test_subscription_pitches_in_the_article_are_dropped() -> None:
    pitches = ["Have a tip? Jane Doe may be reached at jdoe@example.com. Follow her on Twitter at @jdoe.",
               "Get the latest updates right in your inbox. Sign up for our newsletters.",
               "Follow AP's full coverage of the energy markets at https://example.com/energy",
               "Listen to Energy Hour live at 12:45 and 17:45 weekdays - or listen back here."]
    for pitch in pitches:
        article = with_line_inside(pitch)
        text = plain_text(article)
        assert pitch not in text
        assert [d.reason for d in article.decisions if d.line.text == pitch] == ["subscription pitch"]
        assert "Module prices fell" in text and "Analysts expect" in text


def test_a_wire_story_keeps_its_credit_line() -> None:
    text = ending_with("(Reporting by Jane Doe; Editing by John Roe)\n\n© Wire Service 2019\n\n")
    assert text.rstrip().endswith("(Reporting by Jane Doe; Editing by John Roe)")
    assert "Wire Service" not in text


def test_a_photo_caption_led_by_its_credit_is_not_body_text() -> None:
    caption = "© Jane Doe Installers fit panels on a warehouse roof in Bari, Italy, on Oct. 3, 2019."
    article = with_line_inside(caption)
    assert caption not in plain_text(article)
    assert [d.reason for d in article.decisions if d.line.text == caption] == ["photo caption"]


def test_a_name_with_its_handle_under_the_headline_is_the_byline() -> None:
    title, rest = ARTICLE.split("\n\n", 1)
    article = convert((title + "\n\nJane Doe @janedoe\n\n" + rest).encode())
    assert article.author == "Jane Doe"
    assert "@janedoe" not in plain_text(article)


PICKS = ("Don't Miss:\n\n"
         "SunPanel 400 Module\n\n"
         "• Twenty-year warranty on the panel and its inverter\n"
         "• Mounts on flat roofs and walls without drilling\n"
         "• Ships with the cables and the wall bracket\n\n"
         "$219.00\n\nAvailable from Amazon\n\nBuy Now\n\n"
         "HomeBattery 10 kWh\n\n"
         "• Stores a sunny day's output for the evening hours\n"
         "• Keeps the lights and the fridge on during a power cut\n"
         "• Installs in an afternoon next to the fuse box\n\n"
         "$3,499.00\n\nAvailable from Amazon\n\nBuy Now\n\n"
         "Tags: Solar Deals\n\n")


def test_what_the_last_paragraph_announces_below_it_is_the_article() -> None:
    text = ending_with("Our installer picked the two products below.\n\n" + PICKS)
    assert "Twenty-year warranty on the panel" in text
    assert "HomeBattery 10 kWh" in text and "Installs in an afternoon next to the fuse box" in text
    assert "Solar Deals" not in text and "Markets" not in text


def test_a_related_stories_header_still_ends_an_article_that_announced_nothing() -> None:
    text = ending_with("Our installer picked the two products for this story.\n\n" + PICKS)
    assert text.rstrip().endswith("picked the two products for this story.")
    assert "Twenty-year warranty" not in text


def test_a_lead_in_whose_list_the_article_holds_does_not_take_what_follows_the_list() -> None:
    text = ending_with("After a long meeting in the town hall, the installers explained to the visiting "
                       "officials why their business had picked up again, as follows:\n\n"
                       "• Prices have fallen for six months in a row\n"
                       "• Customers who waited last year are coming back\n"
                       "• Banks lend for rooftop systems again\n\n"
                       "Related Stories\n\n"
                       "Wind farms in the north are selling their power at record prices this winter, as "
                       "the cold weather lifts demand across the region.\n\n")
    assert "Banks lend for rooftop systems again" in text
    assert "Wind farms in the north" not in text


def test_a_list_after_the_last_paragraph_comes_with_its_short_lead_in() -> None:
    text = ending_with("Their reasons:\n\n"
                       "• Prices have fallen for six months in a row\n"
                       "• Customers who waited last year are coming back\n"
                       "• Banks lend for rooftop systems again\n\n")
    assert "Their reasons:" in text
    assert text.rstrip().endswith("Banks lend for rooftop systems again")
