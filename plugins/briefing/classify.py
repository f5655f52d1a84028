"""Stage 3, classify: every line gets one `Decision` (kind + reason).

An ordered table of small processors, each with `test` (does it apply to this
line?) and `run` (the decision).  The first that applies wins; the catch-all
paragraph processor comes last.  The order is written down once, in
`PROCESSORS`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .config import Config
from .locate import Measure, Span, locate, measure
from .model import Decision, Kind, Line
from .rules import BYLINE, DATE, is_dateline
from .text import NUMBERED, is_sentence

DATELINE_MAX_WORDS = 14
HEADING_MAX_WORDS = 16
CAPTION_MIN_WORDS = 4
#: photo captions are looked for among this many first lines of the body
CAPTION_REACH = 4
CAPTION_MAX_WORDS = 50
#: ... ending on a date at most this many characters before the end
DATE_AT_END = 12
PICTURE_CUE = re.compile(
    r"\b(pictured|stock (image|photo)|file (image|photo)|(in )?this (handout )?(image|photo|photograph)|"
    r"(photo|image) (shows|taken))\b", re.IGNORECASE)


@dataclass(frozen=True)
class Context:
    lines: list[Line]
    measures: list[Measure]
    span: Span
    config: Config
    #: line index -> index of the ender rule line whose box it is in
    boxes: dict[int, int]
    #: comparison key -> index of its first line above the body
    above: dict[str, int]
    #: comparison key -> how many lines of the body have it
    in_body: Counter[str]

    def next_kept_is_prose(self, i: int) -> bool:
        for j in range(i + 1, min(self.span.end + 1, i + 4)):
            m = self.measures[j]
            if m.rule is not None:
                continue
            return m.prose or m.sentence or bool(m.marker)
        return False


class Processor:
    kind: Kind = Kind.DROPPED

    def test(self, ctx: Context, i: int) -> str | None:
        """The reason this processor applies to line `i`, or None."""
        raise NotImplementedError

    def run(self, ctx: Context, i: int, reason: str) -> Decision:
        return Decision(ctx.lines[i], self.kind, reason)


class Title(Processor):
    kind = Kind.TITLE

    def test(self, ctx: Context, i: int) -> str | None:
        if i != ctx.span.title:
            return None
        return "headline: " + (", ".join(ctx.span.title_evidence) or "the best line there was")


class Byline(Processor):
    kind = Kind.BYLINE

    def test(self, ctx: Context, i: int) -> str | None:
        if not _near_top(ctx, i) or ctx.measures[i].words > DATELINE_MAX_WORDS:
            return None
        return "byline" if BYLINE.match(ctx.lines[i].text) else None


class Dateline(Processor):
    kind = Kind.DATELINE

    def test(self, ctx: Context, i: int) -> str | None:
        if not _near_top(ctx, i) or ctx.measures[i].words > DATELINE_MAX_WORDS:
            return None
        return "dateline" if is_dateline(ctx.lines[i].text) else None


class Caption(Processor):
    kind = Kind.CAPTION

    def test(self, ctx: Context, i: int) -> str | None:
        title = ctx.span.title
        if title is None or not title < i < ctx.span.start:
            return None
        m = ctx.measures[i]
        if m.rule is not None or m.words < CAPTION_MIN_WORDS:
            return None
        if any(ctx.measures[j].rule is None and ctx.measures[j].words >= CAPTION_MIN_WORDS
               and j != i and _is_caption_slot(ctx, j) for j in range(title + 1, i)):
            return None
        return "line between the title and the body"


class PhotoCaption(Processor):
    """A photo caption at the top of the body: it describes a picture ("A cyclist
    rides past...", "pictured", "in this photo") and ends on the date it was taken,
    or sits right above a photo credit."""

    kind = Kind.CAPTION

    def test(self, ctx: Context, i: int) -> str | None:
        if not ctx.span.start <= i < ctx.span.start + CAPTION_REACH or i > ctx.span.end:
            return None
        m = ctx.measures[i]
        text = ctx.lines[i].text
        if m.rule is not None or m.words > CAPTION_MAX_WORDS or m.words < CAPTION_MIN_WORDS:
            return None
        following = ctx.measures[i + 1].rule if i + 1 < len(ctx.lines) else None
        if following is not None and following.name == "photo credit":
            return "photo caption above a photo credit"
        if PICTURE_CUE.search(text):
            return "photo caption at the top of the body"
        date = DATE.search(text)
        if date and date.start() > 0.5 * len(text) and len(text) - date.end() < DATE_AT_END:
            return "photo caption at the top of the body (ends on a date)"
        return None


class TitleRepeat(Processor):
    def test(self, ctx: Context, i: int) -> str | None:
        title = ctx.span.title
        if title is None or not title < i < ctx.span.start + CAPTION_REACH:
            return None
        if ctx.measures[i].key != ctx.measures[title].key:
            return None
        return "repeats the title"


class Outside(Processor):
    def test(self, ctx: Context, i: int) -> str | None:
        if i < ctx.span.start:
            return "before the article body"
        if i > ctx.span.end:
            if ctx.span.ended_by:
                return "after the article body (ended by %s)" % ctx.span.ended_by
            return "after the article body"
        return None


class Boilerplate(Processor):
    def test(self, ctx: Context, i: int) -> str | None:
        rule = ctx.measures[i].rule
        return rule.name if rule is not None else None


class InsideBox(Processor):
    """Short lines after a "Most read" or "Related" header inside the body, up to
    the next paragraph: a box of teasers the article text flows around."""

    def test(self, ctx: Context, i: int) -> str | None:
        header = ctx.boxes.get(i)
        return None if header is None else "inside the box under line %d" % ctx.lines[header].number


class Repeated(Processor):
    """A short line the page already showed before the article: a menu item or
    section name echoed in the body.  Lines repeated inside the body (the same
    question in a series of interviews) are the article's own."""

    def test(self, ctx: Context, i: int) -> str | None:
        m = ctx.measures[i]
        if m.prose or not m.key:
            return None
        j = ctx.above.get(m.key)
        return None if j is None else "repeats line %d, above the article" % ctx.lines[j].number


class ListItem(Processor):
    kind = Kind.LIST_ITEM

    def test(self, ctx: Context, i: int) -> str | None:
        if not ctx.measures[i].marker:
            return None
        numbered = bool(NUMBERED.match(ctx.lines[i].text))
        neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(ctx.lines) and ctx.measures[j].marker
                      and bool(NUMBERED.match(ctx.lines[j].text)) == numbered]
        if not neighbours:
            return None  # a list has at least two items; a lone "1." or "*" is text
        return "numbered list item" if numbered else "bulleted list item"


