"""Indicator-target tables as real plans write them: long rows, empty numbers, text targets.

Real BMA plans (``ตัวชี้วัดเป้าประสงค์`` and ``ตัวชี้วัดมาตรการ`` tables, each
``ลำดับที่ | ตัวชี้วัด | ค่าเป้าหมาย`` over a row of years) often leave the
``ลำดับที่`` cell empty (the row starts with a tab), list sub-indicators in one
indicator cell joined by `` - `` (100-200 characters, sometimes opening with
``-``) and state each year's target as a phrase (``ไม่น้อยกว่า ๓ เครือข่าย``,
``เพิ่มขึ้นร้อยละ ๑๐ จากปี พ.ศ. ๒๕๖๖ ๒๐ ชุมชน``): a row is far longer than a
page line, so a flowing-text print wraps it over several lines.

:func:`real_target_tables` writes both tables from values and returns their
``plan_indicators`` truth (one row per indicator per year, ``target_text`` the
year's phrase as printed). Its choices come from an rng of their own, so the
rest of the plan is drawn as before.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from corpus.doc import Row

#: Share of plans whose target tables take this shape.
SHARE = 0.5

_SUBJECTS = ("จำนวนเครือข่ายความร่วมมือที่เข้าร่วมดำเนินการ",
             "ร้อยละของชุมชนที่มีการคัดแยกมูลฝอยต้นทาง",
             "จำนวนผู้ประกอบการที่ได้รับการส่งเสริมและพัฒนาศักยภาพ",
             "ร้อยละความพึงพอใจของประชาชนผู้รับบริการ",
             "จำนวนกิจกรรมที่จัดร่วมกับภาคีเครือข่ายภาครัฐและเอกชน",
             "ร้อยละของบุคลากรที่ผ่านการฝึกอบรมตามหลักสูตรที่กำหนด",
             "จำนวนชุมชนต้นแบบด้านการจัดการสิ่งแวดล้อม",
             "ระดับความสำเร็จของการพัฒนาระบบฐานข้อมูลกลางของหน่วยงาน",
             "จำนวนช่องทางการเผยแพร่ข้อมูลข่าวสารผ่านสื่อออนไลน์")
_MEASURES = ("ร้อยละของโครงการที่ดำเนินการได้ตามแผนปฏิบัติราชการ",
             "ระดับความสำเร็จในการจัดทำแผนพัฒนาบุคลากรของหน่วยงาน",
             "จำนวนครั้งของการติดตามและรายงานผลการดำเนินงานต่อผู้บริหาร",
             "ร้อยละของเรื่องร้องเรียนที่ได้รับการแก้ไขภายในเวลาที่กำหนด")
_UNITS = ("เครือข่าย", "ชุมชน", "ราย", "กิจกรรม", "ครั้ง", "แห่ง", "ช่องทาง", "หลักสูตร")


def _name(rng: random.Random, head: str) -> str:
    """An indicator cell listing sub-indicators after ``head``, 100-200 characters."""
    subs = [s for s in _SUBJECTS if s != head]
    rng.shuffle(subs)
    parts = [head]
    for sub in subs:
        if len(" - ".join(parts)) >= 100:
            break
        parts.append(sub)
    while len(" - ".join(parts)) > 200:
        parts.pop()
    text = " - ".join(parts)
    return f"- {text}" if rng.random() < 0.3 else text


def _phrases(rng: random.Random, years: list[int]) -> list[str]:
    """One target phrase per year, all years in one shape, the numbers growing."""
    unit = rng.choice(_UNITS)
    base = rng.randint(2, 30)
    step = rng.randint(1, 5)
    shape = rng.randrange(6)
    out = []
    for k, y in enumerate(years):
        n = base + step * k
        if shape == 0:
            out.append(f"ไม่น้อยกว่า {n} {unit}")
        elif shape == 1:
            out.append(f"เพิ่มขึ้นร้อยละ {5 * (k + 1)} จากปี พ.ศ. {y - 1} {n} {unit}")
        elif shape == 2:
            out.append(f"ร้อยละ {min(100, 60 + 5 * k + base % 10)} ของ{unit}ทั้งหมด")
        elif shape == 3:
            out.append(f"อย่างน้อย {n} {unit}ต่อปี")
        elif shape == 4:
            out.append(f"ไม่ต่ำกว่าร้อยละ {min(100, 70 + 5 * k)}")
        else:
            out.append(f"{n} {unit} ภายในปี พ.ศ. {y}")
    return out


def real_target_tables(rng: random.Random, lines: list[str], names: list[str],
                       years: list[int], t: Callable[[str], str]) -> list[Row]:
    """Append a ``ตัวชี้วัดเป้าประสงค์`` and a ``ตัวชี้วัดมาตรการ`` table; return their truth.

    ``names``: the plan's goal indicators (each opens one row of the first table);
    ``t`` prints digits (Thai or Arabic). Rows: ``name``, ``year_be``, ``target_text``.
    """
    truth: list[Row] = []
    measures = rng.sample(_MEASURES, rng.randint(1, 2))
    for heading, heads in (("ตัวชี้วัดเป้าประสงค์", names[:2]), ("ตัวชี้วัดมาตรการ", measures)):
        lines += [heading, "", "ลำดับที่\tตัวชี้วัด\tค่าเป้าหมาย" + "\t" * (len(years) - 1),
                  "\t\t" + "\t".join(t(str(y)) for y in years)]
        for head in heads:
            name = _name(rng, head)
            targets = [t(p) for p in _phrases(rng, years)]
            lines.append(f"\t{name}\t" + "\t".join(targets))  # ลำดับที่ left empty
            truth += [{"name": name, "year_be": y, "target_text": target}
                      for y, target in zip(years, targets, strict=True)]
        lines.append("")
    return truth
