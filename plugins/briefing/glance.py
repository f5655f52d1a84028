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
from collections.abc import Iterator
from typing import NamedTuple

from .model import Block, Figure, Kind, Quote, Speaker
from .prefilter import required_literals

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

    @property
    def needs(self) -> frozenset[str] | None:
        """Strings one of which a text must contain to hold such a figure (`prefilter`)."""
        return NEEDS.get(self.name)


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
NEEDS = {rule.name: required_literals(rule.pattern.pattern) for rule in FIGURE_RULES}
#: the first letters of `NUMBER_WORDS`: a position starting with none of them (or a digit or currency
#: sign) is skipped at once, before the alternatives are tried
NUMBER_INITIALS = "".join(sorted({w[0] for w in re.findall(r"[a-z]+", NUMBER_WORDS)}))
#: where a figure can begin: every rule's match starts with a currency sign, or with a number or
#: number word at a word boundary, so the rules are tried only there (`matches_from`)
FIGURE_START = re.compile(rf"(?=[$€£¥\d{NUMBER_INITIALS}])(?:[$€£¥]|\b(?:\d|{NUMBER_WORDS}))")
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
    candidates: list[tuple[float, int, int, Block, str, re.Match[str]]] = []
    for index, block in enumerate(blocks):
        if block.kind is Kind.HEADING:
            continue
        for text in (block.text, *block.items):
            folded = text.casefold()
            positions: list[int] | None = None
            for rule in FIGURE_RULES:
                needs = rule.needs
                if needs is not None and not any(map(folded.__contains__, needs)):
                    continue
                if positions is None:
                    positions = starts(text)
                for m in matches_from(rule.pattern, text, positions):
                    candidates.append((-rule.weight, len(candidates), index, block, rule.name, m))
    # the strongest rules first, then the earliest; the context is worked out only for those tried
    chosen: list[tuple[int, Figure]] = []
    seen: set[str] = set()
    for _, order, index, block, rule_name, m in sorted(candidates, key=lambda c: (c[0], c[1])):
        value = m.group(0).casefold()
        if value in seen:
            continue
        phrase = context(m.string, m.start(), m.end())
        if phrase is None:
            continue
        seen.add(value)
        chosen.append((order, Figure(phrase, rule_name, index, block.line)))
        if len(chosen) == most:
            break
    return [figure for _, figure in sorted(chosen, key=lambda c: c[0])]


def starts(text: str) -> list[int]:
    """Where in `text` a figure can begin (searched in lower case: much faster than ignoring case)."""
    lower = text.lower()
    if len(lower) != len(text):  # a letter whose lower case is longer ("İ"): positions would shift
        lower = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return [m.start() for m in FIGURE_START.finditer(lower)]


def matches_from(pattern: re.Pattern[str], text: str, positions: list[int]) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` for a pattern whose matches can begin only at `positions`."""
    end = 0
    for position in positions:
        if position < end:
            continue
        m = pattern.match(text, position)
        if m:
            yield m
            end = max(m.end(), position + 1)


def context(text: str, start: int, end: int) -> str | None:
    """The figure at text[start:end] with words of its clause around it, as the text has them;
    None when fewer than `MIN_CONTEXT_WORDS` words say what the number is about."""
    clause_start = max((m.end() for m in CLAUSE_END.finditer(text, 0, start)), default=0)
    before = list(WORD_SPAN.finditer(text, clause_start, start))
    while before and before[0].group(0).casefold().strip("’'") in STOP_WORDS:
        before.pop(0)
    clause_end = next((m.start() for m in CLAUSE_END.finditer(text, end)), len(text))
    after = []
    for m in list(WORD_SPAN.finditer(text, end, clause_end))[:AFTER_WORDS]:
        if m.group(0).casefold() in STOP_WORDS:
            break
        after.append(m)
    # with enough said after the number, only its qualifier comes before ("up to", "roughly")
    room = QUALIFIER_WORDS if _meaningful(after) >= MIN_CONTEXT_WORDS else BEFORE_WORDS
    kept = before[-room:] if room else []
    for i, m in enumerate(list(kept)):
        if m.group(0).casefold() in STOP_WORDS:
            kept = kept[i + 1:]
    if _meaningful(kept + after) < MIN_CONTEXT_WORDS:
        return None
    first = kept[0].start() if kept else start
    last = after[-1].end() if after else end
    return text[first:last]


WORD_SPAN = re.compile(r"\S+")
#: words that say nothing about what a number measures
FUNCTION_WORDS = frozenset(
    "it its it's he she they we you this that these those the a an of to in on at by for from with as is was "
    "are were be been being has have had up roughly about around some nearly almost over under than more "
    "less can could may might will would just only also".split())


def _meaningful(spans: list[re.Match[str]]) -> int:
    """How many of the words are words of letters that carry meaning (not "it", "the", "of")."""
    words = re.findall(r"[^\W\d_]{2,}", " ".join(m.group(0) for m in spans))
    return sum(1 for w in words if w.casefold() not in FUNCTION_WORDS)


def who_is_quoted(quotes: tuple[Quote, ...] | list[Quote]) -> list[Speaker]:
    """Each named speaker: how often quoted and the first quote, most quoted first."""
    speakers: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker:
            speakers.setdefault(quote.speaker, []).append(quote)
    ranked = sorted(speakers.items(), key=lambda kv: (-len(kv[1]), kv[1][0].line))
    return [Speaker(name, len(qs), qs[0].text.strip().rstrip(","), qs[0].block, qs[0].line)
            for name, qs in ranked]
