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

import re
from dataclasses import dataclass

from .config import Config
from .model import Line
from .rules import BYLINE, CompiledRule, is_dateline, match_rule
from .text import (
    content_words,
    digit_share,
    fold,
    is_sentence,
    is_title_case,
    looks_like_prose,
    lowercase_share,
    strip_marker,
    words,
)

#: A short line cut off with ".." or "…" is a teaser for another page, not a sentence.
TRUNCATED = re.compile(r"(\.\.|…)\W*$")
TEASER_WORDS = 20

#: Line scores for the body search.  A prose line scores its word count.
RULE_PENALTY = 6.0
SHORT_PENALTY = 2.5
#: Running text has at least this share of lower-case words; below it a line's score shrinks.
PROSE_LOWERCASE = 0.6
#: A list next to the body joins it when its items average this many words (menus have fewer).
LIST_ITEM_WORDS = 4
#: This many non-prose lines in a row separate two segments of prose.
GAP_LINES = 4
#: A neighbouring segment joins the body when this share of its content words is the body's.
COHESION = 0.2
#: Segments with fewer distinct content words than this are too small to judge by cohesion.
MIN_VOCABULARY = 8
#: Prose after a comment widget is most likely the comment thread: it counts this much.
COMMENT_DISCOUNT = 0.2
COMMENTS = "comment widget"
#: ... but only after this much prose: a "3 comments" link under the headline is not the thread
COMMENTS_AFTER_WORDS = 100.0
#: The title is looked for among this many lines before the body.
TITLE_WINDOW = 50
TITLE_MAX_WORDS = 30
#: A title of this many words is typical (a bonus); a line this many lines away loses 1 point.
TITLE_WORDS = (4, 20)
TITLE_DISTANCE = 30
#: ... and each of the first few lines away costs a little more: of two equal lines, the nearer
TITLE_NEAR = 5
TITLE_NEAR_STEP = 0.1
#: A line at the top of the body may still be the title if it is no sentence and this short.
TITLE_IN_BODY_WORDS = 25
TITLE_IN_BODY_LINES = 5
#: A byline or dateline within this many lines after a candidate is the mark of a headline.
BYLINE_REACH = 4
#: ... not counting share buttons and other rule lines, looked for among this many lines
BYLINE_SCAN = 12
BYLINE_BONUS = 2.0
#: A line with a date and at most this many words is a dateline, not a title.
DATELINE_WORDS = 14


@dataclass(frozen=True)
class Measure:
    """What the locator knows about one line."""

    words: int
    prose: bool
    sentence: bool
    rule: CompiledRule | None
    marker: str
    key: str
    lowercase: float


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
        teaser = bool(TRUNCATED.search(rest)) and n < TEASER_WORDS
        rule = match_rule(rest, n, rules, config.max_rule_words)
        out.append(
            Measure(
                words=n,
                prose=looks_like_prose(rest) and not teaser,
                sentence=is_sentence(rest) and n >= 4 and not teaser,
                rule=rule,
                marker=marker,
                key=fold(line.text) if n <= TITLE_MAX_WORDS else "",  # only short lines are compared
                lowercase=lowercase_share(rest),
            )
        )
    return out


def line_score(m: Measure) -> float:
    if m.rule is not None:
        return -RULE_PENALTY
    if m.prose or m.sentence:
        return m.words * min(1.0, m.lowercase / PROSE_LOWERCASE)
    return -SHORT_PENALTY


def best_run(scores: list[float]) -> tuple[int, int]:
    """The contiguous run with the greatest total (Kadane); (0, -1) when empty."""
    best, best_span = 0.0, (0, -1)
    total, start = 0.0, 0
    for i, s in enumerate(scores):
        if total <= 0:
            total, start = 0.0, i
        total += s
        if total >= best and total > 0:
            best, best_span = total, (start, i)
    return best_span


@dataclass(frozen=True)
class Segment:
    """A stretch of prose lines with no wall of furniture and no ender rule inside."""

    start: int
    end: int
    weight: float
    vocabulary: frozenset[str]
    ender_before: str
    ender_after: str


