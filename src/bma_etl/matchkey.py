"""Match fixed wording in a form that PDF and OCR damage cannot change.

Part of the document model (:mod:`bma_etl.document`); belongs to no stage.
Detection signals, labels, headings and flag words are matched on the *key form*
of the text (:func:`key`): Thai upper and lower vowels and tone marks dropped
(OCR loses or doubles them, PDFs put them out of order or after a space), SARA
AM read as SARA AA (split into NIKHAHIT + SARA AA, or its NIKHAHIT lost), two
SARA E read as SARA AE, spaces and tabs dropped (OCR and PDFs add them inside
words), ``;`` read as ``:``. Values are never taken from the key form: a match
is mapped back to the exact span of the text as read (:func:`key_map`).

What the key form cannot absorb (a letter read as another, ``แสดง`` → ``เสดง``)
is left to :func:`fuzzy_find`, an approximate search (RapidFuzz) used only where
the exact forms found nothing. A form's labels at the start of a line are found
with these by :mod:`bma_etl.matchlabel`.
"""

from __future__ import annotations

import re
from functools import cache, cached_property, lru_cache

#: Upper and lower vowels and tone marks (MAI HAN-AKAT, SARA I..PHINTHU, MAITAIKHU..YAMAKKAN).
MARKS = "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
_MARK_CHARS = [chr(c) for c in (0x0E31, *range(0x0E34, 0x0E3B), *range(0x0E47, 0x0E4F))]
_KEY_TABLE = str.maketrans(
    {**dict.fromkeys(_MARK_CHARS, None), " ": None, "\t": None, "\u00a0": None,
     "\u0e33": "\u0e32", ";": ":"}
)

#: The characters the key form drops.
_DROPPED = frozenset(chr(c) for c, to in _KEY_TABLE.items() if to is None)
_DROPPED_RUN = re.compile("[" + "".join(re.escape(c) for c in sorted(_DROPPED)) + "]+")


#: How many line texts the readers' tests of a line (heading? header? flags?) keep
#: the answer for (:func:`functools.lru_cache`): a plan's dozen table readers each
#: ask the same questions of the same lines, and a batch of one agency's documents
#: repeats its headings. The tests are pure functions of the text: the answer is
#: the same whoever asks.
LINE_CACHE = 8192


def _folded(text: str) -> str:
    """``text.translate(_KEY_TABLE)``, faster.

    ``translate`` looks up a dict for every character of Thai text; a regex deletes
    the dropped runs and ``replace`` swaps the two characters the key form maps
    (SARA AM to SARA AA, ``;`` to ``:``).
    """
    out = _DROPPED_RUN.sub("", text)
    if "\u0e33" in out:
        out = out.replace("\u0e33", "\u0e32")
    return out.replace(";", ":") if ";" in out else out


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """The key form of ``text`` (line breaks kept, so line anchors still work).

    Cached: a layout keys the same line for each of its patterns in turn.

    >>> key("เป็นไปตามเเผน") == key("เปนไปตามแผน") == key("เป็น ไป ตาม แผน")
    True
    >>> key("ด าเนินการ") == key("ดำเนินการ") == key("ดํา เนินการ")
    True
    """
    out = _folded(text)
    return out.replace("\u0e40\u0e40", "\u0e41") if "\u0e40\u0e40" in out else out


def key_map(text: str) -> tuple[str, list[int]]:
    """The key form and, for each of its characters, its offset in ``text``.

    The list has one more entry, ``len(text)``, so a match's end maps too.

    >>> k, at = key_map("ก้า ว")
    >>> k, at
    ('กาว', [0, 2, 4, 5])
    """
    folded = _folded(text)
    if "\u0e40\u0e40" not in folded:  # each kept character maps to one: offsets alone
        offsets = [i for i, ch in enumerate(text) if ch not in _DROPPED]
        offsets.append(len(text))
        return folded, offsets
    chars: list[str] = []
    offsets = []
    table = _KEY_TABLE
    for i, ch in enumerate(text):
        mapped = table.get(ord(ch), ch)
        if not mapped:
            continue
        if mapped == "\u0e40" and chars and chars[-1] == "\u0e40":
            chars[-1] = "\u0e41"
            continue
        chars.append(mapped)
        offsets.append(i)
    offsets.append(len(text))
    return "".join(chars), offsets


_MARK_IN_PATTERN = re.compile(f"[{MARKS}]\\??")
_SPACE_IN_PATTERN = re.compile(r"(?:\\s|\\t| )(?:[*+?]|\{\d*,?\d*\})?")


@cache
def key_pattern(pattern: str) -> re.Pattern[str] | None:
    r"""The regex ``pattern`` rewritten to run on key-form text, or None if it cannot be.

    Marks are dropped with their ``?``, SARA AM becomes SARA AA, white space
    (``\s*``, ``\s+``, literal spaces) becomes nothing.

    >>> key_pattern(r"รายงานครั?้?งที่?\s*[0-9]").pattern
    'รายงานครงท[0-9]'
    """
    rewritten = _MARK_IN_PATTERN.sub("", pattern)
    rewritten = _SPACE_IN_PATTERN.sub("", rewritten)
    rewritten = rewritten.replace("\u0e33", "\u0e32").replace("\u0e40\u0e40", "\u0e41")
    rewritten = rewritten.replace("[]", "").replace("[^]", "")
    try:
        return re.compile(rewritten, re.MULTILINE)
    except re.error:
        return None


