"""Indicator-target tables as real plans write them, printed as flowing text.

Real plans leave the ``ลำดับที่`` cell empty, list sub-indicators in one long
indicator cell (`` - ``) and state each year's target as a phrase, so a row runs
over several lines of a flowing print. Unit traps first (lines as LibreOffice and
fpdf2 give them: a row led by the empty cell's tab, or not, the last target wrapped
onto a line of its own); then generated plans with such tables (bench/corpus
plan_targets: a ``ตัวชี้วัดเป้าประสงค์`` and a ``ตัวชี้วัดมาตรการ`` table) printed by
LibreOffice's text import and by fpdf2. The truth is the values the plans were
generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_flow_kpi import flow_targets

from corpus import render
from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from corpus.score import score
from thai_fonts import fonts_or_fail

HEAD = "แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗\nสำนักงานการต่างประเทศ\n\n"
TABLE = ("{heading}\n\nลำดับที่ ตัวชี้วัด ค่าเป้าหมาย\n\t\t๒๕๖๕ ๒๕๖๖ ๒๕๖๗\n{rows}\n\n")


def _rows(text: str, ocr: bool = False) -> list[tuple[object, ...]]:
    doc = RepairedText.of(HEAD + text + "แนวทางการประเมินผล\n", ocr_used=ocr)
    return [tuple(v.text if isinstance(v, Raw) else v for v in f.row.fields.values())
            for f in flow_targets(doc, list(doc.lines()), set())]


def test_rows_without_numbers_open_at_the_empty_cells_tab() -> None:
    rows = _rows(TABLE.format(heading="ตัวชี้วัดมาตรการ", rows=(
        "\tจำนวนครั้งของการติดตามผลการดำเนินงาน - จำนวนผู้ประกอบการที่ได้รับการส่งเสริม\n"
        "และพัฒนาศักยภาพ\t\t\tเพิ่มขึ้นร้อยละ ๕ จากปี พ.ศ. ๒๕๖๔ ๒๕ ช่องทาง เพิ่มขึ้นร้อยละ ๑๐\n"
        "จากปี พ.ศ. ๒๕๖๕ ๒๖ ช่องทาง\t\tเพิ่มขึ้นร้อยละ ๑๕ จากปี พ.ศ. ๒๕๖๖ ๒๗ ช่อง\n"
        "ทาง\t\n"
        "\t- ร้อยละของโครงการที่ดำเนินการได้ตามแผน - จำนวนกิจกรรมที่จัดร่วมกับภาคีเครือข่าย\n"
        "\t๑๖ ครั้ง ภายในปี พ.ศ. ๒๕๖๕ ๒๐ ครั้ง ภายในปี พ.ศ. ๒๕๖๖\t\t๒๔ ครั้ง ภายในปี พ.ศ. ๒๕๖๗")))
    names = {r[0] for r in rows}
    assert names == {"จำนวนครั้งของการติดตามผลการดำเนินงาน - จำนวนผู้ประกอบการที่ได้รับการส่งเสริม"
                     "และพัฒนาศักยภาพ",
                     "- ร้อยละของโครงการที่ดำเนินการได้ตามแผน - จำนวนกิจกรรมที่จัดร่วมกับภาคีเครือข่าย"}
    assert [(r[1], " ".join(str(r[2]).split())) for r in rows] == [
        ("๒๕๖๕", "เพิ่มขึ้นร้อยละ ๕ จากปี พ.ศ. ๒๕๖๔ ๒๕ ช่องทาง"),
        ("๒๕๖๖", "เพิ่มขึ้นร้อยละ ๑๐ จากปี พ.ศ. ๒๕๖๕ ๒๖ ช่องทาง"),
        ("๒๕๖๗", "เพิ่มขึ้นร้อยละ ๑๕ จากปี พ.ศ. ๒๕๖๖ ๒๗ ช่องทาง"),
        ("๒๕๖๕", "๑๖ ครั้ง ภายในปี พ.ศ. ๒๕๖๕"), ("๒๕๖๖", "๒๐ ครั้ง ภายในปี พ.ศ. ๒๕๖๖"),
        ("๒๕๖๗", "๒๔ ครั้ง ภายในปี พ.ศ. ๒๕๖๗")]


def test_a_row_at_the_left_margin_opens_after_a_whole_row() -> None:
    """No tab before the next row's name (fpdf2 with shaping): a name, not the rest of a target."""
    rows = _rows(TABLE.format(heading="ตัวชี้วัดเป้าประสงค์", rows=(
        "\tระดับความสำเร็จในการจัดกิจกรรมกระชับความสัมพันธ์กับเมืองพี่เมืองน้อง -\n"
        "ร้อยละของบุคลากรที่ผ่านการฝึกอบรม ไม่น้อยกว่า ๓ เครือข่าย ไม่น้อยกว่า ๔\n"
        "เครือข่าย ไม่น้อยกว่า ๕ เครือข่าย\n"
        "ระดับความสำเร็จในการพัฒนาระบบฐานข้อมูลสำหรับบูรณาการภารกิจของหน่วยงาน -\n"
        "จำนวนชุมชนต้นแบบ อย่างน้อย ๒ แห่งต่อปี อย่างน้อย ๓ แห่งต่อปี อย่างน้อย ๔ แห่ง\n"
        "ต่อปี")))
    assert [r[0] for r in rows[::3]] == [
        "ระดับความสำเร็จในการจัดกิจกรรมกระชับความสัมพันธ์กับเมืองพี่เมืองน้อง - "
        "ร้อยละของบุคลากรที่ผ่านการฝึกอบรม",
        "ระดับความสำเร็จในการพัฒนาระบบฐานข้อมูลสำหรับบูรณาการภารกิจของหน่วยงาน - จำนวนชุมชนต้นแบบ"]
    assert [r[2] for r in rows] == [
        "ไม่น้อยกว่า ๓ เครือข่าย", "ไม่น้อยกว่า ๔ เครือข่าย", "ไม่น้อยกว่า ๕ เครือข่าย",
        "อย่างน้อย ๒ แห่งต่อปี", "อย่างน้อย ๓ แห่งต่อปี", "อย่างน้อย ๔ แห่งต่อปี"]


