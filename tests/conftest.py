"""Shared fixtures: paths, the golden-file update flag, a real Pelican build."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
GOLDEN = ROOT / "tests" / "golden"
CORPUS = ROOT.parent / "shared" / "corpus"
NATO_SEED = SEEDS / "nato-rutte-peace-in-ukraine-requires-strength.txt"

sys.path.insert(0, str(ROOT / "plugins"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite tests/golden/*/expected files from the current output")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def build_site(tmp: Path, seeds: Path, **overrides: object) -> Path:
    """A real Pelican build of `seeds` with the project's settings into `tmp`; returns output/."""
    from pelican import Pelican
    from pelican.settings import read_settings

    content = tmp / "content"
    if not (content / "pages").exists():
        shutil.copytree(ROOT / "content" / "pages", content / "pages")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content),
        "OUTPUT_PATH": str(tmp / "output"),
        "BRIEFING_SEEDS": str(seeds),
        "CACHE_PATH": str(tmp / "cache"),
        **overrides,
    })
    Pelican(settings).run()
    return tmp / "output"


@pytest.fixture(scope="session")
def nato_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped seed, built once for the session."""
    return build_site(tmp_path_factory.mktemp("site"), SEEDS)
