"""Stage 6, override: the editor's optional ``seeds/<name>.yaml``.

The seed stays as copied; corrections live beside it.  Every field an editor
can set is a field of `Sidecar`; unknown keys are an error naming the key.

    title: "NATO's Rutte: peace needs strength"
    date: 2025-12-17
    source: NATO
    source_url: https://www.nato.int/
    tags: [NATO, Ukraine]
    pull_quotes:
      - {text: "We are all on the eastern flank.", speaker: Mark Rutte}
    keep_lines: [212]     # keep these seed lines although a rule dropped them
    drop_lines: [14]      # drop these seed lines although they looked like body
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, fields
from typing import Any

import yaml

from .config import Config
from .model import Article, Decision, Diagnostic, Figure, Kind, Quote, Speaker
from .slug import slugify
from .text import cut_words

#: the only links a seed's sidecar may create
SAFE_URL = re.compile(r"(https?://|mailto:)[^\s\x00-\x1f\"'<>\\]+$", re.IGNORECASE)


class SidecarError(ValueError):
    pass


@dataclass(frozen=True)
class Sidecar:
    title: str = ""
    date: str = ""
    author: str = ""
    source: str = ""
    source_url: str = ""
    caption: str = ""
    summary: str = ""
    tags: tuple[str, ...] | None = None
    pull_quotes: tuple[Quote, ...] | None = None
    #: the key figures as the editor words them ([] hides the box's figures)
    figures: tuple[str, ...] | None = None
    #: the speakers to list, as (name, first quote or "") ([] hides who is quoted)
    quoted: tuple[tuple[str, str], ...] | None = None
    keep_lines: tuple[int, ...] = ()
    drop_lines: tuple[int, ...] = ()
    #: where a `date` comes from, as the build log says it
    date_from: str = "sidecar"

    def under(self, page: Sidecar) -> Sidecar:
        """This sidecar over a saved page's own metadata (`html.page_meta`): the editor's fields win."""
        fields_ = {name: getattr(self, name) or getattr(page, name)
                   for name in ("title", "date", "author", "source", "source_url")}
        date_from = self.date_from if self.date else page.date_from
        return dataclasses.replace(self, **fields_, date_from=date_from)

    def force_lines(self, decisions: list[Decision]) -> list[Decision]:
        """Apply `keep_lines` and `drop_lines` to the classifier's decisions."""
        out = []
        for d in decisions:
            if d.line.number in self.drop_lines:
                d = Decision(d.line, Kind.DROPPED, "dropped by the sidecar (drop_lines)")
            elif d.line.number in self.keep_lines and d.kind is Kind.DROPPED:
                d = Decision(d.line, Kind.PARAGRAPH, "kept by the sidecar (keep_lines)")
            out.append(d)
        return out


