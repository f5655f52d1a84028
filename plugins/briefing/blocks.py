"""Stage 4, assemble: kept lines -> body `Block`s.

Paragraph lines that the copy broke mid-sentence are re-joined (with an em
dash when nothing but the line break separated two clauses, the usual trace of
a lost dash); consecutive list items, blank lines between them or not, become
one list; headings get stable, unique, readable anchors.
"""

from __future__ import annotations

from .model import Block, Decision, Kind
from .slug import slugify, unique
from .text import NUMBERED, strip_marker

BODY_KINDS = (Kind.PARAGRAPH, Kind.HEADING, Kind.LIST_ITEM)
SOFT_ENDS = (",", "-", "(", "/", "&")


def joins_previous(prev: Decision, cur: Decision) -> bool:
    """True when `cur` continues the sentence `prev` broke off."""
    if prev.kind not in (Kind.PARAGRAPH, Kind.CONTINUATION) or cur.kind is not Kind.PARAGRAPH:
        return False
    if prev.line.blank_after or cur.line.number != prev.line.number + 1:
        return False
    first = cur.line.text[:1]
    return first.islower() and not prev.line.text.endswith((".", "!", "?", ":", ";"))


def joint(prev: str) -> str:
    """What goes between a broken line `prev` and its continuation."""
    if prev.endswith("-") and not prev.endswith(" -"):
        return ""  # a hyphenated word split over two lines
    if prev.endswith(SOFT_ENDS):
        return " "
    return " \u2014 "  # nothing but the line break: the trace of a lost dash


def mark_continuations(decisions: list[Decision]) -> list[Decision]:
    """Re-label paragraph lines that continue the previous line as `CONTINUATION`."""
    out: list[Decision] = []
    last_body: Decision | None = None
    for d in decisions:
        if last_body is not None and joins_previous(last_body, d):
            d = Decision(d.line, Kind.CONTINUATION, "continues line %d" % last_body.line.number)
        last_body = d if d.kind in (*BODY_KINDS, Kind.CONTINUATION) else None
        out.append(d)
    return out


def assemble(decisions: list[Decision]) -> list[Block]:
    blocks: list[Block] = []
    pieces: list[str] = []  # the paragraph being joined, in pieces (joining as we go is quadratic)
    for d in decisions:
        if d.kind is Kind.CONTINUATION and pieces:
            pieces += [joint(pieces[-1]), d.line.text]
            continue
        if d.kind is Kind.CONTINUATION:  # never after anything but a paragraph; kept all the same
            d = Decision(d.line, Kind.PARAGRAPH, d.reason)
        if len(pieces) > 1:
            last = blocks[-1]
            blocks[-1] = Block(last.kind, "".join(pieces), last.line)
        pieces = [d.line.text] if d.kind is Kind.PARAGRAPH else []
        if d.kind is Kind.PARAGRAPH:
            blocks.append(Block(Kind.PARAGRAPH, d.line.text, d.line.number))
        elif d.kind is Kind.HEADING:
            blocks.append(Block(Kind.HEADING, d.line.text, d.line.number))
        elif d.kind is Kind.LIST_ITEM:
            _add_item(blocks, d)
    if len(pieces) > 1:
        blocks[-1] = Block(blocks[-1].kind, "".join(pieces), blocks[-1].line)
    return _with_anchors(blocks)


def _add_item(blocks: list[Block], d: Decision) -> None:
    _, item = strip_marker(d.line.text)
    ordered = bool(NUMBERED.match(d.line.text))
    last = blocks[-1] if blocks else None
    if last is not None and last.kind is Kind.LIST_ITEM and last.ordered == ordered:
        blocks[-1] = Block(Kind.LIST_ITEM, "", last.line, (*last.items, item), ordered)
    else:
        blocks.append(Block(Kind.LIST_ITEM, "", d.line.number, (item,), ordered))


def _with_anchors(blocks: list[Block]) -> list[Block]:
    taken: set[str] = set()
    out = []
    for b in blocks:
        if b.kind is Kind.HEADING:
            anchor = unique(slugify(b.text) or "section", taken)
            b = Block(b.kind, b.text, b.line, anchor=anchor)
        out.append(b)
    return out
