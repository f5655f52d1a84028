"""Extraction benchmark: the cleaner on the labelled corpus, scored by its own score.py.

    python -m bench.extract [--corpus DIR] [--check] [--pin]

Prints the scorer's summary for both renderings (txt, txt_copy) and ms per seed.
`--check` fails when a pinned figure got worse (the quality gate);
`--pin` records the current figures, refusing to lower a pinned one.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from briefing.emit import plain_text
from briefing.pipeline import convert_seed

HERE = Path(__file__).resolve().parent
GATE = HERE / "extract-gate.json"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus"
RENDERINGS = ("txt", "txt_copy")
#: saved pages, read as HTML seeds (scored and printed; pinned once they have a floor)
HTML = "html"
#: figure -> True when higher is better
PINNED = {"shingle4_f1": True, "title_exact": True, "words_lost_pct": False, "docs_recall_lt_0.9": False}
TOLERANCE = 1e-6


def corpus_checksum(corpus: Path) -> str:
    digest = hashlib.sha256()
    for folder in ("split", "truth", *RENDERINGS, HTML):
        for path in sorted((corpus / folder).glob("*.*")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def score(corpus: Path, rendering: str) -> tuple[dict[str, Any], list[float]]:
    ids = (corpus / "split" / "dev.txt").read_text().split()
    times: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        for doc in ids:
            name = doc + (".html" if rendering == HTML else ".txt")
            data = (corpus / rendering / name).read_bytes()
            start = time.perf_counter()
            article = convert_seed(data, name)
            text = plain_text(article)
            times[doc] = time.perf_counter() - start
            (out / (doc + ".txt")).write_text(text, encoding="utf-8")
            (out / (doc + ".title.txt")).write_text(article.title + "\n", encoding="utf-8")
        (out / "_times.json").write_text(json.dumps(times))
        report = subprocess.run(
            [sys.executable, str(corpus / "score.py"), "score", str(out), "--corpus", str(corpus),
             "--json", str(out / "summary.json"), "--name", rendering],
            check=True, capture_output=True, text=True)
        print(report.stdout.strip())
        summary: dict[str, Any] = json.loads((out / "summary.json").read_text())["summary"]
    return summary, sorted(times.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--check", action="store_true", help="fail if a pinned figure got worse")
    parser.add_argument("--pin", action="store_true", help="record the figures (never lowering one)")
    args = parser.parse_args(argv)
    results = {}
    renderings = [*RENDERINGS, *([HTML] if (args.corpus / HTML).is_dir() else [])]
    for rendering in renderings:
        summary, times = score(args.corpus, rendering)
        ms = [t * 1000 for t in times]
        print("  %s: %.2f ms per seed median, %.2f ms p95, over %d seeds"
              % (rendering, statistics.median(ms), ms[int(0.95 * (len(ms) - 1))], len(ms)))
        results[rendering] = {k: summary[k] for k in PINNED}
    gate = json.loads(GATE.read_text()) if GATE.exists() else {}
    checksum = corpus_checksum(args.corpus)
    worse = [
        "%s %s: %.4f, pinned %.4f" % (r, k, results[r][k], gate[r][k])
        for r in results for k, higher in PINNED.items()
        if r in gate and (results[r][k] < gate[r][k] - TOLERANCE if higher
                          else results[r][k] > gate[r][k] + TOLERANCE)
    ]
    if gate and gate.get("corpus_sha256") != checksum:
        print("note: the corpus changed since the figures were pinned; --pin to re-pin")
    if worse:
        print("worse than pinned:\n  " + "\n  ".join(worse))
    if args.pin:
        if worse and gate.get("corpus_sha256") == checksum:
            print("refusing to pin: that would lower the floor")
            return 1
        GATE.write_text(json.dumps({"corpus_sha256": checksum, **results}, indent=2, sort_keys=True) + "\n")
        print("pinned in %s" % GATE.relative_to(HERE.parent))
    return 1 if args.check and worse and gate.get("corpus_sha256") == checksum else 0


if __name__ == "__main__":
    raise SystemExit(main())
