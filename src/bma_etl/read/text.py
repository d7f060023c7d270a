"""Decode a text file: UTF-8 first, then the Thai legacy encodings.

Stage: read. Older Thai files are TIS-620 / Windows-874 (cp874, a superset of
TIS-620); they are decoded, not rejected.
"""

from __future__ import annotations

from bma_etl.errors import ReadError

#: Share of NUL or control bytes above which a file is binary, not text.
_BINARY_SHARE = 0.01


#: Bytes that are not text controls (deleting them leaves the controls to count).
_NOT_CONTROL = bytes(range(9, 14)) + bytes(range(32, 256))


def _is_binary(data: bytes) -> bool:
    sample = data[:65536]
    controls = len(sample.translate(None, _NOT_CONTROL))
    return b"\x00" in sample or controls > _BINARY_SHARE * len(sample)


def _thai_share(text: str) -> float:
    letters = [c for c in text if not c.isspace()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0e00" <= c <= "\u0e7f") / len(letters)


def decode_text(data: bytes, name: str = "file") -> str:
    """Bytes of a text file → str.

    >>> decode_text("สำนัก".encode("cp874"))
    'สำนัก'
    >>> decode_text("สำนัก".encode("utf-8-sig"))
    'สำนัก'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ReadError(f"{name}: has a UTF-16 mark but does not decode as UTF-16") from exc
    if _is_binary(data):
        raise ReadError(f"{name}: looks binary (NUL or control bytes), not a text report")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp874")
    except UnicodeDecodeError:
        text = ""
    if text and _thai_share(text) > 0.2:
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and best.encoding:
        return str(best)
    raise ReadError(
        f"{name}: not UTF-8, TIS-620/Windows-874 or any encoding recognised; "
        "re-save the file as UTF-8"
    )
