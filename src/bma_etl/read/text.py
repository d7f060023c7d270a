"""Decode a text file: UTF-8 first, then the Thai legacy encodings, run by run.

Stage: read. Older Thai files are TIS-620 / Windows-874 (cp874, a superset of
TIS-620); they are decoded, not rejected. A TIS-620 file into which a line was
pasted as UTF-8 (field-cases/mixed_tis620_utf8.txt) is decoded run by run: each
run of UTF-8 Thai in its own encoding, the rest as cp874. Bytes that decode in
neither become U+FFFD and a warning names their lines (:class:`Decoded`).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bma_etl.errors import ReadError

__all__ = ["Decoded", "decode_text", "decode_thai_runs", "is_thai_reading", "looks_thai",
           "read_text", "thai_share", "unnamed_glyphs"]

log = logging.getLogger(__name__)

#: Share of NUL or control bytes above which a file is binary, not text.
_BINARY_SHARE = 0.01
#: Share of Thai letters among a decoded text's letters above which it is Thai.
THAI_SHARE = 0.2
#: Share of Thai characters out of their place (see :func:`looks_thai`) that a
#: Thai text has at most; mojibake of Latin or Cyrillic bytes has several times more.
MAX_MISPLACED = 0.1

#: Share of a Thai legacy text's characters that may fail to decode (U+FFFD).
MAX_UNDECODED = 0.01

#: Bytes that are not text controls (deleting them leaves the controls to count).
_NOT_CONTROL = bytes(range(9, 14)) + bytes(range(32, 256))

# UTF-8 sequences that can stand in Thai text: Thai letters, digits and signs
# (U+0E01-U+0E5B) and the typographic dashes, quotes and ellipsis (U+2013-U+2026).
_UTF8_THAI = rb"\xe0\xb8[\x81-\xba\xbf]|\xe0\xb9[\x80-\x9b]|\xe2\x80[\x93-\xa6]"
_UTF8_RUN = re.compile(rb"(?:" + _UTF8_THAI + rb")+")
_UTF8_ONE = re.compile(_UTF8_THAI)
_LINES = re.compile(rb"[^\n]*\n|[^\n]+")

_CONSONANT = "\u0e01-\u0e2e"
# A mark above or below, or a following vowel, belongs after a consonant or a mark;
# a leading vowel (เ แ โ ใ ไ) belongs before a consonant.
_MISPLACED = re.compile(
    f"(?<![{_CONSONANT}\u0e30-\u0e3a\u0e47-\u0e4e\u0e24\u0e26])[\u0e30-\u0e3a\u0e47-\u0e4e]"
    f"|[\u0e40-\u0e44](?![{_CONSONANT}])"
)
_THAI_CHAR = re.compile("[\u0e01-\u0e5b]")


@dataclass(frozen=True, slots=True)
class Decoded:
    """A file's text, the encodings it was read in, and what did not decode."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


#: Letters of neither ASCII nor Thai that a TIS-620 byte pair read as UTF-8 gives.
_FOREIGN_LETTER = re.compile("[\u00c0-\u0dff\u0e80-\u1fff]")


def _is_binary(data: bytes) -> bool:
    sample = data[:65536]
    controls = len(sample.translate(None, _NOT_CONTROL))
    return b"\x00" in sample or controls > _BINARY_SHARE * len(sample)


def utf16_unmarked(data: bytes, name: str = "file") -> Decoded | None:
    r"""UTF-16 saved without a byte order mark → :class:`Decoded`; None when it is not.

    Windows' "Unicode" save keeps the mark, but some exports and copies drop it:
    every ASCII character then has a NUL byte beside it and every Thai one a
    ``0x0E``, on the high byte's side (odd bytes little-endian, even bytes
    big-endian). The bytes are taken as UTF-16 when one side is NUL or ``0x0E`` for
    nine characters in ten of the first 64 KiB and they decode to text with no
    control characters but tab and line ends. A file of an odd number of bytes
    (cut short inside its last character) is read without its last byte, with a
    warning.

    >>> utf16_unmarked("ชื่อ : นายวีระ\r\n".encode("utf-16-le")).encoding
    'utf-16-le'
    >>> utf16_unmarked("ปี 2567".encode("utf-16-be")).text
    'ปี 2567'
    >>> utf16_unmarked(b"%PDF-1.7\x00\x00") is None
    True
    """
    sample = data[:65536]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    for codec, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if high.count(0) + high.count(0x0E) < 0.9 * len(high):
            continue
        # The sample first: a file of NULs is binary, told without decoding it all.
        head = sample[:len(sample) - len(sample) % 2].decode(codec, "replace")
        if _is_binary(head.encode("utf-8")):
            return None
        try:
            text = data[:len(data) - len(data) % 2].decode(codec)
        except UnicodeDecodeError:
            return None
        return Decoded(text, codec, _half_character(name, data))
    return None


