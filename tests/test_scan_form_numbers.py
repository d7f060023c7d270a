"""Section numbers and label separators of the legacy progress form that OCR misread.

Forms are generated from known values (``bench/corpus``) in their four dialects; their
text is then damaged the ways Tesseract read section 1 on the corpus's scans: a
section number's dot read as a digit (``122 หน่วยงานที่รับผิดชอบ`` for ``1.2 …``), no
space read between a number and its title (``1.3หลักการและเหตุผล``, ``2.รายงาน…``), a label's ``:``
lost before a tab (``หน่วยงานที่รับผิดชอบ.⇥สำนักอนามัย / …``), the agency's ``/`` read
as a lone Latin stroke (``สำนักอนามัย i⇥กองควบคุมโรค``), an amount's commas read as dots
before its satang (``4.659.000.00 บาท``) or a space read before a comma (``1 ,686,000``).
The truth is the generated values: no value runs on into the next section or label, and
every one reads right.
"""

from __future__ import annotations

import random
import re
from typing import Any

import pytest

from bma_etl.layouts.legacy_progress_form import extract as legacy

from corpus.build import GENERATORS
from read_back import assert_rows_read, records_of

_DIALECTS = ["legacy_pipe", "legacy_tab", "legacy_html", "legacy_long"]
#: The section-1 fields of the project row (the value before a heading runs on into it).
_FIELDS = (
    "budget_spent_thb",
    "agency",
    "responsible_person",
    "responsible_phone",
    "coordinator",
    "coordinator_phone",
)


def _project(text: str) -> Any:
    [project] = records_of(legacy, text, screened=False)["projects"]
    return project


def _got(project: Any, name: str) -> str | None:
    value = getattr(project, name)
    return None if value is None else f"{value:.2f}" if name.endswith("_thb") else str(value)


@pytest.mark.parametrize("generator", _DIALECTS)
@pytest.mark.parametrize("seed", range(3))
def test_section_number_read_with_its_dot_as_a_digit_or_glued_to_its_title(
    generator: str, seed: int
) -> None:
    """``122 หน่วยงานที่รับผิดชอบ`` ends the budget line above it; ``1.3หลักการ…`` (and
    ``1.3หหลักการ…``, a letter read twice) ends the coordinator's line;
    ``2.รายงานความก้าวหน้า…`` opens the report table, every row read."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = re.sub(
        r"^1\.2 (?=หน่วยงานที่รับผิดชอบ$)",
        rng.choice(("122 ", "1.2", "172 ")),
        generated.text,
        count=1,
        flags=re.M,
    )
    text = re.sub(
        r"^1\.3 (?=หลักการ)", rng.choice(("1.3", "1.3ห", "133 ")), text, count=1, flags=re.M
    )
    text = re.sub(r"^2\. (?=รายงานความก้าวหน้า)", "2.", text, count=1, flags=re.M)
    assert "\n1.2 หน่วยงาน" not in text and "\n1.3 หลักการ" not in text
    assert "\n2. รายงาน" not in text
    records = records_of(legacy, text, screened=False)
    [project] = records["projects"]
    [want] = generated.tables["projects"]
    assert {n: _got(project, n) for n in _FIELDS} == {n: want[n] for n in _FIELDS}
    assert_rows_read(
        "progress_updates",
        records["progress_updates"],
        generated.tables["progress_updates"],
        ("seq_label", "report_date", "progress_pct", "budget_disbursed_thb", "on_plan"),
    )


@pytest.mark.parametrize("generator", _DIALECTS)
@pytest.mark.parametrize("seed", range(3))
def test_agency_label_without_its_colon_and_its_slash_read_as_a_stroke(
    generator: str, seed: int
) -> None:
    """``หน่วยงานที่รับผิดชอบ.⇥สำนัก… i⇥กอง…``: the agency is its first part."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    line = re.search(r"^หน่วยงานที่รับผิดชอบ\. : (?P<agency>[^/\n]+?) / ", generated.text, flags=re.M)
    assert line is not None
    separator = rng.choice(("\t", ".\t", "\t'"))
    stroke = rng.choice((" i\t", " | ", " l ", " !\t"))
    text = (
        generated.text[: line.start()]
        + f"หน่วยงานที่รับผิดชอบ{separator}{line['agency']}{stroke}"
        + generated.text[line.end() :]
    )
    project = _project(text)
    [want] = generated.tables["projects"]
    assert project.agency == want["agency"] == line["agency"]
    assert (project.responsible_person, project.coordinator) == (
        want["responsible_person"],
        want["coordinator"],
    )


