"""The converter's settings: one frozen, documented value.

Each field's name is also the name used in ``pelicanconf.py`` (inside the
``BRIEFING`` dict) and in `briefing explain` output.  Unknown keys are an
error, so a typo never silently does nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .rules import CompiledRule, compile_rules


@dataclass(frozen=True)
class Config:
    """How seeds are cleaned and enriched."""

    #: extra boilerplate rules, ``{"reason": ["regex", ...]}``, matched like `rules.RULES`
    extra_rules: dict[str, list[str]] = field(default_factory=dict)
    #: a line with more words than this is prose and never judged by a lexicon rule
    max_rule_words: int = 12
    #: words per minute for the reading time
    words_per_minute: int = 230
    #: at most this many pull quotes are chosen (at least `min_pull_quotes` when there are enough)
    max_pull_quotes: int = 4
    min_pull_quotes: int = 2
    #: at most this many tags are derived from the text (named speakers come on top)
    max_tags: int = 6
    #: at most this many key figures in the at-a-glance box
    max_figures: int = 5
    #: summary length, in characters, cut at a sentence (or word) boundary
    summary_chars: int = 280
    #: display titles longer than this are cut at a word boundary
    max_title_chars: int = 200
    #: slugs are cut to this many characters
    max_slug_chars: int = 80

    @property
    def rules(self) -> tuple[CompiledRule, ...]:
        return _compiled(tuple((k, tuple(v)) for k, v in sorted(self.extra_rules.items())))

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Config:
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise ValueError(
                "briefing: unknown BRIEFING setting(s): %s (known: %s)"
                % (", ".join(unknown), ", ".join(sorted(known)))
            )
        return cls(**values)

    def fingerprint(self) -> str:
        """A stable text of every setting, for cache keys."""
        return repr(sorted((f.name, repr(getattr(self, f.name))) for f in fields(self)))


_CACHE: dict[tuple[tuple[str, tuple[str, ...]], ...], tuple[CompiledRule, ...]] = {}


def _compiled(extra: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[CompiledRule, ...]:
    if extra not in _CACHE:
        _CACHE[extra] = compile_rules({k: list(v) for k, v in extra})
    return _CACHE[extra]
