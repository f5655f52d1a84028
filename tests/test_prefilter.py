"""The required-literal test never changes what a rule matches; it only skips work."""

from __future__ import annotations

import random
import re
from pathlib import Path

from briefing.config import Config
from briefing.glance import FIGURE_RULES, matches_from, starts
from briefing.prefilter import required_literals
from briefing.quotes import NAME_VERB, SPEECH_VERBS, VERB_NAME
from briefing.rules import RULES, CompiledRule
from briefing.text import NAME_PARTICLES
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.seedgen import seed_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "txt"


def unfiltered(rule: CompiledRule, text: str) -> bool:
    return bool((rule.pattern is not None and rule.pattern.fullmatch(text))
                or (rule.phrase is not None and rule.phrase.search(text)))


def lines() -> list[str]:
    found = []
    for path in [*sorted((ROOT / "tests" / "golden").glob("*/seed.txt")), *sorted(CORPUS.glob("*.txt"))]:
        found += path.read_text(encoding="utf-8", errors="replace").splitlines()
    rng = random.Random(7)
    for _ in range(20):
        found += seed_text(rng, 400).splitlines()
    return [line.strip() for line in found if line.strip()]


def test_every_rule_matches_the_same_lines_with_and_without_the_test() -> None:
    rules = Config(extra_rules={"sponsor": [r"brought to you by .*", r"(?i:ACME)\s+presents"]}).rules
    assert sum(r.pattern_needs is not None or r.phrase_needs is not None for r in rules) >= 15
    for text in lines():
        folded = text.casefold()
        for rule in rules:
            assert rule.matches(text, folded) == unfiltered(rule, text), (rule.name, text)


LETTERS = "".join(sorted({c for rule in RULES for p in (*rule.patterns, *rule.contains) for c in p
                          if c.isalpha()})) + "İıſKß "


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted({w for rule in RULES for p in (*rule.patterns, *rule.contains)
                                        for w in re.findall(r"[^\W\d_]{2,}", p)})), max_size=6),
       st.text(alphabet=LETTERS, max_size=12))
def test_phrases_in_any_case_and_lookalike_letters_are_never_skipped(words: list[str], noise: str) -> None:
    rules = Config().rules
    for text in (" ".join(words), " ".join(words).upper(), noise + " " + " ".join(words).title() + noise):
        folded = text.casefold()
        for rule in rules:
            assert rule.matches(text, folded) == unfiltered(rule, text), (rule.name, text)


def test_required_literals_of_small_patterns() -> None:
    assert required_literals(r"\bcookies? (policy|settings)\b") == frozenset({"cookie"})
    assert required_literals(r"(we|they) use cookies") == frozenset({" use cookies"})
    assert required_literals(r"(share|tweet)( this)?") == frozenset({"share", "tweet"})
    assert required_literals(r"\d+ of \d+") == frozenset({" of "})
    assert required_literals(r"(x)?") is None  # nothing is required
    assert required_literals(r"[a-z]+") is None
    assert required_literals(r"(") is None  # not a pattern: the regex itself reports it


def test_figure_rules_tried_only_where_a_figure_can_begin_find_what_finditer_finds() -> None:
    texts = lines()
    assert sum(bool(starts(t)) for t in texts) > 200  # golden and generated lines alone hold 250
    for text in texts:
        for rule in FIGURE_RULES:
            found = [m.span() for m in matches_from(rule.pattern, text, starts(text))]
            assert found == [m.span() for m in rule.pattern.finditer(text)], (rule.name, text)


NUMBERISH = ["5", "3.5", "1,000", "40", "$", "€", "£", "¥", "%", "per cent", "percent", "-", "–", "to", "or",
             "one", "Two", "FIVE", "a hundred", "hundreds", "dozens", "million", "bn", "people", "troops",
             "minutes", "years", "dollars", "euros", "x", "ab", "of", "GDP", "İ", "ß", "ſ", "K"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBERISH), max_size=10), st.sampled_from(["", " ", "-", "x"]))
def test_figure_starts_miss_no_match_in_any_mix(parts: list[str], glue: str) -> None:
    text = glue.join(parts)
    for rule in FIGURE_RULES:
        found = [m.span() for m in matches_from(rule.pattern, text, starts(text))]
        assert found == [m.span() for m in rule.pattern.finditer(text)], (rule.name, text)


def test_speaker_names_found_without_backtracking_are_the_names_backtracking_finds() -> None:
    word = r"[A-Z][\w’'\-]*[a-z][\w’'\-]*"  # the plain form: quadratic in a long word
    name = rf"{word}(?:\s+(?:(?:of|for|{NAME_PARTICLES})\s+)*{word}){{0,4}}"
    plain = (re.compile(rf"({name})\s+(?:{SPEECH_VERBS})\b"),
             re.compile(rf"\b(?:{SPEECH_VERBS}|according to)\s+({name})"))
    texts = [*lines(), "Ursula von der Leyen said", "McDonald's chief executive Chris Kempczinski said",
             "according to O'Neill-Smith", "NATO said", "the Secretary of State Marco Rubio told"]
    for text in texts:
        for fast, slow in zip((NAME_VERB, VERB_NAME), plain, strict=True):
            assert [(m.span(), m.group(1)) for m in fast.finditer(text)] == [
                (m.span(), m.group(1)) for m in slow.finditer(text)], text
