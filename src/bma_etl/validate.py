"""Build the contract's models from normalised values.

Stage: validate. Consumes :class:`~bma_etl.normalize.fields.Normalized`; produces
:class:`~bma_etl.records.Record` instances. A field the model rejects (a percent
over 100, a date that is really a BE year) becomes NULL with an ``invalid_value``
finding; a row that still cannot be built raises
:class:`~bma_etl.errors.RecordInvalid`.
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
    for row in normalized.rows:
        record = _build(row, doc_id, normalized.findings, rejected)
        tables.setdefault(row.table, []).append(record)
    # Hundreds of provenance rows per document: validated as one list, which costs
    # pydantic much less than one call per row.
    kept = [p for p in normalized.provenance
            if (p.table_name, p.row_ordinal, p.field) not in rejected]
    tables["provenance"] = list(_PROVENANCE_ROWS.validate_python([
        dict(zip(_PROVENANCE_KEYS, (doc_id, ordinal, *p), strict=True))
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


def _required(model: type[Record], name: str) -> bool:
    return model.model_fields[name].is_required()


def _summary(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()[:3]
    )
