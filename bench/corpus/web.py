"""The tracking system's two pages from values, as saved text and as HTML.

``web_progress_history`` copies ``samples/001_*.txt`` and
``tests/fixtures/html/001_*.html``; ``web_project_detail`` copies ``samples/004_*.txt``
and ``tests/fixtures/html/004_*.html`` (a windows-874 page), label for label.
"""

from __future__ import annotations

import html
import random
from decimal import Decimal

from corpus.doc import GeneratedDoc, Row
from corpus.values import (
    AGENCIES,
    DETAILS,
    DONE_DETAIL,
    PROBLEMS,
    draw_amount,
    fiscal_bounds,
    money_str,
    money_text,
    person,
    project_code,
    project_name,
    report_dates,
    rising_percents,
    thai,
)

_SEPARATOR = "------------------&&&--------------------"
_UNITS = (("ระดับ", 5), ("ครั้ง", 12), ("ร้อยละ", 100), ("แห่ง", 50))


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def progress_history(rng: random.Random) -> GeneratedDoc:
    """A ``ความคืบหน้าโครงการ`` page: entries newest first, then one indicator."""
    year = rng.randint(2560, 2569)
    agency, divisions = rng.choice(AGENCIES)
    unit = rng.choice(divisions)
    unit_code = f"{rng.randrange(10**7, 10**8):08d}"
    count = rng.randint(1, 9)
    done = rng.random() < 0.25
    dates = report_dates(rng, year, count)
    pcts = rising_percents(rng, count, Decimal("100.00") if done else None)
    oldest_first: list[Row] = []
    for i, (when, pct) in enumerate(zip(dates, pcts, strict=True), start=1):
        detail = DONE_DETAIL if done and i == count else rng.choice(DETAILS)
        oldest_first.append({"seq_label": i, "report_date": when.isoformat(),
                             "progress_pct": f"{pct:.2f}", "detail": detail,
                             "problems": rng.choice(PROBLEMS), "obstacles": rng.choice(PROBLEMS)})
    entries = list(reversed(oldest_first))
    latest = entries[0]["progress_pct"]
    head_pct = f"{Decimal(latest):g}" if rng.random() < 0.6 else latest
    unit_name, top = rng.choice(_UNITS)
    target = rng.randint(1, top)
    achieved = rng.randint(0, target)
    code = f"{rng.randint(1, 9)}.{rng.randint(1, 12)}"
    ind_name = f"ระดับความสำเร็จของ{project_name(rng, long=False)[7:]}"
    kind = rng.choice(("ตัวชี้วัดระดับผลผลิต (output)",
                       "ตัวชี้วัดเชิงยุทธศาสตร์ ตัวชี้วัดระดับผลผลิต (output)"))
    project: Row = {"fiscal_year_be": year, "division": unit, "unit_code": unit_code,
                    "progress_pct": latest, "status": "completed" if done else "in_progress"}
    indicator: Row = {"code": code, "name": ind_name, "target_value": str(target),
                      "achieved_value": str(achieved), "unit": unit_name, "kind": kind}
    rationale = f"{agency}ดำเนินโครงการเพื่อพัฒนาการให้บริการประชาชนในพื้นที่กรุงเทพมหานคร"
    objective = "เพื่อพัฒนาศักยภาพของหน่วยงานและคุณภาพชีวิตของประชาชน"
    goal = "ดำเนินการตามแผนที่กำหนดให้แล้วเสร็จภายในปีงบประมาณ"
    strategy = ["ด้านที่ ๗ – การบริหารจัดการเมืองมหานคร : Management Strategy |",
                "๗.๒ - การบริหารแผนและประเมินผล |"]
    lines = [f"ความคืบหน้าโครงการ ร้อยละ {head_pct}", unit, "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล",
             rationale, f"{unit_code}/{unit_code}", objective, goal, *strategy]
    body = []
    for e in entries:
        y, m, d = (int(x) for x in e["report_date"].split("-"))
        stamp = f"{d:02d}/{m:02d}/{y + 543}"
        lines += [f"({e['seq_label']}) ความคืบหน้าโครงการฯ ร้อยละ {e['progress_pct']} "
                  f"({e['report_date']})", f"{stamp} : {e['detail']}",
                  f"** ปัญหาของโครงการ :{e['problems']}", f"** อุปสรรคของโครงการ :{e['obstacles']}",
                  _SEPARATOR]
        body.append(
            f'  <tr><td colspan="2"><b>({e["seq_label"]})</b> ความคืบหน้าโครงการฯ '
            f'<span class="red">ร้อยละ {e["progress_pct"]}</span> ({e["report_date"]})</td></tr>\n'
            f'  <tr><td width="90" valign="top">{stamp} :</td><td>{_e(e["detail"])}</td></tr>\n'
            f'  <tr><td valign="top">** ปัญหาของโครงการ :</td><td>{_e(e["problems"])}</td></tr>\n'
            f'  <tr><td valign="top">** อุปสรรคของโครงการ :</td><td>{_e(e["obstacles"])}'
            f'</td></tr>\n  <tr><td colspan="2" align="center">{_e(_SEPARATOR)}</td></tr>\n')
    lines += [f"ตัวชี้วัด : {code} {ind_name}", f"ค่าเป้าหมาย {unit_name} : {target}",
              f"ผลงานที่ทำได้ {unit_name} : {achieved}", f"ประเภทตัวชี้วัด : {kind}"]
    page = f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>ความคืบหน้าโครงการ : ระบบติดตามและประเมินผลโครงการ</title>
