"""Synthetic seeds for the speed benchmarks: N copied-page-like articles, deterministic.

    python -m bench.seedgen OUT [--count 1000] [--words 1000] [--seed 2026]

Each seed looks like a page copied from a news or policy site: menu lines and a
breadcrumb, the title (sometimes twice), a byline and dateline, a photo caption,
paragraphs of varied sentences with quotes and their speakers, headings, bulleted
or numbered lists, "Advertisement" labels, and a footer of share buttons, comment
widgets, newsletter and cookie prompts.  The same arguments give the same bytes.

Besides the policy words every article shares, a sentence carries words from a
lexicon of `LEXICON_SIZE` made-up words drawn by Zipf's law (few words often, most
rarely), so the seeds' vocabulary grows with their number as real text's does: a
search index or a word counter meets a realistic number of distinct words.
"""

from __future__ import annotations

import argparse
import bisect
import functools
import itertools
import random
from pathlib import Path

PLACES = ("Brussels", "Kyiv", "Warsaw", "Berlin", "Paris", "Vilnius", "Helsinki", "Ankara", "Tallinn",
          "Bucharest", "Rome", "Madrid", "London", "Washington", "Ottawa", "Oslo", "Riga", "Prague")
PEOPLE = ("Mark Rutte", "Ursula von der Leyen", "Kaja Kallas", "Antonio Costa", "Olaf Scholz",
          "Emmanuel Macron", "Donald Tusk", "Giorgia Meloni", "Keir Starmer", "Mette Frederiksen",
          "Alexander Stubb", "Petr Pavel", "Gitanas Nauseda", "Jonas Gahr Store", "Mark Carney")
ORGS = ("NATO", "the European Union", "the European Commission", "the OSCE", "the United Nations",
        "the IMF", "the World Bank", "the G7", "the Council of Europe", "Frontex", "Eurostat")
TOPICS = ("defence spending", "air defence", "energy security", "grain exports", "sanctions policy",
          "border management", "cyber resilience", "critical minerals", "refugee support",
          "ammunition production", "climate finance", "election security", "port capacity",
          "rail links", "drone warfare", "naval patrols", "industrial policy", "trade corridors")
VERBS = ("raised", "questioned", "defended", "outlined", "warned about", "pushed for", "criticised",
         "welcomed", "delayed", "expanded", "reviewed", "funded", "blocked", "doubled", "cut")
ADJECTIVES = ("fragile", "urgent", "costly", "ambitious", "contested", "gradual", "decisive",
              "uneven", "long-term", "regional", "joint", "national", "temporary", "binding")
NOUNS = ("agreement", "framework", "package", "mechanism", "timeline", "budget", "coalition",
         "strategy", "initiative", "report", "proposal", "deadline", "review", "summit", "deal")
CONNECTORS = ("However,", "Meanwhile,", "At the same time,", "In practice,", "By contrast,",
              "For now,", "Officials said that", "Analysts noted that", "Critics argue that",
              "According to diplomats,", "Behind closed doors,", "Even so,")
SAY = ("said", "told reporters", "warned", "added", "argued", "insisted", "noted")
MENU = ("Home", "World", "Europe", "Politics", "Business", "Opinion", "Analysis", "Video", "Podcasts",
        "Subscribe", "Sign in", "Close Menu", "Search")
FOOTER = ("Share this article", "Share on Facebook", "Share on Twitter", "Share on LinkedIn",
          "Post a Comment", "0 Comments", "Subscribe to our newsletter",
          "We use cookies to improve your experience. By continuing you accept our cookie policy.",
          "Related Articles", "Read more", "Privacy Policy", "Terms of Use", "Contact Us",
          "© 2025 Example Media Group. All rights reserved.")

#: the made-up words of the long tail, and how steeply their use falls with their rank
LEXICON_SIZE = 40_000
ZIPF_EXPONENT = 1.0
ONSETS = ("b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p",
          "pl", "pr", "r", "s", "sh", "sl", "st", "t", "th", "tr", "v", "w")
VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ou", "io")
CODAS = ("", "", "n", "r", "s", "l", "m", "t", "nd", "st", "ck", "ng")
SUFFIXES = ("", "", "", "s", "ed", "ing", "er", "al", "ment", "ity", "ion", "ly")


@functools.cache
def lexicon() -> tuple[tuple[str, ...], list[float]]:
    """`LEXICON_SIZE` distinct made-up words and their cumulative Zipf weights (fixed, seedless)."""
    rng = random.Random(0)
    words: dict[str, None] = {}
    while len(words) < LEXICON_SIZE:
        syllables = "".join(rng.choice(ONSETS) + rng.choice(VOWELS) for _ in range(rng.choice((1, 2, 2, 3))))
        words[syllables + rng.choice(CODAS) + rng.choice(SUFFIXES)] = None
    weights = itertools.accumulate(1.0 / (rank + 2.7) ** ZIPF_EXPONENT for rank in range(LEXICON_SIZE))
    return tuple(words), list(weights)


