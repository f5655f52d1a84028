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

import dataclasses
import re
from dataclasses import dataclass

from .config import Config
from .model import Line
from .rules import CompiledRule, match_rule
from .text import (
    content_words,
    fold,
    is_sentence,
    looks_like_prose,
    lowercase_share,
    strip_marker,
    without_possessive,
    words,
)
from .title import find_title

#: A short line cut off with ".." or "…" is a teaser for another page, not a sentence.
TRUNCATED = re.compile(r"(\.\.|…)\W*$")
TEASER_WORDS = 20
#: Lines up to this long get a comparison key (titles, repeated menu items).
KEY_MAX_WORDS = 30

#: Line scores for the body search.  A prose line scores its word count.
RULE_PENALTY = 6.0
SHORT_PENALTY = 2.5
#: Running text has at least this share of lower-case words; below it a line's score shrinks.
PROSE_LOWERCASE = 0.6
#: Table rows (a run of TABLE_MIN_ROWS lines with TABLE_MIN_CELLS columns) are content: each
#: word counts TABLE_WEIGHT of a word of prose.
TABLE_MIN_ROWS = 3
TABLE_MIN_CELLS = 3
TABLE_WEIGHT = 0.5
#: Up to this many lines between the last paragraph and an ender rule belong to the body.
TAIL_LINES = 2
#: A list next to the body joins it when its items average this many words (menus have fewer).
LIST_ITEM_WORDS = 3
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
    #: a row of a table (three or more columns, among other such rows)
    table: bool = False

    @property
    def ender(self) -> bool:
        """The line matches a rule that ends the article ("Related stories", "Tags: ...")."""
        return self.rule is not None and self.rule.ends_article


@dataclass(frozen=True)
class Span:
    """The body lines `start`..`end` (inclusive indexes into the line list)."""

    start: int
    end: int
    title: int | None
    ended_by: str = ""
    #: why the title line was taken (names from `title.EVIDENCE`)
    title_evidence: tuple[str, ...] = ()


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
                key=fold(line.text) if n <= KEY_MAX_WORDS else "",  # only short lines are compared
                lowercase=lowercase_share(rest),
            )
        )
    return mark_tables(lines, out)


def mark_tables(lines: list[Line], measures: list[Measure]) -> list[Measure]:
    """Flag runs of at least `TABLE_MIN_ROWS` lines laid out in columns as table rows."""
    out = list(measures)
    run: list[int] = []
    for i in [*range(len(lines)), -1]:
        m = measures[i] if i >= 0 else None
        if m is not None and lines[i].cells >= TABLE_MIN_CELLS and m.words >= 2 and m.rule is None:
            run.append(i)
            continue
        if len(run) >= TABLE_MIN_ROWS:
            for j in run:
                out[j] = dataclasses.replace(out[j], table=True)
        run = []
    return out


def line_score(m: Measure) -> float:
    if m.rule is not None:
        return -RULE_PENALTY
    if m.prose or m.sentence:
        return m.words * min(1.0, m.lowercase / PROSE_LOWERCASE)
    if m.table:
        return m.words * TABLE_WEIGHT
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
            if m.ender and m.rule is not None:
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
        if start > 0 and lead_in(lines, measures, start - 1):
            start -= 1
    lead = end + 1 if end + 1 < len(lines) and lead_in(lines, measures, end + 1) else end
    after = items(range(lead + 1, len(lines)))
    if len(after) >= 2 and sum(measures[i].words for i in after) >= LIST_ITEM_WORDS * len(after):
        end = after[-1]
    return start, end


def lead_in(lines: list[Line], measures: list[Measure], i: int) -> bool:
    """Line `i` introduces a list ("The reasons are as follows:") and matches no rule."""
    return lines[i].text.endswith(":") and measures[i].rule is None and not measures[i].marker


def up_to_the_ender(measures: list[Measure], end: int) -> int:
    """Keep the few short lines between the last paragraph and an ender ("www.site.com")."""
    for i in range(end + 1, min(end + 1 + TAIL_LINES + 1, len(measures))):
        if measures[i].ender:
            return i - 1
    return end


