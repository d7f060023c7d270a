"""``legacy_progress_form`` from values, in its pipe-table and tab-table dialects,
and as a web page whose report table is ruled (``legacy_html``).

The wording copies the samples (``samples/000_*.txt`` pipe rows, ``002_*.txt`` tab
rows) label for label; only the values change. :func:`legacy_long` writes the
same form with long values (project name, agency path, objectives, target) that
a page wraps over several lines, its section headings sometimes joined to their
text on one line, and asks for narrower printing margins.
"""

from __future__ import annotations

import html
import random
from decimal import Decimal

from corpus.doc import GeneratedDoc, Row
from corpus.values import (
    AGENCIES,
    DETAILS,
    DISTRICTS,
    DONE_DETAIL,
    draw_amount,
    fiscal_bounds,
    money_str,
    money_text,
    person,
    phone,
    project_code,
    project_name,
    report_dates,
    rising_percents,
    thai,
)

TITLE = "แบบแสดงรายงานความก้าวหน้าและข้อมูลเกี่ยวกับโครงการ"
PLAN = ("เป็นไปตามแผน", "ไม่เป็นไปตามแผน")
TARGET = ("เป็นไปตามเป้าหมาย", "ไม่เป็นไปตามเป้าหมาย")


def _detail(rng: random.Random, sentences: int) -> str:
    """A report's narrative of ``sentences`` different sentences (one: as the samples)."""
    if sentences <= 1:
        return rng.choice(DETAILS)
    return " ".join(rng.sample(DETAILS, min(sentences, len(DETAILS))))


