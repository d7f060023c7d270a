"""An OCR'd page whose words are nearly all read at low confidence holds no text.

Stage: read (after OCR, :func:`bma_etl.read.pdf.extract_pdf`). The blank back of a
duplex scan shows its front's ink through the paper, faint and mirrored; Tesseract
reads it as strings of Thai letters (``อกคะอคโบคิดธกิเรนธไดษรมก``) at confidences
of 20-45, and the form's reader appended them to the last field of the page
before. So does a page too faint or too damaged to read. A page of real text keeps
most of its letters in words read at :data:`LOW_CONFIDENCE` or more (the scans of
robustness seeds and the outside testers' office scans: at most 17 % of a page's
letters under it, a light 200 dpi photocopy included); the show-through pages of a
duplex scan had 83 % and 90 %. A page with :data:`UNREADABLE_SHARE` or more of its
letters under it is read as blank, and the document says so
(``ocr_page_unreadable``: :func:`unreadable_message`).
"""

from __future__ import annotations

from collections.abc import Sequence

from bma_etl.read.ocr_layout import OcrWord

__all__ = ["LOW_CONFIDENCE", "UNREADABLE_SHARE", "left_out", "unreadable_message"]

#: Tesseract word confidence (0..100) under which a word is a poor reading.
LOW_CONFIDENCE = 60.0
#: Share of a page's letters in poorly read words from which the page is no text.
UNREADABLE_SHARE = 0.75


def _poor_share(words: Sequence[OcrWord]) -> float:
    """The share of the letters of ``words`` in words read under :data:`LOW_CONFIDENCE`."""
    letters = sum(len(w.text) for w in words)
    if not letters:
        return 0.0
    return sum(len(w.text) for w in words if w.conf < LOW_CONFIDENCE) / letters


def left_out(text: str, words: tuple[OcrWord, ...]) -> tuple[str, tuple[OcrWord, ...], float]:
    """An OCR'd page's ``text`` and ``words``, none when the page is unreadable.

    Returns ``(text, words, share)``: ``share`` is the share (0..1) of its letters
    read poorly when the page was left out (its text ``""``, no words), else 0.0.

    >>> poor = OcrWord("อกคะอคโบคิดธกิ", 31.0, (0, 0, 9, 9), 0)
    >>> left_out(poor.text, (poor,))
    ('', (), 1.0)
    """
    share = _poor_share(words)
    if share >= UNREADABLE_SHARE:
        return "", (), share
    return text, words, 0.0


def unreadable_message(pages: Sequence[tuple[int, float]]) -> str:
    """For a person: which pages were left out, and why.

    ``pages``: (1-based page number, share of its letters read poorly).

    >>> unreadable_message([(2, 0.9)])  # doctest: +ELLIPSIS
    'page 2: OCR read 90% of its letters at a confidence under 60 (...): its text is left out'
    >>> unreadable_message([(2, 0.9), (4, 0.83)])  # doctest: +ELLIPSIS
    'pages 2, 4: OCR read 90%, 83% of their letters at ... (...): their text is left out'
    """
    many = len(pages) > 1
    numbers = ", ".join(str(n) for n, _ in pages)
    shares = ", ".join(f"{share:.0%}" for _, share in pages)
    return (f"page{'s' * many} {numbers}: OCR read {shares} of {'their' if many else 'its'} "
            f"letters at a confidence under {LOW_CONFIDENCE:.0f} (a blank back showing its "
            "front through the paper, or a page too faint to read): "
            f"{'their' if many else 'its'} text is left out")