#: lines that close what is above them, so they go with the article when they follow its last
#: paragraph: a wire service's credit line, an embedded post's attribution
CLOSING_LINES = (
    # (Reporting by Jane Doe; Editing by John Roe)
    re.compile(r"\((additional |extra )?(reporting|writing|editing|research|compiled|produced) "
               r"by [^()]+\)\.?", re.IGNORECASE),
    # — Jane Doe (@jdoe) May 4, 2019
    re.compile(r"[—–-] [^()]{1,80} \(@\w{1,15}\) \w{3,9}\.? \d{1,2}, \d{4}"),
)


def with_closing_line(lines: list[Line], end: int) -> int:
    """Take a line that closes the article (`CLOSING_LINES`), up to `TAIL_LINES` below the last
    paragraph, and so on from it (a wire credit under a quoted post's attribution)."""
    for i in range(end + 1, min(end + 1 + TAIL_LINES, len(lines))):
        if any(pattern.fullmatch(lines[i].text) for pattern in CLOSING_LINES):
            return with_closing_line(lines, i)
    return end


#: an author box reaches back over at most this many lines that start with the author's name
AUTHOR_BOX_LINES = 3
AUTHOR_BOX = "author box"
AUTHOR_NAMED = re.compile(r"\b(?:by|from)\s+(.+?)\W*$", re.IGNORECASE)


def without_author_box(lines: list[Line], measures: list[Measure], start: int, end: int) -> int:
    """Leave out the author box above "More articles from Jane Doe": the lines just before it
    that start with the author's names and no others (the name as a heading, "Jane joined ...")."""
    after = next((i for i in range(end + 1, min(end + 2 + TAIL_LINES, len(lines)))
                  if measures[i].rule is not None), end)
    rule = measures[after].rule if after > end else None
    if rule is None or rule.name != AUTHOR_BOX:
        return end
    named = AUTHOR_NAMED.search(lines[after].text)
    names = {w for w in named.group(1).split() if w[:1].isupper()} if named else set()
    taken = 0
    while names and end > start and taken < AUTHOR_BOX_LINES:
        leading = _leading_names(lines[end].text)
        if not leading or not leading <= names:  # "Jane joined ..." yes; "Jane Rossi, who ..." no
            break
        end, taken = end - 1, taken + 1
    return end


#: the words that open an author box headed with the author's name ("About Jane Doe"), by language
ABOUT_WORDS = ("about", "über", "sobre", "acerca de", "à propos de", "a propos de", "over", "informazioni su")
#: an "About Jane Doe" box is the body's last lines: its heading and at most this many after it
ABOUT_BOX_LINES = 2
ABOUT_NAME_WORDS = (2, 4)


def without_about_box(lines: list[Line], start: int, end: int) -> int:
    """Leave out an author box at the body's end headed "About Jane Doe" ("Über", "Sobre"...),
    when the line under the heading names that person: a section about something else
    ("About The Program") or one that goes on longer is the article's."""
    for i in range(max(start + 1, end - ABOUT_BOX_LINES), end):
        name = about_name(lines[i].text)
        if name and all(re.search(r"\b%s\b" % re.escape(word), lines[i + 1].text) for word in name):
            return i - 1
    return end


def about_name(text: str) -> list[str]:
    """The name words of an "About Jane Doe" line (capitalised, two to four of them), or []."""
    folded = text.casefold()
    lead = next((w for w in ABOUT_WORDS if folded.startswith(w + " ")), "")
    name = text[len(lead):].split() if lead else []
    low, high = ABOUT_NAME_WORDS
    if not (low <= len(name) <= high) or not all(w[:1].isupper() and w.isalpha() for w in name):
        return []
    return name


