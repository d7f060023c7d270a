"""A step table's rows and headings where a page breaks, as the PDF readers give them.

Lines as the readers gave them on generated plans (``make robustness``, seed 7):
Chromium's table row of a step at a page's foot, its words on the page and its
percentages on the next, came back with the words run into the step above and a
row of percentages alone after the page's furniture; a ``ชื่อโครงการที่`` heading
cut by a page break has the rest of its name after the page's foot and head; a
distributed print's heading line spread into tab gaps right above the header.
The truth is the values the lines were written from.
"""

from __future__ import annotations

from bma_etl.layouts.base import Raw, RepairedText
from bma_etl.layouts.plan_steps import StepContext, read_step_table, update_step_context
from bma_etl.layouts.plan_tables import blocks_of, tables_of

HEADER = ("ขั้นตอนการดำเนินงาน\tเนื้อหารายขั้นตอน (ร้อยละ)\tติดตามความก้าวหน้าโครงการ (ร้อยละ)"
          "\tระยะเวลาดำเนินการ\n\t\t\tต.ค.\tพ.ย.\tธ.ค.\n")


def _steps(text: str) -> list[tuple[str, ...]]:
    doc = RepairedText.of(text)
    ctx = StepContext()
    out: list[tuple[str, ...]] = []
    for table in tables_of(blocks_of(doc)):
        if table.kind != "steps":
            continue
        update_step_context(doc, ctx, table.headings)
        for row in read_step_table(doc, table, ctx, []):
            out.append(tuple(" ".join(p.text for p in (v if isinstance(v, list) else [v])
                                      if isinstance(p, Raw))
                             for v in row.fields.values()))
    return out


def test_a_step_run_into_the_step_above_opens_at_its_number() -> None:
    rows = _steps(
        "ชื่อตัวชี้วัดที่ ๓ ระดับความสำเร็จในการลดปริมาณมูลฝอย\n"
        "ชื่อโครงการที่ ๑ โครงการติดตั้งห้องน้ำสาธารณะริมคลอง (ฝ่ายบริหารงานทั่วไป)\n\n" + HEADER +
        "๑. สืบค้นค้นคว้า และวางแผนการดำเนินการ\t๒๐\t๒๐\t←\n"
        "๒. ประสานงานกับหน่วยงานที่เกี่ยวข้อง ๓. เผยแพร่ผลการดำเนินงานผ่านช่องทางออนไลน์\t๒๐\t๔๐\t←\n"
        "\t๑๐\t๕๐\t←\t→\n"
        "๔. ขออนุมัติโครงการ\t๕๐\t๑๐๐\t←\n"
        "รวม ๔ ขั้นตอนคิดเป็นร้อยละ\t๑๐๐\t๑๐๐\n")
    assert [r[2:] for r in rows] == [
        ("๑", "สืบค้นค้นคว้า และวางแผนการดำเนินการ", "๒๐", "๒๐"),
        ("๒", "ประสานงานกับหน่วยงานที่เกี่ยวข้อง", "๒๐", "๔๐"),
        ("๓", "เผยแพร่ผลการดำเนินงานผ่านช่องทางออนไลน์", "๑๐", "๕๐"),
        ("๔", "ขออนุมัติโครงการ", "๕๐", "๑๐๐")]


def test_a_step_listing_a_later_number_keeps_its_words() -> None:
    """``๓.`` inside step ๒ with no second row of percentages: no step of its own."""
    rows = _steps(
        "ชื่อตัวชี้วัดที่ ๑ ระดับความสำเร็จ\nชื่อโครงการที่ ๑ โครงการจัดงาน (ส่วนแผนงานฯ)\n\n"
        + HEADER + "๑. สืบค้น\t๕๐\t๕๐\t←\n"
        "๒. ประสานงานตามข้อ ๓. ของแผน\t๕๐\t๑๐๐\t←\n"
        "\t\t\t←\t→\n"
        "รวม ๒ ขั้นตอนคิดเป็นร้อยละ\t๑๐๐\t๑๐๐\n")
    assert [r[2:4] for r in rows] == [("๑", "สืบค้น"), ("๒", "ประสานงานตามข้อ ๓. ของแผน")]


def test_a_heading_spread_into_tab_gaps_above_the_header_keeps_its_table() -> None:
    rows = _steps(
        "ชื่อตัวชี้วัดที่ ๒ ระดับความสำเร็จในการจัดกิจกรรม\n"
        "ชื่อโครงการที่ ๑ โครงการพัฒนาครุภัณฑ์การแพทย์สำหรับโรงพยาบาลในสังกัดเพื่อยกระดับของ\n"
        "ประชาชนในพื้นที่เขตหนองจอก\tเขตบางรัก\tและพื้นที่ใกล้เคียง\t(ฝ่ายบริหารงานทั่วไป)\n"
        + HEADER + "๑. เผยแพร่ผลการดำเนินงาน\t๔๐\t๔๐\t←\n๒. จัดประชุม\t๖๐\t๑๐๐\t←\n"
        "รวม ๒ ขั้นตอนคิดเป็นร้อยละ\t๑๐๐\t๑๐๐\n")
    assert [(r[0], r[2], r[4]) for r in rows] == [("๒", "๑", "๔๐"), ("๒", "๒", "๖๐")]


def test_a_distributed_heading_line_of_four_cells_above_a_blank_line_keeps_its_table() -> None:
    """The project heading's last line spread into four cells, a blank line under it."""
    rows = _steps(
        "ชื่อตัวชี้วัดที่ ๑ ระดับความสำเร็จในการส่งเสริมผลงาน\n"
        "ชื่อโครงการที่ ๑ โครงการปรับปรุงสวนสาธารณะขนาดเล็กเพื่อยกระดับคุณภาพชีวิตของประชาชนในพื้นที่\n"
        "เขตราษฎร์บูรณะ\tเขตมีนบุรี\tและพื้นที่ใกล้เคียง\t(ฝ่ายบริหารงานทั่วไป)\n\n"
        + HEADER + "๑. จัดประชุม\t๔๐\t๔๐\t←\n๒. สืบค้น\t๖๐\t๑๐๐\t←\n"
        "รวม ๒ ขั้นตอน คิดเป็นร้อยละ\t๑๐๐\t๑๐๐\n")
    name = "โครงการปรับปรุงสวนสาธารณะขนาดเล็กเพื่อยกระดับคุณภาพชีวิตของประชาชนในพื้นที่" \
        "เขตราษฎร์บูรณะเขตมีนบุรีและพื้นที่ใกล้เคียง"
    assert [(r[0], "".join(r[1].split()), r[2], r[4]) for r in rows] == [
        ("๑", name, "๑", "๔๐"), ("๑", name, "๒", "๖๐")]
