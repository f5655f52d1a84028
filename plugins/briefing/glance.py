"""At a glance: the key figures of a briefing and who is quoted in it (pure).

A *figure* is a number that carries the story, always with its context: the
clause around it, cut to a few words ("up to 5% of GDP on defense by 2035",
"can reach European cities in five to ten minutes").  Which numbers count is
data (`FIGURE_RULES`: percentages, sums of money, counts of people or things,
spans of time), and every figure says which rule found it, so `briefing
explain` can show why.  A bare year or a number with no words around it is
never a figure.  At most `Config.max_figures` are kept: the strongest rules
first, then the earliest, shown in the order of the text.

*Who is quoted*: every named speaker of the article's quotes, how often they
are quoted, and their first quote, with the block it is in (the page links to
it).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .model import Block, Figure, Kind, Quote, Speaker

NUMBER_WORDS = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
                r"forty|fifty|a hundred|hundreds|thousands|dozens)")
NUMBER = r"(?:\d+(?:[.,]\d+)*)"
RANGE = rf"(?:{NUMBER}|{NUMBER_WORDS})(?:\s?(?:–|-|to|or)\s?(?:{NUMBER}|{NUMBER_WORDS}))?"
SCALE = r"(?:\s?(?:million|billion|trillion|bn|thousand))?"


class FigureRule(NamedTuple):
    """One kind of figure: its name (the reason `explain` gives), pattern and weight."""

    name: str
    pattern: re.Pattern[str]
    weight: float


FIGURE_RULES: tuple[FigureRule, ...] = (
    FigureRule("percentage", re.compile(
        rf"\b{NUMBER}(?:\s?(?:–|-|to)\s?{NUMBER})?\s?(?:%|per ?cent\b|percent\b)", re.IGNORECASE), 3.0),
    FigureRule("money", re.compile(
        rf"(?:[$€£¥]\s?{NUMBER}{SCALE}\b|\b{RANGE}{SCALE}\s(?:dollars|euros|pounds|yen|yuan|rubles|roubles)\b)",
        re.IGNORECASE), 3.0),
    FigureRule("count", re.compile(
        rf"\b{RANGE}{SCALE}\s(?:[a-z-]+\s)?(?:people|troops|soldiers|civilians|refugees|homes|households|jobs|"
        r"deaths|cases|votes|members|countries|states|nations|drones|missiles|tanks|aircraft|jets|ships|"
        r"tonnes|tons|barrels|kilometres|kilometers|km|miles|megawatts|gigawatts|residents|workers|"
        r"patients|students|children|users|companies|plants|units)\b", re.IGNORECASE), 2.0),
    FigureRule("span of time", re.compile(
        rf"\b{RANGE}\s(?:seconds|minutes|hours|days|weeks|months|years|decades)\b", re.IGNORECASE), 1.5),
)
#: a clause ends at these marks
CLAUSE_END = re.compile(r"[,;:.!?()\[\]“”\"—]|\s–\s")
#: ... and context never runs past these words
STOP_WORDS = frozenset("and but which who that while whereas because although as said says told "
                       "warned added".split())
BEFORE_WORDS = 5
QUALIFIER_WORDS = 2
AFTER_WORDS = 7
#: a figure needs at least this many words of context besides itself
MIN_CONTEXT_WORDS = 2


def find_figures(blocks: tuple[Block, ...] | list[Block], most: int) -> list[Figure]:
    """The key figures of the body, at most `most`, in text order."""
    found: list[tuple[float, int, Figure]] = []
    seen: set[str] = set()
    order = 0
    for index, block in enumerate(blocks):
        if block.kind is Kind.HEADING:
            continue
        for text in (block.text, *block.items):
            for rule in FIGURE_RULES:
                for m in rule.pattern.finditer(text):
                    phrase = context(text, m.start(), m.end())
                    value = m.group(0).casefold()
                    if phrase is None or value in seen:
                        continue
                    seen.add(value)
                    order += 1
                    found.append((rule.weight, order, Figure(phrase, rule.name, index, block.line)))
    best = sorted(found, key=lambda f: (-f[0], f[1]))[:most]
    return [f for _, _, f in sorted(best, key=lambda f: f[1])]


def context(text: str, start: int, end: int) -> str | None:
    """The figure at text[start:end] with the words of its clause around it; None if too bare."""
    before = re.split(CLAUSE_END, text[:start])[-1].split()
    while before and before[0].casefold().strip("’'") in STOP_WORDS:
        before.pop(0)
    after: list[str] = []
    for word in re.split(CLAUSE_END, text[end:])[0].split()[:AFTER_WORDS]:
        if word.casefold() in STOP_WORDS:
            break
        after.append(word)
    # with enough said after the number, only its qualifier comes before ("up to", "roughly")
    room = QUALIFIER_WORDS if _letters(after) >= MIN_CONTEXT_WORDS else BEFORE_WORDS
    cut = before[-room:] if room else []
    for i, word in enumerate(list(cut)):
        if word.casefold() in STOP_WORDS:
            cut = cut[i + 1:]
    words = _letters(cut + after)
    if words < MIN_CONTEXT_WORDS:
        return None
    return " ".join([*cut, text[start:end], *after]).strip()


def _letters(words: list[str]) -> int:
    """How many of `words` are words of letters (not numbers or marks)."""
    return len(re.findall(r"[^\W\d_]{2,}", " ".join(words)))


def who_is_quoted(quotes: tuple[Quote, ...] | list[Quote]) -> list[Speaker]:
    """Each named speaker: how often quoted and the first quote, most quoted first."""
    speakers: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker:
            speakers.setdefault(quote.speaker, []).append(quote)
    ranked = sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[1][0].line))
    return [Speaker(name, len(qs), qs[0].text.strip().rstrip(","), qs[0].block, qs[0].line)
            for name, qs in ranked]
