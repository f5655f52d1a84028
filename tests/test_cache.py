"""The conversion cache and the worker pool: faster, never stale, never different."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from briefing import cache as cache_module
from briefing import generate
from briefing.cache import ConversionCache
from briefing.config import Config
from briefing.generate import generate_all
from briefing.related import related

from bench.seedgen import write_seeds

SPONSOR = "Brought to you by Acme Widgets and friends"
SEED = """Senate Panel Advances Water Bill After Long Debate

The committee voted to send the water bill to the full Senate after a debate that ran late into the night, \
with members from both parties trading amendments on funding for rural pipes and city treatment plants.

{sponsor}

Supporters said the bill would repair ageing systems across the state, while critics warned that the cost \
estimates were too optimistic and that towns would pay more than promised over the next decade.
"""


def build(seeds: Path, out: Path, config: Config, cache: ConversionCache) -> str:
    messages = generate_all(seeds, out, config, cache)
    assert not [m for level, m in messages if level >= 40], messages
    return "".join(p.read_text(encoding="utf-8") for p in sorted(out.glob("*.md")))


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "water.txt").write_text(SEED.format(sponsor=SPONSOR), encoding="utf-8")
    return folder


def test_an_unchanged_seed_comes_from_the_cache(seeds: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = build(seeds, tmp_path / "out", Config(), ConversionCache(folder))
    again = ConversionCache(folder)
    assert build(seeds, tmp_path / "out", Config(), again) == first
    assert again.hits == 1


def test_a_new_rule_reconverts_and_dropping_it_brings_the_line_back(seeds: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    assert SPONSOR in build(seeds, tmp_path / "out", Config(), ConversionCache(folder))
    ruled = Config(extra_rules={"sponsor line": [r"brought to you by .*"]})
    with_rule = ConversionCache(folder)
    assert SPONSOR not in build(seeds, tmp_path / "out", ruled, with_rule)
    assert with_rule.hits == 0
    assert SPONSOR in build(seeds, tmp_path / "out", Config(), ConversionCache(folder))


def test_a_setting_the_sidecar_and_the_seed_bytes_are_all_in_the_key(seeds: Path, tmp_path: Path) -> None:
    folder, out = tmp_path / "cache", tmp_path / "out"
    assert "reading_time: 1\n" in build(seeds, out, Config(), ConversionCache(folder))
    slow = build(seeds, out, Config(words_per_minute=10), ConversionCache(folder))
    assert "reading_time: 8\n" in slow  # 76 words
    (seeds / "water.yaml").write_text("title: Water Bill Clears Committee\n", encoding="utf-8")
    assert "title: Water Bill Clears Committee\n" in build(seeds, out, Config(), ConversionCache(folder))
    (seeds / "water.yaml").unlink()
    edited = SEED.format(sponsor="").replace("late into", "well into")
    (seeds / "water.txt").write_text(edited, encoding="utf-8")
    assert "well into the night" in build(seeds, out, Config(), ConversionCache(folder))


def test_new_plugin_code_never_reads_old_entries(seeds: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    build(seeds, tmp_path / "out", Config(), ConversionCache(folder))
    monkeypatch.setattr(cache_module, "code_version", lambda: "a different plugin")
    after = ConversionCache(folder)
    build(seeds, tmp_path / "out", Config(), after)
    assert after.hits == 0
    assert len(list(folder.glob("*.article"))) == 1  # the old entry was pruned


def test_a_damaged_entry_is_a_miss_not_an_error(seeds: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    first = build(seeds, tmp_path / "out", Config(), ConversionCache(folder))
    for entry in folder.glob("*.article"):
        entry.write_bytes(b"not a pickle")
    damaged = ConversionCache(folder)
    assert build(seeds, tmp_path / "out", Config(), damaged) == first
    assert damaged.hits == 0


def test_two_worker_processes_write_the_same_files_as_one(tmp_path: Path) -> None:
    write_seeds(tmp_path / "seeds", count=40, words=300)
    for seed in (Path(__file__).parent.parent / "seeds").glob("*.txt"):
        shutil.copy(seed, tmp_path / "seeds" / seed.name)
    one, two = tmp_path / "one", tmp_path / "two"
    generate_all(tmp_path / "seeds", one, Config(), ConversionCache(None), workers=1)
    generate_all(tmp_path / "seeds", two, Config(), ConversionCache(None), workers=2)
    names = sorted(p.name for p in one.glob("*.md"))
    assert len(names) == 41
    assert names == sorted(p.name for p in two.glob("*.md"))
    assert all((one / n).read_bytes() == (two / n).read_bytes() for n in names)


def test_related_briefings_are_the_first_others_sharing_a_topic() -> None:
    topics = [frozenset({"NATO", "Ukraine"}), frozenset({"Ukraine"}), frozenset(), frozenset({"NATO"}),
              frozenset({"NATO", "Ukraine"}), frozenset({"Rates"})]
    assert related(topics) == [[1, 3, 4], [0, 4], [], [0, 4], [0, 1, 3], []]
    assert related(topics, most=1)[4] == [0]


def test_an_unchanged_seed_is_not_written_out_again(seeds: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "cache"
    first = build(seeds, tmp_path / "out", Config(), ConversionCache(folder))
    monkeypatch.setattr(generate, "emit_with_front", lambda *a: pytest.fail("emitted the file again"))
    assert build(seeds, tmp_path / "other", Config(), ConversionCache(folder)) == first


def test_a_cached_seed_whose_slug_changed_is_written_out_again(seeds: Path, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    out = tmp_path / "out"
    build(seeds, out, Config(), ConversionCache(folder))
    assert [p.name for p in out.glob("*.md")] == ["senate-panel-advances-water-bill-after-long-debate.md"]
    # a seed with the same title whose name sorts first takes the slug: the cached one becomes "-2"
    (seeds / "a-water.txt").write_text(SEED.format(sponsor="") + "\nA closing line.\n", encoding="utf-8")
    text = build(seeds, out, Config(), ConversionCache(folder))
    assert "slug: senate-panel-advances-water-bill-after-long-debate-2\n" in text
    assert sorted(p.name for p in out.glob("*.md")) == [
        "senate-panel-advances-water-bill-after-long-debate-2.md",
        "senate-panel-advances-water-bill-after-long-debate.md"]


def test_the_worker_processes_give_every_seed_its_own_article_in_order(tmp_path: Path) -> None:
    # more seeds than the workers run ahead (generate.AHEAD), some cached and some not, two with the
    # same bytes: each generated file still comes from its own seed, as one process writes them
    seeds = tmp_path / "seeds"
    paths = write_seeds(seeds, count=generate.AHEAD + 40, words=150)
    for path in paths[:3]:
        shutil.copy(path, seeds / ("copy-" + path.name))
    warm = tmp_path / "warm"
    warm.mkdir()
    for path in paths[::3]:
        shutil.copy(path, warm / path.name)
    folder = tmp_path / "cache"
    generate_all(warm, tmp_path / "warm-out", Config(), ConversionCache(folder), workers=2)
    one, two = tmp_path / "one", tmp_path / "two"
    generate_all(seeds, one, Config(), ConversionCache(None), workers=1)
    cache = ConversionCache(folder)
    generate_all(seeds, two, Config(), cache, workers=2)
    assert cache.hits == len(paths[::3]) + 1  # the copy of the first seed has its bytes: a hit too
    names = sorted(p.name for p in one.glob("*.md"))
    assert len(names) == len(paths) + 3
    assert names == sorted(p.name for p in two.glob("*.md"))
    assert all((one / n).read_bytes() == (two / n).read_bytes() for n in names)