@pytest.mark.parametrize(("word", "numbers"), [("ไม่ต่ำกว่าร้อยละ", ("๗๐", "๗๕", "๘๐")),
                                                ("อย่างน้อย", ("12", "15", "18"))])
def test_a_last_targets_number_wrapped_onto_a_line_of_its_own_is_no_page_number(
        word: str, numbers: tuple[str, ...]) -> None:
    """``...ไม่ต่ำกว่าร้อยละ`` / ``๘๐``: the number alone on the row's last line looks like a
    page number, but the row's last target's word waits for it."""
    name = ("จำนวนครั้งของการติดตามและรายงานผลการดำเนินงานต่อผู้บริหาร - "
            "ร้อยละความพึงพอใจของประชาชนผู้รับบริการ")
    targets = [f"{word} {n}" for n in numbers]
    printed = f"{name} {' '.join(targets[:-1])} {word}\n{numbers[-1]}"
    rows = _rows(TABLE.format(heading="ตัวชี้วัดมาตรการ", rows=printed))
    assert [r[0] for r in rows] == [name] * 3
    assert [" ".join(str(r[2]).split()) for r in rows] == targets


@pytest.mark.parametrize(("unit", "numbers"), [("แห่ง", ("๒๐", "๒๓", "๒๖")),
                                                ("ครั้ง", ("105", "110", "115"))])
def test_a_targets_number_the_page_cut_at_the_line_end_after_a_cells_gap(
        unit: str, numbers: tuple[str, ...]) -> None:
    """``...พ.ศ. ๒๕๖๕\t๒`` / ``๓ แห่ง ...``: the page cut the second target's number; the
    digits after the cell's gap open that target, not the end of the one before."""
    name = "ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขภายในเวลาที่กำหนด"
    targets = [f"{n} {unit} ภายในปี พ.ศ. {y}" for n, y in zip(numbers, ("๒๕๖๕", "๒๕๖๖", "๒๕๖๗"),
                                                          strict=True)]
    cut = targets[1][:1]
    printed = f"\t{name}\t{targets[0]}\t{cut}\n{targets[1][1:]}\t{targets[2]}"
    rows = _rows(TABLE.format(heading="ตัวชี้วัดมาตรการ", rows=printed))
    assert [r[0] for r in rows] == [name] * 3
    assert ["".join(str(r[2]).split()) for r in rows] == ["".join(t.split()) for t in targets]


