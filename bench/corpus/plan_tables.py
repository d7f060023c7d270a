"""The action plan's SWOT lists and its indicator, scoring, step and definition tables.

Shapes copy ``samples/003_*.txt``: numbered SWOT items under จุดแข็ง / จุดอ่อน /
โอกาส / อุปสรรค headings; a ``ตัวชี้วัด | ค่าเป้าหมาย`` table with a row of years;
per indicator a definition table (``มาตรการ | ตัวชี้วัดมาตรการ | นิยาม/คำอธิบาย...``),
a ``เกณฑ์การให้คะแนน “...”`` table of levels 5..1 and a ``ขั้นตอนการดำเนินงาน``
schedule with its month columns; last a definition table without a measure column.
Cells are long (they wrap on A4), row counts vary, digits are Thai or Arabic.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from corpus.doc import GeneratedDoc, Row
from corpus.plan_targets import SHARE, real_target_tables
from corpus.values import project_name

_SWOT_HEADINGS = (("strength", "จุดแข็ง (Strength)"), ("weakness", "จุดอ่อน (Weakness)"),
                  ("opportunity", "โอกาส (Opportunity)"), ("threat", "อุปสรรค (Threat)"))
_SWOT_SUBJECTS = ("บุคลากรของหน่วยงาน", "ระบบสารสนเทศของหน่วยงาน", "งบประมาณที่ได้รับจัดสรร",
                  "เครือข่ายความร่วมมือกับภาคเอกชน", "ประชาชนในพื้นที่", "นโยบายของผู้บริหาร",
                  "การประสานงานระหว่างส่วนราชการ", "ข้อมูลสถิติของกรุงเทพมหานคร")
_SWOT_PREDICATES = ("มีความรู้ความสามารถและประสบการณ์ในการปฏิบัติงานด้านนี้มาอย่างต่อเนื่อง",
                    "ยังไม่เพียงพอต่อภารกิจที่เพิ่มขึ้นตามนโยบายและความต้องการของประชาชน",
                    "เปิดโอกาสให้ขยายการให้บริการไปยังกลุ่มเป้าหมายใหม่ได้อย่างทั่วถึง",
                    "มีข้อจำกัดด้านระเบียบและขั้นตอนที่ทำให้การดำเนินงานล่าช้า",
                    "ให้ความสำคัญกับการพัฒนาเมืองอย่างยั่งยืน",
                    "ได้รับผลกระทบจากสถานการณ์เศรษฐกิจและการแพร่ระบาดของโรคติดเชื้อ")
_AIMS = ("การส่งเสริมผลงานที่โดดเด่นของกรุงเทพมหานครสู่แพลตฟอร์มออนไลน์ต่างประเทศ",
         "การพัฒนาทรัพยากรบุคคลของกรุงเทพมหานครตามหลักสมรรถนะมุ่งสู่ความเป็นมืออาชีพ",
         "การจัดกิจกรรมกระชับและส่งเสริมความสัมพันธ์กับเมืองพี่เมืองน้อง",
         "การพัฒนาระบบฐานข้อมูลสำหรับบูรณาการภารกิจของหน่วยงาน",
         "การลดปริมาณมูลฝอยและส่งเสริมการคัดแยกขยะในชุมชน")
_STEPS = ("สืบค้น ค้นคว้า และวางแผนการดำเนินการ รวมทั้งวิเคราะห์อุปสรรคและความท้าทาย",
          "ประสานงานกับหน่วยงานที่เกี่ยวข้องเพื่อกำหนดประเด็นและกลุ่มเป้าหมาย",
          "ขออนุมัติโครงการและค่าใช้จ่ายในการดำเนินกิจกรรม",
          "จัดประชุมเชิงปฏิบัติการเพื่อระดมความคิดเห็นจากผู้มีส่วนเกี่ยวข้องหลักและรอง",
          "ดำเนินการตามแผนและติดตามความก้าวหน้าเป็นรายเดือน",
          "จัดทำรายงานผลการดำเนินโครงการนำเสนอผู้บริหารกรุงเทพมหานคร",
          "เผยแพร่ผลการดำเนินงานผ่านช่องทางออนไลน์ของหน่วยงาน")
_STEP_TAILS = (" โดยความร่วมมือของสำนักงานเขตและหน่วยงานที่เกี่ยวข้องในพื้นที่",
               "เพื่อให้การดำเนินงานเป็นไปตามเป้าหมายที่กำหนดไว้ในแผนปฏิบัติราชการ",
               " ตลอดจนสรุปผลและข้อเสนอแนะสำหรับการปรับปรุงในปีงบประมาณถัดไป")
_MONTHS = ("ต.ค.", "พ.ย.", "ธ.ค.", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.",
           "ส.ค.", "ก.ย.")
_UNITS = ("ส่วนแผนงานฯ", "ส่วนส่งเสริมฯ", "ฝ่ายบริหารงานทั่วไป", "ส่วนยุทธศาสตร์ฯ")
_STEP_HEADER = "ขั้นตอนการดำเนินงาน\tเนื้อหา รายขั้นตอน (ร้อยละ)\tติดตาม ความก้าวหน้า โครงการ (ร้อยละ)"
_KPI_HEADER = "มาตรการ\tตัวชี้วัดมาตรการ\tนิยาม/คำอธิบายตัวชี้วัด\tโครงการ/กิจกรรม"
_KPI_HEADER_SHORT = "ตัวชี้วัด\tนิยาม/คำอธิบายตัวชี้วัด\tโครงการ/กิจกรรมและส่วนราชการที่รับผิดชอบ"


def swot_lists(rng: random.Random, lines: list[str], t: Callable[[str], str]) -> list[Row]:
    """Append the SWOT analysis to ``lines``; return its ``plan_swot_items`` rows."""
    rows: list[Row] = []
    lines += ["การวิเคราะห์สภาพแวดล้อมภายในและภายนอก (SWOT Analysis)", ""]
    for kind, heading in _SWOT_HEADINGS:
        lines += [heading, ""]
        for seq in range(1, rng.randint(2, 5) + 1):
            text = f"{rng.choice(_SWOT_SUBJECTS)}{rng.choice(_SWOT_PREDICATES)}"
            if rng.random() < 0.4:
                text += f" โดยเฉพาะในพื้นที่เขตชั้นในและเขตชานเมืองของ{rng.choice(_SWOT_SUBJECTS)}"
            lines.append(t(f"{seq}. ") + text)
            rows.append({"kind": kind, "seq": seq, "text": text})
        lines.append("")
    lines += ["จากการวิเคราะห์สภาพแวดล้อมนำไปสู่การกำหนดโครงการและกิจกรรมของหน่วยงาน ดังนี้", ""]
    return rows


def _schedule(rng: random.Random) -> list[str]:
    """Twelve month cells, an arrow run over some of them."""
    first = rng.randint(0, 8)
    last = rng.randint(first, 11)
    cells = [""] * 12
    cells[first] = "←"
    cells[last] = "→" if last > first else "↔"
    return cells


def _targets(rng: random.Random, years: list[int], t: Callable[[str], str]) -> list[str]:
    """One target per year, in one of the shapes plans write (all years alike)."""
    base = rng.randint(2, 20)
    shape = rng.randrange(4)
    out = []
    for k, y in enumerate(years):
        if shape == 0:
            out.append(f"ร้อยละ {base + 5 * k} ของกลุ่มเป้าหมายทั้งหมด")
        elif shape == 1:
            out.append(f"ระดับ {min(5, 3 + k)}")
        elif shape == 2:  # 003: ``เพิ่มขึ้น ๕ ราย จากปี พ.ศ. ๒๕๖๓ ๑๒ ผลิตภัณฑ์``
            out.append(f"เพิ่มขึ้น {base} ราย จากปี พ.ศ. {y - 1} {base + 4 * k} ผลิตภัณฑ์")
        else:
            out.append(f"{base + k} ราย {base * 2 + k} ผลิตภัณฑ์")
    return [t(x) for x in out]


def _definition(rng: random.Random, aim: str, t: Callable[[str], str]) -> str:
    """A definition cell: ``นิยาม ... หมายถึง ...``, a bare ``... หมายถึง ...`` or a list after it."""
    text = (f"{aim} หมายถึง การดำเนินงานของหน่วยงานร่วมกับภาคีเครือข่าย"
            f"เพื่อให้บรรลุเป้าหมายที่กำหนด")
    if rng.random() < 0.7:
        text = f"นิยาม {text}"
    if rng.random() < 0.4:
        return text + t(" ประกอบด้วย 1. การจัดทำแผนการดำเนินงาน 2. การรายงานผลต่อผู้บริหาร")
    return text + " วิธีคำนวณ ผลการดำเนินการที่ทำได้เทียบกับเกณฑ์"


def _activities(rng: random.Random, project: str, t: Callable[[str], str]) -> str:
    """An activities cell: one project with its budget, or numbered projects and activities."""
    unit = rng.choice(_UNITS)
    amount = rng.randint(2, 90) * 50_000
    first = f"{project} งบประมาณ {amount:,}.- บาท ({unit})"
    if rng.random() < 0.5:
        return t(first)
    more = rng.choice(("กิจกรรมการประชุมเชิงปฏิบัติการร่วมกับภาคีเครือข่าย",
                       "การจัดทำสื่อเผยแพร่ผลการดำเนินงานผ่านช่องทางออนไลน์"))
    return t(f"1. {first} 2. {more}")


def _short_targets(rng: random.Random, lines: list[str], names: list[str], years: list[int],
                   t: Callable[[str], str], add: Callable[..., None]) -> None:
    """The numbered target table with short targets (``samples/003``)."""
    lines += ["ตัวชี้วัดเป้าประสงค์", "", "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย" + "\t" * (len(years) - 1),
              "\t\t" + "\t".join(t(str(y)) for y in years)]
    for i, name in enumerate(names[:2], start=1):
        shown = name
        if rng.random() < 0.3:
            shown = f"{name} - จำนวนผู้ประกอบการที่เข้าร่วมกิจกรรม"
        targets = _targets(rng, years, t)
        lines.append(f"{t(str(i))}\t{shown}\t" + "\t".join(targets))
        for y, target in zip(years, targets, strict=True):
            add("plan_indicators", {"name": shown, "year_be": y, "target_text": target},
                "year_be")


def indicator_tables(rng: random.Random, doc: GeneratedDoc, lines: list[str], year: int,
                     digits: bool) -> None:
    """Append the target, definition, scoring and step tables; their truth goes in ``doc``."""
    t: Callable[[str], str] = (lambda s: s.translate(str.maketrans("0123456789",
                                                                   "๐๑๒๓๔๕๖๗๘๙"))) \
        if digits else (lambda s: s)
    tables: dict[str, list[Row]] = {name: [] for name in (
        "plan_indicators", "plan_scoring_levels", "plan_steps", "plan_kpi_definitions")}
    doc.tables.update(tables)

    def add(table: str, row: Row, *thai: str) -> None:
        if digits and thai:
            doc.mark_thai(table, len(tables[table]), *thai)
        tables[table].append(row)

    aims = rng.sample(_AIMS, rng.randint(2, 3))
    names = [f"ระดับความสำเร็จใน{aim}" for aim in aims]
    # Plans state targets for two to five years; a name may list its sub-indicators.
    years = list(range(year - rng.randint(1, 4), year + 1))
    # Real plans' long rows (:mod:`corpus.plan_targets`), drawn from an rng of their own.
    vary = random.Random(repr((year, names, years)))
    if vary.random() < SHARE:
        for row in real_target_tables(vary, lines, names, years, t):
            add("plan_indicators", row, "year_be")
        # the short table's draws still made: the rest of the plan stays as drawn before
        _short_targets(rng, [], names, years, t, lambda *_: None)
    else:
        _short_targets(rng, lines, names, years, t, add)
    lines += ["", t(f"แนวทางการประเมินผลการปฏิบัติราชการตามคำรับรองการปฏิบัติราชการประจำปี พ.ศ. {year}"),
              ""]
    projects = [project_name(rng) for _ in names]
    for aim, name, project in zip(aims, names, projects, strict=True):
        measure = f"มน. {aim}"
        definition = _definition(rng, aim, t)
        activities = _activities(rng, project, t)
        lines += [_KPI_HEADER, f"{measure}\t{name}\t{definition}\t{activities}", ""]
        add("plan_kpi_definitions", {"measure": measure, "indicator": name,
                                     "definition": definition, "activities": activities})
        top = rng.choice((20, 25, 30))
        lines += [f"เกณฑ์การให้คะแนน “{name}”", "",
                  "ระดับความสำเร็จ\tเกณฑ์ร้อยละความสำเร็จ\tการดำเนินงาน\tคะแนนที่ได้รับ"]
        for level in range(5, 0, -1):
            weight = 50 + 10 * level
            score = top * weight / 100
            score_text = f"{score:g}"
            desc = (f"ดำเนินการตามแผน{aim}ได้ครบ {level} ขั้นตอน"
                    f" และรายงานผลต่อผู้บริหารกรุงเทพมหานคร")
            lines.append(t(f"{level}\tร้อยละ {weight} ของน้ำหนักคะแนน\t{desc}\t{score_text}"))
            add("plan_scoring_levels", {"indicator": name, "level": level,
                                        "weight_pct": str(weight), "description": t(desc),
                                        "score": score_text},
                "level", "weight_pct", "score", "description")
        lines.append("")
    for n, (name, project) in enumerate(zip(names, projects, strict=True), start=1):
        unit = rng.choice(_UNITS)
        lines += [t(f"ชื่อตัวชี้วัดที่ {n} {name}"), t(f"ชื่อโครงการที่ 1 {project} ({unit})"), "",
                  _STEP_HEADER + "\tระยะเวลาดำเนินการ" + "\t" * 11,
                  "\t\t\t" + t(f"พ.ศ. {year - 1}") + "\t\t\t" + t(f"พ.ศ. {year}") + "\t" * 8,
                  "\t\t\t" + "\t".join(_MONTHS)]
        count = rng.randint(3, 6)
        shares = [10] * count
        for _ in range(10 - count):
            shares[rng.randrange(count)] += 10
        steps = rng.sample(_STEPS, count)
        # Real plans' steps run longer (a purpose or a unit after them), drawn from an
        # rng of their own so that the rest of the plan stays as drawn before.
        lengthen = random.Random(repr((year, project, steps)))
        steps = [f"{step}{lengthen.choice(_STEP_TAILS)}" if lengthen.random() < 0.5 else step
                 for step in steps]
        cumulative = 0
        for k, (share, step) in enumerate(zip(shares, steps, strict=True), start=1):
            cumulative += share
            lines.append(t(f"{k}. {step}\t{share}\t{cumulative}\t") + "\t".join(_schedule(rng)))
            add("plan_steps", {"indicator_no": n, "project_name": t(project), "step_no": k,
                               "description": step, "step_pct": str(share),
                               "cumulative_pct": str(cumulative)},
                "indicator_no", "step_no", "step_pct", "cumulative_pct")
        lines += [t(f"รวม {count} ขั้นตอน คิดเป็นร้อยละ\t100\t100") + "\t" * 12, ""]
    lines += [_KPI_HEADER_SHORT]
    for k in range(rng.randint(1, 2)):
        name = t(f"5.{k + 1} ร้อยละความสำเร็จของการเบิกจ่ายงบประมาณในภาพรวมของหน่วยงาน"
                 if k == 0 else f"5.{k + 1} ร้อยละความสำเร็จในการพัฒนาและจัดเก็บฐานข้อมูลของหน่วยงาน")
        definition = ("ความสำเร็จ หมายถึง หน่วยงานสามารถดำเนินการได้ตามแผนที่กำหนด"
                      "ภายในปีงบประมาณ โดยมีหลักฐานการดำเนินงานครบถ้วน")
        activities = f"กิจกรรมสนับสนุน{rng.choice(_AIMS)} (ส่วนราชการรับผิดชอบหลัก : {rng.choice(_UNITS)})"
        lines.append(f"{name}\t{definition}\t{activities}")
        add("plan_kpi_definitions", {"measure": None, "indicator": name,
                                     "definition": definition, "activities": activities})
    lines.append("")