def _reports(rng: random.Random, year_be: int, budget: Decimal, count: int | None = None,
             sentences: int = 1) -> list[Row]:
    """``count`` reports (1-9 drawn when None), each narrative ``sentences`` long."""
    count = rng.randint(1, 9) if count is None else count
    done = rng.random() < 0.2
    dates = report_dates(rng, year_be, count)
    pcts = rising_percents(rng, count, Decimal("100.00") if done else None)
    left = budget
    rows: list[Row] = []
    for i, (when, pct) in enumerate(zip(dates, pcts, strict=True), start=1):
        paid = Decimal(0)
        if left > 0 and rng.random() < 0.5:
            paid = min(left, draw_amount(rng, 1000, max(1000, int(budget) // 3)))
            left -= paid
        on = rng.random() < 0.75
        detail = DONE_DETAIL if done and i == count else _detail(rng, sentences)
        rows.append({"seq_label": i, "report_date": when.isoformat(),
                     "progress_pct": f"{pct:.2f}", "budget_disbursed_thb": money_str(paid),
                     "on_plan": on, "on_target": on if rng.random() < 0.85 else not on,
                     "detail": detail})
    return rows


#: Sub-units printed after a division in a long agency path (``สำนัก / กอง / กลุ่มงาน``).
_UNITS = ("กลุ่มงานนโยบายและแผนงานด้านการพัฒนาเมืองและความร่วมมือระหว่างประเทศ",
          "ฝ่ายบริหารงานทั่วไปและงานสารบรรณ", "กลุ่มงานติดตามและประเมินผลการดำเนินงาน",
          "ส่วนส่งเสริมความสัมพันธ์ระหว่างเมืองและองค์การระหว่างประเทศ")
_AIMS = ("ส่งเสริมและกระชับความสัมพันธ์ระหว่างกรุงเทพมหานครกับหน่วยงานภาครัฐ ภาคเอกชน "
         "และภาคประชาสังคมในพื้นที่เขต{a}และเขต{b}",
         "พัฒนาศักยภาพของบุคลากรกรุงเทพมหานครให้มีความรู้ความเข้าใจในการให้บริการสาธารณะ "
         "อย่างมีประสิทธิภาพ โปร่งใส และตรวจสอบได้",
         "ปรับปรุง{o}ให้ปลอดภัย ใช้งานได้ตลอดปี และรองรับความต้องการของประชาชนในพื้นที่เขต{a}",
         "แลกเปลี่ยนประสบการณ์และองค์ความรู้ด้านการพัฒนาเมืองกับเมืองพี่เมืองน้อง "
         "เพื่อนำมาปรับใช้ในการดำเนินงานของหน่วยงานในสังกัดกรุงเทพมหานคร",
         "ลดความเหลื่อมล้ำในการเข้าถึงบริการขั้นพื้นฐานของผู้สูงอายุ ผู้พิการ "
         "และผู้มีรายได้น้อยในชุมชนเขต{b}")
_GOALS = ("ประชาชนในพื้นที่เขต{a}และเขต{b} ไม่น้อยกว่า {n} คน ได้รับบริการจากโครงการ "
          "และมีความพึงพอใจต่อการดำเนินงานไม่น้อยกว่าร้อยละ 80",
          "ดำเนินการ{o} จำนวน {k} แห่ง ให้แล้วเสร็จภายในปีงบประมาณ "
          "ตามแผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี",
          "บุคลากรของหน่วยงานที่เกี่ยวข้อง จำนวน {k} รุ่น รุ่นละ {n} คน "
          "ได้รับการอบรมและนำความรู้ไปใช้ในการปฏิบัติงาน")


def _long_values(rng: random.Random, agency_divisions: tuple[str, ...]
                 ) -> tuple[str, str, list[str], str]:
    """A long project name, division path, 2-4 objectives and a target of one to three sentences."""
    a, b = rng.sample(DISTRICTS, 2)
    name = project_name(rng, long=True)
    division = f"{rng.choice(agency_divisions)} / {rng.choice(_UNITS)}"
    objects = ("ทางเท้าและไฟฟ้าแสงสว่าง", "ระบบระบายน้ำในซอย", "ศูนย์บริการสาธารณสุข")
    aims = rng.sample(_AIMS, rng.randint(2, 4))
    objectives = ["เพื่อ" + aim.format(a=a, b=b, o=rng.choice(objects)) for aim in aims]
    goals = rng.sample(_GOALS, rng.randint(1, 3))
    target = " ".join(g.format(a=a, b=b, o=rng.choice(objects), n=rng.randrange(50, 900, 10),
                               k=rng.randint(2, 12)) for g in goals)
    return name, division, objectives, target


def legacy_long(rng: random.Random) -> GeneratedDoc:
    """The form with long values a page wraps (:func:`legacy_form`, either dialect).

    The truth adds ``division``, ``objectives`` and ``target``. A section heading
    is printed on a line of its own or with its text after it on the same line;
    the target may be printed over two lines of its own. The printing margins are
    drawn narrow (``margins_mm``), so that values wrap on the page.
    """
    return legacy_form(rng, rng.choice(("pipe", "tab")), long=True)


def legacy_form(rng: random.Random, dialect: str | None = None, *,
                long: bool = False) -> GeneratedDoc:
    """A progress report form with 1-9 reports; ``dialect`` is ``pipe`` or ``tab``.

    ``long``: long values, as :func:`legacy_long` says.
    """
    dialect = dialect or rng.choice(("pipe", "tab"))
    project, reports, lines = _form_head(rng, long=long)
    if dialect == "pipe":
        rule = "|-----------------|--|-------------------|------------------------|"
        lines += ["| | | | |", rule]
    for r in reports:
        n = r["seq_label"]
        when, detail, progress, plan, target = _report_parts(rng, r)
        if dialect == "pipe":
            lines.append(f"| รายงานครั้งที่{n} | :: {when} : {detail} {progress} "
                         f"| : {plan} | : {target} |")
        else:
            lines.append(f"รายงานครั้งที่{n}\t:: {when} : {detail}\t\t")
            lines.append(f"\t{progress}\t: {plan}\t: {target}")
    lines += _FOOTER
    doc = GeneratedDoc(
        name=f"legacy_{'long' if long else dialect}", layout="legacy_progress_form",
        text="\n".join(lines), tables={"projects": [project], "progress_updates": reports},
        margins_mm=rng.choice((8.0, 12.0, 15.0)) if long else None)
    # Drawn last, so the forms in Arabic digits stay as they were drawn before.
    if rng.random() < 0.3:
        _in_thai_digits(doc, len(reports))
    return doc


#: The report table's header row of the web page (``legacy_html``): words no report
#: cell holds (no flag, no report label), as the printed system's table heads its columns.
HTML_HEADER = ("ครั้งที่รายงาน", "รายละเอียดการดำเนินงาน", "ผลการดำเนินงาน", "การประเมิน")
#: Reports and narrative sentences ``legacy_html`` draws from (inclusive): enough for
#: the table to cross a page, and rows tall enough for a page break to cut some.
HTML_REPORTS = (6, 14)
HTML_SENTENCES = (2, 6)


def legacy_html(rng: random.Random, reports: int | None = None,
                sentences: int | None = None) -> GeneratedDoc:
    """The progress form as the system's web page: its report table a ruled ``<table>``.

    One table row per report (label, narrative with progress and budget, plan flag,
    target flag) under a ``<thead>`` row, which a browser repeats on every page the
    table crosses. ``reports`` rows (drawn from :data:`HTML_REPORTS` when None),
    each narrative ``sentences`` sentences long (drawn from :data:`HTML_SENTENCES`),
    so the table crosses pages and page breaks cut rows. The text is the same form
    with the table as tab rows (its header row included).
    """
    count = rng.randint(*HTML_REPORTS) if reports is None else reports
    length = rng.randint(*HTML_SENTENCES) if sentences is None else sentences
    project, rows, lines = _form_head(rng, count, length)
    lines.append("\t".join(HTML_HEADER))
    for r in rows:
        when, detail, progress, plan, target = _report_parts(rng, r)
        lines.append(f"รายงานครั้งที่{r['seq_label']}\t:: {when} : {detail} {progress}"
                     f"\t: {plan}\t: {target}")
    lines += _FOOTER
    doc = GeneratedDoc(name="legacy_html", layout="legacy_progress_form",
                       text="\n".join(lines),
                       tables={"projects": [project], "progress_updates": rows})
    if rng.random() < 0.3:
        _in_thai_digits(doc, len(rows))
    doc.html = _form_page(doc.text)
    return doc


def _form_page(text: str) -> str:
    """The form's text as a web page: lines as paragraphs, tab rows as one ruled table
    whose first row is its ``<thead>``."""
    body: list[str] = []
    table: list[list[str]] = []

    def close() -> None:
        if not table:
            return
        head = "".join(f"<th>{html.escape(c)}</th>" for c in table[0])
        rows = "\n".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>"
                         for row in table[1:])
        body.append('<table border="1" cellspacing="0" cellpadding="4" width="100%">'
                    '<col width="14%"><col width="56%"><col width="15%"><col width="15%">'
                    f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody></table>")
        table.clear()

    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        close()
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    close()
    return ('<!DOCTYPE html>\n<html lang="th">\n<head>\n<meta charset="utf-8">\n'
            "<title>รายงานความก้าวหน้าโครงการ</title>\n"
            "<style>table { border-collapse: collapse; } th, td { vertical-align: top; }"
            " p { margin: 0 0 0.4em 0; }</style>\n</head>\n<body>\n"
            + "\n".join(body) + "\n</body>\n</html>\n")


_FOOTER = ["", "ขอรับรองว่า ข้อมูลที่ปรากฏในเอกสารฉบับนี้ หน่วยงานได้จัดพิมพ์จากระบบงานจริง "
           "เพื่อเป็นหลักฐานไว้ตรวจสอบ", "", "ลงชื่อ.....(ผู้รับผิดชอบโครงการ)", "ตำแหน่ง", ""]


def _report_parts(rng: random.Random, r: Row) -> tuple[str, str, str, str, str]:
    """A report's printed date, narrative, progress-and-budget text, plan and target flags."""
    n = r["seq_label"]
    y, m, d = (int(x) for x in r["report_date"].split("-"))
    paid = money_text(Decimal(r["budget_disbursed_thb"]), rng, decimals=False)
    progress = (f":: ความก้าวหน้าของงานฯ = {r['progress_pct']} % : "
                f"งบประมาณที่เบิกใช้ (ครั้งที่ {n}) = {paid} บาท")
    return (f"{d}/{m}/{y + 543}", r["detail"], progress, PLAN[not r["on_plan"]],
            TARGET[not r["on_target"]])


def _form_head(rng: random.Random, count: int | None = None, sentences: int = 1, *,
               long: bool = False) -> tuple[Row, list[Row], list[str]]:
    """The project, its reports and the form's lines up to the report table.

    ``long``: long values, as :func:`legacy_long` says.
    """
    year = rng.randint(2560, 2569)
    start, end = fiscal_bounds(year)
    agency, divisions = rng.choice(AGENCIES)
    division = rng.choice(divisions)
    budget = draw_amount(rng, 50_000, 25_000_000, 1000)
    code = project_code(rng)
    name = project_name(rng)
    objectives = ["เพื่อให้ประชาชนได้รับบริการที่ถูกต้องและทันสมัย",
                  "เพื่อปรับปรุงการให้บริการให้ปลอดภัยและใช้งานได้"]
    target = "ดำเนินการให้แล้วเสร็จภายในปีงบประมาณ"
    path = f"{agency} / {division} / {division}"
    if long:
        name, division, objectives, target = _long_values(rng, divisions)
        path = f"{agency} / {division}"
    resp, resp_phone = person(rng), phone(rng)
    coord, coord_phone = person(rng), phone(rng)
    reports = _reports(rng, year, budget, count, sentences)
    spent = sum((Decimal(r["budget_disbursed_thb"]) for r in reports), Decimal(0))
    last = reports[-1]
    status = "completed" if last["detail"] == DONE_DETAIL else "in_progress"
    project: Row = {
        "project_code": code, "fiscal_year_be": year, "project_name": name,
        "agency": agency, "responsible_person": resp, "responsible_phone": resp_phone,
        "coordinator": coord, "coordinator_phone": coord_phone,
        "budget_allocated_thb": money_str(budget), "budget_spent_thb": money_str(spent),
        "start_date": start.isoformat(), "end_date": end.isoformat(),
        "progress_pct": last["progress_pct"], "status": status,
    }
    if long:
        project |= {"division": division, "objectives": objectives, "target": target}
    stars = rng.choice(("**", "****"))
    lines = [
        "", f"{stars} {TITLE} {stars}", "",
        "1. ชื่อโครงการและหน่วยงานที่รับผิดชอบโครงการ", "",
        "1.1 รหัสโครงการและชื่อโครงการ", "",
        f"ชื่อโครงการ/กิจกรรม : {name}", "",
        f"รหัสโครงการ... : {code}", "",
        f"ปีงบประมาณ พ.ศ. : {year}", "",
        f"เริ่มต้นโครงการ : {start.isoformat()} 00:00:00", "",
        f"งบประมาณที่ได้รับ : {money_text(budget, rng)} บาท", "",
        f"สิ้นสุดโครงการ : {end.isoformat()} 00:00:00", "",
        f"งบประมาณที่ใช้ไป : {money_text(spent, rng)} บาท", "",
        "1.2 หน่วยงานที่รับผิดชอบ", "",
        f"หน่วยงานที่รับผิดชอบ. : {path}", "",
        f"ชื่อผู้รับผิดชอบ... : {resp} โทร.{resp_phone}", "",
        f"ผู้ประสานงาน สยป : {coord} โทร.{coord_phone}", "",
        "1.3 หลักการและเหตุผล", "",
        f"{name}เป็นโครงการที่หน่วยงานดำเนินการเพื่อแก้ไขปัญหาที่ประชาชนในพื้นที่ร้องเรียน"
        "และเพื่อให้การให้บริการสาธารณะเป็นไปอย่างมีประสิทธิภาพ", "",
        *_section("1.4 วัตถุประสงค์ของโครงการ",
                  [f"{i}. {o}" for i, o in enumerate(objectives, start=1)], long, rng),
        *_section("1.5 เป้าหมายของโครงการ..", _sentences(target, long, rng), long, rng),
        "1.6 สนับสนุนแผนพัฒนา กทม. ระยะ 20 ปี (ยุทธศาสตร์-ประเด็นยุทธศาสตร์-กลยุทธ์ตามแผนฯ /ตัวชี้วัด)",
        "",
        "ประเด็นยุทธศาสตร์ : ด้านที่ ๓ - มหานครกระชับ : Compact City", "",
        "ประเด็นยุทธศาสตร์ย่อย : ๓.๑ - การพัฒนาระบบขนส่งสาธารณะ", "",
        "เป้าหมายที่ : ๓.๑.๒ ประชาชนเข้าถึงบริการขนส่งสาธารณะได้สะดวก", "",
        "ตัวชี้วัด... : มิติที่ 1 ร้อยละของจุดบริการที่ได้รับการปรับปรุง", "",
        "2. รายงานความก้าวหน้าของโครงการและการใช้จ่ายงบประมาณ", "",
    ]
    return project, reports, lines


def _section(heading: str, body: list[str], long: bool, rng: random.Random) -> list[str]:
    """A numbered section: its heading on a line of its own, or (long forms, one in
    three) its first line of text after it on the same line; a blank line after each."""
    if long and rng.random() < 0.35:
        return [f"{heading} {body[0]}", "", *(x for line in body[1:] for x in (line, ""))]
    return [heading, "", *(x for line in body for x in (line, ""))]


def _sentences(text: str, long: bool, rng: random.Random) -> list[str]:
    """A target on one line, or (long forms, one in two) over two lines at a space."""
    spaces = [i for i, ch in enumerate(text) if ch == " "]
    if not long or not spaces or rng.random() < 0.5:
        return [text]
    cut = spaces[len(spaces) // 2]
    return [text[:cut], text[cut + 1:]]


#: Lines whose values a form in Thai digits prints in them (the system's dates stay ISO).
_THAI_LINES = ("ปีงบประมาณ", "งบประมาณที่ได้รับ", "งบประมาณที่ใช้ไป", "| รายงานครั้งที่",
               "รายงานครั้งที่", "\t::")


def _in_thai_digits(doc: GeneratedDoc, reports: int) -> None:
    """Print the year, budgets and every report's numbers in Thai digits."""
    doc.text = "\n".join(thai(line) if line.startswith(_THAI_LINES) else line
                         for line in doc.text.split("\n"))
    doc.mark_thai("projects", 0, "fiscal_year_be", "budget_allocated_thb", "budget_spent_thb",
                  "progress_pct")
    for row in doc.tables["progress_updates"]:
        row["detail"] = thai(row["detail"])
    for i in range(reports):
        doc.mark_thai("progress_updates", i, "seq_label", "report_date", "progress_pct",
                      "budget_disbursed_thb")
