"""The text repairs that map one character for one look for their characters in one walk.

:func:`bma_etl.textnorm.repair_text` maps Private Use Area forms of Thai marks, Lao
letters in Thai lines and hyphen-like dashes; :func:`bma_etl.read.read_source` maps
PUA forms and decodes TIS-620 shown as Latin-1 letters. A text with none of these
characters (most) is found so in one walk. Generated documents, damaged with each
kind, read back as the clean text; the clean text is left as it is.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file
from bma_etl.read import read_source
from bma_etl.read.legacy_thai import may_be_legacy
from bma_etl.textnorm import PUA_TO_THAI, repair_text

from corpus.build import GENERATORS
from corpus.score import score_tables

_GENERATORS = ("legacy_pipe", "legacy_tab", "web_history", "web_detail", "plan")
#: Thai character -> a PUA form a Windows Thai PDF font writes for it.
_PUA_OF = {thai: chr(code) for code, thai in sorted(PUA_TO_THAI.items())}
_HYPHENS = "\u2010\u2011\u2012\u2212\ufe63\uff0d"
_THAI_AND_ASCII = re.compile("[\x20-\x7e\u0e01-\u0e5b]*")


def _with_pua(text: str, rng: random.Random) -> str:
    return "".join(_PUA_OF[c] if c in _PUA_OF and rng.random() < 0.3 else c for c in text)


def _with_hyphens(text: str, rng: random.Random) -> str:
    return "".join(rng.choice(_HYPHENS) if c == "-" and rng.random() < 0.5 else c for c in text)


def _with_lao(text: str, rng: random.Random) -> str:
    """Some Thai consonants written as the Lao letter at the mirrored code point."""
    lao = {c: chr(ord(c) + 0x80) for c in "กขคงจชซญดตถทนบปผฝพฟมยรลวสหอฮ"
           if 0x0E80 <= ord(c) + 0x80 <= 0x0EFF}
    return "".join(lao[c] if c in lao and rng.random() < 0.05 else c for c in text)


@pytest.mark.parametrize("generator", _GENERATORS)
@pytest.mark.parametrize("damage", [_with_pua, _with_hyphens, _with_lao])
def test_each_kind_is_still_repaired(generator: str, damage: object) -> None:
    rng = random.Random(f"{generator}-{getattr(damage, '__name__', '')}")
    text = GENERATORS[generator](rng).text
    damaged = damage(text, rng)  # type: ignore[operator]
    assert damaged != text or "-" not in text
    assert repair_text(damaged) == repair_text(text)


@pytest.mark.parametrize("generator", _GENERATORS)
def test_clean_text_is_found_so_and_read_as_written(tmp_path: Path, generator: str) -> None:
    doc = GENERATORS[generator](random.Random(f"clean-{generator}"))
    assert not may_be_legacy(doc.text)
    assert repair_text(repair_text(doc.text)) == repair_text(doc.text)
    path = tmp_path / f"{generator}.txt"
    path.write_text(doc.text, encoding="utf-8")
    right, total, lost = score_tables(process_file(path).tables, doc.truth)
    assert total > 0 and right == total, lost[:6]


@pytest.mark.parametrize("generator", _GENERATORS)
def test_legacy_forms_found_in_the_same_walk(tmp_path: Path, generator: str) -> None:
    rng = random.Random(f"legacy-{generator}")
    doc = GENERATORS[generator](rng)
    pua = tmp_path / "pua.txt"
    pua.write_text(_with_pua(doc.text, rng), encoding="utf-8")
    assert may_be_legacy(pua.read_text(encoding="utf-8"))
    assert read_source(pua).text == re.sub("\r\n?", "\n", doc.text)
    # TIS-620 bytes shown as Latin-1: the text's lines of Thai and ASCII as cp874 bytes
    # decoded as Latin-1 (Thai letters become U+00A1-U+00FB)
    shown = "\n".join(line.encode("cp874").decode("latin-1")
                      if re.search("[ก-ฮ]", line) and _THAI_AND_ASCII.fullmatch(line)
                      else line for line in doc.text.split("\n"))
    latin = tmp_path / "latin.txt"
    latin.write_text(shown, encoding="utf-8")
    read = read_source(latin)
    assert read.recoded is not None
    assert read.text == doc.text