class Writer:
    """One article's text, drawn from `rng`."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.place = rng.choice(PLACES)
        self.people = rng.sample(PEOPLE, 3)
        self.topic = rng.choice(TOPICS)

    def pick(self, options: tuple[str, ...]) -> str:
        return self.rng.choice(options)

    def rare(self, count: int) -> str:
        """`count` words of the long tail (`lexicon`), drawn by their Zipf weights."""
        words, cumulative = lexicon()
        total = cumulative[-1]
        return " ".join(words[bisect.bisect(cumulative, self.rng.random() * total)] for _ in range(count))

    def detail(self) -> str:
        """A clause of long-tail words, as real sentences carry specifics."""
        r = self.rng
        return r.choice((f"after weeks of {self.rare(2)} over the {self.rare(2)}",
                         f"with the {self.rare(1)} {self.rare(1)} of {self.rare(2)} still open",
                         f"as {self.rare(2)} and {self.rare(2)} {self.rare(1)} the {self.rare(1)}",
                         f"despite the {self.rare(3)}"))

    def figure(self) -> str:
        r = self.rng
        return r.choice((f"{r.randint(2, 95)}%", f"{r.randint(2, 900)} million euros",
                         f"{r.randint(2, 60)} billion dollars", f"{r.randint(3, 40)} countries",
                         f"{r.randint(2010, 2035)}"))

    def sentence(self) -> str:
        r = self.rng
        shape = r.randrange(5)
        if shape == 0:
            return (f"{self.pick(CONNECTORS)} {self.pick(ORGS)} {self.pick(VERBS)} a {self.pick(ADJECTIVES)} "
                    f"{self.pick(NOUNS)} on {self.pick(TOPICS)} worth {self.figure()}, {self.detail()}.")
        if shape == 1:
            return (f"{r.choice(self.people)} {self.pick(VERBS)} the {self.pick(NOUNS)} "
                    f"in {self.pick(PLACES)}, "
                    f"where talks on {self.topic} have stalled since {r.randint(2014, 2025)} "
                    f"{self.detail()}.")
        if shape == 2:
            return (f"The {self.pick(ADJECTIVES)} {self.pick(NOUNS)} would cover {self.figure()} and "
                    f"{self.pick(TOPICS)}, but several governments want a {self.pick(ADJECTIVES)} "
                    f"{self.pick(NOUNS)} first.")
        if shape == 3:
            return (f"\u201cWe cannot wait for a {self.pick(ADJECTIVES)} {self.pick(NOUNS)} while "
                    f"{self.pick(TOPICS)} slips,\u201d {r.choice(self.people)} {self.pick(SAY)}.")
        return (f"In {self.pick(PLACES)}, officials {self.pick(VERBS)} plans for {self.topic}, "
                f"citing {self.figure()} in new spending and a {self.pick(ADJECTIVES)} {self.pick(NOUNS)} "
                f"{self.detail()}.")

    def paragraph(self) -> str:
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 5)))

    def heading(self) -> str:
        r = self.rng
        options = (f"What the {self.pick(NOUNS).title()} Means for {r.choice(PLACES)}",
                   f"Why {self.topic.title()} Matters Now",
                   f"{r.choice(self.people)} and the {self.pick(ADJECTIVES).title()} "
                   f"{self.pick(NOUNS).title()}",
                   f"Can {r.choice(ORGS).replace('the ', '').title()} Deliver?")
        return r.choice(options)

    def listing(self) -> list[str]:
        numbered = self.rng.random() < 0.5
        items = [f"A {self.pick(ADJECTIVES)} {self.pick(NOUNS)} on {self.pick(TOPICS)} "
                 f"by {self.rng.randint(2026, 2035)}"
                 for _ in range(self.rng.randint(3, 5))]
        return [(f"  {i}. " if numbered else "• ") + item for i, item in enumerate(items, 1)]


def seed_text(rng: random.Random, words: int) -> str:
    w = Writer(rng)
    title = (f"{w.people[0]} on {w.topic.title()}: "
             f"{rng.choice(ADJECTIVES).title()} {rng.choice(NOUNS).title()} in {w.place}")
    crumbs = f"Home › {rng.choice(MENU[1:6])} › {w.topic.title()}"
    lines = [*rng.sample(MENU, rng.randint(3, 8)), "", crumbs, ""]
    if rng.random() < 0.4:
        lines += [title, ""]
    lines += [title, "", f"By {rng.choice(PEOPLE)}", f"{rng.choice(PLACES)}, {rng.randint(1, 28)} "
              f"{rng.choice(('March', 'June', 'October', 'November'))} {rng.randint(2023, 2026)}", ""]
    if rng.random() < 0.6:
        lines += [f"{w.people[0]} speaks to reporters in {w.place}", ""]
    count = 0
    while count < words:
        roll = rng.random()
        if roll < 0.12 and count > 100:
            block = [w.heading()]
        elif roll < 0.2 and count > 100:
            block = w.listing()
        elif roll < 0.24:
            block = ["Advertisement"]
        else:
            block = [w.paragraph()]
        for line in block:
            lines += [line, ""]
            count += len(line.split())
    lines += [*rng.sample(FOOTER, rng.randint(5, len(FOOTER)))]
    return "\n".join(lines) + "\n"


def write_seeds(out: Path, count: int = 1000, words: int = 1000, seed: int = 2026) -> list[Path]:
    """Write `count` seeds into `out` (created); the same arguments give the same files."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(count):
        path = out / ("seed-%05d.txt" % i)
        path.write_text(seed_text(rng, words), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    paths = write_seeds(args.out, args.count, args.words, args.seed)
    print("wrote %d seeds to %s" % (len(paths), args.out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
