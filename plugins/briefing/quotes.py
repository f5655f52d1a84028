"""Quotes and their speakers; the pull quotes chosen from them.

A quote is a passage in straight or curly double quotes.  Fragments of one
sentence interrupted by an attribution (“If you don’t spend it,” he warned,
“accept ...”) are joined.  The speaker is the name next to a speech verb in
the same paragraph; a pronoun ("he warned") is the last speaker named before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Block, Kind, Quote
from .text import NAME_PARTICLES, without_possessive, words

QUOTED = re.compile(r"“([^”]{2,}?)”|\"([^\"]{2,}?)\"|«([^»]{2,}?)»|„([^“”]{2,}?)[“”]")
SPEECH_VERBS = (
    r"said|says|warned|warns|added|adds|told|stressed|argued|explained|noted|insisted|"
    r"asked|declared|wrote|continued|concluded|claimed|replied|urged|"
    r"emphasized|emphasised|acknowledged|admitted|recalled|observed|cautioned"
)
#: strings one of which a text must contain to attribute a quote ("according to" is VERB_NAME's)
VERB_WORDS = (*SPEECH_VERBS.split("|"), "according to")
#: a capitalised word with a lower-case letter in it ("McDonald", not "NATO"), taken whole (`*+`
#: never gives characters back: trying every split of a long word made names quadratic)
NAME_WORD = r"[A-Z](?=[\w’'\-]*[a-z])[\w’'\-]*+"
NAME = rf"{NAME_WORD}(?:\s+(?:(?:of|for|{NAME_PARTICLES})\s+)*{NAME_WORD}){{0,4}}"
#: a first name and a surname, overlapping ("Mark Rutte", "Ursula von der Leyen")
#: (a pattern that can only start at a capital says so first, `(?=[A-Z])`: the regex engine then
#: jumps from capital to capital instead of trying the rest of the pattern at every position)
FULL_NAME = re.compile(rf"(?=[A-Z])(?=\b([A-Z][a-z]+)\s+((?:{NAME_PARTICLES}\s+)*[A-Z][a-z\-]+)\b)")
NAME_VERB = re.compile(rf"({NAME})\s+(?:{SPEECH_VERBS})\b")
VERB_NAME = re.compile(rf"\b(?:{SPEECH_VERBS}|according to)\s+({NAME})")
PRONOUN_VERB = re.compile(rf"\b(?:(he|she|they)\s+(?:{SPEECH_VERBS})|(?:{SPEECH_VERBS})\s+(he|she|they))\b",
                          re.IGNORECASE)
ATTRIBUTION = re.compile(rf"(?:\S+\s+){{0,5}}(?:{SPEECH_VERBS})(?:\s+\S+){{0,5}}")
STRIKING = re.compile(
    r"\b(never|always|all|no|nothing|every|must|wrong|war|target|accept|fail|"
    r"danger|threat|only|everyone|nobody|we|us|our)\b",
    re.IGNORECASE,
)
NOT_NAMES = {
    "The", "This", "That", "It", "He", "She", "They", "We", "I", "A", "An", "But", "And", "What",
    "When", "While", "As", "So", "Yet", "Then", "Still", "Now", "However", "Also", "In", "On", "At",
}
#: words that make a capitalised pair a place or a body, never a person ("United States")
NOT_PERSON = frozenset(
    "United States Kingdom Union Nations Republic Council Commission Ministry Department House Party "
    "Bank Fund Agency Office Court Parliament Congress Senate Assembly Army Forces Guard Police Street "
    "City County Province Region Sea Ocean River North South East West Eastern Western Northern Southern "
    "European American African Asian Atlantic Pacific Middle New Saudi Arabia Korea Africa America "
    "Emirates Airlines Group Company Corporation University School Times Post News Media".split()
)
#: words of office dropped from the front of a speaker's name ("Senator Maria Alvarez")
TITLES = frozenset(
    "Senator Sen President Vice Secretary General Commissioner Minister Prime Governor Gov Rep "
    "Representative Mayor Dr Mr Mrs Ms Professor Prof Chancellor Chairman Chairwoman Chair Judge "
    "Justice Gen Col Lt Sgt Captain Chief Director Ambassador King Queen Prince Princess Pope "
    "Sheikh Speaker Leader Deputy Foreign Defence Defense Finance Transport Health".split()
)
MIN_QUOTE_WORDS = 4
PULL_MIN_WORDS = 5
PULL_MAX_WORDS = 40
#: how far after or before a quote its attribution is looked for (characters)
ATTRIBUTION_REACH = 80


@dataclass(frozen=True)
class Passage:
    """A quote as found: its text and where it starts and ends in the paragraph."""

    text: str
    start: int
    end: int
    #: the words between two joined fragments ("he warned"), the likeliest attribution
    between: str = ""


def find_quotes(blocks: list[Block]) -> list[Quote]:
    """Every quote in the body's paragraphs, in order, with its speaker if known."""
    names = _full_names(blocks)
    full = frozenset(names.values())
    quotes: list[Quote] = []
    last_speaker = last_mentioned = ""
    for index, block in enumerate(blocks):
        if block.kind is not Kind.PARAGRAPH:
            continue
        for passage in passages(block.text):
            speaker, pronoun = _attribution(block.text, passage, names)
            if not speaker and pronoun:
                speaker = (_named(block.text[: passage.start], names, last=True) or last_speaker
                           or _mentioned(block.text[: passage.start], full) or last_mentioned)
            if speaker:
                last_speaker = speaker
            if words(passage.text) >= MIN_QUOTE_WORDS:
                quotes.append(Quote(passage.text, speaker, index, block.line))
        outside = QUOTED.sub(" ", block.text)
        named = _named(outside, names)
        if named:
            last_speaker = named
        last_mentioned = _mentioned(outside, full) or last_mentioned
    return quotes


