"""The same input built twice (other hash seed, touched files) gives byte-identical trees."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEEDS

BUILD = """
import sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from conftest import SEEDS, build_site
build_site(Path(sys.argv[2]), SEEDS)
"""


def build(out: Path, hash_seed: str) -> Path:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    subprocess.run([sys.executable, "-c", BUILD, str(ROOT / "tests"), str(out)], env=env, check=True,
                   capture_output=True, timeout=300)
    return out / "output"


def differences(one: Path, two: Path) -> list[str]:
    found: list[str] = []
    comparison = filecmp.dircmp(one, two)
    found += [str(one / n) for n in comparison.left_only + comparison.right_only + comparison.funny_files]
    _, mismatch, errors = filecmp.cmpfiles(one, two, comparison.common_files, shallow=False)
    found += [str(one / n) for n in mismatch + errors]
    for sub in comparison.common_dirs:
        found += differences(one / sub, two / sub)
    return found


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build(tmp_path / "one", "1")
    for path in [*SEEDS.glob("*"), *(ROOT / "theme").rglob("*")]:
        os.utime(path)
    second = build(tmp_path / "two", "2")
    assert differences(first, second) == []
