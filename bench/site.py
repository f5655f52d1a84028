"""Site benchmark: Lighthouse scores for home and article, and the article's page weight.

    python -m bench.site [--no-lighthouse]

Builds the site with absolute URLs into a temporary folder, serves it on
127.0.0.1, and prints:
  * page weight: the article page plus its CSS and JS, gzip-compressed (target < 30 KB;
    search assets excluded);
  * Lighthouse performance / accessibility / best practices / SEO for home and article
    (target 100 each), using npm's `lighthouse` (installed into .cache/lighthouse on first
    use) and the system Chromium (CHROME_PATH, default /usr/bin/chromium).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from briefing.serve import serving
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".cache" / "lighthouse"
LIGHTHOUSE_VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")
ARTICLE = "nato-s-mark-rutte-warns-europe-peace-in-ukraine-requires-strength-not-illusions/"
WEIGHT_LIMIT_KB = 30.0


def build(out: Path, site_url: str) -> Path:
    content = out / "content"
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(out / "output"), "SITEURL": site_url,
        "RELATIVE_URLS": False, "CACHE_PATH": str(out / "cache"),
    })
    Pelican(settings).run()
    return out / "output"


def page_weight(site: Path) -> float:
    """KB, gzip: the article HTML and every stylesheet and script it loads from the theme."""
    files = [site / ARTICLE / "index.html", *sorted((site / "theme").rglob("*.css")),
             *sorted((site / "theme").rglob("*.js"))]
    return sum(len(gzip.compress(f.read_bytes(), 9)) for f in files) / 1024


def lighthouse(url: str) -> dict[str, int]:
    binary = CACHE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(CACHE), "--no-audit", "--no-fund",
                        "lighthouse@" + LIGHTHOUSE_VERSION], check=True, capture_output=True)
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([str(binary), url, "--quiet", "--output=json", "--output-path=" + str(report),
                        "--chrome-flags=" + CHROME_FLAGS, "--only-categories=" + ",".join(CATEGORIES)],
                       env=env, check=True, capture_output=True, timeout=300)
        data = json.loads(report.read_text())
    return {c: round(100 * (data["categories"][c]["score"] or 0)) for c in CATEGORIES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-lighthouse", action="store_true", help="only the page weight")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "www"
        root.mkdir()
        with serving(root) as base:
            site = build(Path(tmp) / "build", base)
            shutil.copytree(site, root, dirs_exist_ok=True)
            weight = page_weight(site)
            print("page weight: article + CSS + JS = %.1f KB gzip (limit %.0f KB)"
                  % (weight, WEIGHT_LIMIT_KB))
            if not args.no_lighthouse:
                for name, path in (("home", ""), ("article", ARTICLE)):
                    scores = lighthouse(base + "/" + path)
                    print("lighthouse %-8s " % name + "  ".join("%s %d" % kv for kv in scores.items()))
    return 0 if weight < WEIGHT_LIMIT_KB else 1


if __name__ == "__main__":
    raise SystemExit(main())
