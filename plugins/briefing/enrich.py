"""Stage 5, enrich: the metadata a briefing needs, derived from the decisions.

Title, caption, author and date come from the lines so labelled; summary,
tags, quotes, pull quotes, sections, word count and reading time from the
body blocks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date

from .config import Config
from .glance import find_figures, who_is_quoted
from .model import Article, Block, Decision, Diagnostic, Kind, Section, Speaker
from .quotes import choose_pull_quotes, find_quotes
from .rules import DATE
from .slug import slugify
from .text import NAME_PARTICLES, WORD, cut_words, without_possessive, words

MONTH_NUMBERS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
SENTENCE = re.compile(r"(?<=[.!?…])[”\"’']?\s+(?=[“\"‘'A-Z0-9À-ÖØ-ÞА-Я])")
#: a run of capitalised words or an acronym (`(?=[A-Z])` first, as in quotes.FULL_NAME)
TAG_CANDIDATE = re.compile(
    rf"(?=[A-Z])\b(?:[A-Z][a-z’'\-]+|[A-Z]{{2,}}(?:\.[A-Z])*\.?)(?:\s+(?:{NAME_PARTICLES}\s+)*[A-Z][a-z’'\-]+)*")
NOT_TAGS = {
    "The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "A", "An",
    "But", "And", "Or", "If", "In", "On", "At", "For", "As", "Yet", "So", "What", "When",
    "While", "Since", "Several", "Perhaps", "One", "Asked", "Modern", "Critics", "His", "Her",
    "Their", "Our", "Its", "There", "Here", "Peace", "Mr", "Ms", "Mrs", "Dr", "Conclusion",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "By", "From", "With", "To", "Of", "After", "Before", "During",
    "Under", "Over", "Meanwhile", "However", "Even", "Still", "Also", "Now", "Then", "According",
    "Officials", "Analysts", "Behind",
}
TAG_MIN_COUNT = 3


def enrich(decisions: list[Decision], blocks: list[Block], config: Config) -> Article:
    first = {d.kind: d.line.text for d in reversed(decisions)}
    title = first.get(Kind.TITLE, "")
    diagnostics: list[Diagnostic] = []
    if not title:
        title = _fallback_title(blocks)
        diagnostics.append(Diagnostic(0, "no title found; using the first words of the body"))
    if len(title) > config.max_title_chars:
        diagnostics.append(Diagnostic(0, "title of %d characters cut to %d at a word boundary"
                                      % (len(title), config.max_title_chars)))
        title = cut_words(title, config.max_title_chars)
    dateline = first.get(Kind.DATELINE, "")
    byline = first.get(Kind.BYLINE, "")
    found_date = next((parse_date(d.line.text) for d in decisions
                       if d.kind in (Kind.DATELINE, Kind.BYLINE) and parse_date(d.line.text)), "")
    body_words = sum(words(b.text) + sum(words(i) for i in b.items) for b in blocks)
    quotes = find_quotes(blocks)
    quoted = who_is_quoted(quotes)
    return Article(
        title=title,
        blocks=tuple(blocks),
        decisions=tuple(decisions),
        caption=first.get(Kind.CAPTION, ""),
        author=_author(byline, dateline),
        date=found_date,
        date_from="dateline" if found_date else "",
        slug=slugify(title, config.max_slug_chars),
        summary=summarize(blocks, config.summary_chars),
        tags=entity_tags(find_tags(blocks, title, config.max_tags), quoted, blocks),
        quotes=tuple(quotes),
        pull_quotes=tuple(choose_pull_quotes(quotes, config.max_pull_quotes, config.min_pull_quotes)),
        sections=tuple(Section(b.text, b.anchor) for b in blocks if b.kind is Kind.HEADING),
        figures=tuple(find_figures(blocks, config.max_figures)),
        quoted=tuple(quoted),
        words=body_words,
        reading_minutes=max(1, math.ceil(body_words / config.words_per_minute)),
        diagnostics=tuple(diagnostics),
    )


#: an organisation as texts name it: an acronym ("NATO", "OSCE") or a capitalised name ending in
#: a word for a body ("European Commission", "World Bank"); `(?=[A-Z])` first, as in quotes.FULL_NAME
ORGANISATION = re.compile(
    r"(?=[A-Z])\b(?:[A-Z]{3,6}|(?:[A-Z][\w’'\-]+\s+(?:of\s+(?:the\s+)?)?){1,4}(?:Commission|Council|Union|Ministry|Bank|"
    r"Fund|Agency|Organi[sz]ation|Parliament|Party|Institute|University|Company|Corporation|Alliance|Court|"
    r"Committee|Department|Office|Forum|Group|Association|Federation|Authority|Assembly|Senate|Congress))\b")
#: "The" or "A" before an organisation's name
ARTICLE_WORD = re.compile(r"^(?:The|A|An)\s+")
#: capitals that are not bodies
NOT_ORGANISATIONS = frozenset("GDP CEO CFO USD EUR GBP PDF FAQ AM PM TV OK RSS HTML URL COVID LGBT".split())
#: an organisation named this often becomes a topic
ORGANISATION_MIN_COUNT = 2
#: ... but no more of them than this beyond the topics
MAX_ORGANISATIONS = 3


def entity_tags(topics: list[str], quoted: list[Speaker], blocks: list[Block]) -> tuple[str, ...]:
    """The topics, then every named speaker and the organisations the text keeps naming, not among
    them already: tag pages become dossiers ("all briefings quoting Mark Rutte")."""
    full = {s.name.split()[-1]: s.name for s in quoted if len(s.name.split()) > 1}
    topics = list(dict.fromkeys(full.get(t, t) for t in topics))  # "Leyen" -> "Ursula von der Leyen"
    known = {t.casefold() for t in topics}
    extra: list[str] = []
    for name in [s.name for s in quoted] + organisations(blocks):
        if name.casefold() not in known:
            known.add(name.casefold())
            extra.append(name)
    return tuple(topics + extra)


def organisations(blocks: list[Block]) -> list[str]:
    """Organisations named at least `ORGANISATION_MIN_COUNT` times, most named first."""
    counts: Counter[str] = Counter()
    for text in [b.text for b in blocks if b.kind is not Kind.HEADING] + [i for b in blocks for i in b.items]:
        for found in ORGANISATION.findall(text):
            name = ARTICLE_WORD.sub("", found)
            if name not in NOT_ORGANISATIONS:
                counts[name] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [name for name, n in ranked if n >= ORGANISATION_MIN_COUNT][:MAX_ORGANISATIONS]


def _fallback_title(blocks: list[Block]) -> str:
    for b in blocks:
        if b.text:
            return cut_words(b.text, 80)
    return "Untitled briefing"


def _author(byline: str, dateline: str) -> str:
    if byline:
        name = re.sub(r"^(by|von|por|di|oleh|par|автор|от|(written|posted|published|reported) by)\s+",
                      "", byline, flags=re.IGNORECASE)
        name = re.sub(r"\s+@\w+$", "", name)  # "Jane Doe @janedoe": the handle is no part of the name
        return DATE.split(name)[0].strip(" ,|-–—·") if DATE.search(name) else name.strip()
    if dateline:
        m = DATE.search(dateline)
        if m:
            return dateline[: m.start()].strip(" ,|-–—·:")
    return ""


def parse_date(text: str) -> str:
    """The first date in `text` as ISO 8601 (YYYY-MM-DD), or ""."""
    m = DATE.search(text)
    if not m:
        return ""
    found = m.group(0)
    iso = re.fullmatch(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})", found)
    if iso:
        return _iso(int(iso[1]), int(iso[2]), int(iso[3]))
    numeric = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", found)
    if numeric:
        first, second, year = int(numeric[1]), int(numeric[2]), int(numeric[3])
        if first > 12 >= second:
            return _iso(year, second, first)
        if second > 12 >= first:
            return _iso(year, first, second)
        return ""  # 05/06/2024: day and month cannot be told apart
    month = re.search(r"[A-Za-z]{3}", found)
    if not month:
        return ""
    numbers = [int(n) for n in re.findall(r"\d+", found)]
    year = max(numbers)
    day = min(numbers)
    return _iso(year, MONTH_NUMBERS.get(month.group(0).lower(), 0), day)


def _iso(year: int, month: int, day: int) -> str:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return ""


def summarize(blocks: list[Block], limit: int) -> str:
    """The first sentences of the body, up to `limit` characters, never cut mid-word."""
    text = next((b.text for b in blocks if b.kind is Kind.PARAGRAPH and words(b.text) >= 8), "")
    if not text:
        text = next((b.text for b in blocks if b.text), "")
    summary = ""
    for sentence in SENTENCE.split(text):
        candidate = (summary + " " + sentence).strip()
        if len(candidate) > limit:
            break
        summary = candidate
    return summary or cut_words(text, limit)


def find_tags(blocks: list[Block], title: str, most: int) -> list[str]:
    """Names and topics the article keeps coming back to (NATO, Ukraine, Russia...)."""
    counts: Counter[str] = Counter()
    texts = [title] + [b.text for b in blocks] + [i for b in blocks for i in b.items]
    seen: dict[str, str] = {}  # an article names the same people again and again
    for text in texts:
        for found in TAG_CANDIDATE.findall(text):
            name = seen.get(found)
            if name is None:
                name = seen[found] = tag_name(found)
            if name:
                counts[name] += 1
    surnames = _merge_surnames(counts)
    ranked = sorted(surnames.items(), key=lambda kv: (-kv[1], kv[0]))
    kept = [name for name, n in ranked if n >= TAG_MIN_COUNT]
    # "Europe" and "European", "Russia" and "Russian": the place, not the adjective
    kept = [name for name in kept
            if not any(other != name and len(other) >= 4 and name.startswith(other) for other in kept)]
    return kept[:most]


def tag_name(found: str) -> str:
    """The tag a run of capitalised words stands for ("Rutte's" -> "Rutte", "The Alliance" ->
    "Alliance"), or "" when it is none (`NOT_TAGS`)."""
    name = found.strip(".’'")
    parts = name.split()
    if parts[0] in NOT_TAGS:
        name = " ".join(parts[1:])
    return without_possessive(name) if name and WORD.search(name) and name not in NOT_TAGS else ""


def _merge_surnames(counts: Counter[str]) -> dict[str, int]:
    """Fold "Rutte" into "Mark Rutte" (and "Leyen" into "Ursula von der Leyen") when the article
    uses both; longer runs of capitalised words are headline fragments, not names."""
    merged: dict[str, int] = dict(counts)
    for name in list(counts):
        parts = name.split()
        if _name_words(name) == 2 and parts[-1] in merged and name in merged:
            merged[name] += merged.pop(parts[-1])
    for name in list(merged):
        if _name_words(name) > 2:
            merged.pop(name)
    return merged


def _name_words(name: str) -> int:
    return sum(1 for part in name.split() if not PARTICLE.fullmatch(part))


PARTICLE = re.compile(NAME_PARTICLES)
