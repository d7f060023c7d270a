"""A signature across a scanned value: the few letters OCR makes of it are never stored.

An outside tester's form had a signature drawn across its division; Tesseract read the
strokes as ``งษา`` at confidence 45 and that was stored as the division. Here a
generated form's text (``bench/corpus``) has its division, or the division's last part,
replaced by letters of that reading's shape (a bare consonant before syllables no word of
the Thai word list holds) and is read as an OCR'd page with every word at a confidence
drawn under 60: the division is NULL with ``ocr_doubtful_value``, never the letters.
Every real division of the generators' agencies read at such a confidence is kept, and
so are the letters read surely, a BMA office's abbreviation printed without its point
(``สจส``) and a short first name (``ณัฐ``).

What the rule does NOT catch, said by readings Tesseract made of real pen strokes (a value
rendered, struck with random strokes and OCR'd once, in the test below): letters shaped
like an abbreviation (``กตต``) or a syllable (``ณุ``), a reading with a digit, a slash or
Latin letters, and six letters or more. Signatures drawn over a rendered, scanned form
also glued a stroke's letters to the value or lost a part of it (README, Known limits).
"""

from __future__ import annotations

import random

import pytest

from bma_etl.document import Finding
from bma_etl.layouts.base import RepairedText
from bma_etl.layouts.legacy_progress_form import extract as legacy
from bma_etl.normalize.fields import normalize
from bma_etl.read.ocr_words import lexicon

from corpus.build import GENERATORS
from corpus.values import AGENCIES

SEED = 3513
#: Thai consonants, and the vowels that follow one.
_CONSONANTS = [chr(c) for c in range(0x0E01, 0x0E2F)]
_AFTER = ["\u0e32", "\u0e30"]


def _junk(rng: random.Random) -> str:
    """A bare consonant, then one or two consonants each with a vowel, no word of the list
    in them: the tester's reading's shape (``งษา``), drawn whatever the rule looks at."""
    words = lexicon().words
    for _ in range(1000):
        text = rng.choice(_CONSONANTS) + "".join(
            rng.choice(_CONSONANTS) + rng.choice(_AFTER) for _ in range(rng.randint(1, 2)))
        if not any(text[i:j] in words for i in range(len(text))
                   for j in range(i + 1, len(text) + 1)):
            return text
    raise AssertionError("no junk drawn in 1000 tries")


def _read(text: str, conf: float) -> tuple[dict[str, object], list[Finding]]:
    """The project of a form ``text`` read as OCR'd, every word at ``conf``, junk dropped."""
    from bma_etl.normalize.trust_text import drop_junk_readings

    words, at = [], 0
    for piece in text.split():
        start = text.index(piece, at)
        at = start + len(piece)
        words.append((start, at, conf))
    doc = RepairedText.of(text, (), ocr_used=True, words=tuple(words))
    normalized = normalize(legacy(doc), doc.text, doc.words, None)
    drop_junk_readings(normalized)
    (project,) = [r.values for r in normalized.rows if r.table == "projects"]
    return project, normalized.findings


def _form(rng: random.Random) -> tuple[str, str]:
    """A generated legacy form's text and its division as printed."""
    doc = GENERATORS["legacy_long"](rng)
    return doc.text, doc.truth["tables"]["projects"][0]["division"]


@pytest.mark.parametrize("seed", range(6))
def test_junk_read_doubtfully_for_a_division_is_null(seed: int) -> None:
    rng = random.Random(f"{SEED}-{seed}")
    text, division = _form(rng)
    junk = _junk(rng)
    head = division.split(" / ")[0]
    project, findings = _read(text.replace(division, junk if seed % 2 else f"{head} / {junk}"),
                              rng.uniform(20, 59))
    assert project.get("division") is None
    assert any(f.code == "ocr_doubtful_value" and junk in f.message for f in findings)


