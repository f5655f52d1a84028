"""Quotes and their speakers; the pull quotes chosen from them.

A quote is a passage in straight or curly double quotes.  Fragments of one
sentence interrupted by an attribution (“If you don’t spend it,” he warned,
“accept ...”) are joined.  The speaker is the name next to a speech verb in
the same paragraph; a pronoun ("he warned") is the last speaker named before.
"""

from __future__ import annotations

import re

from .model import Block, Kind, Quote
from .text import words

QUOTED = re.compile(r"“([^”]{2,}?)”|\"([^\"]{2,}?)\"|«([^»]{2,}?)»|„([^“”]{2,}?)[“”]")
SPEECH_VERBS = (
    r"said|says|warned|warns|added|adds|told|stressed|argued|explained|noted|insisted|"
    r"asked|declared|wrote|according to|continued|concluded|claimed|replied|urged|"
    r"emphasized|emphasised|acknowledged|admitted|recalled|observed|cautioned"
)
NAME = r"(?:[A-Z][\w’'\-.]+(?:\s+(?:de|van|von|der|da|al|bin)?\s*[A-Z][\w’'\-]+){0,3})"
NAME_BEFORE = re.compile(rf"({NAME})\s+(?:{SPEECH_VERBS})\b")
NAME_AFTER = re.compile(rf"\b(?:{SPEECH_VERBS})\s+({NAME})")
ATTRIBUTION = re.compile(rf"(?:\S+\s+){{0,3}}(?:{SPEECH_VERBS})(?:\s+\S+){{0,3}}")
PRONOUN = re.compile(rf"\b(he|she|they)\s+(?:{SPEECH_VERBS})\b", re.IGNORECASE)
STRIKING = re.compile(
    r"\b(never|always|all|no|nothing|every|must|wrong|war|target|accept|fail|"
    r"danger|threat|only|everyone|nobody|we|us|our)\b",
    re.IGNORECASE,
)
NOT_NAMES = {
    "The", "This", "That", "It", "He", "She", "They", "We", "I", "A", "An", "But", "And", "What",
    "When", "While", "As", "So", "Yet", "Then", "Still", "Now", "However", "Also", "In", "On", "At",
}
MIN_QUOTE_WORDS = 4
PULL_MIN_WORDS = 5
PULL_MAX_WORDS = 40


def find_quotes(blocks: list[Block]) -> list[Quote]:
    """Every quote in the body's paragraphs, in order, with its speaker if known."""
    names = _full_names(blocks)
    quotes: list[Quote] = []
    last_speaker = ""
    for index, block in enumerate(blocks):
        if block.kind is not Kind.PARAGRAPH:
            continue
        outside = QUOTED.sub(" ", block.text)
        speaker = _speaker(outside, names) or (last_speaker if PRONOUN.search(outside) else "")
        if speaker:
            last_speaker = speaker
        for text in _joined_fragments(block.text):
            if words(text) >= MIN_QUOTE_WORDS:
                quotes.append(Quote(text, speaker, index, block.line))
    return quotes


def _joined_fragments(text: str) -> list[str]:
    found = [(m.start(), m.end(), next(g for g in m.groups() if g is not None))
             for m in QUOTED.finditer(text)]
    out: list[str] = []
    prev_end = -1
    for start, end, inner in found:
        between = text[prev_end:start] if prev_end >= 0 else ""
        if out and out[-1].endswith(",") and ATTRIBUTION.fullmatch(between.strip(" ,")):
            out[-1] = out[-1] + " " + inner.strip()
        else:
            out.append(inner.strip())
        prev_end = end
    return out


def _speaker(text: str, names: dict[str, str]) -> str:
    for pattern in (NAME_BEFORE, NAME_AFTER):
        for m in pattern.finditer(text):
            parts = m.group(1).strip(" .").split()
            while parts and parts[0] in NOT_NAMES:
                parts.pop(0)
            if parts:
                name = " ".join(parts)
                return names.get(name, name)
    return ""


def _full_names(blocks: list[Block]) -> dict[str, str]:
    """Map a surname to the full name the text also uses ("Rutte" -> "Mark Rutte")."""
    pairs: dict[str, dict[str, int]] = {}
    pattern = re.compile(r"\b([A-Z][a-z]+)\s+([A-Z][a-z\-]+)\b")
    for block in blocks:
        for m in pattern.finditer(block.text):
            if m.group(1) not in NOT_NAMES:
                seen = pairs.setdefault(m.group(2), {})
                seen[m.group(0)] = seen.get(m.group(0), 0) + 1
    return {surname: max(seen, key=lambda k: seen[k]) for surname, seen in pairs.items()}


def pull_quote_score(quote: Quote) -> float:
    n = words(quote.text)
    if not PULL_MIN_WORDS <= n <= PULL_MAX_WORDS:
        return 0.0
    score = 1.0
    if quote.speaker:
        score += 2.0
    if quote.text[:1].isupper():
        score += 1.0
    if quote.text.rstrip("”\"'’").endswith((".", "!", "?", ",")):
        score += 0.5
    score += min(len(STRIKING.findall(quote.text)), 3) * 0.5
    score += 0.5 if 8 <= n <= 25 else 0.0
    return score


def choose_pull_quotes(quotes: list[Quote], most: int, least: int) -> list[Quote]:
    """The best `least`..`most` quotes: attributed and complete first, one per paragraph."""
    scored = sorted(
        (Quote(q.text, q.speaker, q.block, q.line, pull_quote_score(q)) for q in quotes),
        key=lambda q: (-q.score, q.line),
    )
    chosen: list[Quote] = []
    for q in scored:
        if q.score < 3.0 and len(chosen) >= least:
            break
        if q.score <= 0 or any(c.block == q.block for c in chosen):
            continue
        chosen.append(q)
        if len(chosen) == most:
            break
    return sorted(chosen, key=lambda q: q.line)


def pull_quote_text(text: str) -> str:
    """A quote as shown in large type: a trailing comma becomes a full stop."""
    text = text.strip()
    return text[:-1] + "." if text.endswith(",") else text