#: An amount printed with thousands commas (Arabic digits), the first group apart.
_AMOUNT = re.compile(
    r"(?<![0-9,.])(?P<head>[0-9]{1,3}),(?P<rest>[0-9]{3}(?:,[0-9]{3})*)"
    r"(?P<satang>\.[0-9]{2})?(?= บาท)"
)


def _amounts(project: Any, reports: list[Any]) -> list[str | None]:
    return [_got(project, "budget_allocated_thb"), _got(project, "budget_spent_thb")] + [
        None if r.budget_disbursed_thb is None else f"{r.budget_disbursed_thb:.2f}" for r in reports
    ]


@pytest.mark.parametrize("generator", _DIALECTS)
@pytest.mark.parametrize("seed", range(3))
def test_amounts_whose_commas_ocr_read_as_dots_or_with_a_space_before(
    generator: str, seed: int
) -> None:
    """``4.659.000.00 บาท`` (every comma a dot, the satang after them; ``1.234.56`` is no
    amount) and ``1 ,686,000 บาท``, in section 1 and in the report rows: each amount
    reads as generated."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    while not _AMOUNT.search(generated.text):  # Thai digits throughout: another form
        generated = GENERATORS[generator](rng)

    def damaged(m: re.Match[str]) -> str:
        if rng.random() < 0.5 or "," not in m["rest"]:  # dots: a million baht and up
            return f"{m['head']} ,{m['rest']}{m['satang'] or ''}"
        return f"{m['head']}.{m['rest'].replace(',', '.')}{m['satang'] or '.00'}"

    text = _AMOUNT.sub(damaged, generated.text)
    assert text != generated.text
    records = records_of(legacy, text, screened=False)
    [want] = generated.tables["projects"]
    wanted = [want["budget_allocated_thb"], want["budget_spent_thb"]] + [
        w["budget_disbursed_thb"] for w in generated.tables["progress_updates"]
    ]
    assert _amounts(records["projects"][0], records["progress_updates"]) == wanted


@pytest.mark.parametrize("seed", range(4))
def test_objective_numbers_whose_dot_ocr_read_as_a_sign(seed: int) -> None:
    """``1.4 วัตถุประสงค์ของโครงการ 1: เพื่อ…``, ``3!⇥เพื่อ…``: every objective reads as
    generated, without its number. (A digit without its dot opens an item only where
    two items above it open alike, ``เพื่อ``: the second keeps its dot here.)"""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_long"](rng)
    [want] = generated.tables["projects"]
    start = generated.text.index("วัตถุประสงค์")
    end = generated.text.index("\n1.5 ", start)

    def damaged(m: re.Match[str]) -> str:
        if m["no"] == "2":
            return m[0]
        return f"{m['no']}{rng.choice('!:;')}{rng.choice((' ', chr(9)))}"

    section = re.sub(
        r"(?:(?<=\n)|(?<=ของโครงการ ))(?P<no>[0-9])\. ", damaged, generated.text[start:end]
    )
    assert section != generated.text[start:end]
    text = generated.text[:start] + section + generated.text[end:]
    project = _project(text)
    assert [" ".join(o.split()) for o in project.objectives] == [
        " ".join(o.split()) for o in want["objectives"]
    ]


@pytest.mark.parametrize(("misread", "replace"), [
    # ``…งบประมาณงวดที่ 3`` / ``on ความก้าวหน้าของงานฯ = …``: the ``::`` read as ``on``
    # at the next line's start
    (("on", "oe", "ee"), "\n{} "),
    # ``…อิเล็กทรอนิกส์ Ms`` / ``ความก้าวหน้าของงานฯ = …``: read as a capital and a
    # letter at the narrative line's end (a 200 dpi scan)
    (("Ms", "Ns", "Me"), " {}\n"),
])
@pytest.mark.parametrize("generator", ["legacy_long", "legacy_tab", "legacy_pipe"])
@pytest.mark.parametrize("seed", range(3))
def test_the_progress_separator_read_as_two_latin_letters(
        generator: str, seed: int, misread: tuple[str, ...], replace: str) -> None:
    """The ``::`` before the progress read as two Latin letters: the detail ends at its
    words."""
    rng = random.Random(seed)
    generated = GENERATORS[generator](rng)
    text = re.sub(r"[ \t]*:: (?=ความก้าวหน้าของงาน)",
                  lambda m: replace.format(rng.choice(misread)), generated.text)
    assert text != generated.text
    got = records_of(legacy, text, screened=False)["progress_updates"]
    assert [r.detail for r in got] == [w["detail"] for w in generated.tables["progress_updates"]]


def _objectives_lines(text: str, section: str) -> str:
    """``text`` with its objectives' section (heading and items) replaced by ``section``."""
    start = text.index("1.4 วัตถุประสงค์")
    return text[:start] + section + text[text.index("\n1.5 ", start) :]


