"""Slugs and anchors: readable, stable, unique, and never a path.

A slug keeps letters and digits of any script (accents dropped), joins words
with hyphens and is cut at a hyphen to a maximum length, so it can never hold
``/``, ``\\``, ``.`` or ``%`` and never traverse a directory.
"""

from __future__ import annotations

import re
import unicodedata

NON_WORD = re.compile(r"[\W_]+")


def slugify(text: str, max_chars: int = 80) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = NON_WORD.sub("-", plain).strip("-")
    if len(slug) > max_chars:
        cut = slug[: max_chars + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else cut[:max_chars]
    return slug.strip("-")


def unique(slug: str, taken: set[str]) -> str:
    """`slug`, or `slug-2`, `slug-3`... whichever is not yet in `taken`; adds it."""
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = "%s-%d" % (slug, n)
    taken.add(candidate)
    return candidate
