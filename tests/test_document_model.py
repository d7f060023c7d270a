"""The document model between read and extract: rows, cells, key-form matching, furniture.

Inputs are generated from known values and damaged the way PDFs and OCR damage
them; the truth is the values they were made from.
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bma_etl.document import Line, RepairedText, cells
from bma_etl.furniture import furniture_lines
from bma_etl.layouts.legacy_progress_form import PROJECT_LABELS
from bma_etl.matchkey import MARKS, key, literal_of, search_key
from bma_etl.matchlabel import find_label
from bma_etl.normalize.text import parse_flag
from bma_etl.rows import join_rows

WORDS = ["โครงการ", "ปรับปรุง", "ศาลาท่าน้ำ", "ริมคลอง", "มหาสวัสดิ์", "ก่อสร้าง", "ทางเท้า",
         "ถนน", "สุขุมวิท", "ซอย", "12", "ระยะที่", "2", "กรุงเทพมหานคร"]


def _text_of(lines: list[str]) -> RepairedText:
    return RepairedText.of("\n".join(lines))


# ------------------------------------------------------------------ rows: joined lines


@given(st.lists(st.sampled_from(WORDS), min_size=3, max_size=14), st.data())
def test_a_wrapped_pipe_row_reads_as_one_row_and_maps_back(words: list[str],
                                                            data: st.DataObject) -> None:
    narrative = " ".join(words)
    row = f"| รายงานครั้งที่1 | :: 1/10/2563 : {narrative} | : เป็นไปตามแผน |"
    cut = data.draw(st.integers(20, len(row) - 3))
    while row[cut - 1] == " " or row[cut] == " ":  # a page wraps at or inside a word
        cut += 1
    doc = _text_of(["2. รายงาน", row[:cut], row[cut:], "ขอรับรองว่า"])
    rows = doc.rows()
    assert [r.no for r in rows] == [1, 2, 4]
    joined = rows[1]
    thai_cut = re.match("[\u0e01-\u0e5b]", row[cut - 1]) and re.match("[\u0e01-\u0e5b]", row[cut])
    date_at = row.index("1/10/2563")
    date_cut = date_at < cut < date_at + len("1/10/2563")  # a date is no two words
    assert joined.text == (row if thai_cut or date_cut else row[:cut] + " " + row[cut:])
    # every cell maps back to its pieces in the stored text
    for cell in cells(joined):
        raw = doc.raw_in(joined, cell.start, cell.end)
        if raw is None:
            continue
        stored = doc.text[raw.span.char_start:raw.span.char_end]
        assert "".join(stored.split()) == "".join(raw.text.split())


@given(st.sampled_from(["น.ส.สมใจ ใจดี", "นายสมชาย รักงาน"]), st.integers(1000, 99999),
       st.data())
def test_a_part_of_a_wrapped_value_keeps_its_own_span(name: str, phone: int,
                                                      data: st.DataObject) -> None:
    """A phone after the wrap is read where it stands (``โทร[.113]6`` read ``113``)."""
    value = f"{name} โทร.{phone}"
    cut = data.draw(st.integers(1, len(value) - len(str(phone))))  # a page wraps at a word
    while value[cut - 1] == " " or value[cut] == " ":
        cut += 1
    doc = RepairedText.of(f"ชื่อผู้รับผิดชอบ... : {value[:cut]}\n{value[cut:]}\nต่อไป",
                          wraps=frozenset({1}))
    line = doc.rows()[0]
    raw = doc.raw_in(line, line.text.index(":") + 1, len(line.text))
    assert raw is not None
    at = raw.text.rindex(str(phone))
    part = doc.sub_raw(raw, at, at + len(str(phone)))
    assert part is not None and part.text == str(phone)
    stored = doc.text[part.span.char_start:part.span.char_end]
    assert "".join(stored.split()) == str(phone)


def test_a_label_whose_value_starts_the_next_line() -> None:
    doc = _text_of(["ชื่อโครงการ/กิจกรรม :", "โครงการปรับปรุงศาลาท่าน้ำริมคลองมหาสวัส",
                    "ดิ์", "", "รหัสโครงการ... : 15090000-7314"])
    doc = RepairedText.of(doc.text, wraps=frozenset({2}))
    first = doc.rows()[0]
    assert first.text == "ชื่อโครงการ/กิจกรรม : โครงการปรับปรุงศาลาท่าน้ำริมคลองมหาสวัสดิ์"
    raw = doc.raw_in(first, first.text.index("โครงการป"), len(first.text))
    assert raw is not None and raw.joined
    assert raw.text == "โครงการปรับปรุงศาลาท่าน้ำริมคลองมหาสวัสดิ์"
    assert raw.span.line_no == 2 and doc.text[raw.span.char_end - 3:raw.span.char_end] == "ดิ์"


def test_a_line_that_starts_its_own_label_is_not_joined() -> None:
    doc = RepairedText.of("งบประมาณที่ได้รับ : 3,450,000 บาท\nสิ้นสุดโครงการ : 2021-09-30",
                          wraps=frozenset({1}))
    assert [r.text for r in doc.rows()] == ["งบประมาณที่ได้รับ : 3,450,000 บาท",
                                            "สิ้นสุดโครงการ : 2021-09-30"]


def test_join_rows_keeps_unwrapped_lines() -> None:
    lines = [Line(1, 0, "a\tb"), Line(2, 4, "c")]
    assert join_rows(lines) == lines


# ------------------------------------------------------------------ key form


def _damage(text: str, rng: random.Random) -> str:
    """What PDFs and OCR do to fixed wording: marks lost or doubled, เเ, spaces, SARA AM split."""
    out = []
    for ch in text:
        if re.match(f"[{MARKS}]", ch):
            roll = rng.random()
            if roll < 0.4:
                continue  # lost
            if roll < 0.5:
                out.append(ch)  # doubled
        if ch == "\u0e33" and rng.random() < 0.5:
            out.append(rng.choice(["\u0e4d\u0e32", " \u0e32"]))
            continue
        if ch == "\u0e41" and rng.random() < 0.5:
            out.append("\u0e40\u0e40")
            continue
        out.append(ch)
        if ch != " " and rng.random() < 0.05:
            out.append(" ")
    return "".join(out)


LABELS = [(literal_of(pattern), column) for pattern, column in PROJECT_LABELS.items()]


@pytest.mark.parametrize(("label", "column"), LABELS)
@pytest.mark.parametrize("seed", range(8))
def test_a_damaged_label_is_still_found_and_its_value_kept_as_read(label: str, column: str,
                                                                  seed: int) -> None:
    rng = random.Random(f"{label}-{seed}")
    line = f"{_damage(label, rng)}{rng.choice(['', '...', '.'])} {rng.choice([':', ';'])} ค่า 12"
    found = find_label(line, PROJECT_LABELS)
    assert found is not None, line
    name, value_at = found
    assert line[value_at:] == "ค่า 12"
    assert name == column or key(literal_of(next(p for p, c in PROJECT_LABELS.items()
                                                 if c == name))).startswith(key(label))


@pytest.mark.parametrize("flag", ["เป็นไปตามแผน", "ไม่เป็นไปตามแผน", "เป็นไปตามเป้าหมาย",
                                  "ไม่เป็นไปตามเป้าหมาย"])
@pytest.mark.parametrize("seed", range(6))
def test_a_damaged_flag_reads_as_the_flag(flag: str, seed: int) -> None:
    damaged = _damage(flag, random.Random(f"{flag}-{seed}"))
    assert parse_flag(damaged) is (not flag.startswith("ไม่"))


def test_search_key_maps_back_to_the_text_as_read() -> None:
    text = "ชือผู รับผิดชอบ... : นาย ก"
    start, end = search_key("ชื่อผู้รับผิดชอบ", text) or (0, 0)
    assert text[start:end] == "ชือผู รับผิดชอบ"


# ------------------------------------------------------------------ furniture

HEADERS = ["แผนปฏิบัติการประจำปี พ.ศ. ๒๕๖๗ สำนักงานเขตบางรัก", "ระบบติดตามและประเมินผลโครงการ",
           "รายงานความก้าวหน้า กรุงเทพมหานคร"]
NUMBERS = ["- {n} -", "หน้า {n}", "{n}", "{n}/{total}", "Page {n} of {total}", "- ๑{n} -",
           "หน้า {t}/{tt}", "หน้า {t}"]
#: Thai-letter page numbering (an office suite's ก ข ค …).
THAI_NUMBERING = "กขคงจฉชซฌญ"


def _page_number(number: str, n: int, total: int) -> str:
    return number.format(n=n, total=total, t=THAI_NUMBERING[n - 1], tt=THAI_NUMBERING[total - 1])


def _paged(pages: list[str]) -> RepairedText:
    """The pages joined as one text, with their starts and furniture lines."""
    text = "\n".join(pages)
    starts, at = [], 0
    for page in pages:
        starts.append(at)
        at += len(page) + 1
    return RepairedText.of(text, tuple(starts), furniture=furniture_lines(text, tuple(starts)))


@pytest.mark.parametrize("seed", range(24))
def test_running_headers_and_page_numbers_are_furniture_and_table_rows_are_not(seed: int
                                                                              ) -> None:
    rng = random.Random(seed)
    header, number = rng.choice(HEADERS), rng.choice(NUMBERS)
    total = rng.randint(2, 5)
    pages, content = [], []
    month = 1
    for n in range(1, total + 1):
        # A first page of its own (a title, no header) leaves the header on the
        # other pages only: seen twice, it needs three pages or more.
        own_first = n == 1 and total > 2 and rng.random() < 0.5
        lines = ["ชื่อเรื่องของเอกสาร", ""] if own_first else [header, ""]
        for _ in range(rng.randint(2, 4)):  # a table's rows run over the page break
            lines.append(f"ผลงานเดือนที่ {month} {rng.randint(1, 99)}")
            content.append(lines[-1])
            month += 1
        lines += ["", _page_number(number, n, total)]
        pages.append("\n".join(lines))
    doc = _paged(pages)
    kept = [line.text for line in doc.lines() if line.text.strip()]
    assert [k for k in kept if k.startswith("ผลงาน")] == content
    assert not any(k == header or k == _page_number(number, i, total)
                   for k in kept[1:] for i in range(1, total + 1))


#: A table's header without cells (a word processor's text print puts it as words).
STEP_HEADERS = ["ขั้นตอนการดำเนินงาน เนื้อหา รายขั้นตอน (ร้อยละ) ติดตาม ความก้าวหน้า โครงการ (ร้อยละ)",
                "ระดับความสำเร็จ เกณฑ์ร้อยละความสำเร็จ การดำเนินงาน คะแนนที่ได้รับ"]


def _step_table(rng: random.Random, header: str, t: int) -> list[str]:
    rows = [f"{step}. ขั้นตอนที่ {step} ของตารางที่ {t}\t{rng.randint(1, 30)}"
            for step in range(1, rng.randint(3, 6))]
    return [header, *rows, f"ชื่อตัวชี้วัดที่ {t + 1} ระดับความสำเร็จ", "รายละเอียดเพิ่มเติม"]


@pytest.mark.parametrize("seed", range(12))
def test_a_table_header_at_two_page_tops_is_content_when_it_also_stands_inside_a_page(
        seed: int) -> None:
    """Each table repeats its header; two tables that start a page put it at their tops.

    A line that also stands inside a page and at few pages' edge is content there
    (a running header stands at most pages' edge); a running header that the body
    also has as a line of its own stays furniture.
    """
    rng = random.Random(seed)
    running, table_header = rng.choice([*HEADERS, "กรุงเทพมหานคร", None]), rng.choice(STEP_HEADERS)
    kinds = ["top", "top"] + ["text"] * rng.randint(3, 5)  # pages after the first
    rng.shuffle(kinds)
    pages: list[list[str]] = [[running or "", "", "ชื่อเรื่องของเอกสาร", "", "ข้อความนำ"]]
    tables = body_running = 0
    inside = kinds.index("text")  # the page with a table inside it (others by chance)
    for at, kind in enumerate(kinds):
        lines = [running, ""] if running else []
        if kind == "top":
            tables += 1
            lines += _step_table(rng, table_header, tables)
        else:
            lines += [f"ข้อความของหน้าที่ {len(pages) + 1}", running or "ข้อความ",
                      f"ข้อความท้ายหน้าที่ {len(pages) + 1}"]
            body_running += bool(running)
            if at == inside or rng.random() < 0.5:  # a table inside this page
                tables += 1
                lines += ["", f"ชื่อตัวชี้วัดที่ {tables} ระดับความสำเร็จ",
                          *_step_table(rng, table_header, tables)]
        pages.append(lines)
    numbered = [[*lines, "", f"- {n} -"] for n, lines in enumerate(pages, start=1)]
    doc = _paged(["\n".join(lines) for lines in numbered])
    kept = [line.text for line in doc.lines()]
    assert kept.count(table_header) == tables
    if running:  # the first page's top is its title; the running header is furniture
        assert kept.count(running) == 1 + body_running


@pytest.mark.parametrize("total", [1, 3])
def test_a_browsers_print_header_and_footer_are_furniture(total: int) -> None:
    # Chromium prints the date and time (and the page's title) on top of every page,
    # the page's address and "n/N" at its foot, the first and a single page too.
    pages, content = [], []
    for n in range(1, total + 1):
        rows = [f"** ปัญหาของโครงการ :\tรายการที่ {n}", f"ผลงานเดือนที่ {n}\t{n * 7}"]
        content += rows
        pages.append("\n".join(["11/30/26, 11:35 PM\tความคืบหน้าโครงการ", *rows,
                                f"file:///tmp/print-x1/page.html\t{n}/{total}"]))
    doc = _paged(pages)
    assert [line.text for line in doc.lines() if line.text.strip()] == content


SENTENCES = ["ก่อสร้างสะพานข้ามคลองลาดพร้าว", "จัดอบรมอาสาสมัครป้องกันภัย", "ปรับปรุงทางเท้าถนนสุขุมวิท",
             "ขุดลอกท่อระบายน้ำในชุมชน", "ติดตั้งกล้องวงจรปิดรอบสวนสาธารณะ",
             "พัฒนาระบบฐานข้อมูลผู้สูงอายุ", "ส่งเสริมการคัดแยกขยะต้นทาง", "ซ่อมแซมอาคารศูนย์บริการสาธารณสุข",
             "จัดหาเครื่องสูบน้ำเคลื่อนที่", "สำรวจพื้นที่เสี่ยงน้ำท่วมขัง", "อบรมครูด้านการสอนภาษาอังกฤษ"]


@pytest.mark.parametrize("seed", range(12))
def test_a_number_a_wrap_left_alone_at_a_page_s_foot_is_content(seed: int) -> None:
    # A year or an amount that the line wrap put alone on a page's last line is no
    # page number; bare page numbers that start after cover pages (5, 6, 7 …) are.
    rng = random.Random(seed)
    total, offset = rng.randint(3, 5), rng.choice([0, 0, 2, 4])
    numbered = rng.random() < 0.7
    alone = rng.choice(["2030", "๒๕๖๘", "150", "40"])
    on_page = rng.randint(1, total)
    pages, content = [], []
    for n in range(1, total + 1):
        lines = [SENTENCES[(2 * n + seed) % len(SENTENCES)],
                 SENTENCES[(2 * n + 1 + seed) % len(SENTENCES)] + " ภายในปี"]
        if n == on_page:
            lines.append(alone)
        content += lines
        if numbered:
            lines += ["", str(n + offset)]
        pages.append("\n".join(lines))
    if str(on_page + offset) == alone:
        return  # the number is that page's own number: nothing tells them apart
    kept = [line.text for line in _paged(pages).lines() if line.text.strip()]
    assert kept == content


@pytest.mark.parametrize("seed", range(4))
def test_numbers_alone_at_page_edges_that_break_the_numbering_are_text(seed: int) -> None:
    # A flowing table's last cell (a score) cut onto the page's last line above its
    # number, or onto the next page's first line; a row repeated at the top of a
    # page with a number cell: all text, while the page numbers stay furniture.
    rng = random.Random(seed)
    thai = "๐๑๒๓๔๕๖๗๘๙"
    pages = []
    for n in range(1, 6):
        score = "".join(rng.choice(thai[1:]) for _ in range(2))
        body = ["ดำเนินการตามแผน\tได้ครบ ๒ ขั้นตอน" for _ in range(rng.randint(2, 5))]
        if n % 2:
            body = ["และรายงานผลต่อผู้บริหาร\t\t" + score, *body, score]
        else:
            body = [score, *body]
        number = str(n).translate(str.maketrans("0123456789", thai))
        pages.append("\n".join([*body, "", f"- {number} -"]))
    text = "\n".join(pages)
    starts, at = [], 0
    for page in pages:
        starts.append(at)
        at += len(page) + 1
    lines = text.split("\n")
    furniture = furniture_lines(text, tuple(starts))
    assert {lines[n - 1] for n in furniture if lines[n - 1].strip()} == {
        line for line in lines if line.startswith("- ")}


PLACES = ["เขตหนองจอก", "เขตบางกอกน้อย", "เขตปทุมวัน", "เขตลาดกระบัง", "เขตบางรัก"]


@pytest.mark.parametrize("seed", range(12))
def test_a_paragraph_s_rest_at_one_later_page_s_top_is_content_though_the_title_has_it(
        seed: int) -> None:
    """A page break leaves a paragraph's last words (a district) at the next page's top.

    The first page's top names the same district: a running header repeating the
    title heads the other pages too, so a title-like line heading one later page of
    several is content. A header that does repeat the title is furniture still.
    """
    rng = random.Random(seed)
    place = rng.choice(PLACES)
    title = f"ชื่อโครงการ : โครงการปรับปรุงทางเท้าในพื้นที่{rng.choice(PLACES)} {place} และพื้นที่ใกล้เคียง"
    running = rng.choice([None, title.split(" : ")[1][:30]])
    total = rng.randint(3, 5)
    cut_on = rng.randint(2, total)  # the page whose top line is the paragraph's rest
    pages, content = [], []
    for n in range(1, total + 1):
        lines = [running] if running and n > 1 else []
        if n == 1:
            lines += [title, ""]
        body = [f"{n}. {SENTENCES[(n + seed) % len(SENTENCES)]}ในชุมชน", "",
                f"{SENTENCES[(n + seed + 3) % len(SENTENCES)]}"]
        if n == cut_on:
            body = [place, "", *body]
        lines += body
        content += [line for line in body if line]
        pages.append("\n".join([*lines, "", f"- {n} -"]))
    kept = [line.text for line in _paged(pages).lines() if line.text.strip()]
    assert [k for k in kept if k != title] == content
