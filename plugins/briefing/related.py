"""Links between briefings: older/newer by date and related by shared topics (pure).

Computed once per build in Python (linear in the number of briefings times
their topics), so the article template does not scan every briefing for every
page, which made a 1,000-briefing site quadratic.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence


def related(topics: Sequence[frozenset[str]], most: int = 3) -> list[list[int]]:
    """For each item, the first `most` other items (in list order) sharing a topic with it."""
    holders: dict[str, list[int]] = {}
    for index, tags in enumerate(topics):
        for tag in sorted(tags):
            holders.setdefault(tag, []).append(index)
    out: list[list[int]] = []
    for index, tags in enumerate(topics):
        found: list[int] = []
        for other in heapq.merge(*(holders[t] for t in sorted(tags))):
            if other != index and (not found or found[-1] != other):
                found.append(other)
                if len(found) == most:
                    break
        out.append(found)
    return out
