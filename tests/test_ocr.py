"""OCR with Tesseract: one cropped scanned page read for real, then from the cache.

Tesseract's Thai model must be installed (``make venv`` installs Debian's
tesseract-ocr-tha; tesserocr brings the engine); these tests fail, not skip, without it.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image

from bma_etl.errors import ReadError
from bma_etl.pipeline import process_file
from bma_etl.read import ocr, ocr_layout
from bma_etl.read import pdf as pdf_reader
from bma_etl.read.ocr_cache import OcrCache, cache_dir
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.pdf import extract_pdf
from bma_etl.records import Provenance
from bma_etl.textnorm import repair_text

from repo_paths import FIXTURES, SAMPLES

PAGE = FIXTURES / "pdf" / "ocr_page.scanned.pdf"
SAMPLE = SAMPLES / "000_52cb5c31ec83ab03.txt"


def test_tesseract_with_thai_is_installed() -> None:
    assert ocr.engine_problem() is None, ocr.engine_problem()


@pytest.fixture(scope="module")
def ocr_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache holding the one live OCR of the cropped page (about a second)."""
    folder = tmp_path_factory.mktemp("ocr-cache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("BMA_ETL_CACHE", str(folder))
        pdf = extract_pdf(PAGE.read_bytes(), PAGE.name, "auto")
    assert [p.kind for p in pdf.pages] == ["image"]
    assert pdf.ocr_used
    return folder


@pytest.fixture
def cached(ocr_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BMA_ETL_CACHE", str(ocr_cache))
    return ocr_cache


def test_live_ocr_reads_the_key_fields(cached: Path) -> None:
    pdf = extract_pdf(PAGE.read_bytes(), PAGE.name, "auto")
    text = repair_text(pdf.text)
    assert "รหัสโครงการ" in text
    assert "04160000-3949" in text
    assert "ปีงบประมาณ พ.ศ. : 2563" in text
    assert pdf.ocr_confidence is not None and pdf.ocr_confidence > 60


def _up_to_budget_spent(text: str) -> str:
    lines = [" ".join(x.split()) for x in text.splitlines() if x.strip()]
    end = next(i for i, x in enumerate(lines) if x.startswith("งบประมาณที่ใช้ไป"))
    return "\n".join(lines[:end + 1])


def test_live_ocr_is_close_to_the_sample(cached: Path) -> None:
    # The crop ends a little below section 1.1; compare the lines up to its last field.
    got = _up_to_budget_spent(repair_text(extract_pdf(PAGE.read_bytes(), PAGE.name).text))
    want = _up_to_budget_spent(SAMPLE.read_text(encoding="utf-8"))
    ratio = difflib.SequenceMatcher(None, want, got, autojunk=False).ratio()
    assert ratio > 0.97, (ratio, got)


def test_cache_is_keyed_by_content_hash(cached: Path) -> None:
    files = list((cached / "ocr").glob("*.json"))
    assert [f.stem for f in files] == [hashlib.sha256(PAGE.read_bytes()).hexdigest()]
    entry = json.loads(files[0].read_text(encoding="utf-8"))["pages"]
    (key, page), = entry.items()
    assert key == pdf_reader.page_key(0, ocr.LANG, pdf_reader.DPI)
    assert page["engine"].startswith("tesseract") and len(page["words"]) > 10


def test_a_cached_page_needs_no_tesseract(cached: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    before = extract_pdf(PAGE.read_bytes(), PAGE.name).text
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path))  # the model gone: never OCR'd twice
    monkeypatch.setattr(ocr, "TESSDATA_DIRS", ())
    assert ocr.engine_problem() is not None
    assert extract_pdf(PAGE.read_bytes(), PAGE.name).text == before


def _model_copy(folder: Path, tha_extra: bytes = b"") -> Path:
    """The models in use copied to ``folder``, ``tha`` with ``tha_extra`` appended."""
    used = ocr.tessdata_dir()
    assert used is not None
    folder.mkdir()
    for lang in ocr.LANG.split("+"):
        data = Path(used, f"{lang}.traineddata").read_bytes()
        extra = tha_extra if lang == "tha" else b""
        Path(folder, f"{lang}.traineddata").write_bytes(data + extra)
    return folder


def test_another_model_file_reads_the_page_again(cached: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache is keyed on the model's bytes: the same files elsewhere hit it,
    a changed ``tha.traineddata`` misses it (and OCRs the page afresh)."""
    read: list[object] = []

    def counted(*args: object, **kwargs: object) -> object:
        read.append(args)
        raise ReadError("OCR'd again")

    monkeypatch.setattr(ocr, "read_images", counted)
    first = ocr.engine_version()
    monkeypatch.setenv("TESSDATA_PREFIX", str(_model_copy(tmp_path / "same")))
    assert ocr.engine_version() == first
    assert extract_pdf(PAGE.read_bytes(), PAGE.name).ocr_used and not read
    monkeypatch.setenv("TESSDATA_PREFIX", str(_model_copy(tmp_path / "other", b"\0")))
    assert ocr.engine_version() != first
    assert ocr.engine_version().split(" model ")[0] == first.split(" model ")[0]
    with pytest.raises(ReadError, match="OCR'd again"):
        extract_pdf(PAGE.read_bytes(), PAGE.name)
    assert len(read) == 1


def test_ocr_values_carry_the_confidence_of_their_words(cached: Path) -> None:
    """Each value read by OCR has the lowest confidence of the words it came from;
    it is low-confidence when that is under 60, not because the page was OCR'd."""
    processed = process_file(PAGE)
    assert processed.layout == "legacy_progress_form"
    assert processed.tables["documents"][0].ocr_used is True  # type: ignore[attr-defined]
    assert processed.rows("projects")[0].project_code == "04160000-3949"  # type: ignore[attr-defined]
    rows: list[Provenance] = processed.rows("provenance")  # type: ignore[assignment]
    read = [p for p in rows if not p.derived]
    assert read and all(p.page == 1 and p.confidence is not None for p in read)
    assert all(p.low_confidence == (p.confidence < 60) for p in read)  # type: ignore[operator]
    code = next(p for p in read if p.field == "project_code")
    assert code.confidence is not None and code.confidence > 80
    mean = processed.tables["documents"][0].ocr_confidence  # type: ignore[attr-defined]
    assert len({p.confidence for p in read}) > 1 and mean is not None  # per value, not per page


def test_ocr_over_its_time_limit_is_cut_off(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_CACHE", str(tmp_path))
    monkeypatch.setenv("BMA_ETL_OCR_TIMEOUT", "0.01")
    with pytest.raises(ReadError, match="page 1: OCR took longer than"):
        extract_pdf(PAGE.read_bytes(), PAGE.name)


def test_cache_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BMA_ETL_CACHE", "off")
    assert cache_dir() is None
    monkeypatch.setenv("BMA_ETL_CACHE", "/somewhere")
    assert cache_dir() == Path("/somewhere/ocr")


def test_unreadable_cache_file_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "abc.json").write_text("{not json", encoding="utf-8")
    cache = OcrCache("abc", tmp_path)
    assert cache.get(pdf_reader.page_key(0, ocr.LANG, pdf_reader.DPI)) is None
    page = ocr.OcrPage("ข้อความ", 91.5, (OcrWord("ข้อความ", 91.5, (1, 2, 3, 4), 0),), 300.0)
    cache.put("k", page, "tesseract 5")
    again = OcrCache("abc", tmp_path)
    assert again.get("k") == page


# ----------------------------------------------- layout from the word boxes


def _tsv(*lines: tuple[int, int, list[tuple[str, int, int, float]]]) -> str:
    """Tesseract TSV: each line is (top, height, [(text, left, width, conf)])."""
    rows = ["level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
            "\tconf\ttext"]
    for n, (top, height, words) in enumerate(lines, 1):
        rows.append(f"4\t1\t1\t1\t{n}\t0\t0\t{top}\t1\t{height}\t-1\t")
        for i, (text, left, width, conf) in enumerate(words, 1):
            rows.append(f"5\t1\t1\t1\t{n}\t{i}\t{left}\t{top}\t{width}\t{height}\t{conf}\t{text}")
    return "\n".join(rows)


def test_layout_joins_thai_pieces_makes_tabs_and_keeps_word_offsets() -> None:
    tsv = _tsv(
        (100, 50, [("รหัส", 100, 80, 96), ("โครงการ", 182, 120, 90), (":", 330, 10, 95),
                   ("04160000-3949", 360, 300, 92)]),
        (180, 50, [("รายงาน", 100, 120, 97), ("1", 222, 20, 94),            # a tab: 300 px
                   (":: 30/10/2562", 540, 260, 93)]),
        (205, 12, [("we", 130, 20, 40), ("๑4", 300, 20, 55)]),               # tone marks
        (260, 50, [("ผล", 100, 60, 91), ("ดี", 540, 40, 88)]),
    )
    text = "รหัสโครงการ : 04160000-3949\n\nรายงาน1        :: 30/10/2562\nwe ๑4\nผล    ดี\n"
    page_text, words, conf = ocr_layout.page_layout(tsv, text)
    assert page_text.split("\n") == ["รหัสโครงการ : 04160000-3949",
                                     "รายงาน1\t:: 30/10/2562", "ผล\tดี"]
    assert [w.text for w in words] == ["รหัสโครงการ", ":", "04160000-3949", "รายงาน1",
                                       ":: 30/10/2562", "ผล", "ดี"]
    assert all(page_text[w.start:w.end] == w.text for w in words)
    assert words[0].conf == 90 and words[0].box == (100, 100, 302, 150)  # least of its pieces
    assert conf == round((96 + 90 + 95 + 92 + 97 + 94 + 93 + 91 + 88) / 9, 2)


def test_layout_without_tesseracts_text_judges_by_the_gap() -> None:
    tsv = _tsv((100, 50, [("รหัส", 100, 80, 96), ("โครงการ", 185, 120, 90),
                          ("ปี", 345, 40, 90)]))
    assert ocr_layout.page_layout(tsv, "")[0] == "รหัสโครงการ ปี"


def test_ruled_table_row_is_one_line_of_cells() -> None:
    """Lines across the cells of one ruled row (a cell wrapped in its box) become one line."""
    from bma_etl.read.ocr_image import PageRules

    tsv = _tsv(
        (110, 40, [("รายงานครั้ง", 110, 200, 95), (":: 9/10/2563 : อยู่ระหว่าง", 420, 500, 93)]),
        (160, 40, [("ที่1", 110, 60, 94), ("|", 400, 6, 30), ("สำรวจพื้นที่", 420, 220, 92)]),
        (300, 40, [("ขอรับรองว่า", 100, 200, 96)]),
    )
    text = ("รายงานครั้ง        :: 9/10/2563 : อยู่ระหว่าง\nที่1 | สำรวจพื้นที่\n\n"
            "ขอรับรองว่า\n")
    rules = PageRules(horizontal=((100, 100, 1000), (210, 100, 1000)),
                      vertical=((100, 100, 210), (400, 100, 210), (1000, 100, 210)))
    page_text, words, _ = ocr_layout.page_layout(tsv, text, rules)
    assert page_text.split("\n")[0] == "รายงานครั้งที่1\t:: 9/10/2563 : อยู่ระหว่างสำรวจพื้นที่"
    assert page_text.split("\n")[-1] == "ขอรับรองว่า"
    assert all(page_text[w.start:w.end] == w.text for w in words)
    assert "|" not in [w.text for w in words]  # the rule between the cells, read as a letter


def test_ruled_rows_need_rules_found_in_the_image() -> None:
    """A page image's long lines of ink are its rules; text makes none."""
    from PIL import ImageDraw

    from bma_etl.read.ocr_image import page_rules

    page = Image.new("L", (1200, 800), 255)
    draw = ImageDraw.Draw(page)
    for y in (100, 300, 500):
        draw.line((100, y, 1100, y), fill=0, width=3)
    for x in (100, 500, 1100):
        draw.line((x, 100, x, 500), fill=0, width=3)
    draw.text((150, 150), "---- ---- ---- text | |", fill=0)
    rules = page_rules(page, 300)
    assert [round(y, -1) for y, _, _ in rules.horizontal] == [100, 300, 500]
    assert [round(x, -1) for x, _, _ in rules.vertical] == [100, 500, 1100]


def test_median_filter_is_pillows_median() -> None:
    """The numpy 3 x 3 median gives Pillow's MedianFilter(3) pixels, edges and specks too."""
    import random

    from PIL import ImageDraw, ImageFilter

    from bma_etl.read.ocr_image import median3

    rng = random.Random(12)
    page = Image.new("L", (301, 157), 255)
    draw = ImageDraw.Draw(page)
    draw.text((10, 10), "ทดสอบ 2567 test", fill=0)
    draw.line((0, 80, 300, 82), fill=40, width=2)
    pixels = page.load()
    for _ in range(3000):
        pixels[rng.randrange(page.width), rng.randrange(page.height)] = rng.randrange(256)
    assert median3(page).tobytes() == page.filter(ImageFilter.MedianFilter(3)).tobytes()


def test_one_walk_gives_tesseracts_tsv_and_text() -> None:
    """tsv_and_text is Tesseract's GetTSVText row for row, and its text's words and gaps."""
    from bma_etl.read.ocr_image import cleaned
    from bma_etl.read.ocr_tsv import tsv_and_text

    pdf = pypdfium2.PdfDocument(PAGE.read_bytes())
    page = cleaned(pdf[0].render(scale=200 / 72, grayscale=True).to_pil().convert("L"))
    pdf.close()
    with ocr._ENGINES.engine(ocr.LANG) as api:
        api.SetImage(page)  # type: ignore[attr-defined]
        api.SetSourceResolution(200)  # type: ignore[attr-defined]
        assert api.Recognize()  # type: ignore[attr-defined]
        tsv, txt = tsv_and_text(api, page.width, page.height)
        want_tsv = api.GetTSVText(0)  # type: ignore[attr-defined]
        want_txt = api.GetUTF8Text()  # type: ignore[attr-defined]
        api.Clear()  # type: ignore[attr-defined]
    assert tsv.count("\n5\t") > 20
    assert tsv.splitlines()[1:] == want_tsv.splitlines()[1:]
    assert txt.split("\n") == [line for line in want_txt.split("\n") if line]


def test_layout_of_nothing_read() -> None:
    assert ocr_layout.page_layout("level\tpage_num\n", "") == ("", (), None)


# --------------------------------------- a generated scan against its truth


def test_skewed_generated_scan_reads_like_its_text_layer(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # Truth is the text the image is rendered from: the top of a text-layer
    # fixture page, rendered at 200 dpi, turned 1.2 degrees, saved as an image PDF.
    monkeypatch.setenv("BMA_ETL_CACHE", "off")
    doc = pypdfium2.PdfDocument(FIXTURES / "pdf" / "000_52cb5c31ec83ab03.pdf")
    page = doc[0]
    width, height = page.get_size()
    box = (0, height - 160, 620, height)  # left, bottom, right, top in points
    truth = page.get_textpage().get_text_bounded(*box)
    image = page.render(scale=200 / 72, grayscale=True,
                        crop=(0, box[1], width - box[2], 0)).to_pil()
    doc.close()
    scan = tmp_path / "scan.pdf"
    image.rotate(1.2, resample=Image.Resampling.BICUBIC, fillcolor=255).save(scan, resolution=200)
    pdf = extract_pdf(scan.read_bytes(), scan.name)
    assert [p.kind for p in pdf.pages] == ["image"]
    got = repair_text(pdf.text)
    want = repair_text(truth)
    flat_got, flat_want = "".join(got.split()), "".join(want.split())
    ratio = difflib.SequenceMatcher(None, flat_want, flat_got, autojunk=False).ratio()
    assert ratio > 0.95, (ratio, got)
    words = pdf.pages[0].words
    assert words and all(pdf.pages[0].text[w.start:w.end] == w.text for w in words)
    assert pdf.pages[0].dpi == pytest.approx(300)


@pytest.mark.parametrize("first_read", [0, 2, 3])
def test_ruled_rows_read_out_of_order_come_out_top_down(first_read: int) -> None:
    """A row whose cell Tesseract read as a block before the rows above it (the last
    report of a scanned form first) stays in its place on the page, with its own cells."""
    from bma_etl.read.ocr_image import PageRules

    reports = [(n, f"{10 + n}/{n}/2566", f"ขั้นตอนที่ {n}") for n in range(1, 5)]
    top, pitch = 100, 120
    lines: list[tuple[int, int, list[tuple[str, int, int, float]]]] = []
    for k, (n, date, step) in enumerate(reports):
        y = top + k * pitch
        lines.append((y + 10, 40, [("รายงานครั้ง", 110, 200, 95),
                                   (f":: {date} : ดำเนินการ{step}", 420, 500, 93)]))
        lines.append((y + 60, 40, [(f"ที่{n}", 110, 60, 94),
                                   (f"(ครั้งที่ {n}) = {n},000 บาท", 420, 400, 92)]))
    late = 2 * (len(reports) - 1 - first_read) + 1  # a row's second line, read first
    order = [late] + [i for i in range(len(lines)) if i != late]
    tsv = _tsv(*(lines[i] for i in order))
    ys = [top + k * pitch for k in range(len(reports) + 1)]
    rules = PageRules(horizontal=tuple((y, 100, 1000) for y in ys),
                      vertical=tuple((x, ys[0], ys[-1]) for x in (100, 400, 1000)))
    page_text, words, _ = ocr_layout.page_layout(tsv, "", rules)
    rows = [line for line in page_text.split("\n") if line]
    assert rows == [f"รายงานครั้งที่{n}\t:: {date} : ดำเนินการ{step} (ครั้งที่ {n}) = {n},000 บาท"
                    for n, date, step in reports]
    assert all(page_text[w.start:w.end] == w.text for w in words)