_MARK_SET = frozenset(_MARK_CHARS)


def marks_optional(words: str, any_mark: bool = False) -> str:
    r"""A regex of ``words`` that also matches them as printed with marks lost.

    For the fixed words inside a reader's own regexes, where a match's offsets
    must index the text as read (``finditer``): every upper or lower vowel and
    tone mark may be missing, SARA AM may be read ``ํา`` or ``า``. ``words`` is a
    plain word or an alternation of words (no character classes). With
    ``any_mark``, a mark may also be read as another (OCR: ``เพิ่มขื้น``).

    >>> import re
    >>> bool(re.fullmatch(marks_optional("ระดับ|ร้อยละ"), "รอยละ"))
    True
    >>> bool(re.fullmatch(marks_optional("จำนวน"), "จานวน"))
    True
    >>> [bool(re.fullmatch(marks_optional("เพิ่มขึ้น", a), "เพิ่มขื้น")) for a in (False, True)]
    [False, True]
    """
    out: list[str] = []
    for i, ch in enumerate(words):
        if ch == "\u0e33":
            out.append("(?:\u0e33|\u0e4d?\u0e32)")
        elif ch in _MARK_SET and words[i + 1:i + 2] != "?":
            out.append(f"[{MARKS}]?" if any_mark else ch + "?")
        else:
            out.append(ch)
    return "".join(out)


def search_key(pattern: str, text: str) -> tuple[int, int] | None:
    """Span in ``text`` of the first match of ``pattern`` on its key form, or None.

    >>> search_key("ชื่อผู้รับผิดชอบ", "๑. ชือผู รับผิดชอบ : นาย ก")
    (3, 18)
    """
    compiled = key_pattern(pattern)
    if compiled is None or not compiled.search(key(text)):  # key() is cheap; key_map is not
        return None
    folded, offsets = key_map(text)
    m = compiled.search(folded)
    if not m or m.end() == m.start():
        return None
    return offsets[m.start()], past_marks(text, offsets[m.end() - 1] + 1)


def matches_key(pattern: str, text: str, full: bool = False) -> bool:
    """Whether ``pattern`` matches the start (or, with ``full``, the whole) of ``text`` in key form.

    >>> matches_key("เป็นไปตามแผน", "เป็นไปตามเเผน", full=True)
    True
    """
    compiled = key_pattern(pattern)
    if compiled is None:
        return False
    folded = key(text)
    return bool(compiled.fullmatch(folded) if full else compiled.match(folded))


_MARK_RUN = re.compile(f"[{MARKS}\u0e33]*")


def past_marks(text: str, end: int) -> int:
    """``end`` moved past the marks that belong to the letter before it.

    >>> past_marks("ศาสตร์ :", 5)
    6
    """
    m = _MARK_RUN.match(text, end)
    return m.end() if m else end


#: Least similarity (0-100) for an approximate match of a phrase.
MIN_SIMILARITY = 82.0


def fuzzy_find(phrase: str, text: str, min_similarity: float = MIN_SIMILARITY
               ) -> tuple[int, int] | None:
    """Span in ``text`` of an approximate match of ``phrase`` (both in key form), or None.

    Meant for phrases of ten letters and more; a short phrase matches too easily.

    >>> fuzzy_find(key("แบบแสดงรายงานความก้าวหน้า"), key("“ แบบเสดงรายง่านความก้าวห์น้า “"))
    (1, 24)
    """
    from rapidfuzz.fuzz import partial_ratio_alignment

    if len(phrase) < 6 or not text:
        return None
    found = partial_ratio_alignment(phrase, text, score_cutoff=min_similarity)
    if found is None:
        return None
    return found.dest_start, found.dest_end


def fuzzy_search(phrase: str, text: str, min_similarity: float = MIN_SIMILARITY
                 ) -> tuple[int, int] | None:
    """Span in ``text`` (as read) of an approximate match of ``phrase`` in key form.

    >>> text = "ว ความก้าวหน้าของงวนฯ. = 6.50 %"
    >>> a, b = fuzzy_search("ความก้าวหน้าของงาน", text)
    >>> text[a:b]
    'ความก้าวหน้าของงวน'
    """
    folded, offsets = key_map(text)
    found = fuzzy_find(key(phrase), folded, min_similarity)
    if found is None or found[1] <= found[0]:
        return None
    return offsets[found[0]], past_marks(text, offsets[found[1] - 1] + 1)


def literal_of(pattern: str) -> str:
    r"""The words a label regex always needs: optional groups and regex syntax dropped.

    >>> literal_of(r"ชื่อโครงการ(?:\s*/\s*กิจกรรม)?"), literal_of(r"(?:ชื่อ)?ผู้รับผิดชอบ(?:โครงการ)?")
    ('ชื่อโครงการ', 'ผู้รับผิดชอบ')
    """
    text = re.sub(r"\(\?:[^()]*\)\?", "", pattern)
    text = re.sub(r"\\s[*+?]?|\\.|[\\()?:*+|^$\[\]]", "", text)
    return text.strip()