def segments(lines: list[Line], measures: list[Measure], start: int, end: int) -> list[Segment]:
    scores = [line_score(m) if start <= i <= end else 0.0 for i, m in enumerate(measures)]
    out: list[Segment] = []
    first = last = -1
    weight = 0.0
    gap = 0
    enders: list[str] = []
    previous: list[str] = []
    comments_seen = False
    for i, (m, s) in enumerate(zip(measures, scores, strict=True)):
        if s > 0:
            if first >= 0 and (gap >= GAP_LINES or enders):
                out.append(_segment(lines, measures, first, last, weight, previous, enders, comments_seen))
                comments_seen = comments_seen or (COMMENTS in enders and weight >= COMMENTS_AFTER_WORDS)
                first, weight, previous = -1, 0.0, enders
            if first < 0:
                first = i
            last, weight, gap, enders = i, weight + s, 0, []
        else:
            gap += 1
            if m.rule is not None and m.rule.ends_article:
                enders = [*enders, m.rule.name]
    if first >= 0:
        out.append(_segment(lines, measures, first, last, weight, previous, enders, comments_seen))
    return out


def _segment(lines: list[Line], measures: list[Measure], first: int, last: int, weight: float,
             before: list[str], after: list[str], comments_seen: bool) -> Segment:
    vocab: set[str] = set()
    prose_lines = 0
    for i in range(first, last + 1):
        if line_score(measures[i]) > 0:
            vocab.update(content_words(lines[i].text))
            prose_lines += 1
    # teaser lists alternate headline, blurb, timestamp: thin prose weighs less
    weight *= prose_lines / (last - first + 1)
    if comments_seen:
        weight *= COMMENT_DISCOUNT
    return Segment(first, last, weight, frozenset(vocab), before[-1] if before else "",
                   after[0] if after else "")


def cohesion(segment: Segment, vocabulary: set[str]) -> float:
    """Share of the segment's content words that the body so far also uses."""
    if not segment.vocabulary:
        return 0.0
    return len(segment.vocabulary & vocabulary) / len(segment.vocabulary)


def body_segments(parts: list[Segment]) -> tuple[int, int, str]:
    """The heaviest segment, grown over neighbours that are about the same thing.

    Teasers for other stories and comment threads use other words; a photo
    gallery or an advertisement inside the article does not change its
    vocabulary, so the text on both sides of it stays together.
    """
    core = max(range(len(parts)), key=lambda k: parts[k].weight)
    vocab = set(parts[core].vocabulary)
    hi = _grow(parts, core, 1, vocab)
    lo = _grow(parts, core, -1, vocab)
    return parts[lo].start, parts[hi].end, parts[hi].ender_after


def _grow(parts: list[Segment], core: int, step: int, vocab: set[str]) -> int:
    """How far the body extends from the core segment in one direction.

    Going forward an ender rule stops it; either way a segment about something
    else does.  Segments too small to judge are taken only together with a
    cohesive segment beyond them.  `vocab` grows with every segment taken.
    """
    edge = k = core
    while 0 <= k + step < len(parts):
        if step > 0 and parts[k].ender_after:
            break
        k += step
        if len(parts[k].vocabulary) < MIN_VOCABULARY:
            continue
        if cohesion(parts[k], vocab) < COHESION:
            break
        for taken in range(min(edge, k), max(edge, k) + 1):
            vocab |= parts[taken].vocabulary
        edge = k
    return edge


def take_adjacent_lists(lines: list[Line], measures: list[Measure], start: int, end: int) -> tuple[int, int]:
    """Grow the body over a list that touches it (with the line that introduces it).

    Lists are short lines, so the prose search stops at them; a list of real
    items (not a menu of one- or two-word links) next to the body is the body's.
    """
    def items(indexes: range) -> list[int]:
        found = []
        for i in indexes:
            m = measures[i]
            if not m.marker or m.rule is not None:
                break
            found.append(i)
        return found

    before = items(range(start - 1, -1, -1))
    if len(before) >= 2 and sum(measures[i].words for i in before) >= LIST_ITEM_WORDS * len(before):
        start = before[-1]
        if start > 0 and lines[start - 1].text.endswith(":") and measures[start - 1].rule is None:
            start -= 1
    after = items(range(end + 1, len(lines)))
    if len(after) >= 2 and sum(measures[i].words for i in after) >= LIST_ITEM_WORDS * len(after):
        end = after[-1]
    return start, end


