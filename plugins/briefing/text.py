"""Measures of a line of text that several stages share (pure, no state)."""

from __future__ import annotations

import functools
import re
import unicodedata

#: the measures below are pure and asked about the same line by several stages: remembered for
#: this many distinct lines (a few seeds' worth)
CACHED_LINES = 8192
WORD = re.compile(r"\w+")
#: where a word starts (its first character): counting these counts words without making them
WORD_START = re.compile(r"\b\w")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SENTENCE_END = re.compile(r"[.!?…。！？]['\"”’»)\]]*$")
SMALL_WORD_SHARE = 0.25
#: shorter lines without any punctuation are headlines more often than paragraphs
UNPUNCTUATED_MIN_WORDS = 16
CLAUSE_MARK = re.compile(r"[,;:、，；：]")
SENTENCE_INSIDE = re.compile(r"[.!?。！？]['\"”’»)]*\s+\S")
BULLET = re.compile(r"^(?:[•◦▪●○■□☆★‣⁃∙·*+\-–—]\s+|[•◦▪●○■□☆★‣⁃∙·](?=\S))")
NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(?=\S)")
POSSESSIVE = re.compile(r"[’']s$")
#: lower-case words inside a person's name ("Ursula von der Leyen", "Charles de Gaulle")
NAME_PARTICLES = r"(?:von|van|der|den|de|da|di|du|del|della|la|le|al|bin|ibn|dos|das)"


@functools.lru_cache(maxsize=CACHED_LINES)
def words(text: str) -> int:
    """Word count, counting CJK text (written without spaces) as two characters a word."""
    count = len(WORD_START.findall(text))
    cjk = 0 if text.isascii() else len(CJK.findall(text))
    if cjk:
        count = max(count, cjk // 2 + count - 1)
    return count


#: a line with this many CJK characters is judged as caseless text, whatever Latin words it quotes
CJK_CASELESS = 10


@functools.lru_cache(maxsize=CACHED_LINES)
def lowercase_share(text: str) -> float:
    """Share of words in lower case: high in running text, low in menus and contact lines.

    Text without letter case (Chinese, Japanese, Korean...) counts as 1.
    """
    if not text.isascii() and len(CJK.findall(text)) >= CJK_CASELESS:
        return 1.0
    firsts = "".join(WORD_START.findall(text))  # each word's first character
    if firsts.isascii():  # counted by C string methods, not word by word
        lower = len(firsts) - len(firsts.translate(ASCII_LOWER))
        cased = lower + len(firsts) - len(firsts.translate(ASCII_UPPER))
    else:
        lower = sum(1 for c in firsts if c.islower() and c.isalpha())
        cased = lower + sum(1 for c in firsts if c.isupper() and c.isalpha())
    if not cased:
        return 1.0 if firsts and not any(c.isdigit() for c in firsts) else 0.0
    return lower / len(firsts)


#: the ASCII letters of either case, deleted from a string to count them
ASCII_LOWER = dict.fromkeys(range(ord("a"), ord("z") + 1))
ASCII_UPPER = dict.fromkeys(range(ord("A"), ord("Z") + 1))


def digit_share(text: str) -> float:
    """Share of words that are numbers (high in tables, tickers and scores)."""
    tokens = WORD.findall(text)
    return sum(1 for t in tokens if t[0].isdigit()) / len(tokens) if tokens else 0.0


@functools.lru_cache(maxsize=CACHED_LINES)
def is_sentence(text: str) -> bool:
    """Ends like a sentence (full stop, question or exclamation mark, maybe quoted)."""
    return bool(SENTENCE_END.search(text))


LETTER_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into nor of on or over per the to up vs via with".split()
)


@functools.lru_cache(maxsize=CACHED_LINES)
def is_title_case(text: str) -> bool:
    """Most words capitalised, as in a headline ("Europe’s Voice Is No Longer Optional")."""
    tokens = [t for t in LETTER_WORD.findall(text) if t.lower() not in SMALL_WORDS]
    if len(tokens) < 2:
        return False
    upper = sum(1 for t in tokens if t[0].isupper())
    return upper >= 0.8 * len(tokens)


@functools.lru_cache(maxsize=CACHED_LINES)
def looks_like_prose(text: str, min_words: int = 12) -> bool:
    """Long enough and punctuated like running text (not a headline)."""
    n = words(text)
    if n < min_words:
        return False
    if n < 2 * min_words and not is_sentence(text) and is_title_case(text):
        return False
    if is_sentence(text) or SENTENCE_INSIDE.search(text):
        return True
    # no full stop at all: running text still has commas or many little function words;
    # a tag cloud or a menu has neither
    if n >= 2 * min_words and CLAUSE_MARK.search(text):
        return True
    tokens = WORD.findall(text)
    small = sum(1 for t in tokens if len(t) <= 3 and not t.isdigit())
    return n >= UNPUNCTUATED_MIN_WORDS and small >= SMALL_WORD_SHARE * len(tokens) \
        and lowercase_share(text) >= 0.5


@functools.lru_cache(maxsize=CACHED_LINES)
def strip_marker(text: str) -> tuple[str, str]:
    """Split a list-item marker off a line: ("1.", "text") / ("•", "text") / ("", text)."""
    m = NUMBERED.match(text)
    if m:
        return m.group(0).strip(), text[m.end() :]
    m = BULLET.match(text)
    if m:
        return m.group(0).strip(), text[m.end() :].strip()
    return "", text


STOPWORDS = frozenset(
    "about above after again against also been before being below between both could does doing "
    "down during each from further have having here into itself just more most must only other "
    "over said same says should some such than that their theirs them then there these they this "
    "those through under until very were what when where which while will with would your".split()
)


#: a word (`WORD`) of four characters or more
LONG_WORD = re.compile(r"\w{4,}")
#: Words are compared by their first letters: a crude stem that works across inflected languages.
STEM = 5


@functools.lru_cache(maxsize=CACHED_LINES)
def content_words(text: str) -> frozenset[str]:
    """The words that say what a line is about: long, not function words; CJK as bigrams."""
    found = {w[:STEM] for w in LONG_WORD.findall(text.casefold()) if w not in STOPWORDS}
    if text.isascii():
        return frozenset(found)
    cjk = "".join(CJK.findall(text))
    found.update(cjk[i : i + 2] for i in range(len(cjk) - 1))
    return frozenset(found)


@functools.lru_cache(maxsize=CACHED_LINES)
def fold(text: str) -> str:
    """A comparison key: case-folded, accents and punctuation removed."""
    if text.isascii():  # nothing to decompose
        return " ".join(WORD.findall(text.casefold()))
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(WORD.findall(kept))


def cut_words(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters (plus an ellipsis)."""
    if len(text) <= limit:
        return text
    cut = text[:limit]
    if " " in cut:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def without_possessive(name: str) -> str:
    """A name without its possessive ending ("Rutte's" -> "Rutte")."""
    return POSSESSIVE.sub("", name)