def _rationale(text: str) -> str:
    """The rationale as the generated form prints it (section 1.3's text)."""
    start = text.index("1.3 หลักการและเหตุผล") + len("1.3 หลักการและเหตุผล")
    return " ".join(text[start : text.index("\n1.4 ", start)].split())


#: What OCR read for an objective's number alone on its line (``1.`` → ``i``, ``2.`` → ``ซ่``).
_NUMBERS_AS_SPECKS = ("i", "ซ่", "'", "ฑา")


@pytest.mark.parametrize("seed", range(4))
def test_objective_numbers_read_as_specks_alone_on_their_lines(seed: int) -> None:
    """``i`` / ``เพื่อแลกเปลี่ยน…`` / blank / ``ซ่`` / ``เพื่อส่งเสริม…``: each number alone on
    its line, read as specks, still opens its objective (the two are not run together)."""
    rng = random.Random(seed)
    while True:
        generated = GENERATORS["legacy_long"](rng)
        [want] = generated.tables["projects"]
        if len(want["objectives"]) >= 2:
            break
    items = "".join(f"{rng.choice(_NUMBERS_AS_SPECKS)}\n{item}\n\n" for item in want["objectives"])
    text = _objectives_lines(generated.text, f"1.4 วัตถุประสงค์ของโครงการ\n\n{items}")
    project = _project(text)
    assert [" ".join(o.split()) for o in project.objectives] == want["objectives"]
    assert " ".join(project.rationale.split()) == _rationale(generated.text)


@pytest.mark.parametrize(
    "heading", ["14\tวัตถุประสงค์ขลังโครงการ\t", "1.4 วัตถุประสงค์แลงโครงการ ", "14 วัตถุประสงค์ของโครงการ "]
)
@pytest.mark.parametrize("seed", range(3))
def test_objectives_heading_misread_with_the_first_objective_after_it(
    heading: str, seed: int
) -> None:
    """``14⇥วัตถุประสงค์ขลังโครงการ⇥1.⇥เพื่อ…`` (the section's dot lost, ``ของ`` misread, the
    first objective on the heading's line): the heading opens the objectives, the rationale
    does not take it in, and no objective is the heading's misread ``ของโครงการ``."""
    rng = random.Random(seed)
    generated = GENERATORS["legacy_long"](rng)
    [want] = generated.tables["projects"]
    items = [f"{no}. {item}" for no, item in enumerate(want["objectives"], 1)]
    text = _objectives_lines(generated.text, heading + "\n\n".join(items) + "\n")
    project = _project(text)
    assert [" ".join(o.split()) for o in project.objectives] == want["objectives"]
    assert " ".join(project.rationale.split()) == _rationale(generated.text)
