"""The `briefing` command: convert, explain and clean single seeds.

    briefing convert SEED            the Markdown with front matter, as the build writes it
    briefing explain SEED            what every line became, and why
    briefing clean SEED [--title-out FILE]
                                     only the article body as text (for scoring)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .decode import SeedError
from .emit import emit, plain_text
from .model import Article, Kind
from .pipeline import convert
from .sidecar import SidecarError
from .source import read_seed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name, text in (("convert", "print the Markdown with YAML front matter"),
                       ("explain", "print what each line became and why"),
                       ("clean", "print only the article body as plain text")):
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("seed", help="a seed file (.txt), or - for standard input")
        if name == "clean":
            p.add_argument("--title-out", metavar="FILE", help="write the detected title here")
    args = parser.parse_args(argv)
    try:
        article, name = _load(args.seed)
    except (SeedError, SidecarError, OSError) as err:
        print("briefing: %s" % _describe(args.seed, err), file=sys.stderr)
        return 1
    for diagnostic in article.diagnostics:
        print(diagnostic.format(name), file=sys.stderr)
    if args.command == "convert":
        sys.stdout.write(emit(article, name))
    elif args.command == "explain":
        sys.stdout.write(explain(article))
    else:
        sys.stdout.write(plain_text(article))
        if args.title_out:
            Path(args.title_out).write_text(article.title + "\n", encoding="utf-8")
    return 0


def _load(seed: str) -> tuple[Article, str]:
    if seed == "-":
        return convert(sys.stdin.buffer.read()), "<stdin>"
    path = Path(seed)
    data, sidecar = read_seed(path)
    return convert(data, sidecar=sidecar), str(path)


def _describe(seed: str, err: Exception) -> str:
    if isinstance(err, SeedError):
        where = seed + (":%d" % err.line if err.line else "") + (":%d" % err.column if err.column else "")
        return "%s: %s" % (where, err.message)
    return "%s: %s" % (seed, err)


def explain(article: Article) -> str:
    """One line per seed line: number, what it became, why, and its first words."""
    out = ["title: %s" % article.title,
           "date: %s (from %s)" % (article.date or "-", article.date_from or "nowhere in the text")]
    for d in article.decisions:
        verb = "dropped, %s" % d.reason if d.kind is Kind.DROPPED else "%s (%s)" % (d.kind.value, d.reason)
        snippet = d.line.text if len(d.line.text) <= 60 else d.line.text[:57] + "..."
        out.append("line %d: %s: %s" % (d.line.number, verb, snippet))
    for q in article.pull_quotes:
        out.append("pull quote (line %d, %s): %s" % (q.line, q.speaker or "no speaker", q.text))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
