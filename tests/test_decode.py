"""Encodings and line ends: what works, and the errors that name file, line and column."""

from __future__ import annotations

import codecs

import pytest
from briefing.decode import SeedError, decode, split_lines
from briefing.emit import emit
from briefing.pipeline import convert
from briefing.sidecar import load_sidecar
from conftest import NATO_SEED

SEED = NATO_SEED.read_bytes()


def markdown(data: bytes) -> str:
    return emit(convert(data), "seeds/x.txt")


@pytest.mark.parametrize("variant", [
    codecs.BOM_UTF8 + SEED,
    SEED.replace(b"\n", b"\r\n"),
    SEED.replace(b"\n", b"\r"),
    codecs.BOM_UTF16_LE + SEED.decode().encode("utf-16-le"),
    codecs.BOM_UTF16_BE + SEED.decode().encode("utf-16-be"),
], ids=["utf8-bom", "crlf", "cr", "utf16-le", "utf16-be"])
def test_variants_give_identical_output(variant: bytes) -> None:
    assert markdown(variant) == markdown(SEED)


def test_tabs_are_spaces() -> None:
    assert markdown(SEED.replace(b"  1. A strong", b"\t1. A strong")) == markdown(SEED)


def test_windows_1252_is_a_clear_error_with_line_and_column() -> None:
    data = "Title\n\nShe said \u201chello\u201d.\n".encode("cp1252")
    with pytest.raises(SeedError) as err:
        decode(data)
    assert (err.value.line, err.value.column) == (3, 10)
    assert err.value.message == "invalid UTF-8 byte 0x93 (looks like Windows-1252; re-save as UTF-8)"


def test_latin1_is_named_too() -> None:
    with pytest.raises(SeedError) as err:
        decode("caf\u00e9\n".encode("latin-1"))
    assert (err.value.line, err.value.column) == (1, 4)
    assert "0xe9" in err.value.message and "Latin-1" in err.value.message


def test_binary_file_is_refused() -> None:
    with pytest.raises(SeedError) as err:
        decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert err.value.message == "this is a PNG image, not copied text"
    with pytest.raises(SeedError) as err:
        decode(bytes(range(256)) * 4)
    assert "binary" in err.value.message


def test_oversized_seed_is_refused() -> None:
    with pytest.raises(SeedError) as err:
        decode(b"word " * (6 * 1024 * 1024 // 5))
    assert "limit" in err.value.message


def test_text_is_nfc_normalised() -> None:
    decomposed = "Cafe\u0301 society\n".encode()
    assert decode(decomposed) == "Caf\u00e9 society\n"


def test_controls_bidi_and_zero_width_characters_are_removed_with_a_warning() -> None:
    seed = ("A Ti\u202etle\x00 here\n\nSome text with a zero\u200bwidth space and an escape \x1b[31m, "
            "long enough to be a paragraph of prose.\u2028"
            "And a new line begins right here, in fact.\n").encode()
    article = convert(seed)
    assert article.title == "A Title here" and article.slug == "a-title-here"
    messages = [d.format("seeds/x.txt") for d in article.diagnostics]
    assert messages[:2] == [
        "seeds/x.txt:1:5: removed 2 invisible or control character(s) (U+0000, U+202E)",
        "seeds/x.txt:3:22: removed 2 invisible or control character(s) (U+001B, U+200B)",
    ]
    body = " ".join(b.text for b in article.blocks)
    assert "zerowidth" in body and "\x1b" not in body
    assert "And a new line begins" in body


def test_a_huge_title_is_cut_with_a_warning() -> None:
    sidecar = load_sidecar("title: %s\n" % ("Word " * 2000).strip())
    seed = b"Title\n\nA paragraph that is long enough to count as prose here, really.\n"
    article = convert(seed, sidecar=sidecar)
    assert len(article.title) <= 201 and article.title.endswith("…")
    assert len(article.slug) <= 80
    assert any("cut to 200" in d.message for d in article.diagnostics)


SIDE = " " * 60


def test_a_side_column_laid_beside_the_article_is_not_part_of_its_lines() -> None:
    body = ("Ministers agreed on Tuesday to extend the grain corridor for another year, after two days "
            "of talks in which the northern ports were the last point of dispute.")
    seed = ("Grain corridor extended for another year" + SIDE + "Most read\n\n"
            "By Jane Doe\n\n" + body + SIDE + "Weather in Odesa\n\n"
            + body.replace("Tuesday", "Monday") + "\n")
    article = convert(seed.encode())
    assert article.title == "Grain corridor extended for another year"
    assert any(b.text == body for b in article.blocks)  # the paragraph ends where the article's column does


def test_a_table_row_keeps_its_columns_on_one_line() -> None:
    row = "Kyle Busch" + SIDE + "5040" + SIDE + "5"
    assert [line.text for line in split_lines(row + "\n")] == ["Kyle Busch 5040 5"]
