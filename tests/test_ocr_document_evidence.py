"""OCR damage put right from the document's own text: Latin letters for a count's word, lost marks.

Documents are generated from known values (``bench/corpus``); the truth is the
generated text. Damage as Debian's ``tha`` model does it is put in by a seeded
RNG: a Thai word between a number and Thai text (``จำนวน 3 รุ่น``) read as one to
four Latin letters (:mod:`bma_etl.read.ocr_frames`), a tone mark lost in one
reading of a phrase the document writes several times (:mod:`bma_etl.read.ocr_repeats`).
What is put back must be the generated text, never another word; the generated
text itself must come through unchanged.
"""

from __future__ import annotations

import itertools
import random
import re
from collections.abc import Callable

import pytest

from bma_etl.read.ocr_frames import filled
from bma_etl.read.ocr_repeats import echoed, swapped

from corpus.build import GENERATORS

_NUMBER = re.compile(r"[0-9]+(?:[,./][0-9]+)*")
_THAI = re.compile("[\u0e01-\u0e4e]+")
_LETTERS = "aeinqsuyAFSU"


def _applied(text: str, edits: list[tuple[int, int, str]]) -> str:
    for a, b, word in reversed(edits):
        text = text[:a] + word + text[b:]
    return text


def _written(generator: str, seed: int) -> str:
    return GENERATORS[generator](random.Random(seed)).text


#: Seeds looked through for a document that holds what a test damages.
_SEEDS = 60


def _holding(generator: str, k: int, holds: Callable[[str], bool]) -> tuple[int, str]:
    """The ``k``-th seed (and its text) whose generated document ``holds`` the case tested."""
    found = (seed for seed in range(_SEEDS) if holds(_written(generator, seed)))
    seed = next(itertools.islice(found, k, None), None)
    assert seed is not None, f"{generator} writes the case in fewer than {k + 1} of {_SEEDS} seeds"
    return seed, _written(generator, seed)


@pytest.mark.parametrize("generator", sorted(GENERATORS))
@pytest.mark.parametrize("seed", range(3))
def test_generated_text_is_left_as_written(generator: str, seed: int) -> None:
    written = _written(generator, seed)
    assert filled([written]) == [[]]
    assert echoed([written]) == [[]]
    assert swapped([written]) == [[]]


def _counts(text: str) -> list[tuple[int, int]]:
    """Spans of the Thai words after a number that a Thai word comes before (``จำนวน 3 รุ่น``)."""
    toks = list(re.finditer(r"\S+", text))
    return [
        toks[i + 1].span()
        for i in range(1, len(toks) - 1)
        if _NUMBER.fullmatch(toks[i][0]) and _THAI.fullmatch(toks[i - 1][0])
        and _THAI.fullmatch(toks[i + 1][0]) and len(toks[i + 1][0]) <= 8
    ]


