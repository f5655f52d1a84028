"""Required literals: a cheap test that rules a regular expression out before it runs.

`required_literals(pattern)` finds strings one of which every match of the
pattern contains ("cookie" for ``\\bcookies? (policy|settings)\\b``), by walking
the parsed pattern: consecutive literal characters make a string, every item of
a sequence is required, a branch requires one of its alternatives' strings, an
optional item requires nothing.  When the pattern gives nothing to hold on to,
it returns None and the pattern always runs.  So a line without any of the
strings cannot match, and skipping the regex changes no result: most prose
lines are ruled out by a few substring tests instead of a backtracking search.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the parser behind `re` (named sre_parse before Python 3.11)
    sre_parse: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover
    sre_parse = importlib.import_module("sre_parse")


#: a character class of at most this many plain characters ("[$€£]") counts as one of them
MAX_CLASS = 10


def required_literals(pattern: str) -> frozenset[str] | None:
    """Case-folded strings one of which every match of `pattern` contains; None when unknown."""
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE)
    except (re.error, RecursionError):
        return None
    try:
        found = _sequence(list(parsed))
    except (TypeError, ValueError, AttributeError):
        return None
    if not found or "" in found:
        return None
    return frozenset(found)


def _sequence(items: list[tuple[object, object]]) -> set[str] | None:
    """The most selective required set among the items of a sequence (all of which must match)."""
    candidates: list[set[str]] = []
    run = ""
    for op, value in items:
        if op is sre_parse.LITERAL:
            assert isinstance(value, int)
            run += chr(value).casefold()
            continue
        if run:
            candidates.append({run})
            run = ""
        inner: set[str] | None = None
        if op is sre_parse.SUBPATTERN:
            inner = _sequence(list(value[-1]))  # type: ignore[index]
        elif op is sre_parse.BRANCH:
            alternatives = [_sequence(list(b)) for b in value[1]]  # type: ignore[index]
            if alternatives and all(a is not None for a in alternatives):
                inner = set().union(*alternatives)  # type: ignore[arg-type]
        elif op is sre_parse.IN and 0 < len(value) <= MAX_CLASS:  # type: ignore[arg-type]
            if all(o is sre_parse.LITERAL for o, _ in value):  # type: ignore[attr-defined]
                inner = {chr(v).casefold() for _, v in value}  # type: ignore[attr-defined]
        elif op in (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT) and value[0] >= 1:  # type: ignore[index]
            inner = _sequence(list(value[2]))  # type: ignore[index]
        if inner:
            candidates.append(inner)
    if run:
        candidates.append({run})
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(s) for s in c), -len(c)))
