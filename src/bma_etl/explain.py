"""Why a document was read the way it was: detection, then every value beside its source.

Belongs to no stage: it runs the pipeline (:func:`bma_etl.pipeline.process_file`)
on a file, or reads a loaded document back from the warehouse, and lays out what
the stages decided. Consumes a path or a ``doc_id``; produces an
:class:`Explanation` (plain data; the command line renders it with
:func:`render`).

A file the pipeline quarantines is explained as far as it got: the stage that
stopped it, its reason, and, when the file could be read, every layout's
detection score with the signals that scored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bma_etl.detect import THRESHOLD, score_all, score_all_damaged
from bma_etl.errors import BmaEtlError, WarehouseError
from bma_etl.layouts import REGISTRY
from bma_etl.layouts.base import RepairedText, score_signals
from bma_etl.records import DATA_MODELS, Provenance, QualityIssue, Record

if TYPE_CHECKING:
    from bma_etl.load import Target

#: The stages of one document, in order (``repair`` and ``checks`` never stop one).
STAGES = ("read", "repair", "detect", "extract", "normalize", "validate", "checks")


@dataclass(frozen=True, slots=True)
class SignalResult:
    """One detection signal of a layout and whether it was found."""

    pattern: str
    points: float
    # "text", "key form" (found once marks and spaces are discounted), "approximately"
    # (its phrase, as detection looks when nothing else reaches the threshold) or ""
    found: str


@dataclass(frozen=True, slots=True)
class LayoutScore:
    """A layout's detection score and its signals."""

    layout_id: str
    score: float
    signals: tuple[SignalResult, ...]
    #: The score of the signals as printed, where detection had to look further (the
    #: key form, then approximately: :func:`bma_etl.detect.detect`) and ``score`` is that.
    printed: float | None = None


@dataclass(frozen=True, slots=True)
class ValueSource:
    """One extracted value and where it came from."""

    table: str
    row_ordinal: int | None
    field: str
    value: Any  # as ``model_dump(mode="json")`` gives it
    raw_text: str | None
    page: int | None
    line_no: int | None
    char_start: int | None
    char_end: int | None
    #: The whole line(s) the span lies on, and the span's offsets inside ``context``.
    context: str | None
    mark: tuple[int, int] | None
    derived: bool
    note: str | None
    ocr: bool
    confidence: float | None
    low_confidence: bool
    issues: tuple[str, ...]


@dataclass(slots=True)
class Explanation:
    """What the pipeline made of one document."""

    source: str  # the file, or ``doc:<id>``
    doc_id: str | None = None
    passed: list[str] = field(default_factory=list)  # stages completed
    stopped_at: str | None = None  # the stage that quarantined it
    error: str | None = None
    layout: str | None = None
    layout_score: float | None = None
    scores: list[LayoutScore] = field(default_factory=list)
    values: list[ValueSource] = field(default_factory=list)
    issues: list[str] = field(default_factory=list)  # quality issues not tied to one value
    ocr_used: bool = False
    ocr_note: str | None = None  # how many pages OCR read and why (a file read now only)
    text: str | None = None

    @property
    def runner_up(self) -> LayoutScore | None:
        """The best-scoring layout other than the one chosen."""
        return next((s for s in self.scores if s.layout_id != self.layout), None)


