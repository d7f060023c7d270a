"""Words of an OCR'd page read again alone, by one of the two models.

Stage: read. Tesseract reads a page with ``tha+eng``; on a Thai line it now and
then takes the wrong model's reading of a word:

- a Thai word read as Latin junk (``บาท`` as ``UM``): :func:`thai_readings` reads
  such words again with the Thai model alone and keeps a sure Thai reading;
- a number in Arabic digits read by the Thai model, whose Arabic digits are weak
  (``4,429,000`` as ``6,429,000``, ``84`` as ``86``, each digit 97-99 sure):
  :func:`digit_readings` reads every word holding an Arabic digit again with the
  English model alone, and names the words whose digits the two readings differ in.

Each function takes an engine (a tesserocr ``PyTessBaseAPI`` of the model it
reads with, lent by :mod:`.ocr`), the page image the TSV's boxes are in, and the
words' ``(row, box, ...)`` from :mod:`.ocr_tsv`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

#: Language a Latin word on a Thai line is read again in, alone.
THAI_ONLY = "tha"
#: Language a word holding an Arabic digit is read again in, alone.
LATIN_ONLY = "eng"
#: A Latin word read again in Thai is taken when every letter of the new reading
#: is at least this sure (0..100)...
THAI_MIN_CONF = 85.0
#: ...and their mean at least as sure as the Latin word was. On the robustness
#: corpus's scans: ``UM`` (83-93) → ``บาท`` (91-97), ``any.`` → ``กทม.`` (92-96);
#: English words come back as Thai junk with some letters under 80 (``Branch``
#: → ``ไร้หลท6๐ท``, 72), or less sure than they were. Only the Thai letters and
#: marks of the reading weigh, not the points of an abbreviation
#: (:func:`thai_confidences`).
_THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
_THAI_WORD = re.compile("[\u0e01-\u0e5b0-9.,]+")
#: Thai letters and marks alone: no digit, point or comma.
_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
#: Fewest confidences a reading of Thai words alone has when one of them is unsure: a
#: syllable or two (``ไม่มี``: four), not one letter and its mark.
WORDS_MIN_CONFS = 3
#: Tesseract's page segmentation mode for one line of text (``--psm 7``).
PSM_SINGLE_LINE = 7
_DIGITS = re.compile("[0-9]+")

Box = tuple[int, int, int, int]


def _read_alone(api: Any, page: Image.Image, box: Box, dpi: float,
                limit: float) -> tuple[str, list[int]] | None:
    """The word in ``box`` (with a margin for its marks) read as one line: text, confidences."""
    left, top, right, bottom = box
    pad = max(6, (bottom - top) // 2)
    api.SetImage(page.crop((max(0, left - pad), max(0, top - pad),
                            min(page.width, right + pad), min(page.height, bottom + pad))))
    api.SetSourceResolution(round(dpi))
    if not api.Recognize(timeout=round(limit * 1000)):
        return None
    return "".join(api.GetUTF8Text().split()), list(api.AllWordConfidences())


def thai_readings(api: Any, page: Image.Image, latin: list[tuple[int, Box, float]],
                  dpi: float, limit: float) -> dict[int, str]:
    """Latin words (:func:`~.ocr_tsv.latin_words`) read again alone in Thai: ``{row: text}``.

    Tesseract's ``tha+eng`` reads a Thai word as Latin now and then (``บาท`` as
    ``UM``); the word's box, with a margin for its marks, is read as one line by
    the Thai model alone (``api``) and kept only when that reading is Thai and sure
    (:func:`thai_taken`).
    ``limit``: seconds one reading may take.
    """
    out: dict[int, str] = {}
    mode = api.GetPageSegMode()
    api.SetPageSegMode(PSM_SINGLE_LINE)
    for row, box, conf in latin:
        read = _read_alone(api, page, box, dpi, limit)
        if read is None:
            continue
        text, confs = read
        if thai_taken(text, thai_confidences(text, confs), conf):
            out[row] = text
    api.SetPageSegMode(mode)
    api.Clear()
    return out


def thai_taken(text: str, weighed: list[int], conf: float) -> bool:
    """Whether a Latin word read at ``conf`` is taken as its Thai reading alone, ``text``.

    ``weighed``: the reading's confidences that weigh (:func:`thai_confidences`). Taken
    when it is Thai, every confidence is at least :data:`THAI_MIN_CONF` and their mean
    at least ``conf``; or when it is Thai words alone, every letter in a
    word of the Thai word list (:func:`~.ocr_words.reading_cost`), at least
    :data:`WORDS_MIN_CONFS` confidences of which one only is under
    :data:`THAI_MIN_CONF`, their mean at least ``conf``. Tesseract reads one
    character of a short word alone unsure now and then (``ไม่มี`` read ``Ws`` at 60 on
    a 150 dpi scan, alone in Thai at 29, 93, 93, 93: its leading vowel); junk made of
    an English word is no run of words (``Branch`` read ``ไร้หลท6๐ท``).

    >>> thai_taken("\u0e44\u0e21\u0e48\u0e21\u0e35", [29, 93, 93, 93], 60.0)
    True
    >>> thai_taken("\u0e44\u0e21\u0e48\u0e21\u0e35", [29, 93, 93, 93], 80.0)
    False
    >>> thai_taken("\u0e25\u0e44\u0e2d\u0e25\u0e22", [91, 31, 75, 74, 58], 40.0)
    False
    """
    if not (text and weighed and _THAI_WORD.fullmatch(text) and _THAI_LETTER.search(text)):
        return False
    if sum(weighed) / len(weighed) < conf:
        return False
    unsure = sum(c < THAI_MIN_CONF for c in weighed)
    if unsure == 0:
        return True
    if unsure > 1 or len(weighed) < WORDS_MIN_CONFS or not _THAI_RUN.fullmatch(text):
        return False
    from bma_etl.read.ocr_words import reading_cost

    return reading_cost(text)[0] == 0


def thai_confidences(text: str, confs: list[int]) -> list[int]:
    """The confidences of a Thai reading that weigh whether it is taken: its Thai letters'.

    The Thai model reads each character of a word read alone as a word of its own
    (``พ.ศ.``: four confidences); the points of an abbreviation, a dot or two pixels
    wide, it reads less sure than the letters (``พ.ศ.`` read for ``WA.`` at 200 dpi:
    93, 73, 92, 71; ``พ.ค.`` for ``we.``: 92, 87, 91, 51), and a reading is taken or
    left by its letters and marks. When the confidences do not go one a character,
    all of them weigh.

    >>> thai_confidences("\u0e1e.\u0e28.", [93, 73, 92, 71]), thai_confidences("ab", [90])
    ([93, 92], [90])
    """
    if len(confs) != len(text):
        return confs
    return [c for ch, c in zip(text, confs, strict=True) if _THAI_LETTER.match(ch)]


def digit_readings(api: Any, page: Image.Image, words: list[tuple[int, Box, str]],
                   dpi: float, limit: float) -> dict[int, str]:
    """Words holding Arabic digits that the English model reads with other digits.

    ``words``: ``(row, box, text)`` of the TSV's words holding an Arabic digit
    (:func:`~.ocr_tsv.digit_words`). Each is read again alone by the English
    model (``api``); ``{row: that reading}`` for the words whose number the two
    readings give in the same shape but with other digits (:func:`other_digits`:
    ``)6,429,000`` against ``)4,429,000``). ``limit``: seconds one reading may take.
    """
    out: dict[int, str] = {}
    mode = api.GetPageSegMode()
    api.SetPageSegMode(PSM_SINGLE_LINE)
    for row, box, text in words:
        read = _read_alone(api, page, box, dpi, limit)
        if read is not None and other_digits(text, read[0]):
            out[row] = read[0]
    api.SetPageSegMode(mode)
    api.Clear()
    return out


#: From a word's first Arabic digit to its last: the number it holds.
_NUMBER = re.compile("[0-9](?:.*[0-9])?")


def other_digits(text: str, other: str) -> bool:
    """Whether two readings of one word give its number in one shape with other digits.

    The number runs from the word's first Arabic digit to its last; its shape is
    that run with every digit as ``9``. A reading alone takes in a mark of its
    box's margin now and then (``2`` read ``12`` beside a Thai letter's stroke,
    ``10.50`` read ``16-50%``): a number of another shape is not counted as read
    otherwise, only a digit put for a digit.

    >>> other_digits(")6,429,000", ")4,429,000"), other_digits("686", "684")
    (True, True)
    >>> other_digits("2", "12"), other_digits("2/2566", "2/25660"), other_digits("98.5", "98.5")
    (False, False, False)
    """
    one, two = _NUMBER.search(text), _NUMBER.search(other)
    if one is None or two is None or one.group() == two.group():
        return False
    return _shape(one.group()) == _shape(two.group())


def _shape(number: str) -> str:
    return re.sub("[0-9]", "9", number)
