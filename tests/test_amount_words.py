"""An amount spelled out in Thai words in a bracket after its digits.

Thai government documents often write an amount twice: ``2,500,000 บาท
(สองล้านห้าแสนบาทถ้วน)``. The words (PyThaiNLP's ``thaiword_to_num`` reads them) must
say what the digits say: then the amount is the digits' amount, as before; when they
disagree the document contradicts itself and the amount is NULL with an issue
naming both. The forms are generated (bench/corpus ``legacy_form``), their budgets
written with words from known amounts (``bahttext``), and read back from text and
PDF.
"""

from __future__ import annotations

import random
import re
from decimal import Decimal
from pathlib import Path

import pytest
from pythainlp.util import bahttext

from bma_etl.errors import NormalizeError
from bma_etl.normalize.amount_words import thai_number_words
from bma_etl.normalize.digits import parse_amount
from bma_etl.pipeline import process_file

from corpus import forms, render
from corpus.doc import GeneratedDoc
from read_back import assert_read_as_generated
from thai_fonts import font_file


@pytest.fixture
def arabic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forms in Arabic digits only (the Thai-digit forms are another kind's)."""
    monkeypatch.setattr(forms, "_in_thai_digits", lambda doc, n: None)


def _words(baht: Decimal) -> str:
    """``baht`` in Thai words as documents write it (``สองล้านห้าแสนบาทถ้วน``)."""
    words = bahttext(float(baht))
    assert words.endswith(("บาทถ้วน", "สตางค์")), words
    return words


@pytest.mark.parametrize("seed", range(6))
def test_words_that_say_the_digits_amount_change_nothing(seed: int) -> None:
    rng = random.Random(seed)
    baht = Decimal(rng.randrange(1, 99_999_999)) + Decimal(rng.choice((0, 5, 50, 99))) / 100
    digits = f"{baht:,.2f}" if baht % 1 else f"{baht:,.0f}"
    for form in ("{d} บาท ({w})", "{d} บาท (-{w}-)", "{d}.- บาท ( {w} )", "{d} ({w})"):
        printed = form.format(d=digits, w=_words(baht))
        assert parse_amount(printed) == parse_amount(f"{digits} บาท") == baht, printed
    assert parse_amount(f"({_words(baht)})") == baht  # the words alone
    assert thai_number_words("ยี่สิบเอ็ด") == 21


@pytest.mark.parametrize("seed", range(6))
def test_digits_and_words_that_disagree_are_an_error_naming_both(seed: int) -> None:
    rng = random.Random(seed)
    baht = Decimal(rng.randrange(1_000, 99_999_999))
    other = baht + rng.choice((1, 10, 1000, -1000, 100_000))
    with pytest.raises(NormalizeError,
                       match=f"digits say {baht:,.2f} baht and its words {other:,.2f}"):
        parse_amount(f"{baht:,} บาท ({_words(other)})")


def test_a_bracket_that_spells_no_amount_leaves_the_digits() -> None:
    """A unit (``(ล้านบาท)``) or words that are no Thai numeral are no amount in words."""
    assert parse_amount("2.5 (ล้านบาท)", 0) is not None
    assert parse_amount("2,500,000 บาท (สองล้านห้าแสนห้าแสนบาทถ้วน)") == 2_500_000


def _with_words(doc: GeneratedDoc, wrong: bool) -> dict[str, Decimal]:
    """``doc``'s allocated budget and each report's paid amount written with their words
    after the digits (``wrong``: the allocated budget's words say another amount).
    Returns the amounts whose words disagree, by field."""
    project = doc.tables["projects"][0]
    budget = Decimal(project["budget_allocated_thb"])
    said = budget + 10_000 if wrong else budget
    doc.text, n = re.subn(r"(งบประมาณที่ได้รับ : [0-9,.]+ บาท)", rf"\g<1> ({_words(said)})",
                          doc.text)
    assert n == 1
    for r in doc.tables["progress_updates"]:
        paid = Decimal(r["budget_disbursed_thb"])
        doc.text, n = re.subn(rf"(งบประมาณที่เบิกใช้ \(ครั้งที่ {r['seq_label']}\) = "
                              r"[0-9,.]+ บาท)", rf"\g<1> ({_words(paid)})", doc.text)
        assert n == 1
    doc.html = None
    return {"budget_allocated_thb": said} if wrong else {}


@pytest.mark.parametrize(("seed", "dialect"), [(61, "pipe"), (62, "tab")])
def test_a_form_s_amounts_with_their_words_are_read(
        arabic: None, tmp_path: Path, seed: int, dialect: str) -> None:
    doc = forms.legacy_form(random.Random(seed), dialect)
    _with_words(doc, wrong=False)
    assert "บาทถ้วน)" in doc.text
    text = tmp_path / "form.txt"
    text.write_text(doc.text, encoding="utf-8")
    tables = ("projects", "progress_updates")
    assert_read_as_generated(text, doc.truth, tables)
    pdf = tmp_path / "form.pdf"
    render.render_fpdf(doc, pdf, "Sarabun", font_file("Sarabun"), random.Random(seed),
                       shaping=False, pt=12)
    assert_read_as_generated(pdf, doc.truth, tables)


@pytest.mark.parametrize(("seed", "dialect"), [(63, "pipe"), (64, "tab")])
def test_a_form_whose_budget_s_words_disagree_is_null_with_an_issue(
        arabic: None, tmp_path: Path, seed: int, dialect: str) -> None:
    doc = forms.legacy_form(random.Random(seed), dialect)
    wrong = _with_words(doc, wrong=True)
    path = tmp_path / "form.txt"
    path.write_text(doc.text, encoding="utf-8")
    parsed = process_file(path)
    project = parsed.tables["projects"][0]
    assert project.budget_allocated_thb is None
    digits = Decimal(doc.tables["projects"][0]["budget_allocated_thb"])
    issues = [i.message for i in parsed.tables["quality_issues"]
              if i.code == "unparsed_value" and i.field == "budget_allocated_thb"]
    assert len(issues) == 1
    said = wrong["budget_allocated_thb"]
    assert f"digits say {digits:,.2f} baht and its words {said:,.2f}" in issues[0], issues[0]
    paid = [str(Decimal(r["budget_disbursed_thb"]))
            for r in doc.tables["progress_updates"]]
    assert [f"{u.budget_disbursed_thb:.2f}" for u in parsed.tables["progress_updates"]] == paid
