"""The edited seed's page first: the same bytes the full build writes, or nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from briefing.live import LivePages
from briefing.publish import dev_build

from bench.seedgen import write_seeds

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".venv", ".git", "output", ".cache", "briefings", "__pycache__", "*.egg-info",
                              ".pytest_cache", ".mypy_cache", ".ruff_cache", ".hypothesis", "artifacts",
                              ".build.lock", "tests")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    copy = tmp_path / "project"
    shutil.copytree(ROOT, copy, ignore=SKIP)
    write_seeds(copy / "seeds", count=6, words=300)
    monkeypatch.chdir(copy)
    dev_build(copy)
    return copy


def paragraph_edit(seed: Path, old: str, new: str) -> None:
    text = seed.read_text(encoding="utf-8")
    assert old in text
    seed.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_an_edited_seed_gets_the_page_the_full_build_writes(project: Path) -> None:
    live = LivePages(project)
    live.load()
    seed = project / "seeds" / "nato-rutte-peace-in-ukraine-requires-strength.txt"
    paragraph_edit(seed, "laid out a stark message", "laid out a blunt message")
    page = live.refresh(seed)
    assert page is not None and page.parent.parent == project / "output"
    fast = page.read_bytes()
    assert b"laid out a blunt message" in fast
    assert b"Older: " in fast or b"Newer: " in fast  # its neighbours are kept
    dev_build(project)
    assert page.read_bytes() == fast
    # the next edit works from the refreshed context
    paragraph_edit(seed, "blunt message", "plain message")
    assert live.refresh(seed) == page
    assert b"laid out a plain message" in page.read_bytes()


def test_what_it_cannot_do_exactly_is_left_to_the_full_build(project: Path) -> None:
    live = LivePages(project)
    live.load()
    seed = project / "seeds" / "nato-rutte-peace-in-ukraine-requires-strength.txt"
    before = {p: p.read_bytes() for p in (project / "output").rglob("index.html")}
    paragraph_edit(seed, "NATO’s Mark Rutte Warns Europe", "Rutte Warns Europe")  # new title, new slug
    assert live.refresh(seed) is None
    new = project / "seeds" / "new.txt"
    shutil.copy(project / "seeds" / "seed-00000.txt", new)
    assert live.refresh(new) is None
    (project / "seeds" / "broken.txt").write_bytes(b"\x89PNG\r\n")
    assert live.refresh(project / "seeds" / "broken.txt") is None
    assert {p: p.read_bytes() for p in (project / "output").rglob("index.html")} == before


def test_an_edited_saved_page_gets_the_page_the_full_build_writes(project: Path) -> None:
    page_seed = project / "seeds" / "grid-winter.html"
    shutil.copy(ROOT / "tests" / "golden" / "saved-page-html" / "seed.html", page_seed)
    dev_build(project)
    live = LivePages(project)
    live.load()
    paragraph_edit(page_seed, "annual winter outlook", "annual winter report")
    page = live.refresh(page_seed)
    assert page is not None and b"annual winter report" in page.read_bytes()
    fast = page.read_bytes()
    dev_build(project)
    assert page.read_bytes() == fast