def locate(lines: list[Line], measures: list[Measure]) -> Span:
    start, end = best_run([line_score(m) for m in measures])
    parts = segments(lines, measures, start, end)
    if not parts:
        return Span(0, len(lines) - 1, find_title(lines, measures, 0, len(lines) - 1) if lines else None)
    start, end, ended_by = body_segments(parts)
    start, end = take_adjacent_lists(lines, measures, start, end)
    title = find_title(lines, measures, start, end)
    if title is not None and title >= start:
        start = title + 1
    return Span(start, end, title, ended_by)


def find_title(lines: list[Line], measures: list[Measure], start: int, end: int) -> int | None:
    """The most title-like line in the window before (and just inside) the body start.

    A title is short, not a sentence, not a byline or dateline, uses the words
    the body is about, often repeats on the page, and sits close to the body.
    """
    counts: dict[str, int] = {}
    for m in measures:
        counts[m.key] = counts.get(m.key, 0) + 1
    body: set[str] = set()
    for i in range(start, end + 1):
        if measures[i].prose:
            body |= content_words(lines[i].text)
    best, best_score = None, 0.0
    for i in range(max(0, start - TITLE_WINDOW), min(start + TITLE_IN_BODY_LINES, len(lines))):
        m = measures[i]
        text = lines[i].text
        if i > start and any((measures[j].prose or measures[j].sentence) and not measures[j].marker
                             and measures[j].rule is None for j in range(start, i)):
            break  # taking it would drop the body's first paragraph
        if m.rule is not None or m.marker or not 2 <= m.words <= TITLE_MAX_WORDS:
            continue
        if _is_byline(lines[i], m):
            continue
        if TRUNCATED.search(text):
            continue  # "Ten things to do this..": a teaser cut short
        following = [j for j in range(i + 1, min(i + 1 + BYLINE_SCAN, len(lines)))
                     if measures[j].rule is None][:BYLINE_REACH]
        bylined = any(_is_byline(lines[j], measures[j]) for j in following)
        if i >= start and m.prose and (text.endswith(".") or m.words > TITLE_IN_BODY_WORDS) \
                and not (bylined and m.words <= TITLE_IN_BODY_WORDS):
            continue  # the body's own first paragraph is never taken for the title
        words_here = content_words(text)
        score = 1.0 + 2.0 * (len(words_here & body) / len(words_here) if words_here else 0.0)
        score += 1.0 if counts[m.key] > 1 else 0.0
        score += 0.5 if not is_sentence(text) else 0.0
        score -= 1.5 if text.endswith(".") and not text.endswith("..") else 0.0
        score += 0.5 if TITLE_WORDS[0] <= m.words <= TITLE_WORDS[1] else -1.0
        score += 0.5 if i == 0 else 0.0
        score += 0.5 if is_title_case(text) and m.words > TITLE_WORDS[0] else 0.0
        score -= 1.0 if digit_share(text) > 0.3 else 0.0
        distance = abs(start - i)
        score -= distance / TITLE_DISTANCE + min(distance, TITLE_NEAR) * TITLE_NEAR_STEP
        if bylined:
            score += BYLINE_BONUS
        elif any(_is_byline(lines[j], measures[j]) for j in range(max(0, i - 2), i)):
            score += BYLINE_BONUS / 4  # some sites put the byline or date above the headline
        if score > best_score:
            best, best_score = i, score
    return best


def _is_byline(line: Line, m: Measure) -> bool:
    return bool(BYLINE.match(line.text)) or (is_dateline(line.text) and m.words <= DATELINE_WORDS)