def layout_scores(doc: RepairedText) -> list[LayoutScore]:
    """Every registered layout's score for ``doc`` with the signals behind it, best first.

    The scores detection went by (:func:`bma_etl.detect.detect`): when no layout
    reaches :data:`~bma_etl.detect.THRESHOLD` as printed, those of the signals also
    found in their key form, then approximately; each then keeps its score as printed.
    """
    printed = score_all(doc)
    totals, best, looked = printed, next(iter(printed.values()), 0.0), False
    for fuzzy in (False, True):
        if best >= THRESHOLD:
            break
        again = score_all_damaged(doc, fuzzy)
        if next(iter(again.values()), 0.0) > best:
            totals, best, looked = again, next(iter(again.values())), fuzzy
    by_id = {layout.layout_id: layout for layout in REGISTRY}
    out = []
    for layout_id, total in totals.items():
        results = []
        for signal in by_id[layout_id].signals:
            if score_signals(doc, (signal,)) > 0:
                found = "text"
            elif score_signals(doc, (signal,), keyed=True) > 0:
                found = "key form"
            elif looked and score_signals(doc, (signal,), fuzzy=True) > 0:
                found = "approximately"
            else:
                found = ""
            results.append(SignalResult(signal.pattern, signal.points, found))
        as_printed = printed[layout_id] if totals is not printed else None
        out.append(LayoutScore(layout_id, total, tuple(results), as_printed))
    return out


def explain_file(path: Path, *, ocr: str = "auto") -> Explanation:
    """Run ``path`` through the pipeline and explain the result, or how far it got."""
    from bma_etl.pipeline import process_file, repair
    from bma_etl.read import SourceDocument

    out = Explanation(source=str(path))
    sources: list[SourceDocument] = []
    try:
        processed = process_file(path, ocr=ocr, on_read=sources.append)
    except BmaEtlError as exc:
        out.stopped_at = exc.stage
        out.error = exc.reason()
        if sources:
            doc = repair(sources[0])
            out.doc_id = sources[0].doc_id
            out.scores = layout_scores(doc)
            out.text = doc.text
            out.ocr_used, out.ocr_note = sources[0].ocr_used, sources[0].ocr_note
        out.passed = list(STAGES[:STAGES.index(exc.stage)]) if exc.stage in STAGES \
            else (["read", "repair"] if sources else [])
        return out
    source = sources[0]
    out.passed = list(STAGES)
    out.doc_id = processed.doc_id
    out.layout = processed.layout
    out.layout_score = processed.layout_score
    out.ocr_used, out.ocr_note = source.ocr_used, source.ocr_note
    out.text = processed.text
    out.scores = layout_scores(repair(source))
    rows = {t: [r.model_dump(mode="json") for r in rs] for t, rs in processed.tables.items()}
    _fill_values(out, rows, processed.rows("provenance"), processed.rows("quality_issues"))
    return out


def explain_doc(db: Target, doc_id: str) -> Explanation:
    """Explain a document already in the warehouse at ``db`` (opened read-only).

    ``doc_id`` may be a unique prefix of the id. Detection is scored again on the
    stored text, which is the text the layouts read.
    """
    from bma_etl.warehouse_file import connect

    con = connect(db, read_only=True)
    try:
        found = con.execute(
            "SELECT doc_id, source_path, layout, layout_score, status, error, ocr_used "
            "FROM documents WHERE doc_id LIKE ? || '%'", [doc_id]).fetchall()
        if not found:
            raise WarehouseError(f"{db}: no document with id {doc_id!r}")
        if len(found) > 1:
            raise WarehouseError(f"{db}: {len(found)} documents have ids starting {doc_id!r}; "
                                 "give more of the id")
        full_id, path, layout, score, status, error, ocr_used = found[0]
        out = Explanation(source=f"{path} (doc {full_id[:12]})", doc_id=full_id,
                          ocr_used=bool(ocr_used))
        if status != "loaded":
            stage = (error or "pipeline:").split(":", 1)[0]
            out.stopped_at, out.error = stage, error
            out.passed = list(STAGES[:STAGES.index(stage)]) if stage in STAGES else []
            return out
        out.passed, out.layout, out.layout_score = list(STAGES), layout, score
        text_row = con.execute("SELECT text FROM document_texts WHERE doc_id = ?",
                               [full_id]).fetchone()
        out.text = text_row[0] if text_row else None
        if out.text is not None:
            out.scores = layout_scores(RepairedText.of(out.text))
        rows: dict[str, list[dict[str, Any]]] = {}
        for model in DATA_MODELS:
            cur = con.execute(f"SELECT * FROM {model.table} WHERE doc_id = ?", [full_id])
            names = [d[0] for d in cur.description]
            rows[model.table] = [{k: _jsonable(v) for k, v in zip(names, r, strict=True)}
                                 for r in cur.fetchall()]
        prov = _models(con, Provenance, full_id)
        issues = _models(con, QualityIssue, full_id)
    finally:
        con.close()
    _fill_values(out, rows, prov, issues)
    return out


