"""The records' JSON Schemas: what ``bma-etl schema`` writes to ``schemas/``.

Stage: none (the contract for other tools). One schema per table, from the pydantic
models of :mod:`bma_etl.records`, serialised as those models dump their rows.
"""

from __future__ import annotations

import json

from bma_etl.records import ALL_MODELS


def json_schemas() -> dict[str, str]:
    """``{file name: JSON Schema text}`` for every model (what ``schemas/`` holds)."""
    return {
        f"{model.table}.json": json.dumps(
            model.model_json_schema(mode="serialization"), ensure_ascii=False, indent=2,
            sort_keys=True,
        ) + "\n"
        for model in ALL_MODELS
    }
