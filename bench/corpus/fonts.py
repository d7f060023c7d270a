"""Thai fonts the renderers draw with.

The TLWG family comes from Debian's ``fonts-thai-tlwg-ttf`` (the Makefile's set-up
step installs it); Sarabun from the PyPI package ``fontpkg-sarabun`` (OFL-1.1, the
``corpus`` extra). A font that is not installed is skipped with a printed note.
Noto Sans Thai and Noto Serif Thai (Debian's ``fonts-noto-core``, the Thai fonts of
desktops with Noto installed) are not corpus fonts: the tests of their prints
find them with :func:`noto`.
"""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

TLWG = Path("/usr/share/fonts/truetype/tlwg")
#: Family → file name in the TLWG folder (Sarabun is looked up in its package).
FAMILIES = {"Garuda": "Garuda.ttf", "Loma": "Loma.ttf", "Norasi": "Norasi.ttf",
            "Kinnari": "Kinnari.ttf", "Laksaman": "Laksaman.ttf", "Sarabun": ""}
#: Debian's Noto folder (``fonts-noto-core``) and the Thai families in it.
NOTO = Path("/usr/share/fonts/truetype/noto")
NOTO_THAI = {"Noto Sans Thai": "NotoSansThai-Regular.ttf",
             "Noto Serif Thai": "NotoSerifThai-Regular.ttf"}


def noto(family: str) -> Path | None:
    """The regular TTF of the Noto Thai ``family`` (:data:`NOTO_THAI`), if installed."""
    path = NOTO / NOTO_THAI[family]
    return path if path.is_file() else None


def _sarabun() -> Path | None:
    try:
        import fontpkg_sarabun  # noqa: F401
    except ImportError:
        return None
    import importlib.util

    spec = importlib.util.find_spec("fontpkg_sarabun")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "files" / "Sarabun-Regular.ttf"
    return path if path.exists() else None


@cache
def available() -> dict[str, Path]:
    """Installed families and their regular TTF; prints a note for each one missing."""
    found: dict[str, Path] = {}
    for family, file in FAMILIES.items():
        path = _sarabun() if family == "Sarabun" else TLWG / file
        if path is not None and path.exists():
            found[family] = path
        else:
            hint = ("pip install fontpkg-sarabun" if family == "Sarabun"
                    else "apt-get install fonts-thai-tlwg-ttf")
            print(f"corpus: font {family} not installed ({hint}); skipped", file=sys.stderr)
    return found


def installed(family: str) -> Path | None:
    """The regular font file of an installed ``family`` (fontconfig's), if any.

    For a corpus built in fonts the corpus does not use (``--fonts`` of
    ``bench/robustness.py``): any family ``fc-list :lang=th`` lists, e.g.
    ``Tlwg Typo`` or ``Noto Looped Thai``. The corpus families are found as
    :func:`available` finds them.
    """
    if family in FAMILIES:
        return available().get(family)
    try:
        listed = subprocess.run(["fc-list", f"{family}:lang=th", "file", "style"],
                                capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = {}
    for row in listed.splitlines():
        file, _, style = row.partition(": ")
        files[style.removeprefix(":style=").split(",")[0].strip()] = Path(file)
    return files.get("Regular") or files.get("Book") or next(iter(files.values()), None)


def chosen(families: list[str]) -> dict[str, Path]:
    """``families`` and their font files (:func:`installed`); one not installed is skipped
    with a printed note."""
    found: dict[str, Path] = {}
    for family in families:
        path = installed(family)
        if path is None:
            print(f"corpus: font {family} not installed; skipped", file=sys.stderr)
        else:
            found[family] = path
    return found