def _half_character(name: str, data: bytes) -> tuple[str, ...]:
    """The warning for UTF-16 bytes of an odd count (none for an even one)."""
    if len(data) % 2 == 0:
        return ()
    warning = f"{name}: UTF-16 ends in half a character (cut short?); its last byte is dropped"
    log.warning("%s", warning)
    return (warning,)


#: Share of a PDF text dump's characters that may be NULs standing for unnamed glyphs.
MAX_UNNAMED = 0.05


def unnamed_glyphs(data: bytes, name: str = "file") -> Decoded | None:
    r"""A PDF's text dump with a NUL for each glyph its text map left unnamed → Decoded.

    pypdf writes U+0000 for such a glyph (an arrow a font lacks; a Thai mark Chromium
    gave no text): the file was taken for binary and quarantined. It is text when the
    NULs stand alone (no two in a row, as UTF-16 or a binary file has them), are at
    most :data:`MAX_UNNAMED` of its bytes, and the rest is UTF-8 text. Each NUL reads
    as U+FFFD (one for one), with a warning. None when the bytes are no such dump.
    ReadError for such a dump in pypdf's layout mode (columns side by side,
    :func:`~bma_etl.read.text_dumps.spread`): its ruled tables' wrapped cells read cut
    and run into their neighbours (a plan's names and indicators), so such a file is
    quarantined, saying what to do, rather than loaded with wrong values.

    >>> unnamed_glyphs("ชื\x00อโครงการ : ปี 2561\nระยะที\x00 3\n".encode()).text
    'ชื\ufffdอโครงการ : ปี 2561\nระยะที\ufffd 3\n'
    >>> unnamed_glyphs(b"%PDF\x00\x00\x01") is None
    True
    """
    nuls = data.count(b"\x00")
    if b"\x00\x00" in data or nuls > MAX_UNNAMED * len(data):
        return None
    rest = data.replace(b"\x00", b"")
    if _is_binary(rest):
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    from bma_etl.read.text_dumps import spread

    if spread(text):
        raise ReadError(
            f"{name}: a PDF's text dumped with its columns side by side (pypdf's layout "
            "mode) and NUL for glyphs the PDF names nothing: its tables' wrapped cells "
            "cannot be read apart; save the text without layout mode, or ingest the PDF")
    warning = (f"{name}: {nuls} NUL character{'s' if nuls > 1 else ''} (glyphs the PDF's text "
               "map names nothing, as pypdf writes them) read as U+FFFD")
    log.warning("%s", warning)
    return Decoded(text.replace("\x00", "\ufffd"), "utf-8", (warning,))


def thai_share(text: str) -> float:
    """Share of Thai characters among the non-space characters of ``text``.

    >>> thai_share("สำนัก 123"), thai_share("")
    (0.625, 0.0)
    """
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0e00" <= c <= "\u0e7f") / len(letters)


def looks_thai(text: str) -> bool:
    """Whether ``text`` reads as Thai rather than as bytes decoded in the wrong charset.

    Thai text has Thai letters and its marks and vowels in their places; Latin,
    Cyrillic or Japanese bytes decoded as cp874 give Thai characters in no order.

    >>> looks_thai("สำนักงานเขตบางรัก")
    True
    >>> looks_thai("Métro café élève".encode("cp1252").decode("cp874"))
    False
    """
    if thai_share(text) <= THAI_SHARE:
        return False
    thai = len(_THAI_CHAR.findall(text))
    return len(_MISPLACED.findall(text)) <= MAX_MISPLACED * thai


def is_thai_reading(text: str, judged: str | None = None) -> bool:
    """Whether a Thai legacy reading of some bytes is right.

    It looks Thai (judged on ``judged``, a page's text without its markup, say)
    and little of it failed to decode.
    """
    return looks_thai(text if judged is None else judged) and \
        text.count("\ufffd") <= MAX_UNDECODED * len(text)


