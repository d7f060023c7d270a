"""Apply the parsers to an extraction's raw values, field by field.

Stage: normalize. Consumes an :class:`~bma_etl.layouts.base.Extraction`; produces
plain values per row (``Decimal``, ``date``, ``str``...) and one provenance row
per stated value. The parser for a field is the ``Parse`` kind its model declares
in :mod:`bma_etl.records`, so a layout never chooses how a number is read.

A value that cannot be parsed becomes NULL with an ``unparsed_value`` finding:
one bad cell never loses the rest of the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import NamedTuple

from bma_etl.document import Derived, Extraction, Finding, Raw, RawRow, words_over
from bma_etl.errors import ExtractError, NormalizeError
from bma_etl.normalize.codes import parse_code
from bma_etl.normalize.dates import ce_to_be, parse_date
from bma_etl.normalize.digits import (
    parse_amount,
    parse_int,
    parse_number,
    parse_percent,
)
from bma_etl.normalize.ditto import is_ditto, refuse_ditto
from bma_etl.normalize.text import clean_text, parse_flag
from bma_etl.normalize.value_notes import without_note
from bma_etl.records import MODEL_BY_TABLE, Record, parser_kind
from bma_etl.unwrap import spaced_breaks, unwrapped, writer_breaks


def parse_year_be(text: str) -> int:
    """A year as a Buddhist-era number: ``2563`` stays, ``2020`` becomes 2563.

    >>> parse_year_be("๒๕๖๕"), parse_year_be("(2566)"), parse_year_be("2019")
    (2565, 2566, 2562)
    """
    year = parse_int(text)
    if year < 100:
        raise NormalizeError(f"{text!r} is not a four-digit year")
    return year if year >= 2400 else ce_to_be(year)


def parse_path(text: str) -> str:
    r"""An organisation path: parts joined by `` / ``, duplicates removed.

    White space inside a part (a tab, a line break where the page wrapped the
    path) is one space.

    >>> parse_path("ส่วน ก / ส่วน ก / กลุ่ม ข")
    'ส่วน ก / กลุ่ม ข'
    >>> parse_path("สำนักการแพทย์\t/\nกองการ\nพยาบาล / ")
    'สำนักการแพทย์ / กองการ พยาบาล'
    """
    parts: list[str] = []
    for part in text.split("/"):
        cleaned = " ".join(clean_text(part).split())
        if cleaned and cleaned not in parts:
            parts.append(cleaned)
    if not parts:
        raise NormalizeError(f"{text!r} names no organisation")
    return " / ".join(parts)


def parse_text(text: str) -> str:
    """Free text, cleaned; blank text is an error (extractors give None for it)."""
    value = clean_text(text)
    if not value:
        raise NormalizeError(f"{text!r} is blank")
    return value


PARSERS: dict[str, Callable[[str], object]] = {
    "amount": parse_amount,
    "percent": parse_percent,
    "number": parse_number,
    "date": parse_date,
    "year_be": parse_year_be,
    "int": parse_int,
    "text": parse_text,
    "code": parse_code,
    "path": parse_path,
    "flag": parse_flag,
    "text_list": parse_text,
}


class ProvenanceRow(NamedTuple):
    """Where one value of one row came from (before it gets a ``doc_id``).

    A named tuple: immutable, and the cheapest record to make hundreds of per document.
    """

    table_name: str
    row_ordinal: int | None
    field: str
    page: int | None
    line_no: int | None
    char_start: int | None
    char_end: int | None
    raw_text: str | None
    derived: bool
    low_confidence: bool
    note: str | None = None
    confidence: float | None = None


@dataclass(slots=True)
class NormalizedRow:
    """A row's values, ready for its model."""

    table: str
    ordinal: int | None
    values: dict[str, object]


