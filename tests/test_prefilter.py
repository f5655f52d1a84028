"""The required-literal test never changes what a rule matches; it only skips work."""

from __future__ import annotations

import random
import re
from pathlib import Path

from briefing.config import Config
from briefing.prefilter import required_literals
from briefing.rules import RULES, CompiledRule
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
