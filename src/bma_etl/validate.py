"""Build the contract's models from normalised values.

Stage: validate. Consumes :class:`~bma_etl.normalize.fields.Normalized`; produces
:class:`~bma_etl.records.Record` instances. A field the model rejects (a percent
over 100, a date that is really a BE year) becomes NULL with an ``invalid_value``
finding. A row of a child table (one of many per document: progress updates,
plan rows) that still cannot be built (a required field missing or rejected) is
dropped with an ``invalid_row`` finding that quotes it, and the document keeps
its other rows; a document-level row (``projects``, ``plans``) that cannot be
built raises :class:`~bma_etl.errors.RecordInvalid`, which quarantines the document.
"""

from __future__ import annotations

from pydantic import TypeAdapter, ValidationError

from bma_etl.document import Finding
from bma_etl.errors import RecordInvalid
from bma_etl.normalize.fields import Normalized, NormalizedRow, ProvenanceRow
from bma_etl.records import MODEL_BY_TABLE, Provenance, Record


def build_records(normalized: Normalized, doc_id: str) -> dict[str, list[Record]]:
    """Every row as its model, grouped by table (provenance included)."""
    tables: dict[str, list[Record]] = {}
    rejected: set[tuple[str, int | None, str]] = set()
    dropped: set[tuple[str, int | None]] = set()
    for row in normalized.rows:
        try:
            record = _build(row, doc_id, normalized.findings, rejected)
        except RecordInvalid as exc:
            if row.ordinal is None or "ordinal" not in MODEL_BY_TABLE[row.table].key:
                raise  # the document's own row: nothing to load without it
            normalized.findings.append(Finding(
                row.table, row.ordinal, None, "error", "invalid_row",
                f"{exc}; row dropped: {_quote(row.values)}"))
            dropped.add((row.table, row.ordinal))
            tables.setdefault(row.table, [])
            continue
        tables.setdefault(row.table, []).append(record)
    # Hundreds of provenance rows per document: validated as one list, which costs
    # pydantic much less than one call per row (the keys are the row's fields, so
    # zip needs no length check).
    kept = [p for p in normalized.provenance
            if (p.table_name, p.row_ordinal, p.field) not in rejected
            and (p.table_name, p.row_ordinal) not in dropped
            ] if rejected or dropped else normalized.provenance
    tables["provenance"] = list(_PROVENANCE_ROWS.validate_python([
        dict(zip(_PROVENANCE_KEYS, (doc_id, ordinal, *p)))  # noqa: B905
        for ordinal, p in enumerate(kept, start=1)
    ]))
    return tables


_PROVENANCE_ROWS = TypeAdapter(list[Provenance])
_PROVENANCE_KEYS = ("doc_id", "ordinal", *ProvenanceRow._fields)


def _build(row: NormalizedRow, doc_id: str, findings: list[Finding],
           rejected: set[tuple[str, int | None, str]]) -> Record:
    model = MODEL_BY_TABLE[row.table]
    values = dict(row.values)
    for _attempt in range(3):
        try:
            return model.model_validate({"doc_id": doc_id, **values})
        except ValidationError as exc:
            bad = {str(err["loc"][0]) for err in exc.errors() if err["loc"]}
            droppable = {name for name in bad if name in values and not _required(model, name)}
            if not droppable:
                raise RecordInvalid(
                    f"{row.table} row {row.ordinal}: {_summary(exc)}"
                ) from exc
            for name in sorted(droppable):
                findings.append(Finding(row.table, row.ordinal, name, "error", "invalid_value",
                                        f"{name}={values[name]!r} rejected: {_summary(exc)}"))
                rejected.add((row.table, row.ordinal, name))
                del values[name]
    raise RecordInvalid(f"{row.table} row {row.ordinal}: could not be validated")


#: Characters of a dropped row's values quoted in its finding.
QUOTE_CHARS = 300


def _quote(values: dict[str, object]) -> str:
    """A row's values as a finding quotes them, cut at :data:`QUOTE_CHARS`.

    >>> _quote({"level": None, "weight_pct": "60", "description": "ดำเนินการ"})
    "level=None, weight_pct='60', description='ดำเนินการ'"
    """
    text = ", ".join(f"{name}={value!r}" for name, value in values.items())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


def _required(model: type[Record], name: str) -> bool:
    """Whether ``name`` must be given: a required field, or no field of the model."""
    field = model.model_fields.get(name)
    return field is None or field.is_required()


def _summary(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:3]
    )
