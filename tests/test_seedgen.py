"""The benchmark's synthetic seeds: deterministic, and with a vocabulary that grows like real text's."""

from __future__ import annotations

import random
import re

from bench.seedgen import seed_text


def vocabulary(count: int) -> set[str]:
    rng = random.Random(2026)
    words: set[str] = set()
    for _ in range(count):
        words.update(re.findall(r"\w+", seed_text(rng, 1000).lower()))
    return words


def test_the_same_arguments_give_the_same_seeds() -> None:
    assert seed_text(random.Random(7), 500) == seed_text(random.Random(7), 500)
    assert seed_text(random.Random(7), 500) != seed_text(random.Random(8), 500)


def test_more_articles_bring_new_words_as_real_text_does() -> None:
    # real news text keeps adding words (Heaps' law); a fixed template vocabulary would make a
    # search index or a tag counter look far cheaper than on real pages
    ten, hundred = vocabulary(10), vocabulary(100)
    assert len(ten) > 1000
    assert len(hundred) > 3 * len(ten)
