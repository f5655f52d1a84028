"""A large site is written on every core, with the same bytes as on one."""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from pathlib import Path

from briefing.parallel import MIN_ARTICLES

from bench.build import settings_file
from bench.seedgen import write_seeds


def build(project: Path, out: Path, writers: int) -> str:
    command = [sys.executable, "-m", "pelican", "-s", "pelicanconf.py", "-o", str(out), "-v",
               "-e", "BRIEFING_WRITERS=%d" % writers]
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, timeout=600, check=False,
                          env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def tree(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_two_writer_processes_write_the_same_site_as_one(tmp_path: Path) -> None:
    project = tmp_path / "project"
    write_seeds(project / "seeds", count=MIN_ARTICLES + 10, words=250)
    (project / "content").mkdir()
    (project / "pelicanconf.py").write_text(settings_file(project, plain=False), encoding="utf-8")
    one = build(project, tmp_path / "one", 1)
    two = build(project, tmp_path / "two", 2)
    assert "writing the site on" not in one and "writing the site on 2 processes" in two
    files = tree(tmp_path / "one")
    assert len(files) > 2 * MIN_ARTICLES and files == tree(tmp_path / "two")
    _, mismatch, errors = filecmp.cmpfiles(tmp_path / "one", tmp_path / "two", files, shallow=False)
    assert mismatch == [] and errors == []
