"""A Thai word OCR read as a few unsure Latin letters inside a Thai value: never stored.

Outside testers' low-resolution scans stored the coordinator ``นางสาวอรอุมา Naw`` (96 dpi:
``ทองดี`` read ``Naw`` at confidence 55) and an obstacle ``sine เลหนุนสูง…`` (150 dpi, 57).
Here a generated detail page (``bench/corpus`` ``web_detail``) is read as an OCR'd page:
its coordinator's surname is replaced by such a Latin word read at a confidence drawn
under :data:`~bma_etl.normalize.trust_latin.LATIN_SURE`, the other words sure. The
coordinator is NULL with ``ocr_doubtful_value`` naming the word, never the name with it.
The same word read surely, and two Latin words beside each other read unsurely (``Kpi ID``),
are kept as read; every other value of the page is loaded as without the rule.
"""

from __future__ import annotations

import random

import pytest

from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.web_project_detail import extract as detail
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust_latin import LATIN_SURE, drop_latin_misreads

from corpus.build import GENERATORS

_JUNK = ("Naw", "sine", "fu", "agi", "Bio", "nnn")


def _read(text: str, confs: dict[int, float]) -> tuple[dict[str, object], list[str]]:
    """The project of a detail page ``text`` read as OCR'd; each word sure (95) unless
    ``confs`` gives its start another confidence; Latin misreads dropped."""
    words, at = [], 0
    for piece in text.split():
        start = text.index(piece, at)
        at = start + len(piece)
        words.append((start, at, confs.get(start, 95.0)))
    doc = RepairedText.of(text, (), ocr_used=True, words=tuple(words))
    normalized = normalize(detail(doc), doc.text, doc.words, None)
    drop_latin_misreads(normalized, doc.text, doc.words)
    (project,) = [r.values for r in normalized.rows if r.table == "projects"]
    return project, [f"{f.code} {f.message}" for f in normalized.findings]


def _page(seed: int) -> tuple[str, str, int]:
    """A generated detail page naming a coordinator with a surname: text, name, its offset."""
    rng = random.Random(f"latin-misread-{seed}")
    for _ in range(50):
        doc = GENERATORS["web_detail"](rng)
        name = doc.truth["tables"]["projects"][0].get("coordinator")
        if name and " " in name and doc.text.count(name) == 1:
            return doc.text, name, doc.text.index(name)
    raise AssertionError("no page drawn names a coordinator with a surname")


@pytest.mark.parametrize("seed", range(6))
def test_a_surname_read_as_unsure_latin_letters_is_null(seed: int) -> None:
    text, name, at = _page(seed)
    rng = random.Random(seed)
    junk = rng.choice(_JUNK)
    given = name[:name.rindex(" ")]
    text = text[:at] + f"{given} {junk}" + text[at + len(name):]
    clean, _ = _read(text.replace(f"{given} {junk}", name), {})
    project, findings = _read(text, {at + len(given) + 1: rng.uniform(5, LATIN_SURE - 1)})
    assert project.get("coordinator") is None
    assert any(f.startswith("ocr_doubtful_value") and repr(junk) in f for f in findings)
    assert {k: v for k, v in project.items() if k != "coordinator"} \
        == {k: v for k, v in clean.items() if k != "coordinator"}


@pytest.mark.parametrize("seed", range(3))
def test_a_latin_word_read_surely_or_beside_latin_is_kept(seed: int) -> None:
    text, name, at = _page(seed)
    given = name[:name.rindex(" ")]
    sure = text[:at] + f"{given} Naw" + text[at + len(name):]
    project, _ = _read(sure, {at + len(given) + 1: LATIN_SURE + 5})
    assert project.get("coordinator") == f"{given} Naw"
    pair = text[:at] + f"{given} Kpi ID" + text[at + len(name):]
    start = at + len(given) + 1
    project, _ = _read(pair, {start: 41.0, start + 4: 41.0})
    assert project.get("coordinator") == f"{given} Kpi ID"