def _leading_names(text: str) -> set[str]:
    """The capitalised words a line starts with ("Jane Doe", "Jane" of "Jane joined ...")."""
    found = set()
    for word in text.lstrip("#•* ").split():
        if not word[:1].isupper():
            break
        found.add(without_possessive(word.strip(",.;:!?")))
    return found


def through_container(lines: list[Line], measures: list[Measure], end: int,
                      container: tuple[int, int] | None) -> int:
    """Let the body run on through the rest of the page's article container (HTML seeds).

    A saved page says which element holds its paragraphs; after the last
    paragraph the same element may go on with product boxes, lists or a
    closing note.  `container` holds that element's own flow: line numbers
    `first <= n < stop`.
    """
    if container is None:
        return end
    first, stop = container
    if not (end < len(lines) and first <= lines[end].number < stop):
        return end
    return run_on(lines, measures, end, end + 1, stop)


#: the body's last paragraph says that what follows belongs to it ("Check out our picks below.")
ANNOUNCES = re.compile(r"\b(below|as follows)\s*[.:]$", re.IGNORECASE)


def as_announced(lines: list[Line], measures: list[Measure], start: int, end: int) -> int:
    """Let the body run on after a last paragraph that announces what comes below it.

    The header under such a paragraph ("Don't Miss:") is the announced part's
    own, so the ender rule it matches is passed over; from there the body runs
    on as through an article container, up to the next ender.  Only the body's
    very last line counts: a lead-in whose list the body already holds
    ("... as follows:", then the items) has had what it announced.
    """
    last = measures[end] if start <= end else None
    if last is None or not (last.prose or last.sentence) or not ANNOUNCES.search(lines[end].text):
        return end
    header = next((i for i in range(end + 1, min(end + 1 + TAIL_LINES, len(lines)))
                   if measures[i].ender), end)
    return run_on(lines, measures, end, header + 1, lines[-1].number + 1)


def next_ender(measures: list[Measure], end: int) -> str:
    """The name of the first ender rule after line `end`, or "" when none follows."""
    return next((m.rule.name for m in measures[end + 1:] if m.ender and m.rule is not None), "")


def run_on(lines: list[Line], measures: list[Measure], end: int, begin: int, stop: int) -> int:
    """How far past `end` the body goes: over lines `begin`.. numbered below `stop`, the stretch
    that adds most to its score (so a trail of short lines is left out), never past an ender."""
    total = best = 0.0
    taken = end
    for i in range(begin, len(lines)):
        m = measures[i]
        if lines[i].number >= stop or m.ender:
            break
        total += container_score(m)
        if total > best:
            best, taken = total, i
    return taken


def container_score(m: Measure) -> float:
    """A line's score inside the article element: the page's structure has already removed its
    furniture, so a short line costs nothing and a list of real items counts as text."""
    if m.rule is not None or m.prose or m.sentence or m.table:
        return line_score(m)
    if m.marker and m.words >= LIST_ITEM_WORDS:
        return m.words * TABLE_WEIGHT
    return 0.0


def locate(lines: list[Line], measures: list[Measure], container: tuple[int, int] | None = None) -> Span:
    start, end = best_run([line_score(m) for m in measures])
    parts = segments(lines, measures, start, end)
    ended_by = ""
    if parts:
        start, end, ended_by = body_segments(parts)
        start, end = take_adjacent_lists(lines, measures, start, end)
        end = up_to_the_ender(measures, end)
        end = with_closing_line(lines, end)
        end = through_container(lines, measures, end, container)
        announced = as_announced(lines, measures, start, end)
        if announced > end:
            ended_by, end = next_ender(measures, announced), announced
        end = without_author_box(lines, measures, start, end)
        trimmed = without_about_box(lines, start, end)
        ended_by, end = (AUTHOR_BOX, trimmed) if trimmed < end else (ended_by, end)
    else:
        start, end = 0, len(lines) - 1
    title = find_title(lines, measures, start, end)
    if title is None:
        return Span(start, end, None, ended_by)
    return Span(max(start, title.index + 1), end, title.index, ended_by, title.evidence)
