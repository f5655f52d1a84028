"""The editor's sidecar YAML corrects any field without touching the seed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from briefing.model import Kind
from briefing.pipeline import convert
from briefing.sidecar import SidecarError, load_sidecar
from briefing.source import read_seed
from conftest import NATO_SEED

SEED = NATO_SEED.read_bytes()


def test_fields_are_overridden() -> None:
    sidecar = load_sidecar(
        "title: 'Rutte: peace needs strength'\n"
        "date: 2025-12-17\n"
        "source: NATO\n"
        "source_url: https://www.nato.int/\n"
        "tags: [NATO, Ukraine]\n"
        "summary: Short.\n"
        "pull_quotes:\n  - {text: 'We are all on the eastern flank.', speaker: Mark Rutte}\n"
    )
    article = convert(SEED, sidecar=sidecar)
    assert article.title == "Rutte: peace needs strength"
    assert article.slug == "rutte-peace-needs-strength"
    assert (article.date, article.date_from) == ("2025-12-17", "sidecar")
    assert (article.source, article.source_url) == ("NATO", "https://www.nato.int/")
    assert article.tags == ("NATO", "Ukraine")
    assert article.summary == "Short."
    [quote] = article.pull_quotes
    assert quote.speaker == "Mark Rutte"
    assert "We are all on the eastern flank." in article.blocks[quote.block].text


def test_lines_can_be_forced_in_and_out() -> None:
    sidecar = load_sidecar("keep_lines: [102]\ndrop_lines: [100]\n")
    article = convert(SEED, sidecar=sidecar)
    texts = [b.text for b in article.blocks]
    assert "Post a Comment" in texts
    assert not any(t.startswith("The coming months will reveal") for t in texts)
    kinds = {d.line.number: d for d in article.decisions}
    assert kinds[100].kind is Kind.DROPPED and "drop_lines" in kinds[100].reason


@pytest.mark.parametrize("text, message", [
    ("titel: typo\n", "unknown field(s) titel"),
    ("date: next tuesday\n", "date must be YYYY-MM-DD"),
    ("tags: NATO\n", "tags must be a list"),
    ("keep_lines: [one]\n", "keep_lines must be a list of line numbers"),
    ("title: [unclosed\n", "invalid YAML"),
    ("- just\n- a list\n", "must be a mapping"),
    ("title: !!python/object:os.system x\n", "invalid YAML"),
])
def test_bad_sidecars_are_clear_errors(text: str, message: str) -> None:
    with pytest.raises(SidecarError) as err:
        load_sidecar(text)
    assert message in str(err.value)


def test_sidecar_is_found_beside_the_seed(tmp_path: Path) -> None:
    seed = tmp_path / "x.txt"
    seed.write_bytes(SEED)
    (tmp_path / "x.yaml").write_text("title: From the sidecar\n", encoding="utf-8")
    data, sidecar = read_seed(seed)
    assert convert(data, sidecar=sidecar).title == "From the sidecar"
    (tmp_path / "x.yaml").write_text("bogus: 1\n", encoding="utf-8")
    with pytest.raises(SidecarError) as err:
        read_seed(seed)
    assert str(err.value).startswith(str(tmp_path / "x.yaml"))


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "data:text/html,<script>",
    "vbscript:x", "//evil.example/", "https://ok.example/'onmouseover=alert(1)", "&#106;avascript:x",
])
def test_source_url_allows_only_web_and_mail_links(url: str) -> None:
    with pytest.raises(SidecarError, match="source_url must start with"):
        load_sidecar("source_url: %s\n" % json.dumps(url))


def test_source_url_accepts_ordinary_links() -> None:
    urls = ("https://www.nato.int/cps/en/natohq/x.htm?x=1#a", "http://example.org", "mailto:desk@x.org")
    for url in urls:
        assert load_sidecar("source_url: %s\n" % json.dumps(url)).source_url == url
