"""A plan scanned in Thai digits: one amount Tesseract misread is worked out from its total.

Debian's Thai model lacks ``๔ ๖ ๗ ๘ ๙`` and reads another digit for each
(``๕๒๗,๔๐๐`` as ``๕๒๓,๕๐๐``) where the glyph reader could not read the number surely.
One such amount in a section left every amount of it NULL (breaker30's plan scans,
``ocr_doubtful_value ... nothing else on the page confirms it``), though the total less
the others gives it. Now the others and the total load when they are vouched for (read
alike by two readers, or the glyph reader's reading holding a digit Tesseract lacks),
and the one loads as computed, with ``ocr_amount_from_total``, when what OCR read of it
is that amount with one or two lacked digits read as others. Two such amounts in one
section, or a digit the model has read as another, solve nothing (NULL, never wrong).
Plans are generated from known values (``bench/corpus``), printed in Thai digits, damaged
the way Tesseract reads them, and read as OCR'd text.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from html import escape
from pathlib import Path

import pytest

from bma_etl.layouts.annual_action_plan import extract
from bma_etl.layouts.base import RepairedText
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.normalize.fields import normalize
from bma_etl.normalize.trust import screen
from bma_etl.pipeline import process_file
from bma_etl.validate import build_records

from corpus.build import GENERATORS
from corpus.doc import GeneratedDoc
from plan_prints import plan_scan

THAI = str.maketrans("0123456789", "\u0e50\u0e51\u0e52\u0e53\u0e54\u0e55\u0e56\u0e57\u0e58\u0e59")
#: What Tesseract's Thai model reads for each digit it lacks (the breakers' scans).
AS_TESSERACT = str.maketrans("\u0e54\u0e56\u0e57\u0e58\u0e59", "\u0e55\u0e52\u0e53\u0e55\u0e53")
LACKED = re.compile("[\u0e54\u0e56\u0e57\u0e58\u0e59]")
#: An amount in a budget row or a total row, in Thai digits (``๒,๗๒๐,๗๐๐ บาท``).
AMOUNT = re.compile("(?<=\t)[\u0e50-\u0e59]{1,3}(?:,[\u0e50-\u0e59]{3})+"
                    "(?:\\.[\u0e50-\u0e59]{2}|\\.-)?(?= \u0e1a\u0e32\u0e17)")
TOTAL_ROW = "\u0e23\u0e27\u0e21"


def _read(text: str, agreed: tuple[tuple[int, int, float], ...] = ()) -> dict[str, list]:
    """``text`` read as OCR'd (every word at confidence 90), ``agreed`` read alike.

    The records, and the codes of the findings under ``"codes"``.
    """
    words = tuple((m.start(), m.end(), 90.0) for m in re.finditer(r"\S+", text))
    doc = RepairedText.of(text, (), ocr_used=True, words=words, doubted=(), agreed=agreed)
    normalized = normalize(extract(doc), doc.text, doc.words, None)
    screen(normalized, doc.text, doc.doubted, doc.agreed)
    return {**build_records(normalized, "0" * 64),
            "codes": [f.code for f in normalized.findings]}


def _value(shown: str) -> Decimal:
    return Decimal(to_arabic_digits(shown).replace(",", "").rstrip(".-") or "0")


def _sections(text: str) -> list[list[re.Match[str]]]:
    """The amounts of each section's table in ``text``, its total row's last."""
    out: list[list[re.Match[str]]] = [[]]
    for m in AMOUNT.finditer(text):
        out[-1].append(m)
        if text[text.rfind("\n", 0, m.start()) + 1:].startswith(TOTAL_ROW):
            out.append([])
    return [s for s in out if len(s) >= 3]  # two amounts at least, and the total


def _case(start: int, damaged: int, *, vouched_by_glyphs: bool
          ) -> tuple[GeneratedDoc, str, list[re.Match[str]], list[int]]:
    """The first generated plan from seed ``start`` with a section to damage.

    ``damaged`` amounts of the section hold one or two lacked digits each (and a
    digit they may keep); ``vouched_by_glyphs``: every other amount and the total hold
    a lacked digit (the glyph reader's readings), else nothing more is asked.
    """
    for seed in range(start, start + 200):
        generated = GENERATORS["plan"](random.Random(seed))
        text = generated.text.translate(THAI)
        for section in _sections(text):
            amounts = section[:-1]
            hit = [k for k, m in enumerate(amounts)
                   if 1 <= len(LACKED.findall(m.group())) <= 2
                   and LACKED.sub("", m.group()).strip(",.-")]
            if len(hit) < damaged:
                continue
            others = [m for k, m in enumerate(section) if k not in hit[:damaged]]
            if vouched_by_glyphs and not all(LACKED.search(m.group()) for m in others):
                continue
            return generated, text, section, hit[:damaged]
    raise AssertionError("no generated plan fits")


def _damage(text: str, section: list[re.Match[str]], hit: list[int], table=AS_TESSERACT
            ) -> str:
    for k in sorted(hit, reverse=True):
        m = section[k]
        text = text[:m.start()] + m.group().translate(table) + text[m.end():]
    return text


def _section(generated: GeneratedDoc, shown: re.Match[str]
             ) -> tuple[str, list[Decimal | None], Decimal]:
    """The section of the amount ``shown``: its tag, its amounts and its total (known)."""
    value = _value(shown.group())
    tag = next(w["section"] for w in generated.tables["plan_projects"]
               if w["budget_thb"] is not None and Decimal(str(w["budget_thb"])) == value)
    head = next(w for w in generated.tables["plan_sections"] if w["section"] == tag)
    return tag, [None if w["budget_thb"] is None else Decimal(str(w["budget_thb"]))
                 for w in generated.tables["plan_projects"] if w["section"] == tag], \
        Decimal(str(head["stated_total_thb"]))


def _got(records: dict[str, list], tag: str) -> tuple[list[Decimal | None], object, object]:
    """The section ``tag``'s amounts as loaded, its stated and its computed total."""
    head = next(h for h in records["plan_sections"] if h.section == tag)
    return ([None if r.budget_thb is None else Decimal(str(r.budget_thb))
             for r in records["plan_projects"] if r.section == tag],
            head.stated_total_thb, head.computed_total_thb)


def _codes(records: dict[str, list]) -> list[str]:
    return records["codes"]


def test_one_amount_misread_is_computed_from_the_total_others_read_alike() -> None:
    generated, text, section, hit = _case(0, 1, vouched_by_glyphs=False)
    one = section[hit[0]]
    agreed = tuple((m.start(), m.end(), 90.0) for m in re.finditer(r"\S+", text)
                   if re.search("[\u0e50-\u0e59]", m.group())
                   and not m.start() <= one.start() < m.end())
    records = _read(_damage(text, section, hit), agreed)
    tag, want, total = _section(generated, one)
    assert _got(records, tag) == (want, total, total)
    assert "ocr_amount_from_total" in _codes(records)


def test_one_amount_misread_is_computed_from_the_glyph_readers_amounts() -> None:
    generated, text, section, hit = _case(0, 1, vouched_by_glyphs=True)
    records = _read(_damage(text, section, hit))
    tag, want, total = _section(generated, section[hit[0]])
    assert _got(records, tag) == (want, total, total)


def test_two_amounts_misread_in_one_section_solve_nothing() -> None:
    generated, text, section, hit = _case(0, 2, vouched_by_glyphs=True)
    records = _read(_damage(text, section, hit))
    tag, want, _ = _section(generated, section[hit[0]])
    got, _, _ = _got(records, tag)
    assert all(a is None or a == w for a, w in zip(got, want, strict=True))
    assert [got[want.index(_value(section[k].group()))] for k in hit] == [None, None]
    assert "ocr_amount_from_total" not in _codes(records)


def test_a_digit_the_model_has_read_as_another_solves_nothing() -> None:
    generated, text, section, hit = _case(0, 1, vouched_by_glyphs=True)
    m = section[hit[0]]
    kept = re.search("[\u0e50\u0e51\u0e52\u0e53\u0e55]", m.group())  # a digit the model has
    assert kept is not None
    at = m.start() + kept.start()
    damaged = _damage(text, section, hit)
    wrong = "\u0e51" if kept.group() == "\u0e50" else "\u0e50"
    records = _read(damaged[:at] + wrong + damaged[at + 1:])
    tag, want, _ = _section(generated, m)
    got, _, _ = _got(records, tag)
    assert all(a is None or a == w for a, w in zip(got, want, strict=True))
    assert got[want.index(_value(m.group()))] is None
    assert "ocr_amount_from_total" not in _codes(records)


# ------------------------------------------------------------------ a scan

#: A section's amounts (baht): the third holds ``๗`` and ``๔``, the others a digit
#: Tesseract lacks too (the glyph reader's readings); the total is their sum.
SCAN_AMOUNTS = (Decimal("6400000"), Decimal("3127500.50"), Decimal("527400"),
                Decimal("1180100"))
FONT_FILE = Path("/usr/share/fonts/truetype/tlwg/Laksaman.ttf")


def _scan_html() -> str:
    """A plan's cover and strategic table with its total row, every digit Thai."""
    def shown(amount: Decimal) -> str:
        return f"{amount:,.2f}".translate(THAI)

    names = ("โครงการก่อสร้างเขื่อน", "โครงการปรับปรุงถนน", "โครงการขุดลอกคลอง",
             "โครงการซ่อมแซมท่อระบายน้ำ")
    rows = "".join(f"<tr><td>{str(k).translate(THAI)}</td><td>{escape(n)}</td>"
                   f"<td>{shown(a)} บาท</td><td>ฝ่ายโยธา</td></tr>"
                   for k, (n, a) in enumerate(zip(names, SCAN_AMOUNTS, strict=True), start=1))
    rows += (f"<tr><td></td><td>รวมงบประมาณทั้งสิ้น</td><td>{shown(sum(SCAN_AMOUNTS))} บาท"
             "</td><td></td></tr>")
    body = ("<p style='text-align:center;font-size:28px'><b>แผนปฏิบัติการ ประจำปี</b></p>"
            "<p style='text-align:center;font-size:28px'><b>พ.ศ. ๒๕๖๗</b></p>"
            "<p style='text-align:center'>สำนักงานเขตบางรัก</p>"
            "<p style='text-align:center'>สำนักปลัดกรุงเทพมหานคร</p>"
            "<p><b>สรุปโครงการและงบประมาณที่หน่วยงานจะดำเนินการในปีงบประมาณ พ.ศ. ๒๕๖๗</b></p>"
            "<p><b>โครงการยุทธศาสตร์ตามแผนปฏิบัติราชการกรุงเทพมหานคร ประจำปี พ.ศ. ๒๕๖๗</b></p>"
            "<table><tr><th>ลำดับที่</th><th>ชื่อโครงการ</th><th>งบประมาณ</th>"
            "<th>ส่วนราชการที่รับผิดชอบ</th></tr>" + rows + "</table>")
    return ("<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'><style>"
            "table { border-collapse: collapse; width: 100%; }"
            " td, th { border: 1px solid #000; padding: 2px 6px; } p { margin: 3px 0; }"
            "</style></head><body>" + body + "</body></html>")


def _faded(tmp_path: Path, dpi: int) -> Path:
    """The plan scanned at ``dpi``, the ``๗`` of its third amount faded to 45 % ink."""
    import pdfplumber
    from PIL import Image

    plan_scan(tmp_path, _scan_html(), 1, family="Laksaman", font=FONT_FILE, dpi=dpi, pt=16)
    with pdfplumber.open(tmp_path / "plan.pdf") as pdf:
        chars = pdf.pages[0].chars
        at = "".join(c["text"] for c in chars).index(f"{SCAN_AMOUNTS[2]:,.2f}".translate(THAI))
        glyph = chars[at + 2]
    assert glyph["text"] == "\u0e57"
    (page,) = [Image.open(p).convert("L") for p in tmp_path.glob("page*.pgm")]
    scale = dpi / 72
    box = (int(glyph["x0"] * scale), int(glyph["top"] * scale),
           int(glyph["x1"] * scale) + 1, int(glyph["bottom"] * scale) + 1)
    page.paste(page.crop(box).point(lambda v: 255 - (255 - v) * 45 // 100), box)
    out = tmp_path / "faded.pdf"
    page.save(out, resolution=dpi, quality=85)
    return out


@pytest.mark.parametrize("dpi", [200, 300])
def test_a_scanned_amount_misread_is_computed_from_its_total(dpi: int, tmp_path: Path) -> None:
    result = process_file(_faded(tmp_path, dpi))
    got = [getattr(r, "budget_thb", None) for r in result.rows("plan_projects")]
    assert [None if g is None else Decimal(str(g)) for g in got] == list(SCAN_AMOUNTS)
    (head,) = result.rows("plan_sections")
    assert Decimal(str(head.stated_total_thb)) == sum(SCAN_AMOUNTS)
    assert [i.code for i in result.rows("quality_issues")
            if i.field == "budget_thb"] == ["ocr_amount_from_total"]


def test_a_row_whose_no_budget_flag_was_not_read_does_not_stop_an_exact_sum() -> None:
    """``ไม่ใช้งบประมาณ`` misread and glued to the name: the row has no amount, no flag."""
    generated = GENERATORS["plan"](random.Random(2))
    text = generated.text.translate(THAI)
    flag = "\u0e44\u0e21\u0e48\u0e43\u0e0a\u0e49\u0e07\u0e1a\u0e1b\u0e23\u0e30\u0e21\u0e32\u0e13"
    at = text.index(f"\t{flag}\t")
    misread = flag.replace("\u0e0a\u0e49", "\u0e0a\u0e48\u0e49")  # a tone mark added
    records = _read(text[:at] + f" {misread} " + text[at + len(flag) + 2:])
    tag = next(w["section"] for w in generated.tables["plan_projects"]
               if w["budget_thb"] is None)
    want = [None if w["budget_thb"] is None else Decimal(str(w["budget_thb"]))
            for w in generated.tables["plan_projects"] if w["section"] == tag]
    got, _, _ = _got(records, tag)
    assert got == want
    assert [r.uses_budget for r in records["plan_projects"] if r.section == tag].count(None) == 1


#: A line ending in a year (the cover's ``พ.ศ. ๒๕๖๖``, the title line's).
_YEAR_END = re.compile("(?<=\u0e1e\\.\u0e28\\. )[\u0e50-\u0e59]{4}$")


@pytest.mark.parametrize("seed", range(3))
def test_a_title_with_the_year_tesseract_misread_is_not_loaded(seed: int) -> None:
    """The cover's and title's ``๒๕๖๖`` read ``๒๕๒๒`` by Tesseract, the foreword's and
    headings' read surely: the fiscal year is NULL, and the title is too (not silently
    loaded with the misread year), with a finding naming the year the page reads."""
    generated = GENERATORS["plan"](random.Random(seed))
    lines = generated.text.translate(THAI).split("\n")
    head = [k for k, line in enumerate(lines[:12]) if _YEAR_END.search(line)]
    assert len(head) == 2
    year = _YEAR_END.search(lines[head[0]])
    assert year is not None and LACKED.search(year.group())
    for k in head:
        lines[k] = _YEAR_END.sub(lambda m: m.group().translate(AS_TESSERACT), lines[k])
    records = _read("\n".join(lines))
    (plan,) = records["plans"]
    assert (plan.title, plan.fiscal_year_be) == (None, None)
    assert "ocr_doubtful_value" in records["codes"]