class Heading(Processor):
    kind = Kind.HEADING

    def test(self, ctx: Context, i: int) -> str | None:
        m = ctx.measures[i]
        text = ctx.lines[i].text
        if m.words > HEADING_MAX_WORDS or m.words == 0 or m.prose or m.table:
            return None
        if is_sentence(text) and not text.endswith("?"):
            return None
        if text.endswith((",", ";", ":", "-", "–", "—")) or text[:1].islower():
            return None
        if _continues_on_next(ctx, i) or is_dateline(text) or BYLINE.match(text):
            return None
        if m.words < 2 and not text.isupper():
            return None  # a lone word ("Advert", "6") is a label, not a section
        if ctx.in_body[m.key] > 1:
            return None  # a heading names one section; a line the body repeats ("Buy Now") is a label
        return "short title-like line before prose" if ctx.next_kept_is_prose(i) else None


class Paragraph(Processor):
    kind = Kind.PARAGRAPH

    def test(self, ctx: Context, i: int) -> str | None:
        m = ctx.measures[i]
        return "prose" if m.prose else "table row" if m.table else "short line inside the body"


#: The processors, in the order they are tried.
PROCESSORS: tuple[Processor, ...] = (
    Title(),
    Byline(),
    Dateline(),
    Caption(),
    Outside(),
    PhotoCaption(),
    TitleRepeat(),
    Boilerplate(),
    InsideBox(),
    Repeated(),
    ListItem(),
    Heading(),
    Paragraph(),
)


def _continues_on_next(ctx: Context, i: int) -> bool:
    """The next line follows without a blank line and starts in lower case."""
    line = ctx.lines[i]
    if line.blank_after or i + 1 >= len(ctx.lines):
        return False
    return ctx.lines[i + 1].text[:1].islower()


def _near_top(ctx: Context, i: int) -> bool:
    top = ctx.span.title if ctx.span.title is not None else ctx.span.start
    return top <= i <= ctx.span.start + 2


def _is_caption_slot(ctx: Context, j: int) -> bool:
    return not (Byline().test(ctx, j) or Dateline().test(ctx, j))


def find_boxes(lines: list[Line], measures: list[Measure], span: Span) -> dict[int, int]:
    """Non-prose lines that follow an ender rule inside the body, up to the next prose line."""
    boxes: dict[int, int] = {}
    header: int | None = None
    for i in range(span.start, span.end + 1):
        m = measures[i]
        if m.prose or m.sentence or lines[i].text.endswith(":"):
            header = None  # the article resumes (a paragraph, or a lead-in to a list)
        elif m.ender:
            header = i
        elif header is not None:
            boxes[i] = header
    return boxes


def classify(lines: list[Line], config: Config,
             container: tuple[int, int] | None = None) -> tuple[list[Decision], Span]:
    measures = measure(lines, config)
    span = locate(lines, measures, container)
    above: dict[str, int] = {}
    for j in range(span.start):
        above.setdefault(measures[j].key, j)
    in_body = Counter(measures[j].key for j in range(span.start, span.end + 1))
    ctx = Context(lines, measures, span, config, find_boxes(lines, measures, span), above, in_body)
    decisions = []
    for i in range(len(lines)):
        for processor in PROCESSORS:
            reason = processor.test(ctx, i)
            if reason is not None:
                decisions.append(processor.run(ctx, i, reason))
                break
    return decisions, span
