"""Reading saved web pages: charsets, markup to lines, boilerplate, typed errors."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bma_etl.errors import ReadError
from bma_etl.read import read_source
from bma_etl.read.html import decode_html, html_to_text, render_text

from repo_paths import FIXTURES, SAMPLES

HTML = FIXTURES / "html"
THAI = "สำนักงานการต่างประเทศ ร้อยละ ๔๕"


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


# -------------------------------------------------------------------- charsets


def test_windows_874_meta_charset_decodes() -> None:
    data = page(f"<p>{THAI}</p>", '<meta charset="windows-874">').encode("cp874")
    assert html_to_text(data) == THAI


@pytest.mark.parametrize("label", ["TIS-620", "tis620", "ISO-8859-11", "x-windows-874"])
def test_thai_legacy_labels_in_http_equiv_decode(label: str) -> None:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
    data = page(f"<p>{THAI}</p>", meta).encode("tis-620")
    assert html_to_text(data) == THAI


def test_windows_874_fixture_declares_and_decodes() -> None:
    data = (HTML / "004_bd40e9a681c8a540.html").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text = html_to_text(data)
    assert text.splitlines()[0] == "รายละเอียดโครงการ/กิจกรรม: 04160000-6961"
    assert "หน่วยงาน\tสํานักปลัดกรุงเทพมหานคร" in text  # decomposed SARA AM as saved


def test_utf8_page_with_stale_legacy_meta_reads_as_utf8() -> None:
    data = page(f"<p>{THAI}</p>", '<meta charset="windows-874">').encode("utf-8")
    assert html_to_text(data) == THAI


def test_undeclared_legacy_bytes_are_guessed() -> None:
    data = page(f"<p>{THAI}</p>").encode("cp874")
    assert html_to_text(data) == THAI


def test_wrong_utf8_declaration_falls_back_to_thai_legacy() -> None:
    data = page(f"<p>{THAI}</p>", '<meta charset="utf-8">').encode("cp874")
    assert html_to_text(data) == THAI


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_decides(codec: str) -> None:
    data = page(f"<p>{THAI}</p>").encode(codec)
    assert data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    assert html_to_text(data) == THAI


def test_binary_input_raises_read_error() -> None:
    with pytest.raises(ReadError, match="looks binary"):
        html_to_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)


def test_undecodable_bytes_raise_actionable_read_error() -> None:
    data = b'<meta charset="utf-8">' + bytes(range(0x80, 0x100)) * 20
    with pytest.raises(ReadError, match="re-save") as info:
        decode_html(data, "broken.html")
    assert info.value.reason().startswith("read: broken.html")


def test_page_without_text_raises_read_error() -> None:
    data = page("<script>var x = 1;</script><nav>หน้าหลัก</nav>", "<title>t</title>")
    with pytest.raises(ReadError, match="no text left"):
        html_to_text(data.encode())


def test_absurd_nesting_is_a_read_error() -> None:
    with pytest.raises(ReadError, match="nests too deeply"):
        html_to_text(("<div>" * 5000 + "ข้อความ").encode())


@given(st.binary(max_size=400))
def test_any_bytes_give_text_or_read_error(data: bytes) -> None:
    try:
        assert isinstance(html_to_text(data), str)
    except ReadError:
        pass


@given(st.text(max_size=200))
def test_any_markup_gives_text_or_read_error(markup: str) -> None:
    try:
        text = html_to_text(f"<table><tr><td>{markup}</td></tr></table>".encode())
    except ReadError:
        return
    assert "\n\n" not in text


# ---------------------------------------------------------------- markup → lines


def test_table_rows_become_tab_joined_lines() -> None:
    html = page("<table><tr><th>รหัสโครงการ</th><td>04160000-6961</td></tr>"
                "<tr><td>ผลงานเดือนที่ 1</td><td>45</td></tr>"
                "<tr><td>ผลงานเดือนที่ 10</td><td></td></tr></table>")
    assert render_text(html) == ("รหัสโครงการ\t04160000-6961\n"
                                 "ผลงานเดือนที่ 1\t45\n"
                                 "ผลงานเดือนที่ 10\t")


def test_cell_with_line_breaks_keeps_its_lines() -> None:
    html = page("<table><tr><th>วัตถุประสงค์</th><td>1.เพื่อ ก<br>2. เพื่อ ข</td></tr></table>")
    assert render_text(html) == "วัตถุประสงค์\t1.เพื่อ ก\n2. เพื่อ ข"


def test_blocks_and_br_end_lines_inline_elements_do_not() -> None:
    html = page("<div><b>(1)</b> ความคืบหน้าโครงการฯ <span>ร้อยละ 100.00</span> (2023-09-29)"
                "<br/>29/09/2566 : <a href='#'>เสร็จ</a></div><p>ตัวชี้วัด : 2.8</p>"
                "<ul><li>ก</li><li>ข</li></ul>")
    assert render_text(html) == ("(1) ความคืบหน้าโครงการฯ ร้อยละ 100.00 (2023-09-29)\n"
                                 "29/09/2566 : เสร็จ\nตัวชี้วัด : 2.8\nก\nข")


def test_source_whitespace_collapses_and_entities_decode() -> None:
    html = page("<p>ความคืบหน้า\n   โครงการ&nbsp;&nbsp;ร้อยละ 100</p>"
                "<p>------------------&amp;&amp;&amp;--------------------</p>")
    assert render_text(html) == ("ความคืบหน้า โครงการ ร้อยละ 100\n"
                                 "------------------&&&--------------------")


def test_script_style_head_nav_and_menus_are_dropped() -> None:
    html = page(
        "<nav>หน้าหลัก</nav><div id='menu'><a>โครงการ</a></div>"
        "<ul class='breadcrumb'><li>รายงาน</li></ul><div role='navigation'>ค้นหา</div>"
        "<script>document.write('x')</script><style>p{}</style><!-- ความเห็น -->"
        "<p>ข้อมูลจริง</p><button>บันทึก</button>",
        "<title>ชื่อหน้า</title>")
    assert render_text(html) == "ข้อมูลจริง"


def test_pre_keeps_its_lines() -> None:
    assert render_text(page("<pre>ก  ข\nค</pre>")) == "ก  ข\nค"


def test_nested_layout_tables() -> None:
    html = page("<table><tr><td><table><tr><th>ปี</th><td>2566</td></tr>"
                "<tr><th>Policy ID</th><td>37</td></tr></table></td></tr></table>")
    assert render_text(html) == "ปี\t2566\nPolicy ID\t37"


# ------------------------------------------------------------------ the fixtures


@pytest.mark.parametrize("stem", ["001_c025c6fdd2ac5ca8", "004_bd40e9a681c8a540"])
def test_fixture_lines_carry_the_sample_lines(stem: str) -> None:
    """Each sample line reappears, its glued label/value split by one tab at most."""
    text = html_to_text((HTML / f"{stem}.html").read_bytes())
    got = [line.replace("\t", "") for line in text.splitlines()]
    want = [line for line in (SAMPLES / f"{stem}.txt").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert g.replace(" ", "") == w.replace(" ", "")


def test_read_source_dispatches_html() -> None:
    source = read_source(HTML / "001_c025c6fdd2ac5ca8.html")
    assert source.media_type == "text/html"
    assert source.text.splitlines()[0] == "ความคืบหน้าโครงการ ร้อยละ 100"


# ------------------------------------------------- a declared charset that is wrong
# A page saved as Windows-874 keeps the declaration of the page it came from; the
# bytes, not the label, are Thai. Generated from the two fixtures, every wrong label.

WRONG_LABELS = ["utf-8", "UTF-8", "iso-8859-1", "windows-1252", "us-ascii", "koi8-r",
                "shift_jis", "euc-kr", "big5", "gb2312", "utf-16", "utf-16le", "iso-8859-5"]
META_FORMS = ['<meta charset="{}">',
              '<meta http-equiv="Content-Type" content="text/html; charset={}" />']
_META = r'<meta (?:charset="[^"]+"|http-equiv="Content-Type" content="[^"]+" /)>'


def _fixture_html(stem: str) -> str:
    data = (HTML / f"{stem}.html").read_bytes()
    return decode_html(data)


def _relabelled(stem: str, meta: str) -> str:
    import re

    html, count = re.subn(_META, meta, _fixture_html(stem), count=1)
    assert count == 1
    return html


@pytest.mark.parametrize("stem", ["001_c025c6fdd2ac5ca8", "004_bd40e9a681c8a540"])
@pytest.mark.parametrize("label", WRONG_LABELS)
@pytest.mark.parametrize("form", META_FORMS)
def test_windows_874_bytes_under_a_wrong_label_read_as_thai(stem: str, label: str,
                                                            form: str) -> None:
    html = _relabelled(stem, form.format(label))
    right = render_text(html)
    assert any("\u0e01" <= c <= "\u0e5b" for c in right)
    assert html_to_text(html.encode("cp874")) == right


@pytest.mark.parametrize("stem", ["001_c025c6fdd2ac5ca8", "004_bd40e9a681c8a540"])
@pytest.mark.parametrize("label", ["windows-874", "tis-620", "iso-8859-11", "iso-8859-1",
                                   "koi8-r", "shift_jis"])
def test_utf8_bytes_under_a_wrong_label_read_as_utf8(stem: str, label: str) -> None:
    html = _relabelled(stem, META_FORMS[0].format(label))
    assert html_to_text(html.encode("utf-8")) == render_text(html)


@pytest.mark.parametrize(("text", "label"), [
    ("Métro, café et élève à Paris: résumé", "windows-1252"),
    ("Métro, café et élève à Paris: résumé", "iso-8859-1"),
    ("Отчёт о ходе работ по проекту и бюджет", "koi8-r"),  # noqa: RUF001 - Cyrillic
    ("Отчёт о ходе работ по проекту и бюджет", "windows-1251"),  # noqa: RUF001 - Cyrillic
])
def test_a_right_non_thai_label_is_kept(text: str, label: str) -> None:
    data = page(f"<p>{text}</p>", f'<meta charset="{label}">').encode(label)
    assert html_to_text(data) == text


@settings(max_examples=60, deadline=None)
@given(words=st.lists(st.sampled_from(["สำนักงานเขต", "บางรัก", "โครงการ", "ร้อยละ",
                                       "งบประมาณ", "ผู้รับผิดชอบ", "น้ำท่วม", "ไฟฟ้า"]),
                      min_size=3, max_size=12),
       label=st.sampled_from(WRONG_LABELS))
def test_any_thai_page_under_a_wrong_label(words: list[str], label: str) -> None:
    # A page of a few Thai digits alone is too little to tell Thai from Latin-1.
    text = " ".join(words) + " ๔๕ 2566"
    data = page(f"<p>{text}</p>", f'<meta charset="{label}">').encode("cp874")
    assert html_to_text(data) == text