def _models(con: Any, model: type[Record], doc_id: str) -> list[Record]:
    cur = con.execute(f"SELECT * FROM {model.table} WHERE doc_id = ?", [doc_id])
    names = [d[0] for d in cur.description]
    return [model.model_construct(**dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def _jsonable(value: object) -> object:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def _fill_values(out: Explanation, rows: dict[str, list[dict[str, Any]]],
                 provenance: list[Record], issues: list[Record]) -> None:
    by_row = {(t, r.get("ordinal")): r for t, rs in rows.items() for r in rs}
    tied: dict[tuple[str, int | None, str], list[str]] = {}
    for issue in issues:
        assert isinstance(issue, QualityIssue)
        msg = f"{issue.code}: {issue.message}"
        if issue.field is None:
            out.issues.append(f"{issue.table_name}"
                              f"{'' if issue.row_ordinal is None else f' row {issue.row_ordinal}'}"
                              f": {msg}")
        else:
            tied.setdefault((issue.table_name, issue.row_ordinal, issue.field), []).append(msg)
    text = out.text or ""
    seen = set()
    for p in provenance:
        assert isinstance(p, Provenance)
        key = (p.table_name, p.row_ordinal, p.field)
        seen.add(key)
        context, mark = None, None
        if p.char_start is not None and p.char_end is not None and text:
            start = text.rfind("\n", 0, p.char_start) + 1
            end = text.find("\n", max(p.char_end - 1, p.char_start))
            end = len(text) if end < 0 else end
            context, mark = text[start:end], (p.char_start - start, p.char_end - start)
        row = by_row.get((p.table_name, p.row_ordinal), {})
        out.values.append(ValueSource(
            table=p.table_name, row_ordinal=p.row_ordinal, field=p.field,
            value=row.get(p.field), raw_text=p.raw_text, page=p.page, line_no=p.line_no,
            char_start=p.char_start, char_end=p.char_end, context=context, mark=mark,
            derived=bool(p.derived), note=p.note, ocr=p.confidence is not None,
            confidence=p.confidence, low_confidence=bool(p.low_confidence),
            issues=tuple(tied.get(key, ()))))
    for key, msgs in tied.items():  # an issue on a value that has no provenance row
        if key not in seen:
            out.issues.extend(f"{key[0]} row {key[1]} {key[2]}: {m}" for m in msgs)


def only_field(explanation: Explanation, spec: str) -> Explanation:
    """Keep the values of one ``TABLE.COLUMN``; raise ValueError when it names none."""
    table, _, column = spec.partition(".")
    kept = [v for v in explanation.values if v.table == table and v.field == column]
    if not kept and explanation.stopped_at is None:
        known = sorted({f"{v.table}.{v.field}" for v in explanation.values})
        raise ValueError(f"no values of {spec!r} in this document; it has: {', '.join(known)}")
    explanation.values = kept
    return explanation


# ---------------------------------------------------------------------------- rendering


def highlight(text: str, mark: tuple[int, int] | None, rich: bool) -> str:
    r"""``text`` with ``mark`` highlighted: rich markup, or plain ``[...]`` brackets.

    >>> highlight("budget 12,000 baht", (7, 13), rich=False)
    'budget [12,000] baht'
    >>> highlight("a [b]", (3, 4), rich=True)
    'a [[reverse bold]b[/]]'
    """
    if mark is None:
        return _escape(text, rich)
    a, b = mark
    if not rich:
        return f"{text[:a]}[{text[a:b]}]{text[b:]}"
    return f"{_escape(text[:a], rich)}[reverse bold]{_escape(text[a:b], rich)}[/]" \
           f"{_escape(text[b:], rich)}"


def _escape(text: str, rich: bool) -> str:
    if not rich:
        return text
    from rich.markup import escape

    return escape(text)


def render(ex: Explanation, rich: bool = False, width: int = 160) -> list[str]:
    """The explanation as lines of text (rich markup when ``rich``)."""
    lines = [f"source: {_escape(ex.source, rich)}"]
    if ex.doc_id:
        lines.append(f"doc_id: {ex.doc_id}")
    if ex.ocr_note:
        lines.append(f"read: {ex.ocr_note}")
    steps = " → ".join(ex.passed) or "nothing"
    lines.append(f"stages passed: {steps}")
    if ex.stopped_at:
        reason = (ex.error or "").removeprefix(f"{ex.stopped_at}: ")
        lines.append(f"stopped at: {ex.stopped_at}: {_escape(reason, rich)}")
    if ex.layout:
        runner = ex.runner_up
        versus = f"; runner-up {runner.layout_id} {runner.score:.2f}" if runner else ""
        lines.append(f"layout: {ex.layout} (score {ex.layout_score or 0:.2f}, threshold "
                     f"{THRESHOLD}){versus}")
    if ex.scores:
        lines.append("detection scores:")
        for s in ex.scores:
            printed = f" ({s.printed:.2f} as printed)" if s.printed not in (None, s.score) else ""
            lines.append(f"  {s.layout_id:<22} {s.score:.2f}{printed}")
            for sig in s.signals:
                if sig.found:
                    how = "" if sig.found == "text" else f" ({sig.found})"
                    lines.append(f"      +{sig.points:.2f} {_escape(_short(sig.pattern), rich)}"
                                 f"{how}")
    for issue in ex.issues:
        lines.append(f"quality issue: {_escape(issue, rich)}")
    if ex.values:
        lines.append("values:")
    for v in ex.values:
        where = f"row {v.row_ordinal} " if v.row_ordinal is not None else ""
        value = _escape(_short(repr(v.value) if not isinstance(v.value, str) else v.value,
                               width // 2), rich)
        lines.append(f"  {v.table}.{v.field} {where}= {value}")
        tags = []
        if v.page is not None:
            tags.append(f"page {v.page}")
        if v.line_no is not None:
            tags.append(f"line {v.line_no}")
        if v.derived:
            tags.append("derived")
        if v.ocr:
            tags.append(f"OCR confidence {v.confidence:.0f}"
                        + (" (low)" if v.low_confidence else ""))
        if v.note:
            tags.append(f"note: {v.note}")
        if tags:
            lines.append(f"      {_escape(', '.join(tags), rich)}")
        if v.context is not None:
            context, mark = _clip(v.context, v.mark, width)
            lines.append(f"      | {highlight(context, mark, rich)}")
        for issue in v.issues:
            lines.append(f"      ! {_escape(issue, rich)}")
    return lines


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _clip(context: str, mark: tuple[int, int] | None, width: int
          ) -> tuple[str, tuple[int, int] | None]:
    """A long line cut to about ``width`` characters around the span."""
    context = context.replace("\t", " ").replace("\n", " ")
    if mark is None or len(context) <= width:
        return context, mark
    a, b = mark
    if b - a > width:  # a long value: its start and its end, marked as one
        inner = context[a:a + width // 2] + " … " + context[b - width // 4:b]
        head = ("…" if a > 20 else "") + context[max(0, a - 20):a]
        tail = context[b:b + 20] + ("…" if b + 20 < len(context) else "")
        return head + inner + tail, (len(head), len(head) + len(inner))
    lo = max(0, a - width // 3)
    hi = max(b + width // 3, lo + width)
    head, tail = ("…" if lo else ""), ("…" if hi < len(context) else "")
    return (head + context[lo:hi] + tail,
            (a - lo + len(head), min(b, hi) - lo + len(head)))
