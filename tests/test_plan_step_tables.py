"""The action plan's step schedules, printed by every producer, read like the text.

A step table (``ขั้นตอนการดำเนินงาน | เนื้อหารายขั้นตอน (ร้อยละ) | ติดตามความก้าวหน้า
(ร้อยละ)`` and many narrow month columns under one or two years) is generated
here from known values: two to nine steps, descriptions of one to three
phrases (long ones wrap over several lines, in a Word table of equal columns over
many pages), percentages in fives that add up to 100, six or twelve month
columns, Thai or Arabic digits, and a project heading long enough to wrap. It is
printed as a Word file by LibreOffice (columns of equal width, or sized to their
contents; left aligned or justified), by LibreOffice's text import, by Chromium
as ruled HTML tables, by ReportLab and by fpdf2. The truth is the generated
values; every step must come back whole, wherever its rows wrap or a page breaks.

What broke before: pdfium wrote no line break between a narrow cell's last line
and the next row's first (``อน๒.``: a step's number run into the step above); a
number a narrow cell cut (``๔`` / ``๐``) read as two; a step repeated in the next
schedule at a page's top taken for a running header; a justified heading's last
line (its gaps read as tabs) taken for a table.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from bma_etl.pipeline import process_file

from corpus import render
from corpus.doc import GeneratedDoc, Row
from corpus.score import score
from corpus.values import project_name
from thai_fonts import fonts_or_fail

SEED = 2718
#: Fonts the prints take in turn (TLWG fonts; Sarabun where installed).
FONTS = ("Garuda", "Norasi", "Loma", "Kinnari")
_PHRASES = ("ประสานงานกับหน่วยงานที่เกี่ยวข้อง", "เพื่อกำหนดประเด็นและกลุ่มเป้าหมาย",
            "จัดประชุมเชิงปฏิบัติการ", "เพื่อระดมความคิดเห็นจากผู้มีส่วนเกี่ยวข้องหลักและรอง",
            "ขออนุมัติโครงการและค่าใช้จ่าย", "ในการดำเนินกิจกรรมตามแผนที่กำหนด",
            "จัดซื้อจัดจ้างตามระเบียบกระทรวงการคลัง", "ติดตามและประเมินผลการดำเนินงาน",
            "รายงานผลต่อผู้บริหารกรุงเทพมหานคร", "สำรวจพื้นที่และรวบรวมข้อมูลพื้นฐาน",
            "เผยแพร่ผลการดำเนินงานผ่านช่องทางออนไลน์ของหน่วยงาน", "คัดเลือกผู้เข้าร่วมโครงการ")
_AIMS = ("การพัฒนาระบบฐานข้อมูลสำหรับบูรณาการภารกิจของหน่วยงาน",
         "การลดปริมาณมูลฝอยและส่งเสริมการคัดแยกขยะในชุมชน",
         "การส่งเสริมสุขภาพผู้สูงอายุในชุมชนเขตชั้นนอก")
_UNITS = ("ส่วนแผนงานฯ", "ฝ่ายบริหารงานทั่วไป", "ส่วนยุทธศาสตร์ฯ", "กลุ่มงานวิชาการ")
_MONTHS = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
           "ส.ค.", "ก.ย.")
_HEADER = "ขั้นตอนการดำเนินงาน\tเนื้อหารายขั้นตอน (ร้อยละ)\tติดตามความก้าวหน้าโครงการ (ร้อยละ)"
_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def _shares(rng: random.Random, count: int) -> list[int]:
    """``count`` percentages, multiples of five, adding up to 100."""
    shares = [5] * count
    for _ in range(20 - count):
        shares[rng.randrange(count)] += 5
    return shares


def step_plan(rng: random.Random, name: str) -> GeneratedDoc:
    """A short action plan of two or three step schedules; its truth is their steps."""
    year = rng.randint(2563, 2569)
    thai = rng.random() < 0.5
    t = (lambda s: s.translate(_THAI)) if thai else (lambda s: s)
    lines = [t(f"แผนปฏิบัติการประจำปี พ.ศ. {year}"), "สำนักงานเขตตัวอย่าง กรุงเทพมหานคร", "",
             "วิสัยทัศน์", "", "เป็นองค์กรที่ให้บริการแก่ประชาชนอย่างมีคุณภาพ", "",
             "พันธกิจ", "", t("1. ให้บริการประชาชนอย่างทั่วถึง"), "",
             t(f"สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. {year}"), "",
             t(f"โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. {year}"), "",
             "ลำดับที่\tชื่อโครงการ\tงบประมาณ (บาท)\tส่วนราชการที่รับผิดชอบ",
             t("1\tโครงการพัฒนาระบบสารสนเทศของหน่วยงาน\t250,000\tส่วนแผนงานฯ"),
             t("รวมงบประมาณทั้งสิ้น\t\t250,000\t"), ""]
    steps: list[Row] = []
    doc = GeneratedDoc(name=name, layout="annual_action_plan", text="",
                       tables={"plan_steps": steps})
    for n, aim in enumerate(rng.sample(_AIMS, rng.randint(2, 3)), start=1):
        project = project_name(rng)
        months = rng.choice((6, 12))
        first = rng.randrange(12 - months + 1) if months < 12 else 0
        shown = _MONTHS[first:first + months]
        lines += [t(f"ชื่อตัวชี้วัดที่ {n} ระดับความสำเร็จใน{aim}"),
                  t(f"ชื่อโครงการที่ 1 {project} ({rng.choice(_UNITS)})"), "",
                  _HEADER + "\tระยะเวลาดำเนินการ" + "\t" * (months - 1),
                  "\t\t\t" + t(f"พ.ศ. {year - 1}") + "\t" * months,
                  "\t\t\t" + "\t".join(shown)]
        count = rng.randint(2, 9)
        cumulative = 0
        for k, share in enumerate(_shares(rng, count), start=1):
            cumulative += share
            words = rng.sample(_PHRASES, rng.choice((1, 1, 2, 3)))
            description = " ".join(words)
            start = rng.randrange(months)
            marks = [""] * months
            marks[start] = "←"
            marks[rng.randint(start, months - 1)] = "→" if marks[-1] != "←" else "↔"
            lines.append(t(f"{k}. ") + description + t(f"\t{share}\t{cumulative}\t")
                         + "\t".join(marks))
            steps.append({"indicator_no": n, "project_name": t(project), "step_no": k,
                          "description": description, "step_pct": str(share),
                          "cumulative_pct": str(cumulative)})
            if thai:
                doc.mark_thai("plan_steps", len(steps) - 1, "indicator_no", "step_no",
                              "step_pct", "cumulative_pct")
        lines += [t(f"รวม {count} ขั้นตอน คิดเป็นร้อยละ\t100\t100") + "\t" * months, ""]
    doc.text = "\n".join(lines) + "\n"
    return doc


#: How the schedules are printed: ``(name, producer, settings)``.
PRINTS = (("docx-equal", "soffice-docx", {"widths": "equal", "align": "left"}),
          ("docx-equal-justified", "soffice-docx", {"widths": "equal", "align": "justify"}),
          ("docx-content", "soffice-docx", {"widths": "content", "align": "left"}),
          ("soffice", "soffice", {}), ("chromium", "chromium", {}),
          ("reportlab", "reportlab", {}), ("fpdf2", "fpdf2", {}))
#: Plans printed by each.
PLANS = 2


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory
            ) -> dict[tuple[str, int], tuple[Path, GeneratedDoc]]:
    found = fonts_or_fail(FONTS, least=1)
    names = list(found)
    if not render.have("soffice"):
        pytest.fail("needs LibreOffice: make venv installs libreoffice-writer-nogui")
    if not render.have("chromium"):
        pytest.fail("needs Chromium: make venv installs chromium")
    out = tmp_path_factory.mktemp("steps")
    made: dict[tuple[str, int], tuple[Path, GeneratedDoc]] = {}
    docx: list[tuple[GeneratedDoc, Path, str, dict[str, str]]] = []
    text_import: list[tuple[GeneratedDoc, Path, str]] = []
    for j, (name, producer, settings) in enumerate(PRINTS):
        for k in range(PLANS):
            rng = random.Random(f"{SEED}-{name}-{k}")
            doc = step_plan(rng, f"steps_{name}_{k}")
            font = names[(j + k) % len(names)]
            pdf = out / f"{doc.name}.pdf"
            made[(name, k)] = (pdf, doc)
            if producer == "soffice-docx":
                docx.append((doc, pdf, font, {"pt": "14", **settings}))
            elif producer == "soffice":
                text_import.append((doc, pdf, font))
            elif producer == "chromium":
                render.render_chromium(doc, pdf, font, found[font], rng, header_footer=False)
            elif producer == "reportlab":
                render.render_reportlab(doc, pdf, font, found[font], rng)
            else:
                render.render_fpdf(doc, pdf, font, found[font], rng, shaping=False)
    failed = render.render_docx_batch(docx) | render.render_soffice_batch(text_import)
    assert not failed, failed
    return made


@pytest.mark.parametrize("name", [p[0] for p in PRINTS])
def test_every_step_reads_whole(printed: dict[tuple[str, int], tuple[Path, GeneratedDoc]],
                                name: str) -> None:
    """Each step's number, words, percentages, indicator and project, in every print."""
    for k in range(PLANS):
        pdf, doc = printed[(name, k)]
        result = score(process_file(pdf), doc.truth)
        assert result.layout == "annual_action_plan"
        kinds = Counter(lost[3] for lost in result.lost)
        assert not result.lost, (f"{pdf.name}: {result.right}/{result.total} fields, "
                                 f"{dict(kinds)}: {result.lost[:4]}")