def _decode_line(line: bytes) -> tuple[str, bool, bool]:
    """One line → (text, whether it held UTF-8, whether some bytes decoded in neither)."""
    if line.isascii():
        return line.decode("ascii"), False, False
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # TIS-620 bytes are seldom valid UTF-8, but a short run can be (ร then บ,
        # C3 BA, is UTF-8 ú): UTF-8 Thai beside Latin or Cyrillic letters is suspect.
        if looks_thai(text) and not _FOREIGN_LETTER.search(text):
            return text, True, False
    runs = list(_UTF8_RUN.finditer(line))
    # One Thai character alone as UTF-8 is also TIS-620 text (เธก): it counts as
    # UTF-8 only when TIS-620 cannot read it or longer runs of the line are UTF-8.
    utf8 = any(len(_UTF8_ONE.findall(m.group())) > 1 or not _cp874_decodes(m.group())
               for m in runs)
    out: list[str] = []
    bad = False
    pos = 0
    for m in runs:
        if not (utf8 or not _cp874_decodes(m.group())):
            continue
        piece, bad_piece = _cp874(line[pos:m.start()])
        out += [piece, m.group().decode("utf-8")]
        bad, pos = bad or bad_piece, m.end()
    piece, bad_piece = _cp874(line[pos:])
    out.append(piece)
    return "".join(out), utf8, bad or bad_piece


def _cp874_decodes(data: bytes) -> bool:
    try:
        data.decode("cp874")
    except UnicodeDecodeError:
        return False
    return True


def _cp874(data: bytes) -> tuple[str, bool]:
    try:
        return data.decode("cp874"), False
    except UnicodeDecodeError:
        return data.decode("cp874", "replace"), True


def _lines_named(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10])
    more = f" and {len(numbers) - 10} more" if len(numbers) > 10 else ""
    return f"line{'s' if len(numbers) > 1 else ''} {shown}{more}"


def decode_thai_runs(data: bytes, name: str = "file") -> Decoded:
    r"""Thai legacy bytes, line by line, each run of UTF-8 Thai in its own encoding.

    >>> mixed = "ชื่อ : ".encode("cp874") + "นายวีระ".encode() + b"\n" + "ปี".encode("cp874")
    >>> decode_thai_runs(mixed).text
    'ชื่อ : นายวีระ\nปี'
    """
    pieces: list[str] = []
    utf8_lines: list[int] = []
    bad_lines: list[int] = []
    for number, m in enumerate(_LINES.finditer(data), start=1):
        text, utf8, bad = _decode_line(m.group())
        pieces.append(text)
        if utf8:
            utf8_lines.append(number)
        if bad:
            bad_lines.append(number)
    warnings: tuple[str, ...] = ()
    if bad_lines:
        verb = "holds" if len(bad_lines) == 1 else "hold"
        warnings = (f"{name}: {_lines_named(bad_lines)} {verb} bytes that are neither UTF-8 nor "
                    "TIS-620/Windows-874 (read as U+FFFD); re-save the file as UTF-8",)
        log.warning("%s", warnings[0])
    if utf8_lines:
        log.info("%s: %s UTF-8 among TIS-620/Windows-874 text; each run read in its own "
                 "encoding", name, _lines_named(utf8_lines))
    encoding = "cp874+utf-8" if utf8_lines else "cp874"
    return Decoded("".join(pieces), encoding, warnings)


def read_text(data: bytes, name: str = "file") -> Decoded:
    """Bytes of a text file → :class:`Decoded`; ReadError when they are no text.

    UTF-16 with a byte order mark or without one (:func:`utf16_unmarked`), a PDF's
    text dump with NULs for unnamed glyphs (:func:`unnamed_glyphs`), then UTF-8, then
    Thai legacy bytes run by run (:func:`decode_thai_runs`), then whatever
    ``charset-normalizer`` recognises.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return Decoded(data[:len(data) - len(data) % 2].decode("utf-16"), "utf-16",
                           _half_character(name, data))
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: has a UTF-16 mark but does not decode as UTF-16") from exc
    unmarked = utf16_unmarked(data, name)
    if unmarked is not None:
        return unmarked
    if b"\x00" in data and (dumped := unnamed_glyphs(data, name)) is not None:
        return dumped
    if _is_binary(data):
        raise ReadError(f"{name}: looks binary (NUL or control bytes), not a text report")
    try:
        return Decoded(data.decode("utf-8-sig"), "utf-8")
    except UnicodeDecodeError:
        pass
    thai = decode_thai_runs(data, name)
    if is_thai_reading(thai.text):
        return thai
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return Decoded(str(best), best.encoding)
    raise ReadError(
        f"{name}: not UTF-8, TIS-620/Windows-874 or any encoding recognised; "
        "re-save the file as UTF-8"
    )


def decode_text(data: bytes, name: str = "file") -> str:
    """Bytes of a text file → str (see :func:`read_text`).

    >>> decode_text("สำนัก".encode("cp874"))
    'สำนัก'
    >>> decode_text("สำนัก".encode("utf-8-sig"))
    'สำนัก'
    """
    return read_text(data, name).text
