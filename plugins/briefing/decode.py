"""Stage 1, decode: seed bytes -> normalised text lines.

UTF-8 with or without a byte-order mark, and UTF-16 with one, are read; CRLF
and CR become LF; a tab becomes two spaces (a column gap, as a text browser
draws one); the text is NFC-normalised.  Anything
else is a `SeedError` that names the line and column, so the adapter can say
``seeds/x.txt:4:7: invalid UTF-8 byte 0x93 (looks like Windows-1252; ...)``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from .model import Diagnostic, Line

MAX_SEED_BYTES = 5 * 1024 * 1024
#: more control bytes than this share of the first 8 KB: a binary file
BINARY_SHARE = 0.05
#: line and paragraph separators (U+2028, U+2029, NEL) end a line like a newline
LINE_SEPARATORS = re.compile("[\u2028\u2029\x85]")
#: controls (C0 but tab and newline, DEL, C1), bidi overrides and isolates, zero-width
#: characters and a stray byte-order mark: removed, never in a title, slug or id
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                       "\u2066-\u2069\ufeff\ufff9-\ufffb]")
#: the bytes counted by the binary-file check (C0 controls but tab, LF, VT, FF, CR)
CONTROL_BYTES = bytes(b for b in range(32) if b < 9 or b > 13)
#: the first bytes of files that are certainly not copied text
MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"%PDF-", "a PDF document"), (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x7fELF", "a program"), (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
)


class SeedError(ValueError):
    """A seed that cannot be converted at all; carries its position."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def decode(data: bytes) -> str:
    """Bytes of a seed -> text with LF line ends, or a `SeedError`."""
    if len(data) > MAX_SEED_BYTES:
        raise SeedError(
            "seed is %d bytes, over the %d-byte limit; split it or trim the page junk"
            % (len(data), MAX_SEED_BYTES)
        )
    for magic, what in MAGIC:
        if data.startswith(magic):
            raise SeedError("this is %s, not copied text" % what)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise SeedError("invalid UTF-16 after the byte-order mark: %s" % err.reason) from err
    else:
        head = data[:8192]
        if len(head) - len(head.translate(None, CONTROL_BYTES)) > BINARY_SHARE * max(1, len(head)):
            raise SeedError("control bytes throughout: this looks like a binary file, not copied text")
        if data.startswith(codecs.BOM_UTF8):
            data = data[len(codecs.BOM_UTF8) :]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as err:
            raise _utf8_error(data, err.start) from err
    text = LINE_SEPARATORS.sub("\n", text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", text.replace("\t", "  "))


def strip_controls(text: str) -> tuple[str, list[Diagnostic]]:
    """Remove control, bidi and zero-width characters; one warning per line, with the column."""
    diagnostics = []
    for number, line in enumerate(text.split("\n"), start=1):
        first = INVISIBLE.search(line)
        if first is not None:
            found = INVISIBLE.findall(line)
            names = sorted({"U+%04X" % ord(c) for c in found})
            diagnostics.append(Diagnostic(number, "removed %d invisible or control character(s) (%s)"
                                          % (len(found), ", ".join(names)), column=first.start() + 1))
    return (INVISIBLE.sub("", text), diagnostics) if diagnostics else (text, diagnostics)


def _utf8_error(data: bytes, start: int) -> SeedError:
    line = data.count(b"\n", 0, start) + 1
    column = start - (data.rfind(b"\n", 0, start) + 1) + 1
    byte = data[start]
    hint = "looks like Windows-1252" if 0x80 <= byte <= 0x9F else "looks like Latin-1"
    return SeedError(
        "invalid UTF-8 byte 0x%02x (%s; re-save as UTF-8)" % (byte, hint), line, column
    )


COLUMN_GAP = re.compile(r"\s{2,}")
#: a text browser lays a page's side column on the same line as the article, far to the right: a
#: line of two parts this far apart is two lines (a table row has more columns, or narrower gaps)
SIDE_COLUMN = re.compile(r" {40,}")


def split_lines(text: str) -> list[Line]:
    """Text -> `Line`s, each knowing how many blank lines surround it and its table cells."""
    raw = [s.strip() for s in text.split("\n")]
    lines: list[Line] = []
    blanks = 0
    for number, stripped in enumerate(raw, start=1):
        if not stripped:
            blanks += 1
            continue
        cells = len(COLUMN_GAP.split(stripped))
        columns = SIDE_COLUMN.split(stripped) if cells == 2 else [stripped]
        for k, part in enumerate(columns):
            if lines:
                last = lines[-1]
                lines[-1] = Line(last.number, last.text, last.blank_before, blanks, last.cells)
            lines.append(Line(number, " ".join(part.split()), blanks, 0, 1 if len(columns) > 1 else cells))
            blanks = 1 if k + 1 < len(columns) else 0
    if lines:
        last = lines[-1]
        lines[-1] = Line(last.number, last.text, last.blank_before, blanks + 1, last.cells)
    return lines
