"""Values the generators draw from: agencies, names, wording, and how numbers print.

Everything here is plain data or a pure function of a ``random.Random``; the
same seed gives the same document. Agency names are real BMA agencies; project
names, people and narratives are made up from pieces in the style of the samples.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")

#: Real BMA agencies (สำนัก / สำนักงาน / สำนักงานเขต), each with divisions of its own.
AGENCIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("สำนักปลัดกรุงเทพมหานคร", ("สำนักงานการต่างประเทศ", "สำนักงานประชาสัมพันธ์",
                               "สำนักงานกฎหมายและคดี")),
    ("สำนักการแพทย์", ("กองการพยาบาล", "ศูนย์บริการการแพทย์ฉุกเฉิน", "โรงพยาบาลกลาง")),
    ("สำนักอนามัย", ("กองสร้างเสริมสุขภาพ", "กองควบคุมโรค", "กองสัตวแพทย์สาธารณสุข")),
    ("สำนักการโยธา", ("กองสำรวจและแผนที่", "กองควบคุมอาคาร", "สำนักงานวิศวกรรมทาง")),
    ("สำนักการระบายน้ำ", ("กองระบบคลอง", "กองเครื่องจักรกล", "ศูนย์ป้องกันน้ำท่วม")),
    ("สำนักสิ่งแวดล้อม", ("กองจัดการคุณภาพอากาศและเสียง", "สำนักงานสวนสาธารณะ")),
    ("สำนักการจราจรและขนส่ง", ("กองวิศวกรรมจราจร", "กองการขนส่ง")),
    ("สำนักการศึกษา", ("กองนโยบายและแผนงาน", "หน่วยศึกษานิเทศก์")),
    ("สำนักพัฒนาสังคม", ("กองสวัสดิการสังคม", "กองส่งเสริมอาชีพ")),
    ("สำนักวัฒนธรรม กีฬาและการท่องเที่ยว", ("กองการท่องเที่ยว", "กองกีฬา")),
    ("สำนักการคลัง", ("กองบัญชี", "กองรายได้")),
    ("สำนักยุทธศาสตร์และประเมินผล", ("กองประเมินผล", "กองงบประมาณ")),
    ("สำนักเทศกิจ", ("กองตรวจและบังคับการ", "กองนโยบายและแผนงาน")),
    ("สำนักป้องกันและบรรเทาสาธารณภัย", ("กองปฏิบัติการดับเพลิงและกู้ภัย",)),
    ("สำนักงานเลขาธิการสภากรุงเทพมหานคร", ("กลุ่มงานต่างประเทศ", "กองการประชุม")),
    ("สำนักงานเขตบางรัก", ("ฝ่ายโยธา", "ฝ่ายรักษาความสะอาดและสวนสาธารณะ")),
    ("สำนักงานเขตจตุจักร", ("ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม", "ฝ่ายการศึกษา")),
    ("สำนักงานเขตลาดกระบัง", ("ฝ่ายสิ่งแวดล้อมและสุขาภิบาล", "ฝ่ายเทศกิจ")),
)

DISTRICTS = ("บางรัก", "ปทุมวัน", "จตุจักร", "ลาดกระบัง", "ตลิ่งชัน", "บางกอกน้อย", "ดอนเมือง",
             "หนองจอก", "มีนบุรี", "คลองเตย", "ห้วยขวาง", "บางขุนเทียน", "ราษฎร์บูรณะ")
_VERBS = ("ปรับปรุง", "พัฒนา", "ก่อสร้าง", "ส่งเสริม", "ติดตั้ง", "จัดหา", "อบรม", "ซ่อมแซม")
_OBJECTS = ("ป้ายรถประจำทางและศาลาท่าน้ำ", "ระบบระบายน้ำในซอย", "ทางเท้าและไฟฟ้าแสงสว่าง",
            "ศูนย์บริการสาธารณสุข", "กล้องวงจรปิดในชุมชน", "สวนสาธารณะขนาดเล็ก",
            "ศักยภาพอาสาสมัครป้องกันภัยฝ่ายพลเรือน", "ระบบข้อมูลสารสนเทศเพื่อการบริหารจัดการเมือง",
            "ห้องน้ำสาธารณะริมคลอง", "ครุภัณฑ์การแพทย์สำหรับโรงพยาบาลในสังกัด",
            "อาชีพผู้สูงอายุและผู้มีรายได้น้อย", "ความร่วมมือกับเมืองพี่เมืองน้อง")
_TAILS = ("และท่าเทียบเรือสาธารณะในพื้นที่เขต{a}และเขต{b}",
          "เพื่อยกระดับคุณภาพชีวิตของประชาชนในพื้นที่เขต{a} เขต{b} และพื้นที่ใกล้เคียง",
          "ตามแผนพัฒนากรุงเทพมหานคร ระยะ 20 ปี ระยะที่ 3 (พ.ศ. 2566 – 2570) ในพื้นที่เขต{a}")

FIRST = ("สมชาย", "วีระพงษ์", "กมลวรรณ", "ปัทมา", "สุนิสา", "ธนากร", "พิมพ์ชนก", "อรุณี",
         "ณัฐพล", "จิราพร", "ประเสริฐ", "วิมลพรรณ")
LAST = ("ใจดี", "ทองประเสริฐ", "ศรีสุข", "ศาสตร์พันธ์", "พิมสาร", "แก้วมณี", "บุญมา",
        "รัตนวงศ์", "สุขเจริญ", "อินทรประเสริฐ")
TITLES = ("นาย", "นาง", "นางสาว", "น.ส.")

#: Narratives with no status word (no ยกเลิก, ชะลอ, ระงับ, แล้วเสร็จ, เสร็จสิ้น).
DETAILS = (
    "อยู่ระหว่างสำรวจพื้นที่และจัดทำรายละเอียดโครงการ",
    "อยู่ระหว่างจัดทำแบบรูปรายการและราคากลาง",
    "ประกาศเชิญชวนผู้ประกอบการยื่นข้อเสนอด้วยวิธีประกวดราคาอิเล็กทรอนิกส์",
    "ลงนามในสัญญาจ้างแล้ว ผู้รับจ้างเข้าพื้นที่ดำเนินการ",
    "ผู้รับจ้างดำเนินการตามสัญญา อยู่ระหว่างตรวจรับงานงวดที่ 2",
    "จัดประชุมคณะทำงานเพื่อติดตามความก้าวหน้าของโครงการ ครั้งที่ 2/2566",
    "อยู่ระหว่างขั้นตอนการประสานงานกับหน่วยงานที่เกี่ยวข้อง",
    "ดำเนินการอบรมเชิงปฏิบัติการ จำนวน 3 รุ่น ผู้เข้าร่วม 150 คน",
    "อยู่ระหว่างการเบิกจ่ายงบประมาณงวดที่ 3 และจัดทำรายงานผลการดำเนินงาน",
)
PROBLEMS = ("ไม่มี", "ไม่มี", "ไม่มี", "ผู้รับจ้างขาดแคลนแรงงาน",
            "สภาพอากาศไม่เอื้ออำนวยต่อการดำเนินงาน")
DONE_DETAIL = "ดำเนินการแล้วเสร็จ ส่งมอบงานและเบิกจ่ายงบประมาณครบถ้วน"


def thai(text: str) -> str:
    """Arabic digits as Thai digits.

    >>> thai("2,500.00 บาท")
    '๒,๕๐๐.๐๐ บาท'
    """
    return text.translate(THAI_DIGITS)


def money_str(amount: Decimal) -> str:
    """An amount as the truth states it: two decimals, no separators.

    >>> money_str(Decimal(3450000))
    '3450000.00'
    """
    return f"{amount:.2f}"


def money_text(amount: Decimal, rng: random.Random, decimals: bool | None = None) -> str:
    """An amount as a report prints it: ``3,450,000`` or ``3,450,000.00``."""
    if decimals is None:
        decimals = amount != amount.to_integral_value() or rng.random() < 0.3
    return f"{amount:,.2f}" if decimals else f"{amount:,.0f}"


def draw_amount(rng: random.Random, low: int, high: int, step: int = 500) -> Decimal:
    """A budget between ``low`` and ``high`` baht, a multiple of ``step``."""
    return Decimal(rng.randrange(low // step, high // step + 1) * step)


def fiscal_bounds(year_be: int) -> tuple[date, date]:
    """First and last day of a Thai fiscal year named by its BE year.

    >>> fiscal_bounds(2564)
    (datetime.date(2020, 10, 1), datetime.date(2021, 9, 30))
    """
    ce = year_be - 543
    return date(ce - 1, 10, 1), date(ce, 9, 30)


def report_dates(rng: random.Random, year_be: int, count: int) -> list[date]:
    """``count`` rising dates inside the fiscal year, about a month apart."""
    start, end = fiscal_bounds(year_be)
    span = (end - start).days
    days = sorted(rng.sample(range(5, span - 5), count))
    return [start + timedelta(days=d) for d in days]


def rising_percents(rng: random.Random, count: int, final: Decimal | None = None) -> list[Decimal]:
    """``count`` percents that never fall, with two decimals, ending at ``final`` if given."""
    values = sorted(Decimal(rng.randrange(100, 9900, 50)) / 100 for _ in range(count))
    if final is not None:
        values[-1] = final
    return values


def project_code(rng: random.Random) -> str:
    """``NNNNNNNN-NNNN`` as the tracking system numbers projects."""
    return f"{rng.randrange(1, 25):02d}{rng.randrange(0, 10**6):06d}-{rng.randrange(10**4):04d}"


def project_name(rng: random.Random, long: bool | None = None) -> str:
    """A project name; one in three is long enough to wrap on an A4 line."""
    name = f"โครงการ{rng.choice(_VERBS)}{rng.choice(_OBJECTS)}"
    if long if long is not None else rng.random() < 0.35:
        a, b = rng.sample(DISTRICTS, 2)
        name += rng.choice(_TAILS).format(a=a, b=b)
    return name


def person(rng: random.Random) -> str:
    """A title, first and last name: ``นางสาวกมลวรรณ ศรีสุข``."""
    return f"{rng.choice(TITLES)}{rng.choice(FIRST)} {rng.choice(LAST)}"


def phone(rng: random.Random) -> str:
    """A four-digit internal extension."""
    return f"{rng.randrange(1000, 9999)}"
