"""Which line is the headline: candidates before (or at) the body, scored by evidence.

Copied pages show the headline among menus, kickers, bylines, captions and
teasers.  Each piece of evidence is a named weight in `EVIDENCE`, so a choice
can be explained ("byline follows, repeats on the page, 90% of its words in
the body").  The body's location comes first (`locate.py`); the title is the
best-scoring line near its start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Line
from .rules import BYLINE, is_dateline
from .text import content_words, digit_share, is_sentence, is_title_case

if TYPE_CHECKING:
    from .locate import Measure

#: Evidence for (positive) or against (negative) a line being the headline.
EVIDENCE = {
    "base": 1.0,
    "uses the body's words": 2.0,
    "repeats on the page": 1.0,
    "no sentence": 0.5,
    "ends with a full stop": -1.5,
    "headline length": 0.5,
    "too short or too long for a headline": -1.0,
    "first line of the seed": 0.5,
    "headline case": 0.5,
    "mostly numbers": -1.0,
    "byline or dateline follows": 2.0,
    "byline or dateline just above": 0.5,
}
#: Candidates: this many lines before the body, and the first few lines of it.
WINDOW = 50
IN_BODY_LINES = 5
MAX_WORDS = 30
#: A headline usually has this many words.
HEADLINE_WORDS = (4, 20)
#: A line at the top of the body may still be the title if it is no sentence and this short.
IN_BODY_WORDS = 25
#: Every line between the candidate and the body costs 1/DISTANCE, and the first NEAR lines
#: NEAR_STEP more each: of two equal lines, the nearer one wins.
DISTANCE = 30
NEAR = 5
NEAR_STEP = 0.1
#: A byline follows when one of the next BYLINE_REACH lines (rule lines such as share buttons
#: skipped, looking at most BYLINE_SCAN lines ahead) is a byline or a short dateline.
BYLINE_REACH = 4
BYLINE_CLOSE = 2
BYLINE_SCAN = 12
DATELINE_WORDS = 14
TRUNCATED = re.compile(r"(\.\.|…)\W*$")


@dataclass(frozen=True)
class Candidate:
    index: int
    score: float
    evidence: tuple[str, ...]


def find_title(lines: list[Line], measures: list[Measure], start: int, end: int) -> Candidate | None:
    """The most title-like line near the body start, or None."""
    best = max(candidates(lines, measures, start, end), key=lambda c: c.score, default=None)
    return best if best is not None and best.score > 0 else None


def candidates(lines: list[Line], measures: list[Measure], start: int, end: int) -> list[Candidate]:
    """Every line that could be the title, with its score and the evidence for it."""
    counts: dict[str, int] = {}
    for m in measures:
        counts[m.key] = counts.get(m.key, 0) + 1
    body: set[str] = set()
    for i in range(start, end + 1):
        if measures[i].prose:
            body |= content_words(lines[i].text)
    found = []
    for i in range(max(0, start - WINDOW), min(start + IN_BODY_LINES, len(lines))):
        if i > start and _paragraph_between(measures, start, i):
            break  # taking it would drop the body's first paragraph
        if _eligible(lines, measures, i, start):
            found.append(_score(lines, measures, i, start, body, counts))
    return found


def _paragraph_between(measures: list[Measure], start: int, i: int) -> bool:
    return any((m.prose or m.sentence) and not m.marker and m.rule is None for m in measures[start:i])


def _eligible(lines: list[Line], measures: list[Measure], i: int, start: int) -> bool:
    m, text = measures[i], lines[i].text
    if m.rule is not None or m.marker or not 2 <= m.words <= MAX_WORDS:
        return False
    if is_byline(lines[i], m) or TRUNCATED.search(text):
        return False  # a byline, or "Ten things to do this..": a teaser cut short
    if i >= start and m.prose and (text.endswith(".") or m.words > IN_BODY_WORDS):
        # the body's own first paragraph, unless a byline under it shows it is a headline
        return m.words <= IN_BODY_WORDS and _byline_follows(lines, measures, i) > 0
    return True


def _score(lines: list[Line], measures: list[Measure], i: int, start: int, body: set[str],
           counts: dict[str, int]) -> Candidate:
    m, text = measures[i], lines[i].text
    own = content_words(text)
    shared = len(own & body) / len(own) if own else 0.0
    found = {
        "base": 1.0,
        "uses the body's words": shared,
        "repeats on the page": float(counts[m.key] > 1),
        "no sentence": float(not is_sentence(text)),
        "ends with a full stop": float(text.endswith(".") and not text.endswith("..")),
        "headline length": float(HEADLINE_WORDS[0] <= m.words <= HEADLINE_WORDS[1]),
        "too short or too long for a headline": float(not HEADLINE_WORDS[0] <= m.words <= HEADLINE_WORDS[1]),
        "first line of the seed": float(i == 0),
        "headline case": float(is_title_case(text) and m.words > HEADLINE_WORDS[0]),
        "mostly numbers": float(digit_share(text) > 0.3),
        "byline or dateline follows": _byline_follows(lines, measures, i),
        "byline or dateline just above": 0.0,
    }
    if not found["byline or dateline follows"]:
        found["byline or dateline just above"] = float(
            any(is_byline(lines[j], measures[j]) for j in range(max(0, i - 2), i)))
    distance = abs(start - i)
    score = sum(EVIDENCE[name] * value for name, value in found.items())
    score -= distance / DISTANCE + min(distance, NEAR) * NEAR_STEP
    return Candidate(i, score, tuple(name for name, value in found.items()
                                     if value and EVIDENCE[name] > 0 and name != "base"))


def _byline_follows(lines: list[Line], measures: list[Measure], i: int) -> float:
    """1 when a byline is one of the next two lines (rule lines skipped), 0.5 a little further."""
    following = [j for j in range(i + 1, min(i + 1 + BYLINE_SCAN, len(lines))) if measures[j].rule is None]
    for n, j in enumerate(following[:BYLINE_REACH]):
        if is_byline(lines[j], measures[j]):
            return 1.0 if n < BYLINE_CLOSE else 0.5
    return 0.0


def is_byline(line: Line, m: Measure) -> bool:
    """A byline ("By Jane Doe") or a short dateline ("Nov 19, 2019, 9:02 AM")."""
    return bool(BYLINE.match(line.text)) or (is_dateline(line.text) and m.words <= DATELINE_WORDS)
