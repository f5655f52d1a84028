"""The extraction quality gate: figures pinned in bench/extract-gate.json may not get worse."""

from __future__ import annotations

import sys

import pytest
from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_corpus_scores_do_not_drop_below_the_pin(capsys: pytest.CaptureFixture[str]) -> None:
    from bench.extract import main

    status = main(["--check", "--corpus", str(CORPUS)])
    assert status == 0, capsys.readouterr().out
