"""Seeds built to be slow: each converts and renders in bounded time (a subprocess with a timeout).

This is a hang detector, not a speed benchmark: the bound is generous (see `bench/` for figures).
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

CASES = {
    "brackets": "[" * 200_000,
    "stars": "*" * 200_000,
    "underscores": "_" * 200_000,
    "backticks": "`" * 200_000,
    "nested emphasis": "*a **a " * 20_000,
    "links": "[a](" * 50_000,
    "entities": "&amp;" * 40_000,
    "quotes": '"a" ' * 50_000,
    "one long word": "a" * 200_000,
    "many short lines": "word\n" * 50_000,
    "many broken lines": "a line broken\nin the middle\n" * 20_000,
}
SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from briefing.emit import body_markdown, emit
from briefing.pipeline import convert
from briefing.render import render_briefing
article = convert(sys.stdin.buffer.read())
emit(article, "seeds/x.txt")
render_briefing(body_markdown(article.blocks), [], [])
print("rendered", len(article.blocks), "blocks")
"""
BOUND_SECONDS = 30


@pytest.mark.parametrize("name", sorted(CASES))
def test_converts_and_renders_in_bounded_time(name: str) -> None:
    seed = ("A Title\n\n" + CASES[name] + "\n").encode()
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "plugins")], input=seed,
                          capture_output=True, timeout=BOUND_SECONDS, check=True)
    assert done.stdout.startswith(b"rendered ")
