"""The Thai fonts a test prints with: found installed, or the test fails saying how.

A corpus family (``bench/corpus`` ``fonts.FAMILIES``: Sarabun from its pip package,
the TLWG ones from the system) or another TLWG font; a missing font fails the test
(never skips it) naming the apt or pip package that installs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest


def font_hint(families: Iterable[str]) -> str:
    """How to install ``families``: the TLWG apt package and/or the Sarabun pip package."""
    wanted = list(families)
    how = []
    if any(f != "Sarabun" for f in wanted):
        how.append("apt-get install fonts-thai-tlwg-ttf")
    if "Sarabun" in wanted:
        how.append("pip install fontpkg-sarabun (the corpus extra)")
    return " and ".join(how) + (" (make venv installs both)" if len(how) > 1
                                 else " (make venv does)")


def fonts_or_fail(families: Iterable[str], least: int | None = None) -> dict[str, Path]:
    """``{family: regular TTF}`` of the installed ones of ``families``, in their order.

    A family is a corpus one (``corpus.fonts.FAMILIES``: Sarabun from its pip package,
    the others from the TLWG folder) or another TLWG one (``Waree``, ``Umpush``: its
    ``.ttf`` in ``corpus.fonts.TLWG``). Every family is needed unless ``least`` is given:
    then the test goes on with the installed ones if there are at least ``least``.
    When too few are installed the test fails (never skips), naming the missing ones
    and how to install them.
    """
    from corpus import fonts

    wanted = list(families)
    available = fonts.available()
    found: dict[str, Path] = {}
    for family in wanted:
        path = (available.get(family) if family in fonts.FAMILIES
                else fonts.TLWG / f"{family}.ttf")
        if path is not None and path.is_file():
            found[family] = path
    missing = [f for f in wanted if f not in found]
    if missing and (least is None or len(found) < least):
        need = ("the font" + ("s " if len(missing) > 1 else " ") + ", ".join(missing)
                if least is None else
                f"{least} of the fonts {', '.join(wanted)} (installed: "
                f"{', '.join(found) or 'none'})")
        pytest.fail(f"needs {need}: {font_hint(missing)}")
    return found


def font_file(family: str) -> Path:
    """The regular TTF of the Thai font ``family`` (see ``fonts_or_fail``); fails the test
    with how to install the font when it is missing."""
    return fonts_or_fail([family])[family]
