"""Every third-party module the package imports is a declared dependency.

Issue #12: OCR once failed after a bare ``pip install .`` with "No module named
'PIL'", since Pillow came only with the dev extras; numpy (the OCR path's median
filter) was in the same place once. The imports are read from the source (every
``import``, lazy ones inside functions included) and matched to their
distributions; a module an extra provides is named here with its extra.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Modules imported only on a path an extra enables, and that extra.
FROM_EXTRAS = {"psycopg": "lake"}


def _imports() -> dict[str, set[str]]:
    """Top-level third-party module -> the source files importing it."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / "src" / "bma_etl").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top != "bma_etl" and top not in sys.stdlib_module_names:
                    found.setdefault(top, set()).add(path.name)
    return found


def _names(requirements: list[str]) -> set[str]:
    return {re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].lower().replace("_", "-")
            for r in requirements}


def test_every_imported_module_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    core = _names(project["dependencies"])
    extras = {group: _names(reqs) for group, reqs in project["optional-dependencies"].items()}
    distributions = packages_distributions()
    missing = []
    for module, files in sorted(_imports().items()):
        if module in FROM_EXTRAS:
            assert module in extras[FROM_EXTRAS[module]], (module, FROM_EXTRAS[module])
            continue
        dists = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        if not dists & core:
            missing.append(f"{module} (imported by {', '.join(sorted(files))}; "
                           f"distribution {', '.join(sorted(dists)) or 'not installed'})")
    assert not missing, "not in [project] dependencies: " + "; ".join(missing)