@pytest.mark.parametrize("lead", ["\t", ""])
@pytest.mark.parametrize("mark", ["-", "•"])
def test_a_list_mark_the_page_wrapped_onto_a_line_of_its_own(lead: str, mark: str) -> None:
    """A name opening with a list mark and a word too long for the line's rest (fpdf2):
    the mark alone on the row's first line (``\\t-``, or ``-`` at the margin when shaped)."""
    names = [f"{mark} ระดับความสำเร็จในการจัดกิจกรรมกระชับและส่งเสริมความสัมพันธ์กับเมืองพี่เมืองน้อง"
             " - จำนวนผู้ประกอบการที่ได้รับการส่งเสริมและพัฒนาศักยภาพ",
             f"{mark} ร้อยละของโครงการที่ดำเนินการได้ตามแผนปฏิบัติราชการ"
             " - จำนวนกิจกรรมที่จัดร่วมกับภาคีเครือข่ายภาครัฐและเอกชน"]
    targets = [[f"ไม่ต่ำกว่าร้อยละ {n}" for n in ("๗๐", "๗๕", "๘๐")],
               [f"อย่างน้อย {n} แห่งต่อปี" for n in ("๗", "๑๐", "๑๓")]]
    printed = "\n".join(f"{lead}{mark}\n{name[2:]}\n{' '.join(row)}"
                        for name, row in zip(names, targets, strict=True))
    rows = _rows(TABLE.format(heading="ตัวชี้วัดมาตรการ", rows=printed))
    assert [r[0] for r in rows] == [n for n in names for _ in range(3)]
    assert [r[2] for r in rows] == [t for row in targets for t in row]


@pytest.mark.parametrize("mark", ["-", "•"])
def test_an_ocr_pages_list_mark_opens_a_name_not_a_misread_number(mark: str) -> None:
    """OCR reads a row's number as signs (``lo``); a name's list mark is none of them."""
    rows = _rows(TABLE.format(heading="ตัวชี้วัดเป้าประสงค์", rows=(
        f" {mark} ร้อยละของชุมชนที่มีการคัดแยกมูลฝอยต้นทาง - จำนวนชุมชนต้นแบบด้านการจัด\n"
        "การสิ่งแวดล้อม ไม่น้อยกว่า ๓ ชุมชน ไม่น้อยกว่า ๔ ชุมชน ไม่น้อยกว่า ๕ ชุมชน")), ocr=True)
    assert [r[0] for r in rows] == [f"{mark} ร้อยละของชุมชนที่มีการคัดแยกมูลฝอยต้นทาง - "
                                    "จำนวนชุมชนต้นแบบด้านการจัดการสิ่งแวดล้อม"] * 3
    assert [r[2] for r in rows] == ["ไม่น้อยกว่า ๓ ชุมชน", "ไม่น้อยกว่า ๔ ชุมชน", "ไม่น้อยกว่า ๕ ชุมชน"]


def test_an_ocr_pages_target_number_read_as_latin_still_starts_its_target() -> None:
    """OCR reads a target's number as a short Latin word: before the next words read as
    Latin too (``wo anil`` for ``๒๐ จากปี``) or at the row's end; the row is whole, and
    the next row at the left margin opens."""
    rows = _rows(TABLE.format(heading="ตัวชี้วัดเป้าประสงค์", rows=(
        "\tระดับความสำเร็จในการส่งเสริมผลงานที่โดดเด่นของกรุงเทพมหานคร - จำนวนกิจกรรม\n"
        "ที่จัดร่วมกับภาคีเครือข่ายเพิ่มขึ้นร้อยละ ๕ จากปี พ.ศ. ๒๕๖๔ ๗ หลักสูตร เพิ่มขึ้น\n"
        "ร้อยละ wo anil พ.ศ. ๒๕๖๕ ๑๑ หลักสูตรเพิ่มขึ้นร้อยละ ๑๕ จากปี พ.ศ. ๒๕๖๖ ๑๕ หลักสูตร\n"
        "ระดับความสำเร็จในการพัฒนาทรัพยากรบุคคลของกรุงเทพมหานครตามหลักสมรรถนะ -\n"
        "ร้อยละความพึงพอใจของประชาชนผู้รับบริการ ไม่ต่ำกว่าร้อยละ ๗๐ ไม่ต่ำกว่าร้อยละ ๗๕\n"
        "ไม่ต่ำกว่าร้อยละ wo")), ocr=True)
    assert [r[0] for r in rows[::3]] == [
        "ระดับความสำเร็จในการส่งเสริมผลงานที่โดดเด่นของกรุงเทพมหานคร - "
        "จำนวนกิจกรรมที่จัดร่วมกับภาคีเครือข่าย",
        "ระดับความสำเร็จในการพัฒนาทรัพยากรบุคคลของกรุงเทพมหานครตามหลักสมรรถนะ - "
        "ร้อยละความพึงพอใจของประชาชนผู้รับบริการ"]
    assert [" ".join(str(r[2]).split()) for r in rows] == [
        "เพิ่มขึ้นร้อยละ ๕ จากปี พ.ศ. ๒๕๖๔ ๗ หลักสูตร",
        "เพิ่มขึ้นร้อยละ wo anil พ.ศ. ๒๕๖๕ ๑๑ หลักสูตร",
        "เพิ่มขึ้นร้อยละ ๑๕ จากปี พ.ศ. ๒๕๖๖ ๑๕ หลักสูตร",
        "ไม่ต่ำกว่าร้อยละ ๗๐", "ไม่ต่ำกว่าร้อยละ ๗๕", "ไม่ต่ำกว่าร้อยละ wo"]