@dataclass(slots=True)
class Normalized:
    """The normalize stage's output for one document."""

    rows: list[NormalizedRow] = field(default_factory=list)
    provenance: list[ProvenanceRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


#: A value with an OCR word read below this confidence (0-100) is low-confidence.
LOW_WORD_CONFIDENCE = 60.0


def normalize(extraction: Extraction, text: str,
              words: tuple[tuple[int, int, float], ...] = (),
              wraps: frozenset[int] | None = None,
              spaced: frozenset[int] = frozenset(), ocr: bool = True) -> Normalized:
    """Parse every raw value of ``extraction``; ``text`` is the text the spans index.

    ``wraps``, given when the text's lines are a page's (a PDF's text layer or
    OCR; the reader's wrapped lines, 1-based): a line break inside a value may be
    a wrap the page made, and goes where the document model says the wrap stands
    for nothing (:func:`bma_etl.unwrap.unwrapped`); a running text's pieces on
    consecutive lines are joined the same way; a break after a line of ``spaced``
    (the reader saw the page wrap it at a space) is a space, and so is one after a
    line of ``wraps`` where a page breaks a line only at a space
    (:func:`bma_etl.unwrap.wrap_space`: a letter before a digit or a bracket).

    ``words`` are the OCR'd words' ``(start, end, confidence)`` in ``text``: a
    value read by OCR gets the lowest confidence of the words it overlaps
    (``provenance.confidence``), and is low-confidence when that is below
    :data:`LOW_WORD_CONFIDENCE` or no word is found under it. ``ocr``: the text
    was OCR'd, so an amount gets OCR's repairs (:func:`parse_amount`).
    """
    out = Normalized(findings=list(extraction.findings))
    parsed = _Parsed(ocr)
    kept = writer_breaks(text, wraps) if wraps is not None else None
    at_space = spaced_breaks(text, spaced, wraps or frozenset())
    for row in extraction.rows:
        out.rows.append(_normalize_row(row, text, out, parsed, kept, at_space))
    if words:
        out.provenance = [_with_confidence(p, words, text) for p in out.provenance]
    return out


def _with_confidence(prov: ProvenanceRow, words: tuple[tuple[int, int, float], ...],
                     text: str) -> ProvenanceRow:
    """The value's lowest word confidence; specks (words of no letter or digit) aside."""
    if prov.derived or not prov.low_confidence or prov.char_start is None \
            or prov.char_end is None:
        return prov
    start, end = prov.char_start, prov.char_end
    confs = [conf for a, b, conf in words_over(words, start, end)
             if any(c.isalnum() for c in text[max(a, start):min(b, end)])]
    if not confs:
        return prov
    low = min(confs)
    return prov._replace(confidence=low, low_confidence=low < LOW_WORD_CONFIDENCE)


class _Parsed:
    """The values already parsed in one document, by parser kind and text.

    A document repeats values (a project name on every step row, the same small
    numbers): each is parsed once. Parsers are pure; a value that fails to parse
    is not kept, so its error is raised again where it recurs.
    """

    __slots__ = ("ocr", "values")

    def __init__(self, ocr: bool = True) -> None:
        """Start with nothing parsed; ``ocr``: the document's text was OCR'd."""
        self.ocr = ocr
        self.values: dict[tuple[str, str], object] = {}

    def parse(self, kind: str, text: str) -> object:
        """``PARSERS[kind](text)``; ``kind`` ``"clean"``: :func:`clean_text`.

        An amount of text not OCR'd: :func:`parse_amount` with no OCR repair.
        """
        key = (kind, text)
        found = self.values.get(key, _MISSING)
        if found is _MISSING:
            refuse_ditto(text)  # a merged cell's mark: the layout did not take the value above
            parser = clean_text if kind == "clean" else _text_amount \
                if kind == "amount" and not self.ocr else PARSERS[kind]
            found = self.values[key] = parser(text)
        return found


def _text_amount(text: str) -> object:
    """An amount of printed or typed text: :func:`parse_amount` without OCR's repairs."""
    return parse_amount(text, ocr=False)


_MISSING = object()


@cache
def _columns(model: type[Record]) -> frozenset[str]:
    """The model's field names (looked up once: pydantic builds the mapping anew)."""
    return frozenset(model.model_fields)


@cache
def _kind(model: type[Record], name: str) -> str | None:
    """:func:`~bma_etl.records.parser_kind`, worked out once per model field."""
    return parser_kind(model, name)


def _normalize_row(row: RawRow, text: str, out: Normalized, parsed_values: _Parsed,
                   kept: Callable[[int], bool] | None = None,
                   at_space: Callable[[int], bool] | None = None) -> NormalizedRow:
    model = MODEL_BY_TABLE.get(row.table)
    if model is None:
        raise ExtractError(f"extractor produced rows for unknown table {row.table!r}")
    columns = _columns(model)
    values: dict[str, object] = {}
    if "ordinal" in columns:
        values["ordinal"] = row.ordinal
    for name, value in row.fields.items():
        if value is None:
            continue
        if name not in columns:
            raise ExtractError(f"extractor produced unknown column {row.table}.{name}")
        kind = _kind(model, name)
        if kept is not None and not isinstance(value, Derived):  # a page's lines
            value = unwrapped(value, text, kind == "text", kept, at_space or (lambda _at: False))
        if kind == "text" and not isinstance(value, Derived):
            value = _without_specks(value)
            if value is None:
                continue
        if isinstance(value, Raw):
            value, note = without_note(kind, value, name)
            if note is not None:
                out.findings.append(Finding(
                    row.table, row.ordinal, name, "warning", "unparsed_line",
                    f"line {_line_of(value)}: the note after the value is not read: {note[:60]!r}"))
        try:
            parsed = _parse_value(kind, value, parsed_values)
        except NormalizeError as exc:
            out.findings.append(Finding(row.table, row.ordinal, name, "error", "unparsed_value",
                                        f"{exc} (line {_line_of(value)})"))
            parsed = None
        if parsed is None:
            continue
        values[name] = parsed
        out.provenance.append(_provenance(row, name, value, text))
    return NormalizedRow(row.table, row.ordinal, values)


#: A speck OCR read beside a text value (``สวนโยธา ,``, ``ฝ่ายการคลัง |``): a token of
#: punctuation alone, set apart by a space, at the value's end or start.
_TRAILING_SPECK = re.compile(r"\s+[,.|'`\u2018\u2019]+$")
_LEADING_SPECK = re.compile(r"^[,.|'`\u2018\u2019]+\s+")


def _without_specks(value: Raw | list[Raw]) -> Raw | list[Raw] | None:
    """An OCR'd text value without the specks beside it (its span trimmed with it).

    Only a value read by OCR (``low_confidence``): a printed ``ก.`` or ``...`` stays.
    None when nothing but specks is left.
    """
    if isinstance(value, list):
        pieces = [p for p in (_without_specks(piece) for piece in value) if p is not None]
        return [p for p in pieces if isinstance(p, Raw)] or None
    if not value.low_confidence:
        return value
    text, span = value.text, value.span
    end = _TRAILING_SPECK.search(text)
    if end is not None:
        span = replace(span, char_end=span.char_end - (len(text) - end.start()))
        text = text[:end.start()]
    start = _LEADING_SPECK.match(text)
    if start is not None and not value.joined:
        span = replace(span, char_start=span.char_start + start.end())
        text = text[start.end():]
    if not text.strip():
        return None
    return value if text == value.text else replace(value, text=text, span=span)


def _parse_value(kind: str | None, value: Raw | Derived | list[Raw], parsed: _Parsed
                 ) -> object:
    if isinstance(value, Derived):
        return value.value
    if kind is None:
        raise NormalizeError("field has no parser")
    if isinstance(value, Raw):
        return [parsed.parse(kind, value.text)] if kind == "text_list" \
            else parsed.parse(kind, value.text)
    if kind == "text_list":
        return [parsed.parse(kind, piece.text) for piece in value]
    if kind == "text":
        cleaned = (parsed.parse("clean", p.text) for p in value if not is_ditto(p.text))
        joined = "\n".join(p for p in cleaned if isinstance(p, str) and p)
        return joined or None
    return parsed.parse(kind, " ".join(piece.text for piece in value))


def _line_of(value: Raw | Derived | list[Raw]) -> int | None:
    if isinstance(value, Raw):
        return value.span.line_no
    if isinstance(value, list) and value:
        return value[0].span.line_no
    return value.evidence.line_no if isinstance(value, Derived) and value.evidence else None


def _provenance(row: RawRow, name: str, value: Raw | Derived | list[Raw], text: str
                ) -> ProvenanceRow:
    if isinstance(value, Derived):
        ev = value.evidence
        return ProvenanceRow(row.table, row.ordinal, name, ev.page if ev else None,
                             ev.line_no if ev else None, ev.char_start if ev else None,
                             ev.char_end if ev else None,
                             text[ev.char_start:ev.char_end] if ev else None, True, False,
                             value.note)
    note = None
    if isinstance(value, Raw):  # one piece: most values
        first = last = value.span
        low_confidence = value.low_confidence
        if value.joined:
            note = "read across a line wrap; the value joins the wrapped pieces"
    else:
        first, last = value[0].span, value[-1].span
        low_confidence = any(p.low_confidence for p in value)
    return ProvenanceRow(row.table, row.ordinal, name, first.page, first.line_no,
                         first.char_start, last.char_end, text[first.char_start:last.char_end],
                         False, low_confidence, note)