def load_sidecar(text: str) -> Sidecar:
    """Parse sidecar YAML (safe_load only) into a `Sidecar`, or a `SidecarError`."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = "line %d: " % (mark.line + 1) if mark is not None else ""
        raise SidecarError("%sinvalid YAML: %s" % (where, getattr(err, "problem", err))) from err
    if data is None:
        return Sidecar()
    if not isinstance(data, dict):
        raise SidecarError("a sidecar must be a mapping of field: value")
    known = {f.name for f in fields(Sidecar)} - {"date_from"}
    unknown = sorted(str(k) for k in data if k not in known)
    if unknown:
        raise SidecarError("unknown field(s) %s (known: %s)" % (", ".join(unknown), ", ".join(sorted(known))))
    values: dict[str, Any] = {}
    for key, value in data.items():
        values[key] = _field(key, value)
    return Sidecar(**values)


def _field(key: str, value: Any) -> Any:
    if key in ("keep_lines", "drop_lines"):
        if not isinstance(value, list) or not all(isinstance(v, int) for v in value):
            raise SidecarError("%s must be a list of line numbers" % key)
        return tuple(value)
    if key == "tags":
        if not isinstance(value, list):
            raise SidecarError("tags must be a list")
        return tuple(str(v) for v in value)
    if key == "pull_quotes":
        if not isinstance(value, list) or not all(isinstance(v, dict) and "text" in v for v in value):
            raise SidecarError("pull_quotes must be a list of {text, speaker}")
        return tuple(Quote(str(v["text"]), str(v.get("speaker", "")), -1, 0) for v in value)
    if key == "figures":
        if not isinstance(value, list) or not all(isinstance(v, (str, int, float)) for v in value):
            raise SidecarError("figures must be a list of texts ([] hides them)")
        return tuple(str(v) for v in value)
    if key == "quoted":
        named = (isinstance(v, str) or (isinstance(v, dict) and "speaker" in v) for v in value or [])
        if not isinstance(value, list) or not all(named):
            raise SidecarError("quoted must be a list of names or {speaker, first} ([] hides it)")
        return tuple((v, "") if isinstance(v, str) else (str(v["speaker"]), str(v.get("first", "")))
                     for v in value)
    if key == "date":
        if isinstance(value, (datetime.date, datetime.datetime)):
            return value.isoformat()
        try:
            datetime.date.fromisoformat(str(value)[:10])
        except ValueError as err:
            raise SidecarError("date must be YYYY-MM-DD, not %r" % value) from err
        return str(value)
    if not isinstance(value, (str, int, float)):
        raise SidecarError("%s must be text" % key)
    if key == "source_url" and not SAFE_URL.match(str(value)):
        raise SidecarError("source_url must start with http://, https:// or mailto:, not %r"
                           % str(value)[:40])
    return str(value)


def apply_sidecar(article: Article, sidecar: Sidecar, config: Config) -> Article:
    changes: dict[str, Any] = {}
    for name in ("title", "date", "author", "source", "source_url", "caption", "summary"):
        value = getattr(sidecar, name)
        if value:
            changes[name] = value
    if sidecar.date:
        changes["date_from"] = sidecar.date_from
    if sidecar.title:
        changes["title"] = cut_words(sidecar.title, config.max_title_chars)
        changes["slug"] = slugify(sidecar.title, config.max_slug_chars)
        if changes["title"] != sidecar.title:
            changes["diagnostics"] = (*article.diagnostics, Diagnostic(
                0, "title of %d characters cut to %d at a word boundary"
                % (len(sidecar.title), config.max_title_chars)))
    if sidecar.tags is not None:
        changes["tags"] = sidecar.tags
    if sidecar.pull_quotes is not None:
        changes["pull_quotes"] = _placed(sidecar.pull_quotes, article)
    if sidecar.figures is not None:
        changes["figures"] = tuple(Figure(t, "sidecar", *_where(t, article)) for t in sidecar.figures)
    if sidecar.quoted is not None:
        changes["quoted"] = tuple(_speaker(name, first, article) for name, first in sidecar.quoted)
    return dataclasses.replace(article, **changes) if changes else article


def _placed(quotes: tuple[Quote, ...], article: Article) -> tuple[Quote, ...]:
    """Place each editor's pull quote after the paragraph that contains its words."""
    return tuple(Quote(q.text, q.speaker, *_where(q.text, article), q.score) for q in quotes)


def _where(text: str, article: Article) -> tuple[int, int]:
    """(block index, seed line) of the first block that contains `text`; (-1, 0) when none does."""
    needle = text.strip(" .")
    index = next((i for i, b in enumerate(article.blocks)
                  if needle in b.text or any(needle in x for x in b.items)), -1)
    return index, article.blocks[index].line if index >= 0 else 0


def _speaker(name: str, first: str, article: Article) -> Speaker:
    """An editor's speaker: their quotes counted in the article, their first quote unless given."""
    theirs = [q for q in article.quotes if q.speaker == name]
    text = first or (theirs[0].text.strip().rstrip(",") if theirs else "")
    block, line = _where(text, article) if text else (-1, 0)
    return Speaker(name, len(theirs), text, block, line)
