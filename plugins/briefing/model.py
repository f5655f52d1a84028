"""The small frozen values every stage passes on.

A seed is read into `Line`s; each line gets exactly one `Decision` (what it
became and why); kept lines are grouped into `Block`s; the enriched result is
an `Article`.  Stages never log: they return `Diagnostic`s and the adapter
(or the CLI) prints them as ``seeds/x.txt:12: message``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """What a line of a seed became.  The values are the words `explain` prints."""

    TITLE = "title"
    CAPTION = "caption"
    BYLINE = "byline"
    DATELINE = "dateline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list item"
    CONTINUATION = "continuation"
    DROPPED = "dropped"


@dataclass(frozen=True)
class Line:
    """One physical line of the seed (or one of its side columns), numbered from 1, after decoding."""

    number: int
    text: str
    blank_before: int = 0
    blank_after: int = 0
    #: columns separated by runs of spaces, as a text browser lays out a table row
    cells: int = 1


@dataclass(frozen=True)
class Decision:
    """The fate of one line: its kind and the rule that decided it."""

    line: Line
    kind: Kind
    reason: str


@dataclass(frozen=True)
class Diagnostic:
    """A message about a place in a seed (line 0 means the whole file)."""

    line: int
    message: str
    level: str = "warning"
    column: int = 0

    def format(self, name: str) -> str:
        where = f"{name}:{self.line}" if self.line else name
        if self.column:
            where += f":{self.column}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Block:
    """A unit of the article body: a heading, a paragraph or a whole list."""

    kind: Kind
    text: str
    line: int
    items: tuple[str, ...] = ()
    ordered: bool = False
    anchor: str = ""


@dataclass(frozen=True)
class Quote:
    """A quoted passage of the body, with its speaker when the text names one."""

    text: str
    speaker: str
    block: int
    line: int
    score: float = 0.0


@dataclass(frozen=True)
class Figure:
    """A key figure with its context, the rule that found it and where it stands."""

    text: str
    rule: str
    block: int
    line: int


@dataclass(frozen=True)
class Speaker:
    """Someone the article quotes: how often, and the first quote."""

    name: str
    quotes: int
    first: str
    block: int
    line: int


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str


@dataclass(frozen=True)
class Article:
    """Everything the emitter needs; built by `pipeline.convert`."""

    title: str
    blocks: tuple[Block, ...]
    decisions: tuple[Decision, ...]
    caption: str = ""
    author: str = ""
    source: str = ""
    source_url: str = ""
    date: str = ""
    date_from: str = ""
    slug: str = ""
    summary: str = ""
    tags: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    pull_quotes: tuple[Quote, ...] = ()
    sections: tuple[Section, ...] = ()
    figures: tuple[Figure, ...] = ()
    quoted: tuple[Speaker, ...] = ()
    words: int = 0
    reading_minutes: int = 0
    diagnostics: tuple[Diagnostic, ...] = field(default=())