#: Generated plans whose target tables take the real plans' shape.
PLANS = 3


def _plans() -> list[GeneratedDoc]:
    found: list[GeneratedDoc] = []
    k = 0
    while len(found) < PLANS:
        doc = GENERATORS["plan"](random.Random(f"real-targets-{k}"))
        if "\nตัวชี้วัดมาตรการ\n" in doc.text:
            found.append(doc)
        k += 1
    return found


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[GeneratedDoc, str, Path]]:
    found = fonts_or_fail(("Garuda", "Loma", "Norasi", "Kinnari"), least=1)
    picked = list(found)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    out = tmp_path_factory.mktemp("real-targets")
    made: list[tuple[GeneratedDoc, str, Path]] = []
    batch: list[tuple[GeneratedDoc, Path, str]] = []
    for k, doc in enumerate(_plans()):
        font = picked[k % len(picked)]
        pdf = out / f"plan{k}.fpdf2.pdf"
        render.render_fpdf(doc, pdf, font, found[font], random.Random(f"fpdf2-{k}"),
                           shaping=False)
        made.append((doc, "fpdf2", pdf))
        pdf = out / f"plan{k}.soffice.pdf"
        batch.append((doc, pdf, picked[(k + 1) % len(picked)]))
        made.append((doc, "soffice", pdf))
    failed = render.render_soffice_batch(batch)
    assert not failed, failed
    return made


@pytest.mark.parametrize("producer", ["fpdf2", "soffice"])
def test_printed_plan_reads_every_indicator_row(
        printed: list[tuple[GeneratedDoc, str, Path]], producer: str) -> None:
    from bma_etl.pipeline import process_file

    for doc, made_by, pdf in printed:
        if made_by != producer:
            continue
        want = doc.truth["tables"]["plan_indicators"]
        assert len({r["name"] for r in want}) >= 3  # both tables, rows of their own
        result = score(process_file(pdf), {"tables": {"plan_indicators": want}})
        assert result.lost == [], (pdf.name, result.lost[:4])


def test_a_row_of_cells_continued_by_a_line_of_target_words_without_numbers() -> None:
    """Tab cells (a Word table printed by LibreOffice): the wrap's rest on a line of its own.

    The rest of each target (``ทั้งหมด``) states no number, a row's targets do; cells
    closer than a tab come as one (``ทั้งหมด ทั้งหมด ทั้งหมด``) over the empty year cells.
    """
    from bma_etl.layouts.plan_indicators import read_target_table
    from bma_etl.layouts.plan_tables import blocks_of, tables_of

    doc = RepairedText.of(HEAD + (
        "ตัวชี้วัดมาตรการ\n\nลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย\n\t\t๒๕๖๕\t๒๕๖๖\t๒๕๖๗\n"
        "\tจำนวนครั้งของการติดตามและรายงานผล -\tร้อยละ ๖๘ ของเครือข่าย\tร้อยละ ๗๓ ของเครือข่าย"
        "\tร้อยละ ๗๘ ของเครือข่าย\n"
        "\tจำนวนช่องทางการเผยแพร่ข้อมูลข่าวสาร\tทั้งหมด ทั้งหมด ทั้งหมด\n"
        "\tร้อยละของโครงการที่ดำเนินการได้ตามแผน\tไม่น้อยกว่า ๓ ราย\tไม่น้อยกว่า ๔ ราย"
        "\tไม่น้อยกว่า ๕ ราย\n\nแนวทางการประเมินผล\n"))
    tables = [t for t in tables_of(blocks_of(doc)) if t.kind == "targets"]
    rows = read_target_table(doc, tables[0], [])

    def text(v: object) -> str:
        parts = v if isinstance(v, list) else [v]
        return " ".join(p.text for p in parts if isinstance(p, Raw))

    assert [(text(r.fields["name"]), text(r.fields["target_text"])) for r in rows] == [
        ("จำนวนครั้งของการติดตามและรายงานผล - จำนวนช่องทางการเผยแพร่ข้อมูลข่าวสาร",
         f"ร้อยละ {n} ของเครือข่าย ทั้งหมด") for n in ("๖๘", "๗๓", "๗๘")] + [
        ("ร้อยละของโครงการที่ดำเนินการได้ตามแผน", f"ไม่น้อยกว่า {n} ราย") for n in "๓๔๕"]