@pytest.mark.parametrize("generator", ["legacy_html", "legacy_long", "web_history", "legacy_pipe"])
@pytest.mark.parametrize("k", range(4))
def test_latin_letters_for_a_count_word_take_the_word_the_document_writes(
    generator: str, k: int
) -> None:
    seed, written = _holding(generator, k, lambda text: bool(_counts(text)))
    rng = random.Random(seed)
    spans = _counts(written)
    a, b = rng.choice(spans)
    # about a Latin letter for each one to three of the word's letters abreast
    wide = len(re.sub("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", "", written[a:b]))
    least = max(1, -(-(wide - 1) // 3))
    latin = "".join(rng.choice(_LETTERS) for _ in range(rng.randint(least, max(least, 4))))
    damaged = written[:a] + latin + written[b:]
    [edits] = filled([damaged])
    # filled from the document, or left as read: never another word
    assert _applied(damaged, edits) in (written, damaged)
    if written.count(written[a - 8 : b]) > 1:  # the same count written elsewhere
        assert _applied(damaged, edits) == written


def test_an_ordinal_before_a_number_and_a_lone_gap() -> None:
    page = (
        "จัดประชุมคณะทำงานเพื่อติดตามความก้าวหน้าของโครงการ ครั้งที่ 2/2566\n"
        "จัดประชุมคณะทำงานเพื่อติดตามความก้าวหน้าของโครงการ Ash 3/2566\n"
        "ตามแผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี\nระยะ 20 U ประชาชนในพื้นที่\n"
        "โครงการ Smart City ระยะที่ 2"
    )
    [edits] = filled([page])
    assert [w for _, _, w in edits] == ["ครั้งที่", "ปี"]
    assert filled(["ระยะ 20 U ประชาชนในพื้นที่"]) == [[]]  # nothing says what U is


def _repeated_marks(written: str) -> list[int]:
    """Tone marks inside a stretch of 24 Thai characters the text writes three times or more."""
    return [
        m.start()
        for m in re.finditer("[\u0e48\u0e49]", written)
        if written.count(written[m.start() - 12 : m.start() + 12]) >= 3
        and _THAI.fullmatch(written[m.start() - 12 : m.start() + 12])
    ]


@pytest.mark.parametrize("generator", ["plan", "legacy_long", "legacy_html"])
@pytest.mark.parametrize("k", range(4))
def test_a_tone_mark_lost_in_a_phrase_written_again_is_put_back(generator: str, k: int) -> None:
    seed, written = _holding(generator, k, lambda text: bool(_repeated_marks(text)))
    rng = random.Random(seed)
    at = rng.choice(_repeated_marks(written))
    damaged = written[:at] + written[at + 1 :]
    [edits] = echoed([damaged])
    assert _applied(damaged, edits) == written


def test_letters_a_speck_made_at_a_line_end_are_no_count_word() -> None:
    """s67 plan_000 at 200 dpi: ``bend`` ending a level's line, the next level's number
    below it; the document has a phrase after the same words elsewhere: no filling."""
    page = (
        "และรายงานผลต่อผู้บริหารกรุงเทพมหานคร โดยความร่วมมือของสำนักงานเขต 3\n"
        "และรายงานผลต่อผู้บริหารกรุงเทพมหานคร bend\n5 ร้อยละ 100 ของน้ำหนักคะแนน"
    )
    assert filled([page]) == [[]]
    wrapped = "ตามแผนพัฒนา ระยะ 20 ปี ประชาชน\nตามแผนพัฒนา ระยะ 20\nU\nครั้งที่ 2/2566\nครั้งที่\n22566"
    assert [w for _, _, w in filled([wrapped])[0]] == ["ปี", "2/2566"]  # a cell's text wraps


def test_a_lone_letter_is_no_word_many_letters_wide() -> None:
    """A level's number read as ``q`` at its line's start, a score ending the line above:
    the document has ``มาตรการ`` between the same neighbours elsewhere; seven letters
    abreast are no reading of one Latin letter, and a heading made of it would end
    the scoring table."""
    page = (
        "ดำเนินการตามแผนได้ครบทุกขั้นตอน 30 มาตรการ ร้อยละ 100 ของงบประมาณ\n"
        "ดำเนินการตามแผนได้ครบทุกขั้นตอน 27\nq ร้อยละ 90 ของน้ำหนักคะแนน"
    )
    assert filled([page]) == [[]]


def test_marks_come_back_across_pages_and_a_cut_phrase_stays() -> None:
    pages = [
        "เมืองพี่เมืองน้องได้ครบ 5 ขั้นตอน\nเมืองพี่เมืองน้องได้ครบ 4 ขั้นตอน",
        "ความสัมพันธ์กับเมืองพีเมืองน้อง\nกรุงเทพมหานครระยะที่สาม",
        "กรุงเทพมหานครร่วมกับ กรุงเทพมหานครร่วมกับ",
    ]
    assert [[w for _, _, w in e] for e in echoed(pages)] == [[], ["พี่"], []]


def _slashed_again(written: str) -> list[re.Match[str]]:
    """Numbers with a slash (``2/2566``) the text writes twice or more."""
    slashed = list(re.finditer(r"(?<=\s)[0-9]+/[0-9]+(?=\s|$)", written))
    return [m for m in slashed if sum(n[0] == m[0] for n in slashed) > 1]


@pytest.mark.parametrize("generator", ["legacy_html", "web_history", "legacy_pipe", "legacy_tab"])
@pytest.mark.parametrize("k", range(4))
def test_a_number_read_without_its_slash_takes_it_from_the_same_number_elsewhere(
    generator: str, k: int
) -> None:
    seed, written = _holding(generator, k, lambda text: bool(_slashed_again(text)))
    again = _slashed_again(written)
    m = random.Random(seed).choice(again)
    damaged = written[: m.start()] + m[0].replace("/", "") + written[m.end() :]
    [edits] = filled([damaged])
    assert _applied(damaged, edits) in (written, damaged)
    if written[m.start() - 10 : m.start()] in {written[n.start() - 10 : n.start()] for n in again
                                               if n.start() != m.start()}:
        assert _applied(damaged, edits) == written



#: A Thai run opening with a consonant and its tone mark (``ฝ่ายการคลัง``), after a space.
_OPENING_TONE = re.compile("(?<![\u0e01-\u0e4e])[\u0e01-\u0e2e][\u0e48\u0e49][\u0e01-\u0e4e]{10,}")


@pytest.mark.parametrize("generator", ["plan", "legacy_long", "web_history"])
@pytest.mark.parametrize("k", range(3))
def test_a_tone_mark_lost_on_a_run_s_first_letter_comes_from_the_one_other_reading(
    generator: str, k: int
) -> None:
    """A responsible unit in a plan's table (``ฝ่ายการคลัง`` read ``ฝายการคลัง``, a real
    word): the document writes it right once more, at a run's start too."""
    seed, written = _holding(generator, k, lambda text: bool(_OPENING_TONE.search(text)))
    phrase = random.Random(seed).choice(_OPENING_TONE.findall(written))
    page = f"{phrase} 1\n2 {phrase[0] + phrase[2:]}"
    [edits] = echoed([page])
    assert _applied(page, edits) == f"{phrase} 1\n2 {phrase}"
    assert echoed([f"{phrase} 1\n2 {phrase}"]) == [[]]


def test_a_mark_a_speck_made_on_one_of_two_readings_is_not_copied() -> None:
    """Two readings alike but for a mark on their first letter: the word with it must be
    a word and the commoner one (``ต่าม`` is none, ``ตาม`` stays)."""
    assert echoed(["ต่ามแผนพัฒนากรุงเทพมหานคร 1\nตามแผนพัฒนากรุงเทพมหานคร 2"]) == [[]]
    page = "ฝ่ายการคลังและบัญชี 1\nฝายการคลังและบัญชี 2"
    assert [w for _, _, w in echoed([page])[0]] == ["ฝ่"]


@pytest.mark.parametrize("k", range(3))
def test_a_real_word_is_not_marked_as_another_of_about_its_frequency(k: int) -> None:
    """A plan's section totals ``รวมงบประมาณทั้งสิ้น``, one read with a tone mark
    (``ร่วม``): ``ร่วม`` is no rarer a word than ``รวม``, so the others stay as written."""
    label = "รวมงบประมาณทั้งสิ้น"
    seed, written = _holding("plan", k, lambda text: text.count(label) >= 2)
    at = random.Random(seed).choice([m.start() for m in re.finditer(label, written)])
    damaged = written[:at] + "ร\u0e48" + written[at + 1 :]
    assert echoed([damaged]) == [[]]


#: Letters OCR reads for a look-alike, and the one each is read as here.
_LOOK_ALIKE = {"\u0e0a": "\u0e02", "\u0e14": "\u0e15", "\u0e15": "\u0e14", "\u0e23": "\u0e27"}


def _repeated_letters(written: str) -> list[int]:
    """Look-alike letters inside a stretch of 24 Thai characters written three times or more."""
    return [
        m.start()
        for m in re.finditer(f"[{''.join(_LOOK_ALIKE)}]", written)
        if written.count(written[m.start() - 12 : m.start() + 12]) >= 3
        and _THAI.fullmatch(written[m.start() - 12 : m.start() + 12])
    ]


@pytest.mark.parametrize("generator", ["plan", "legacy_long", "legacy_html"])
@pytest.mark.parametrize("k", range(4))
def test_a_letter_read_for_a_look_alike_in_a_phrase_written_again_is_put_back(
    generator: str, k: int
) -> None:
    """``กิจกรรมกระขับและ`` in a plan's scoring level, ``กระชับ`` in its other readings."""
    seed, written = _holding(generator, k, lambda text: bool(_repeated_letters(text)))
    at = random.Random(seed).choice(_repeated_letters(written))
    damaged = written[:at] + _LOOK_ALIKE[written[at]] + written[at + 1 :]
    [edits] = swapped([damaged])
    assert _applied(damaged, edits) == written
    assert swapped([written]) == [[]]


def test_a_look_alike_letter_comes_back_only_to_a_commoner_word() -> None:
    line = "จัดกิจกรรมกระชับและส่งเสริม\n"
    page = line * 2 + "จัดกิจกรรมกระขับและส่งเสริม"
    assert _applied(page, swapped([page])[0]) == line * 2 + line.strip()
    # the phrase as read is as common as the other: two phrases, no misreading
    twice = "แผนงานด้านการพัฒนาเมือง\nแผนงานต้านการพัฒนาเมือง\n"
    assert swapped([twice]) == [[]]
