"""The `briefing` command: convert, explain and clean single seeds.

    briefing convert SEED            the Markdown with front matter, as the build writes it
    briefing explain SEED            what every line became, and why
    briefing clean SEED [--title-out FILE]
                                     only the article body as text (for scoring)
    briefing add PATH|-              copy a page (file or stdin) into seeds/ and report on it
    briefing check [SEEDS]           report on every seed; exit 1 if any would not build
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .decode import SeedError
from .emit import emit, plain_text
from .model import Article, Kind
from .pipeline import HTML_SUFFIXES, convert_seed
from .sidecar import SidecarError
from .source import BAD_NAME, SEED_SUFFIX, SEED_SUFFIXES, read_seed, readable_name, shown_name


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="briefing", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    add = sub.add_parser("add", help="copy a page into seeds/ and report on it")
    add.add_argument("source", help="a text file, or - for standard input")
    add.add_argument("--seeds", default="seeds", help="the seed folder (default: seeds)")
    check = sub.add_parser("check", help="report on every seed; exit 1 if any would not build")
    check.add_argument("seeds", nargs="?", default="seeds")
    for name, text in (("convert", "print the Markdown with YAML front matter"),
                       ("explain", "print what each line became and why"),
                       ("clean", "print only the article body as plain text")):
        p = sub.add_parser(name, help=text, description=text)
        p.add_argument("seed", help="a seed file (.txt, or a saved page .html), or - for standard input")
        if name == "clean":
            p.add_argument("--title-out", metavar="FILE", help="write the detected title here")
    args = parser.parse_args(argv)
    if args.command == "add":
        return add_seed(args.source, Path(args.seeds))
    if args.command == "check":
        return check_seeds(Path(args.seeds))
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
        data = sys.stdin.buffer.read()
        return convert_seed(data, _kind("<stdin>", data)), "<stdin>"
    path = Path(seed)
    data, sidecar = read_seed(path)
    return convert_seed(data, path.name, sidecar=sidecar), str(path)


def _kind(name: str, data: bytes) -> str:
    """A name for `convert_seed`: standard input that starts like a web page is read as one."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return name + ".html" if head.startswith((b"<!doctype html", b"<html")) else name


def _describe(seed: str, err: Exception) -> str:
    if isinstance(err, SeedError):
        where = seed + (":%d" % err.line if err.line else "") + (":%d" % err.column if err.column else "")
        return "%s: %s" % (where, err.message)
    return "%s: %s" % (seed, err)


def report(article: Article, name: str) -> str:
    """What an editor wants to know after adding a seed."""
    dropped = [d.reason for d in article.decisions if d.kind is Kind.DROPPED]
    counts = {reason: dropped.count(reason) for reason in dict.fromkeys(dropped)}
    lines = [
        name,
        _field("title", article.title),
        _field("date", "%s (from %s)" % (article.date or "-", article.date_from or "git, or the file time")),
        _field("author", article.author or "-"),
        _field("sections", str(len(article.sections)), [s.title for s in article.sections]),
        _field("pull quotes", str(len(article.pull_quotes)),
               ["%s (%s)" % (q.text, q.speaker or "no speaker") for q in article.pull_quotes]),
        _field("key figures", str(len(article.figures)), [f.text for f in article.figures]),
        _field("quoted", str(len(article.quoted)), ["%s (%d)" % (s.name, s.quotes) for s in article.quoted]),
        _field("kept", "%d blocks, %d words; dropped %d lines:" % (len(article.blocks), article.words,
                                                                 len(dropped)),
               ["%4d  %s" % (n, reason) for reason, n in sorted(counts.items(), key=lambda kv: -kv[1])]),
    ]
    lines += [_field("warning", d.message) for d in article.diagnostics]
    guesses = [] if article.date else ["date: YYYY-MM-DD"]
    guesses += [] if article.source_url else ["source: NAME", "source_url: https://..."]
    if guesses:
        sidecar = Path(name).with_suffix(".yaml")
        lines.append("  some of it was guessed; to correct it, create %s with:" % sidecar)
        lines += ["    " + g for g in guesses]
    return "\n".join(lines) + "\n"


def _field(label: str, value: str, details: list[str] | None = None) -> str:
    return "\n".join(["  %-12s %s" % (label + ":", value)] + ["%15s%s" % ("", d) for d in details or []])


def add_seed(source: str, seeds: Path) -> int:
    """Copy a page into `seeds` under the slug of its title; never overwrite."""
    data = sys.stdin.buffer.read() if source == "-" else Path(source).read_bytes()
    kind = _kind(source, data) if source == "-" else source
    try:
        article = convert_seed(data, kind)
    except SeedError as err:
        print("briefing: %s" % _describe(source, err), file=sys.stderr)
        return 1
    if not article.blocks:
        print("briefing: %s: no article text found; not added" % source, file=sys.stderr)
        return 1
    suffix = ".html" if kind.lower().endswith(HTML_SUFFIXES) else SEED_SUFFIX
    target = seeds / ((article.slug or "briefing") + suffix)
    if target.exists():
        print("briefing: %s already exists; not overwritten" % target, file=sys.stderr)
        return 1
    seeds.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    sys.stdout.write("added " + report(article, str(target)))
    return 0


def check_seeds(seeds: Path) -> int:
    """Report on every seed; 1 when any cannot be converted or has no article text."""
    failed = 0
    found = sorted(p for p in seeds.iterdir() if p.suffix.lower() in SEED_SUFFIXES) if seeds.is_dir() else []
    for seed in found:
        if readable_name(str(seed)) is None:
            print("error: %s: %s" % (shown_name(str(seed)), BAD_NAME))
            failed += 1
            continue
        try:
            article, name = _load(str(seed))
        except (SeedError, SidecarError, OSError) as err:
            print("error: %s" % _describe(str(seed), err))
            failed += 1
            continue
        if not article.blocks:
            print("error: %s: no article text found (empty, or all boilerplate)" % name)
            failed += 1
            continue
        sys.stdout.write(report(article, name))
    print("%d seeds, %d with errors" % (len(found), failed))
    return 1 if failed else 0


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
    for f in article.figures:
        out.append("key figure (line %d, %s): %s" % (f.line, f.rule, f.text))
    for s in article.quoted:
        plural = "" if s.quotes == 1 else "s"
        out.append("quoted (line %d, %d quote%s): %s" % (s.line, s.quotes, plural, s.name))
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
