"""Text files: UTF-8, TIS-620, TIS-620 with runs pasted in as UTF-8, UTF-16 unmarked.

field-cases/mixed_tis620_utf8.txt: a TIS-620 file whose ``ชื่อผู้รับผิดชอบ`` line was
pasted in as UTF-8 decoded that line as mojibake. Here the same condition is
generated from the repo's own documents, with the lines and runs chosen at random.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.errors import ReadError
from bma_etl.read import read_source
from bma_etl.read.text import decode_text, looks_thai, read_text

from repo_paths import FIXTURES, SAMPLES

DOCUMENTS = sorted([*SAMPLES.glob("*.txt"), *(FIXTURES / "variants").glob("*.txt")])


def _tis620_text(path: Path) -> str:
    """The document's text as TIS-620 can hold it (a few signs it lacks dropped)."""
    return path.read_text(encoding="utf-8").encode("cp874", "ignore").decode("cp874")


TEXTS = {p.name: _tis620_text(p) for p in DOCUMENTS}


def _mixed(text: str, utf8_lines: set[int]) -> bytes:
    """``text`` in TIS-620, except the lines numbered in ``utf8_lines`` (0-based) in UTF-8."""
    lines = text.split("\n")
    return b"\n".join(line.encode("utf-8" if i in utf8_lines else "cp874")
                      for i, line in enumerate(lines))


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_every_document_decodes_alike_in_tis620_and_utf8(name: str) -> None:
    text = TEXTS[name]
    assert read_text(text.encode("cp874"), name).text == text
    assert read_text(text.encode("utf-8"), name).text == text
    assert read_text(text.encode("cp874"), name).warnings == ()


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(sorted(TEXTS)), data=st.data())
def test_lines_pasted_as_utf8_decode_in_their_own_encoding(name: str, data: st.DataObject) -> None:
    text = TEXTS[name]
    thai_lines = [i for i, line in enumerate(text.split("\n")) if not line.isascii()]
    chosen = data.draw(st.sets(st.sampled_from(thai_lines), min_size=1, max_size=3))
    if len(chosen) == len(thai_lines):  # the file would be UTF-8 throughout
        chosen.discard(min(chosen))
    decoded = read_text(_mixed(text, chosen), name)
    assert decoded.text == text
    assert decoded.warnings == ()
    assert decoded.encoding == ("cp874+utf-8" if chosen else "cp874")


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(sorted(TEXTS)), data=st.data())
def test_a_run_pasted_as_utf8_inside_a_tis620_line(name: str, data: st.DataObject) -> None:
    text = TEXTS[name]
    lines = text.split("\n")
    index = data.draw(st.sampled_from([i for i, line in enumerate(lines) if len(line) > 4
                                       and sum(not c.isascii() for c in line) >= 4]))
    line = lines[index]
    start = data.draw(st.integers(0, len(line) - 2))
    end = data.draw(st.integers(start + 2, len(line)))
    head, run, tail = line[:start], line[start:end], line[end:]
    if not re.search("[\u0e01-\u0e5b]{2}", run):  # one Thai letter in UTF-8 may be TIS-620
        run = "นายวีระ " + run
    raw = [ln.encode("cp874") for ln in lines]
    raw[index] = head.encode("cp874") + run.encode("utf-8") + tail.encode("cp874")
    lines[index] = head + run + tail
    assert read_text(b"\n".join(raw), name).text == "\n".join(lines)


@pytest.mark.parametrize("bad", [b"\xff", b"\xdb\xdc", b"\x8a\x8b", b"\xfc\xfd\xfe"])
@pytest.mark.parametrize("line_no", [1, 7, 25])
def test_bytes_in_neither_encoding_are_named_by_line(bad: bytes, line_no: int) -> None:
    text = TEXTS["legacy_variant_2564_pipe.txt"]
    lines = [line.encode("cp874") for line in text.split("\n")]
    lines[line_no - 1] += b" " + bad
    decoded = read_text(b"\n".join(lines), "form.txt")
    assert decoded.warnings == (
        f"form.txt: line {line_no} holds bytes that are neither UTF-8 nor TIS-620/Windows-874 "
        "(read as U+FFFD); re-save the file as UTF-8",)
    out = decoded.text.split("\n")
    assert "\ufffd" in out[line_no - 1]
    assert [ln for i, ln in enumerate(out) if i != line_no - 1] == \
        [ln for i, ln in enumerate(text.split("\n")) if i != line_no - 1]


def test_warnings_reach_the_source_document(tmp_path: Path) -> None:
    text = TEXTS["legacy_variant_2564_pipe.txt"]
    path = tmp_path / "form.txt"
    path.write_bytes(text.encode("cp874").replace(b"\n", b" \xff\n", 1))
    source = read_source(path)
    assert source.warnings and "line 1 " in source.warnings[0]
    (tmp_path / "clean.txt").write_bytes(text.encode("cp874"))
    assert read_source(tmp_path / "clean.txt").warnings == ()


def test_one_thai_letter_in_utf8_that_tis620_cannot_read() -> None:
    # "ช" in UTF-8 is E0 B8 8A; 8A is no TIS-620 character, so the run can only be UTF-8.
    data = "ชื่อ ".encode("cp874") + "ช".encode() + " สมชาย".encode("cp874")
    assert decode_text(data) == "ชื่อ ช สมชาย"


def test_mojibake_is_not_thai() -> None:
    assert looks_thai("สำนักงานเขตบางรัก")
    russian = "Отчёт о ходе работ по проекту"  # noqa: RUF001 - Cyrillic on purpose
    for text, codec in [(russian, "koi8-r"), (russian, "cp1251"),
                        ("Métro café élève à Paris", "cp1252")]:
        assert not looks_thai(text.encode(codec).decode("cp874", "replace"))


def test_undecodable_bytes_are_still_a_read_error() -> None:
    with pytest.raises(ReadError, match="re-save the file as UTF-8"):
        read_text(bytes(range(0x80, 0x100)) * 20, "noise.txt")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_utf16_without_a_byte_order_mark_reads_as_its_utf8(name: str, codec: str) -> None:
    # Some exports drop the mark Windows' "Unicode" save writes: every character is
    # then two bytes with nothing to say so, and the file read as binary.
    text = next(p for p in DOCUMENTS if p.name == name).read_text(encoding="utf-8")
    for newline in ("\n", "\r\n"):
        data = text.replace("\n", newline).encode(codec)
        decoded = read_text(data, name)
        assert decoded.encoding == codec
        assert decoded.text == text.replace("\n", newline)


def test_a_saved_page_in_utf16_without_a_mark_reads_as_its_utf8() -> None:
    import random

    from bma_etl.read.html import decode_html

    from corpus.web import progress_history

    page = progress_history(random.Random("utf16-unmarked")).html
    assert page is not None
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_html(page.encode(codec), "page.html") == page


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n\x00\x00",
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    bytes(range(256)) * 4,
    "ก".encode("utf-16-le")[:1] + b"\x00" * 7,
])
def test_binary_with_nuls_is_still_not_text(data: bytes) -> None:
    with pytest.raises(ReadError, match="looks binary"):
        read_text(data, "x.txt")


@pytest.mark.parametrize("mark", [b"", b"\xff\xfe"])
def test_utf16_cut_inside_its_last_character_reads_the_rest(mark: bytes) -> None:
    text = next(iter(TEXTS.values()))
    data = mark + text.encode("utf-16-le")
    decoded = read_text(data[:-1], "cut.txt")
    assert decoded.text == text[:-1]
    assert decoded.warnings and "half a character" in decoded.warnings[0]
    assert read_text(data, "whole.txt").warnings == ()
