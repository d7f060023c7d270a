"""A detail page's Thai label as OCR reads it with one letter wrong, lost or doubled.

Stage: extract (:mod:`bma_etl.layouts.web_project_detail` asks, on OCR'd pages only,
of a line that no label matched as printed or in key form). The page glues each
label to its value (``ผู้รับผิดชอบฝ่ายเทศกิจ``), so no separator tells where an
approximate label ends. OCR read ``ผู้ร้ผิดชอบ`` (its ``บ`` lost), ``ผู้ตรวจปประเมิน``
(``ป`` doubled) and ``งูรับผิดชอบ`` (``ผ`` read as ``ง``): the line went on with the
value above (a responsible unit run into the target) and the label's own value was
lost. :func:`label_one_edit_off` finds such a label: the key form
(:func:`~bma_etl.matchkey.key`) of the line's start is one edit (Levenshtein) from the
label's words, and the value starts where that start ends.

The ``ID`` labels (``Policy ID``, ``Branch ID``, ``Kpi ID``) as OCR reads them glued to
their value are :data:`OCR_ID`; a value whose first digit OCR read as the letter it
looks like (``Branch IDI89``) is put right by :func:`id_letter_read`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bma_etl.matchkey import key, key_map, past_marks

#: The fewest letters (key form) a label found one edit off has: a shorter one is one
#: edit from too many words (``เป้าหมาย``, ``หน่วยงาน`` stay matched exactly).
MIN_LETTERS = 8
#: Labels found so are Thai words alone (the ``ID`` and date labels have their own
#: OCR patterns).
_THAI_WORDS = re.compile("[\u0e01-\u0e4e]+")


#: The ``ID`` labels as OCR reads them glued to their value: ``I`` as ``1``, ``l``,
#: ``|`` or ``!``, ``D`` as ``0`` or ``O``, a speck before (``Branch 1D1134``,
#: ``Kpi |ID8853-1907``, ``Policy !063``); ``I`` read as two strokes (``Policy 1!058``);
#: or the two letters read as two others, glued to the value's first digit
#: (``Branch โบ2212``). Three letters there (``Kpi โมธ303-0285``) may hold a digit: no value.
OCR_ID = r"\s*\|?(?:[I1l|!]{1,2}[D0O]|[^\s0-9๐-๙:]{1,2}(?=[0-9๐-๙]))"
#: An ID value whose first digit OCR read as the letter it looks like, the rest digits
#: (``Branch IDI89`` for 189, ``Kpi IDS825-5755`` for 5825-5755): the letter and its digit.
_ID_LETTERS = {"I": "1", "l": "1", "|": "1", "!": "1", "S": "5", "O": "0"}
_LETTER_OPENED_ID = re.compile(r"(?P<letter>[Il|!SO])(?P<rest>[0-9]+(?:-[0-9]+)?)")


def id_letter_read(value: str) -> str | None:
    """``value`` (an ID read by OCR) with its first digit put back from a look-alike letter.

    None unless ``value`` is such a letter and digits alone (a dash between them kept).

    >>> id_letter_read("I89"), id_letter_read("S825-5755"), id_letter_read("189")
    ('189', '5825-5755', None)
    >>> id_letter_read("Sx25") is None
    True
    """
    m = _LETTER_OPENED_ID.fullmatch(value.strip())
    return _ID_LETTERS[m["letter"]] + m["rest"] if m else None


def label_one_edit_off(text: str, labels: Iterable[str]) -> tuple[str, int] | None:
    """``(label, offset where its value starts)`` of the label ``text`` opens with, or None.

    The value starts past the spaces and ``:`` after the label.

    ``labels``: the labels' literal words, most specific first; only Thai ones of
    :data:`MIN_LETTERS` letters or more are tried. The line's first letters (key
    form) as many as the label's, one fewer or one more are compared with the
    label's; the fewest edits, at most one, win, the label's own length first.

    >>> label_one_edit_off("ผู้ร้ผิดชอบฝ่ายเทศกิจ", ["ผู้รับผิดชอบ"])
    ('ผู้รับผิดชอบ', 11)
    >>> label_one_edit_off("ผู้ตรวจปประเมินน.ส.ณัฐพล พิมสาร", ["ผู้ตรวจประเมิน"])
    ('ผู้ตรวจประเมิน', 15)
    >>> label_one_edit_off("ผู้รับจ้างดำเนินการ", ["ผู้รับผิดชอบ"]) is None
    True
    """
    from rapidfuzz.distance import Levenshtein

    folded, offsets = key_map(text)
    for label in labels:
        want = key(label)
        if len(want) < MIN_LETTERS or not _THAI_WORDS.fullmatch(label):
            continue
        tries = [(Levenshtein.distance(want, folded[:n]), k, n)
                 for k, n in enumerate((len(want), len(want) - 1, len(want) + 1))
                 if n < len(folded)]  # a value must follow
        if tries and (best := min(tries))[0] <= 1:
            end = past_marks(text, offsets[best[2] - 1] + 1)
            return label, len(text) - len(text[end:].lstrip(" \t:"))
    return None