@pytest.mark.parametrize("seed", range(6))
def test_real_names_read_unsurely_are_kept(seed: int) -> None:
    """Every division of the generators' agencies, read at low confidence, is kept; junk read
    surely (confidence 60 or more) is no stroke's either, and is kept as read."""
    rng = random.Random(f"{SEED}-real-{seed}")
    text, division = _form(rng)
    for _, divisions in AGENCIES:
        for name in divisions:
            project, _ = _read(text.replace(division, name), rng.uniform(20, 59))
            assert project.get("division") == name
    junk = _junk(rng)
    project, _ = _read(text.replace(division, junk), rng.uniform(60, 95))
    assert project.get("division") == junk


#: BMA office abbreviations as forms print them with their point lost, and short first names.
_ABBREVIATIONS = ("สยป", "สจส", "สปภ", "กยผ", "ปภ", "สนอ", "สวท", "สคก", "สนพ", "กทม")
_SHORT_NAMES = ("ณัฐ", "ชัย", "ศรี", "พร", "บุญ", "ต้น", "แอน", "ปู", "นก", "เอ", "ศักดิ์")


@pytest.mark.parametrize("seed", range(4))
def test_abbreviations_and_short_names_read_unsurely_are_kept(seed: int) -> None:
    """A division, agency or person printed as an office's abbreviation or a short name,
    read under confidence 60, is kept as printed (review O1: they were NULLed)."""
    rng = random.Random(f"{SEED}-abbrev-{seed}")
    text, division = _form(rng)
    truth = GENERATORS["legacy_long"](random.Random(f"{SEED}-abbrev-{seed}")).truth
    agency = truth["tables"]["projects"][0]["agency"]
    person = truth["tables"]["projects"][0]["responsible_person"]
    head = division.split(" / ")[0]
    for abbr in _ABBREVIATIONS:
        for printed in (abbr, f"{abbr} / {head}", f"{head} / {abbr}"):
            project, _ = _read(text.replace(division, printed), rng.uniform(20, 59))
            assert project.get("division") == printed
        line = f"{agency} / {division}"
        project, _ = _read(text.replace(line, f"{abbr} / {division}"), rng.uniform(20, 59))
        assert project.get("agency") == abbr
    for name in _SHORT_NAMES:
        project, _ = _read(text.replace(division, name), rng.uniform(20, 59))
        assert project.get("division") == name
        project, _ = _read(text.replace(person, name), rng.uniform(20, 59))
        assert project.get("responsible_person") == name


#: What Tesseract 5 (Debian's ``tha``) read of random pen strokes drawn over a printed
#: division, and its confidence: the tester's form, then strokes over
#: ``กลุ่มงานผู้สูงอายุ`` rendered at 300 dpi (Garuda 42 px, 3-6 sine strokes 3-7 px wide;
#: 50 drawings, 40 read nothing there). True: the rule NULLs it.
_STROKE_READINGS = (
    ("งษา", 45.0, True),  # the tester's form
    ("าดดน", 12.0, True),
    ("กตต", 32.0, False),  # spelt like an office's abbreviation: kept, stored WRONG
    ("ณุ", 29.0, False),  # spelt like a syllable: kept, stored WRONG
    ("ภ์ษ์ต์เศษ์", 1.0, False),  # six letters: more than a syllable or two
    ("ม๐ษู/", 0.0, False),  # a digit and a slash: no run of letters
    ("AAR", 46.0, False),  # Latin letters
)


@pytest.mark.parametrize(("reading", "conf", "caught"), _STROKE_READINGS)
def test_what_real_stroke_readings_the_rule_catches(reading: str, conf: float,
                                                    caught: bool) -> None:
    """Readings OCR made of real strokes, not drawn by the rule's criterion: two of seven
    are NULLed; the others are stored as read (README, Known limits)."""
    rng = random.Random(f"{SEED}-stroke-{reading}")
    text, division = _form(rng)
    project, findings = _read(text.replace(division, reading), conf)
    assert (project.get("division") is None) is caught
    assert any(f.code == "ocr_doubtful_value" for f in findings) is caught
