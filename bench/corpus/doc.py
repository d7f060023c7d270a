"""One generated document: its text (and HTML), and the values it was written from."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

Row = dict[str, Any]


@dataclass(slots=True)
class GeneratedDoc:
    """A document made from known values.

    ``truth`` has the golden shape ``{"layout": ..., "tables": {table: [row, ...]}}``
    and holds only what the generator wrote. ``thai_digit_fields`` names the fields
    (``table.row_index.field``) printed in Thai digits: OCR cannot read ๔ ๖ ๗ ๘ ๙,
    so scans do not count them. ``margins_mm`` asks the PDF producers that set their
    own margins (reportlab, fpdf2) for these left and right margins instead of
    drawing them, so that a document's long values wrap on a narrower page.
    """

    name: str
    layout: str
    text: str
    tables: dict[str, list[Row]]
    html: str | None = None
    html_encoding: str = "utf-8"
    thai_digit_fields: set[str] = field(default_factory=set)
    margins_mm: float | None = None

    @property
    def truth(self) -> dict[str, Any]:
        """The golden-shaped truth."""
        return {"layout": self.layout, "tables": self.tables,
                "thai_digit_fields": sorted(self.thai_digit_fields)}

    def truth_json(self) -> str:
        """The truth as the JSON file written beside each rendering."""
        return json.dumps(self.truth, ensure_ascii=False, indent=1)

    def html_bytes(self) -> bytes:
        """The HTML page in the encoding its ``<meta charset>`` declares."""
        assert self.html is not None
        codec = "cp874" if self.html_encoding == "windows-874" else self.html_encoding
        return self.html.encode(codec)

    def mark_thai(self, table: str, index: int, *names: str) -> None:
        """Record fields of one row as printed in Thai digits."""
        self.thai_digit_fields.update(f"{table}.{index}.{n}" for n in names)