def passages(text: str) -> list[Passage]:
    """The quoted passages of a paragraph; fragments split by "he said" are joined."""
    out: list[Passage] = []
    for m in QUOTED.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        between = text[out[-1].end : m.start()] if out else ""
        if out and out[-1].text.endswith(",") and ATTRIBUTION.fullmatch(between.strip(" ,")):
            out[-1] = Passage(out[-1].text + " " + inner, out[-1].start, m.end(), between)
        else:
            out.append(Passage(inner, m.start(), m.end()))
    return out


def _attribution(text: str, passage: Passage, names: dict[str, str]) -> tuple[str, bool]:
    """(speaker, said-by-a-pronoun) for a passage, looking after it, inside it, then before it."""
    after = text[passage.end : passage.end + ATTRIBUTION_REACH]
    after = after.split(".")[0] if not after.startswith(".") else ""
    before = text[max(0, passage.start - ATTRIBUTION_REACH) : passage.start]
    before = re.split(r"[.!?]\s", before)[-1]
    for part in (passage.between, after, before):
        found = _named(part, names)
        if found:
            return found, False
        if PRONOUN_VERB.search(part):
            return "", True
    return "", False


def _named(text: str, names: dict[str, str], last: bool = False) -> str:
    """The first (or `last`) person named next to a speech verb in `text`."""
    if not any(map(text.__contains__, VERB_WORDS)):
        return ""  # no speech verb, no attribution: a substring test rules most paragraphs out
    found = [(m.start(), m.group(1)) for pattern in (NAME_VERB, VERB_NAME) for m in pattern.finditer(text)]
    for _, candidate in sorted(found, reverse=last):
        name = _valid(candidate, names)
        if name:
            return name
    return ""


def _mentioned(text: str, full: frozenset[str]) -> str:
    """The last full name ("Maria Alvarez") that `text` mentions, speaking or not."""
    names = [first + " " + rest for first, rest in FULL_NAME.findall(text)]  # in text order
    return next((name for name in reversed(names) if name in full), "")


def _valid(candidate: str, names: dict[str, str]) -> str:
    """A speaker's full name, or "" when `candidate` is not a person's name we know."""
    parts = without_possessive(candidate.strip()).split()
    while parts and parts[0] in NOT_NAMES:
        parts.pop(0)
    while len(parts) > 2 and (parts[0].rstrip(".") in TITLES or parts[0] in ("of", "for")):
        del parts[: 2 if parts[0] in ("of", "for") else 1]
    if not parts:
        return ""
    if len(parts) == 1:
        return names.get(parts[0], "")
    if any(p in NOT_PERSON for p in parts):
        return ""
    name = " ".join(parts)
    return names.get(name, name)


def _full_names(blocks: list[Block]) -> dict[str, str]:
    """Map a surname to the full name the text also uses ("Rutte" -> "Mark Rutte",
    "Leyen" -> "Ursula von der Leyen")."""
    pairs: dict[str, dict[str, int]] = {}
    for block in blocks:
        for first, rest in FULL_NAME.findall(block.text):
            if first not in NOT_NAMES:
                pair = first + " " + rest
                seen = pairs.setdefault(rest.split()[-1], {})
                seen[pair] = seen.get(pair, 0) + 1
    chosen = {surname: max(seen, key=lambda k: seen[k]) for surname, seen in pairs.items()}
    return {surname: name for surname, name in chosen.items()
            if not any(w in NOT_PERSON for w in name.split())}


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
