"""Boilerplate rules by example: the line, and the reason `briefing explain` gives for dropping it."""

from __future__ import annotations

import pytest
from briefing.config import Config
from briefing.rules import match_rule
from briefing.text import words

DROPPED = [
    ("« Previous Post Next Post »", "menu"),
    ("Previous Post:Free scooter and motorcycle training", "menu"),
    ("Have a tip? Jane Doe may be reached at jdoe@example.com.", "subscription pitch"),
    ("Get the latest updates right in your inbox. Sign up for our newsletters.", "subscription pitch"),
    ("Follow AP's full coverage of Brexit at https://example.com/brexit", "subscription pitch"),
    ("Facebook Twitter Google+ Whatsapp", "share bar"),
    ("If you enjoyed this article, we have a proposition for you: become a member and read without limits.",
     "subscription pitch"),
    ("© Jane Doe Delegates arrive for the summit in Vilnius, Lithuania, on July 11, 2023.", "photo caption"),
]
KEPT = [
    "Updated Police Identify Man, Woman Found Dead in Plano Apartment",
    "Posted on social media by the analysts, the port is not entirely smooth on the service.",
    "Listen to what the farmers in the valley have been saying for years about the river.",
    "Next year the alliance will meet in Washington.",
    "Facebook and Twitter",
]


@pytest.mark.parametrize(("line", "reason"), DROPPED)
def test_boilerplate_is_dropped_with_its_reason(line: str, reason: str) -> None:
    config = Config()
    rule = match_rule(line, words(line), config.rules, config.max_rule_words)
    assert rule is not None and rule.name == reason


@pytest.mark.parametrize("line", KEPT)
def test_article_text_is_not_boilerplate(line: str) -> None:
    config = Config()
    assert match_rule(line, words(line), config.rules, config.max_rule_words) is None