<style type="text/css">
td.head {{ background-color: #336699; color: #FFFFFF; font-weight: bold; }}
.red {{ color: #FF0000; }}
</style>
</head>
<body>
<table width="100%" border="0" cellspacing="1" cellpadding="3">
  <tr><td class="head">ความคืบหน้าโครงการ <span class="red">ร้อยละ {head_pct}</span></td></tr>
  <tr><td>{_e(unit)}</td></tr>
  <tr><td><a href="plan_view.php">ดูโครงการแผนปีฯ</a> : <a href="#">พิมพ์ข้อมูล</a></td></tr>
</table>
<table width="100%" border="1" cellspacing="0" cellpadding="3">
  <tr><td>{_e(rationale)}</td></tr>
  <tr><td>{unit_code}/{unit_code}</td></tr>
  <tr><td>{_e(objective)}</td></tr>
  <tr><td>{_e(goal)}</td></tr>
  <tr><td>{strategy[0]}<br />
      {strategy[1]}</td></tr>
</table>
<table width="100%" border="0" cellspacing="1" cellpadding="3">
{"".join(body)}</table>
<table width="100%" border="1" cellspacing="0" cellpadding="3">
  <tr><td colspan="2">ตัวชี้วัด : {code} {_e(ind_name)}</td></tr>
  <tr><td>ค่าเป้าหมาย {unit_name} :</td><td>{target}</td></tr>
  <tr><td>ผลงานที่ทำได้ {unit_name} :</td><td>{achieved}</td></tr>
  <tr><td>ประเภทตัวชี้วัด :</td><td>{_e(kind)}</td></tr>
</table>
<p align="center"><b>** ผลการประเมินโครงการ (รายไตรมาส) **</b></p>
</body>
</html>
"""
    return GeneratedDoc(
        name="web_history", layout="web_progress_history", text="\n".join(lines) + "\n",
        tables={"projects": [project], "progress_updates": entries, "indicators": [indicator]},
        html=page)


def project_detail(rng: random.Random, rationale: str | None = None,
                   target: str | None = None) -> GeneratedDoc:
    """A ``รายละเอียดโครงการ/กิจกรรม`` page with its twelve monthly results.

    ``rationale`` and ``target`` (long running texts, :func:`project_detail_long`)
    are printed and put in the truth when given; otherwise short fixed texts are
    printed that the truth leaves out.
    """
    year = rng.randint(2560, 2569)
    start, end = fiscal_bounds(year)
    agency, divisions = rng.choice(AGENCIES)
    code = project_code(rng)
    name = project_name(rng)
    budget = draw_amount(rng, 50_000, 25_000_000, 1000)
    spent = draw_amount(rng, 0, int(budget), 500)
    months = rng.randint(1, 12)
    values = rising_percents(rng, months)
    values = [v.to_integral_value() if rng.random() < 0.7 else v for v in values]
    latest = values[-1]
    digits = rng.random() < 0.3
    t = thai if digits else (lambda s: s)
    resp, coord = rng.choice(divisions), person(rng)
    policy, branch = str(rng.randint(1, 99)), str(rng.randint(100, 2999))
    kpi = f"{rng.randint(100, 9999):04d}-{rng.randint(1, 9999):04d}"
    project: Row = {
        "project_code": code, "fiscal_year_be": year, "project_name": name, "agency": agency,
        "budget_allocated_thb": money_str(budget), "budget_spent_thb": money_str(spent),
        "start_date": start.isoformat(), "end_date": end.isoformat(),
        "progress_pct": f"{latest}", "responsible_person": resp, "coordinator": coord,
        "policy_id": policy, "branch_id": branch, "kpi_id": kpi,
    }
    if rationale:
        project["rationale"] = rationale
    if target:
        project["target"] = target
    monthly: list[Row] = [{"month_no": m, "value": f"{values[m - 1]}" if m <= months else None}
                          for m in range(1, 13)]
    fields = [
        ("รหัสโครงการ", t(code)), ("ปี", t(str(year))), ("ชื่อโครงการ", name),
        ("Policy ID", policy), ("Branch ID", branch), ("Kpi ID", kpi),
        ("งบฯ ที่ได้รับ (บาท)", t(money_text(budget, rng))),
        ("งบฯ ที่ใช้ไป (บาท)", t(money_text(spent, rng))),
        ("คืบหน้าล่าสุด", t(str(latest))), ("หน่วยงาน", agency),
        ("Start Date", f"{start.isoformat()} 00:00:00.000"),
        ("Finish Date", f"{end.isoformat()} 00:00:00.000"),
        ("หลักการและเหตุผล",
         rationale or f"{agency}ดำเนินโครงการเพื่อแก้ไขปัญหาที่ประชาชนในพื้นที่ร้องเรียน"),
        ("วัตถุประสงค์", "1. เพื่อพัฒนาการให้บริการประชาชน"),
        ("เป้าหมาย", target or "ดำเนินการให้แล้วเสร็จภายในปีงบประมาณ"), ("ผู้รับผิดชอบ", resp),
        ("ผู้ตรวจประเมิน", coord), ("หมายเหตุ", "(ไม่ได้ตั้ง)"), ("นโยบาย ผว.", ""),
        ("ค่าน้ำหนัก", "1"), ("เป้าหมายโครงการ", "100 ร้อยละ"),
        ("ผลการดำเนินการ", f"{t(str(latest))} ร้อยละ"), ("หน่วยนับ", "ร้อยละ"),
    ]
    month_rows = [(f"ผลงานเดือนที่ {t(str(m['month_no']))}",
                   t(m["value"]) if m["value"] is not None else "") for m in monthly]
    lines = [f"รายละเอียดโครงการ/กิจกรรม: {t(code)}", "",
             f"คืบหน้าล่าสุด : ร้อยละ {t(str(latest))}", "",
             "ข้อมูลโครงการ/กิจกรรม พิมพ์ PDF", ""]
    lines += [f"{k}{v}" for k, v in fields]
    lines += ["อธิบายรายละเอียดความคืบหน้า", "เป้าหมาย", *[f"{k}{v}" for k, v in month_rows], "",
              "ประวัติการปรับปรุงข้อมูล", ""]
    cells = "\n".join(f'    <tr><th width="22%">{_e(k)}</th><td>{_e(v)}</td></tr>'
                      for k, v in fields)
    months_html = "\n".join(f'    <tr><td>{k}</td><td align="right">{v}</td></tr>'
                            for k, v in month_rows)
    encoding = rng.choice(("utf-8", "windows-874"))
    page = f"""<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="{encoding}">
<title>รายละเอียดโครงการ/กิจกรรม</title>
</head>
<body>
<div class="container">
  <h3>รายละเอียดโครงการ/กิจกรรม: {t(code)}</h3>
  <div class="alert alert-info">คืบหน้าล่าสุด : ร้อยละ {t(str(latest))}</div>
  <div class="panel panel-default">
  <div class="panel-heading">ข้อมูลโครงการ/กิจกรรม <a href="/project/pdf">พิมพ์ PDF</a></div>
  <table class="table table-bordered table-condensed" border="1">
{cells}
  </table>
  </div>
  <table class="table table-bordered table-condensed" border="1">
    <tr><th colspan="2">อธิบายรายละเอียดความคืบหน้า</th></tr>
    <tr><th>เป้าหมาย</th><th></th></tr>
{months_html}
  </table>
  <h4>ประวัติการปรับปรุงข้อมูล</h4>
</div>
</body>
</html>
"""
    doc = GeneratedDoc(name="web_detail", layout="web_project_detail",
                       text="\n".join(lines) + "\n",
                       tables={"projects": [project], "monthly_progress": monthly},
                       html=page, html_encoding=encoding)
    if digits:
        doc.mark_thai("projects", 0, "project_code", "fiscal_year_be", "budget_allocated_thb",
                      "budget_spent_thb", "progress_pct")
        for i in range(12):
            doc.mark_thai("monthly_progress", i, "month_no", "value")
    return doc


#: Phrases of a running Thai text: words set without spaces, as Thai writes them.
_PHRASES = ("กรุงเทพมหานครในฐานะเมืองหลวงของประเทศไทยและศูนย์กลางการเจริญเติบโตในทุกด้าน",
            "ได้กำหนดนโยบายส่งเสริมความสัมพันธ์กับเมืองในภูมิภาคต่าง ๆ ทั่วโลก",
            "เพื่อยกระดับคุณภาพชีวิตของประชาชนและพัฒนาศักยภาพของเยาวชนร่วมกัน",
            "โดยมีหัวข้อดำเนินโครงการที่มีการตกลงร่วมกันระหว่างหน่วยงานที่เกี่ยวข้อง",
            "ผู้บริหารกรุงเทพมหานครร่วมส่งวีดิทัศน์เข้าร่วมเป็นส่วนหนึ่งในโครงการแลกเปลี่ยน",
            "การจัดการสิ่งแวดล้อมในด้านปัญหาฝุ่นละอองขนาดเล็กและการบริหารจัดการขยะอย่างยั่งยืน",
            "สำนักงานการต่างประเทศ/ส่วนส่งเสริมความสัมพันธ์ระหว่างเมืองประสานงานกับสถานเอกอัครราชทูต",
            "ความสำเร็จในการดำเนินงานตามแผนพัฒนากรุงเทพมหานครระยะที่สามของผู้ว่าราชการ")
#: Latin words, numbers and hyphenated terms a Thai text carries.
_INSERTS = ("(Video Conference)", "COVID-19", "PM 2.5", "พ.ศ. 2567", "จำนวน 36 เมือง",
            "(Smart City)", "ร้อยละ 80")


def running_text(rng: random.Random, phrases: int) -> str:
    """A running Thai text of ``phrases`` phrases set apart by spaces, some Latin and numbers.

    Long enough to wrap on every page size: the wraps fall inside Thai words,
    between phrases (at a space) and beside Latin words and numbers.
    """
    parts = rng.sample(_PHRASES, min(phrases, len(_PHRASES)))
    for _ in range(max(1, phrases // 3)):
        parts.insert(rng.randrange(len(parts) + 1), rng.choice(_INSERTS))
    return " ".join(parts)


def project_detail_long(rng: random.Random) -> GeneratedDoc:
    """A project-detail page whose rationale and target are long running Thai texts."""
    return project_detail(rng, rationale=running_text(rng, rng.randint(5, 8)),
                          target=running_text(rng, rng.randint(2, 4)))


#: The tracking system's mobile view, as ``tests/fixtures/tracking-pages/README.md`` describes it.
_MOBILE_TITLE = "ความคืบหน้าโครงการ/กิจกรรม"
_LINKS = "ดูโครงการแผนปีฯ : พิมพ์ข้อมูล"
#: Phone forms of the responsible line: (as printed, the phone the truth holds).
_PHONE_FORMS = (
    ("{name} โทร. {ext}", "{ext}"), ("{name} โทร {ext}", "{ext}"),
    ("{name} (โทร.{ext})", "{ext}"), ("{name} ({ext})", "{ext}"),
    ("{name} {year_like}", "{year_like}"), ("{name} โทร. 0 2{a} {b}-{c}", "0 2{a} {b}-{c}"),
    ("{name} โทร. {ext}-{c2}", "{ext}-{c2}"),
)
_NARRATIVE = ("{agency}ได้รับมอบหมายให้ดำเนินการ ตั้งแต่วันที่ {d} {month} พ.ศ. {year} "
              "เพื่อแก้ไขปัญหาที่ประชาชนในพื้นที่ร้องเรียน จำนวน {n} ราย")
_MONTHS = ("มกราคม", "มีนาคม", "มิถุนายน", "ตุลาคม")


def tracking_page(rng: random.Random) -> GeneratedDoc:
    """The mobile view of one project (``myproject.php?pid=``), often only its top.

    Saves vary as the fixtures' README lists: the page cut after the agency line,
    after the progress line or after the banner, or headerless (starting at the
    progress line); the year part of the agency line missing; a name ending in
    ``(25xx)``; the responsible line a person with a phone in any printed form, two
    people, or a unit; the banner's score in any form or none; entries or none.
    """
    year = rng.randint(2560, 2570)
    agency, divisions = rng.choice(AGENCIES)
    code = project_code(rng)
    name = project_name(rng, long=False)
    if rng.random() < 0.2:
        name += f" ({year - rng.randint(0, 2)})"
    cut = rng.choice(("agency", "progress", "banner", "full", "full", "headerless"))
    with_year = rng.random() < 0.75
    count = rng.randint(1, 5) if cut == "full" and rng.random() < 0.5 else 0
    dates = report_dates(rng, year, count) if count else []
    pcts = rising_percents(rng, max(count, 1))
    if count:
        latest_text = f"{pcts[-1]:.2f}" if rng.random() < 0.5 else f"{pcts[-1]:g}"
    else:
        latest_text = rng.choice(("0.00", "0", "15", "34.00", "45", "72.50", "100", "100.00"))
    latest = Decimal(latest_text)
    quarter = rng.randint(1, 4)
    score = rng.choice((" 100", " 100.0000", " : 0.0000", "", " 80"))
    project: Row = {"project_code": code, "project_name": name, "agency": agency,
                    "fiscal_year_be": year if with_year or count else None}
    if cut == "headerless":
        project = {"project_code": None, "project_name": None, "agency": None,
                   "fiscal_year_be": year if count else None}
    lines = [_MOBILE_TITLE, "", "Back Home", "FusionCharts will render here", "",
             f"{name} : {code}", "", f"{agency} : ({year})" if with_year else agency, ""]
    if cut == "headerless":
        lines = []
    if cut == "agency":
        project.update(progress_pct=None, responsible_person=None, assessment_quarter=None)
    else:
        lines += [latest_text, "", f"ความคืบหน้าโครงการ ร้อยละ {latest_text}", ""]
        if cut == "headerless":
            lines = lines[2:]
        project["progress_pct"] = f"{latest:.2f}"
        kind = rng.random()
        if kind < 0.2:
            unit = rng.choice(divisions)
            lines.append(unit)
            project.update(responsible_person=None, responsible_phone=None, division=unit)
        else:
            who = person(rng)
            if kind > 0.85:
                who += f" และ{person(rng)}"
            form, phone_form = rng.choice(_PHONE_FORMS)
            parts = {"name": who, "ext": str(rng.randint(1000, 9999)),
                     "year_like": str(rng.randint(2540, 2569)), "a": rng.randint(100, 999),
                     "b": rng.randint(1000, 9999), "c": rng.randint(1, 9),
                     "c2": rng.randint(10, 99)}
            lines.append(form.format(**parts))
            project.update(responsible_person=who, responsible_phone=phone_form.format(**parts))
        lines += ["", _LINKS, ""]
    if cut in ("banner", "full", "headerless"):
        lines += [f"*** สยป. ประเมินโครงการ : ไตรมาสที่ {quarter}{score}", ""]
        project["assessment_quarter"] = quarter
        project["assessment_score"] = (f"{Decimal(score.strip(' :')):.2f}"
                                       if score else None)
    elif cut == "progress":
        project["assessment_quarter"] = None
    rationale = _NARRATIVE.format(agency=agency, d=rng.randint(1, 28), month=rng.choice(_MONTHS),
                                  year=year - rng.randint(1, 4), n=rng.randint(10, 500))
    objective = "เพื่อพัฒนาการให้บริการประชาชนในพื้นที่"
    if cut in ("full", "headerless"):
        lines += ["หลักการและเหตุผล", "", rationale, "", "วัตถุประสงค์ของโครงการ", "",
                  objective, ""]
        project.update(rationale=rationale, objectives=[objective])
    entries: list[Row] = []
    for i in range(count, 0, -1):
        when = dates[i - 1]
        stamp = f"{when.day:02d}/{when.month:02d}/{when.year + 543}"
        entries.append({"seq_label": i, "report_date": when.isoformat(),
                        "progress_pct": f"{pcts[i - 1]:.2f}"})
        lines += [f"({i}) ความคืบหน้าโครงการฯ ร้อยละ {pcts[i - 1]:.2f} ({when.isoformat()})",
                  f"{stamp} : {rng.choice(DETAILS)}", "** ปัญหาของโครงการ :ไม่มี",
                  "** อุปสรรคของโครงการ :ไม่มี", _SEPARATOR]
    tables: dict[str, list[Row]] = {"projects": [project]}
    if entries:
        tables["progress_updates"] = entries
    text_lines = [ln for ln in lines if ln or rng.random() < 0.5]
    url = f"https://tracking.example/mobile/myproject.php?pid={code}"
    # a headerless save names the project only in its address: the text's truth
    # has no code, so the page is saved here without it (tests cover the address)
    saved_from = "" if cut == "headerless" else f"<!-- saved from url=({len(url):04d}){url} -->"
    body = "\n".join(f"  <p>{_e(ln)}</p>" for ln in text_lines
                     if ln and ln not in ("Back Home", "FusionCharts will render here",
                                          _MOBILE_TITLE))
    page = f"""<!DOCTYPE html>
{saved_from}
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<title>{_MOBILE_TITLE}</title>
<script src="./myproject_files/fusioncharts.js"></script>
<style>p {{ margin: 0 }}</style>
</head>
<body>
<div data-role="page">
 <div data-role="header"><h1>{_MOBILE_TITLE}</h1>
  <a href="javascript:history.back()">Back</a> <a href="index.php">Home</a></div>
 <div data-role="content">
  <div id="chartContainer">FusionCharts will render here</div>
{body}
 </div>
</div>
<script>FusionCharts.ready(function(){{ /* chart */ }});</script>
</body></html>
"""
    doc = GeneratedDoc(name="web_tracking", layout="web_progress_history",
                       text="\n".join(text_lines) + "\n", tables=tables, html=page)
    return doc
