"""Stage 2, locate: where in the copied page the article body lies.

Copied pages are mostly furniture before (menus, teasers) and after (comments,
related stories, legal footers) one dense run of prose.  Each line gets a
score (positive for prose, negative for short non-sentences and for lines a
boilerplate rule matches) and the body is the run of lines with the greatest
total, cut short at the first rule that `ends_article` (a comment widget, an
author box) once the article has properly begun.  The title is then looked
for just before the body: a title-like line, preferably one the page repeats.
"""

from __future__ import annotations

from dataclasses import dataclass

from .config import Config
from .model import Line
from .rules import CompiledRule, match_rule
from .text import fold, is_sentence, looks_like_prose, strip_marker, words

#: Line scores for the body search.  A prose line scores its word count.
RULE_PENALTY = 6.0
SHORT_PENALTY = 2.5
#: An ender rule cuts the body only after this much of its prose (words).
ENDER_MIN_WORDS = 40
#: The title is looked for among this many lines before the body.
TITLE_WINDOW = 30
TITLE_MAX_WORDS = 30


@dataclass(frozen=True)
class Measure:
    """What the locator knows about one line."""

    words: int
    prose: bool
    sentence: bool
    rule: CompiledRule | None
    marker: str
    key: str


@dataclass(frozen=True)
class Span:
    """The body lines `start`..`end` (inclusive indexes into the line list)."""

    start: int
    end: int
    title: int | None
    ended_by: str = ""


def measure(lines: list[Line], config: Config) -> list[Measure]:
    rules = config.rules
    out = []
    for line in lines:
        marker, rest = strip_marker(line.text)
        n = words(rest)
        rule = match_rule(line.text, rules) if n <= config.max_rule_words else None
        out.append(
            Measure(
                words=n,
                prose=looks_like_prose(rest),
                sentence=is_sentence(rest) and n >= 4,
                rule=rule,
                marker=marker,
                key=fold(line.text),
            )
        )
    return out


def line_score(m: Measure) -> float:
    if m.rule is not None:
        return -RULE_PENALTY
    if m.prose or m.sentence:
        return float(m.words)
    return -SHORT_PENALTY


def best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run with the greatest total (Kadane); (0, -1) when empty."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += s
        if total > best:
            best, best_span = total, (start, i)
    return best_span


def locate(lines: list[Line], measures: list[Measure]) -> Span:
    if not lines:
        return Span(0, -1, None)
    start, end = best_run([line_score(m) for m in measures])
    if end < start:
        start, end = 0, len(lines) - 1
    title = find_title(lines, measures, start)
    if title is not None and title >= start:
        start = title + 1
    end, ended_by = cut_at_ender(measures, start, end)
    return Span(start, end, title, ended_by)


def cut_at_ender(measures: list[Measure], start: int, end: int) -> tuple[int, str]:
    seen = 0
    for i in range(start, end + 1):
        m = measures[i]
        rule = m.rule
        if rule is not None and rule.ends_article and seen >= ENDER_MIN_WORDS:
            return i - 1, rule.name
        if m.prose or m.sentence:
            seen += m.words
    return end, ""


def find_title(lines: list[Line], measures: list[Measure], start: int) -> int | None:
    """The most title-like line in the window before (and at) the body start."""
    counts: dict[str, int] = {}
    for m in measures:
        counts[m.key] = counts.get(m.key, 0) + 1
    best, best_score = None, 0.0
    low = max(0, start - TITLE_WINDOW)
    for i in range(low, min(start + 1, len(lines))):
        m = measures[i]
        if m.rule is not None or m.marker or not 2 <= m.words <= TITLE_MAX_WORDS:
            continue
        if m.prose and m.words > 20:
            continue
        score = 1.0 + min(m.words, 12) / 4
        if counts[m.key] > 1:
            score += 2.0
        if not is_sentence(lines[i].text):
            score += 1.0
        score -= (start - i) / 10
        if i == 0:
            score += 1.0
        if score > best_score:
            best, best_score = i, score
    return best
