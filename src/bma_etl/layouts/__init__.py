"""The layout registry: the one place that names every layout.

Adding a layout is one module in this package ending in ``LAYOUT = Layout(...)``
plus one line in :data:`REGISTRY` (and its sample with a golden file).
"""

from __future__ import annotations

from bma_etl.layouts import (
    annual_action_plan,
    legacy_progress_form,
    web_progress_history,
    web_project_detail,
)
from bma_etl.layouts.base import Layout

REGISTRY: tuple[Layout, ...] = (
    legacy_progress_form.LAYOUT,
    web_progress_history.LAYOUT,
    web_project_detail.LAYOUT,
    annual_action_plan.LAYOUT,
)

BY_ID: dict[str, Layout] = {layout.layout_id: layout for layout in REGISTRY}

#: Layouts a document can be recognised as; ``unknown`` is what matches none.
UNKNOWN = "unknown"
