"""Every layout module is registered, and every registered layout has a sample with a golden."""

from __future__ import annotations

import importlib
import pkgutil

import bma_etl.layouts as layouts_pkg
from bma_etl.layouts import REGISTRY
from bma_etl.layouts.base import Layout

from golden_compare import load_golden
from repo_paths import GOLDEN, SAMPLES


def test_every_layout_module_is_registered() -> None:
    registered = {layout.layout_id for layout in REGISTRY}
    for info in pkgutil.iter_modules(layouts_pkg.__path__):
        module = importlib.import_module(f"bma_etl.layouts.{info.name}")
        layout = getattr(module, "LAYOUT", None)
        if isinstance(layout, Layout):
            assert layout.layout_id == info.name, "layout_id must equal the module name"
            assert layout.layout_id in registered, f"{info.name} is not in REGISTRY"


def test_every_registered_layout_has_a_sample_with_golden() -> None:
    goldens = [load_golden(p) for p in GOLDEN.glob("*.json")]
    for layout in REGISTRY:
        mine = [g for g in goldens if g["layout"] == layout.layout_id]
        assert mine, f"{layout.layout_id} has no golden file"
        assert all((SAMPLES / g["sample"]).exists() for g in mine)


def test_layout_ids_are_unique() -> None:
    ids = [layout.layout_id for layout in REGISTRY]
    assert len(ids) == len(set(ids))
