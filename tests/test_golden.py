"""Golden files: every scenario's explanation and Markdown, byte for byte.

Regenerate with ``pytest tests/test_golden.py --update-golden`` and review the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from briefing.cli import explain
from briefing.emit import emit
from briefing.pipeline import convert_seed
from conftest import GOLDEN, NATO_SEED

SCENARIOS = sorted(p.name for p in GOLDEN.iterdir() if p.is_dir())


def seed_of(scenario: str) -> Path:
    """The scenario's seed: copied text (seed.txt) or a saved page (seed.html)."""
    if scenario == "nato":
        return NATO_SEED
    page = GOLDEN / scenario / "seed.html"
    return page if page.is_file() else GOLDEN / scenario / "seed.txt"


def check(path: Path, actual: str, update: bool) -> None:
    if update:
        path.write_text(actual, encoding="utf-8")
        return
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            str(path), "actual"))
        pytest.fail("golden file differs (run with --update-golden after review):\n" + diff)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_explain(scenario: str, update_golden: bool) -> None:
    seed = seed_of(scenario)
    article = convert_seed(seed.read_bytes(), seed.name)
    check(GOLDEN / scenario / "explain.txt", explain(article), update_golden)


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_markdown(scenario: str, update_golden: bool) -> None:
    seed = seed_of(scenario)
    article = convert_seed(seed.read_bytes(), seed.name)
    check(GOLDEN / scenario / "expected.md", emit(article, "seeds/%s%s" % (scenario, seed.suffix)),
          update_golden)


def test_every_scenario_has_its_files() -> None:
    for scenario in SCENARIOS:
        for name in ("explain.txt", "expected.md"):
            assert (GOLDEN / scenario / name).is_file(), (scenario, name)
        assert seed_of(scenario).is_file()
