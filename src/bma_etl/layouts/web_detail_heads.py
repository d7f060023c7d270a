"""A detail page's lines above its table: the title with the code, the latest progress.

Stage: extract (a helper of :mod:`bma_etl.layouts.web_project_detail`, not a layout).
The page's title ``รายละเอียดโครงการ/กิจกรรม: 11040000-3402`` states the project code
and the line below it ``คืบหน้าล่าสุด : ร้อยละ 62`` the latest progress; both stand in
for the table's own values when the table lacks them (:func:`fallbacks`).
"""

from __future__ import annotations

import re

from bma_etl.layouts.base import Extraction, Finding, Raw, RawRow
from bma_etl.normalize.codes import CODE_DASH, code_dashed

_D = "[0-9๐-๙]"

#: Lines above the table: the title with the code, and the latest progress.
TITLE_RE = re.compile(
    rf"^\s*รายละเอียดโครงการ\s*/\s*กิจกรรม\s*:?\s*(?P<code>{_D}{{6,10}}{CODE_DASH}{_D}{{3,5}})?\s*$"
)
HEAD_PROGRESS_RE = re.compile(
    rf"^\s*คืบหน้าล่าสุด\s*:\s*(?:ร้อยละ)?\s*(?P<value>{_D}+(?:\.{_D}+)?)\s*%?\s*$"
)


def fallbacks(project: RawRow, title_code: Raw | None, head_progress: Raw | None,
              out: Extraction) -> None:
    """The title's code and the header's progress stand in when the table lacks them."""
    code = project.fields.get("project_code")
    if title_code is not None:
        if code is None or (isinstance(code, Raw) and "\t" in code.text.strip() and code_dashed(
                code.text.strip().split("\t")[0]) == code_dashed(title_code.text)):
            project.fields["project_code"] = title_code  # or: the label's ran into a next cell
        elif isinstance(code, Raw) and code_dashed(code.text) != code_dashed(title_code.text):
            out.findings.append(Finding(
                "projects", None, "project_code", "warning", "ambiguous_value",
                f"title code {title_code.text} (line {title_code.span.line_no}) differs from "
                f"รหัสโครงการ {code.text} (line {code.span.line_no}); the latter is kept"))
    if head_progress is not None and project.fields.get("progress_pct") is None:
        project.fields["progress_pct"] = head_progress