class KeyMatch:
    r"""A match on the key form of a text, its groups' spans in the text as read.

    >>> m = match_key(r"ความคืบหน้า\s*ร้อยละ\s*(?P<pct>[0-9.]+)", "ความคืบหนา รอยละ 97.50")
    >>> m.group("pct"), m.span("pct")
    ('97.50', (17, 22))
    """

    def __init__(self, match: re.Match[str], text: str, offsets: list[int]) -> None:
        """Wrap a match on ``key_map(text)``'s key form."""
        self._match, self._text, self._offsets = match, text, offsets

    def span(self, group: int | str = 0) -> tuple[int, int]:
        """Start and end of ``group`` in the text as read, ``(-1, -1)`` if it did not take part."""
        a, b = self._match.span(group)
        if a < 0:
            return -1, -1
        start = self._offsets[a]
        return (start, past_marks(self._text, self._offsets[b - 1] + 1)) if b > a else (start,
                                                                                           start)

    def start(self, group: int | str = 0) -> int:
        """Start of ``group`` in the text as read."""
        return self.span(group)[0]

    def end(self, group: int | str = 0) -> int:
        """End of ``group`` in the text as read."""
        return self.span(group)[1]

    def group(self, group: int | str = 0) -> str | None:
        """``group`` as read, None if it did not take part."""
        a, b = self.span(group)
        return None if a < 0 else self._text[a:b]


def match_key(pattern: str, text: str) -> KeyMatch | None:
    """Match ``pattern`` at the start of ``text`` in key form (see :func:`key_pattern`)."""
    compiled = key_pattern(pattern)
    if compiled is None or not compiled.match(key(text)):  # key() is cheap; key_map is not
        return None
    folded, offsets = key_map(text)
    m = compiled.match(folded)
    return None if m is None else KeyMatch(m, text, offsets)


#: Texts whose match each :class:`KeyRegex` keeps (a plan has a few thousand lines).
MATCHES_KEPT = 4096


class KeyRegex:
    r"""A regex matched as printed, and on the key form where the printed text fails.

    For fixed wording (headings, column words) in a reader's patterns: an OCR'd
    ``ขันตอนการดำเนินงาน`` (its MAI THO lost) still opens a step table. The
    printed match is tried first, so a text that matches as printed reads the
    same as with a plain regex; a key-form match is a :class:`KeyMatch`, whose
    spans index the text as read. ``flags`` other than the key form's
    ``re.MULTILINE`` apply to the printed match only.

    >>> r = KeyRegex(r"^\s*ขั้นตอน\s*การ\s*ดำเนิน\s*งาน")
    >>> bool(r.match("ขันตอนการดําเนินงาน เนื้อหา")), r.match("โครงการ") is None
    (True, True)
    >>> r = KeyRegex(r"(?P<n>[0-9]+)\s*ขั้นตอน")
    >>> r.search("ได้ครบ 5 ขันตอน").group("n")
    '5'
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        """Compile ``pattern`` as printed (with ``flags``); in key form when first needed."""
        self.pattern = pattern
        self.printed = re.compile(pattern, flags)
        # Each text's match, kept: the plan readers ask each line's header tests again
        # and again (a plan's lines are matched about twenty times each by one regex).
        self._matches: dict[str, re.Match[str] | KeyMatch | None] = {}

    @cached_property
    def key_form(self) -> re.Pattern[str] | None:
        """:func:`key_pattern` of the pattern, kept: a reader asks for it on most lines."""
        return key_pattern(self.pattern)

    def match(self, text: str) -> re.Match[str] | KeyMatch | None:
        """Match at the start of ``text``, as printed or else in key form (:func:`match_key`).

        A text's match is worked out once (the last :data:`MATCHES_KEPT` texts are kept).
        """
        matches = self._matches
        if text in matches:
            return matches[text]
        if len(matches) >= MATCHES_KEPT:
            matches.clear()
        found = matches[text] = self._match(text)
        return found

    def _match(self, text: str) -> re.Match[str] | KeyMatch | None:
        found = self.printed.match(text)
        if found is not None:
            return found
        compiled = self.key_form
        if compiled is None or not compiled.match(key(text)):  # key() is cheap; key_map is not
            return None
        folded, offsets = key_map(text)
        m = compiled.match(folded)
        return None if m is None else KeyMatch(m, text, offsets)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | KeyMatch | None:
        """Search ``text`` from ``pos``, as printed or else in key form."""
        found = self.printed.search(text, pos)
        if found is not None:
            return found
        compiled = self.key_form
        if compiled is None or not compiled.search(key(text[pos:])):
            return None
        folded, offsets = key_map(text)
        start = next(i for i, at in enumerate(offsets) if at >= pos)
        m = compiled.search(folded, start)
        return None if m is None else KeyMatch(m, text, offsets)
