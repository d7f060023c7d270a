"""Put back the marks OCR lost in Thai words, from a Thai word list.

Stage: read. Consumes an OCR'd page's text and words after the cache and
:mod:`.ocr_tidy`; produces them with the words whose upper and lower vowels and
tone marks Debian's ``tha`` model dropped or misplaced written as the word list
has them (``ระหวาง`` → ``ระหว่าง``, ``ผู้เขารวม`` → ``ผู้เข้าร่วม``, ``ความกำวหน้า`` →
``ความก้าวหน้า``, ``สำนักบ้องกัน`` → ``สำนักป้องกัน``), every word's offset moved to
the new text (:func:`restored`), and the list of what was changed, so the
repair is visible. Only OCR'd pages come here: a text layer, a text file or a
web page is never changed.

The lexicon is pythainlp's word list (:func:`pythainlp.corpus.thai_words`, 62k
words), keyed by :func:`bma_etl.matchkey.key` with PO PLA folded into BO BAIMAI
(``tha`` reads one for the other): two spellings with the same key differ only
in what OCR gets wrong. Thai is written without spaces, so each run of Thai
letters is segmented twice by dynamic programming over its key, as a unigram
language model over the list's words (each costs ``-log10`` of its share of the
Phupha Common Crawl counts, :mod:`pythainlp.corpus.phupha`, which were counted
with this word list and so count compounds such as ``ผู้เข้าร่วม``):

- *as read*: words spelled exactly as read, and letters no word covers, each
  costing as much as a word never seen;
- *restored*: the same, plus words of the list matching the run's key where the
  spelling as read is no word, each costing :data:`RESTORE_COST` more, and words
  a real word read may have been (:func:`~.ocr_words.confused`: ``ครั้ง ที`` →
  ``ครั้ง ที่``, ``บี งบประมาณ`` → ``ปี งบประมาณ``), costing the word read plus
  :data:`~.ocr_words.CONFUSION_COST` less the log10 odds of the TNC.

A run is rewritten only when the restored reading is cheaper: ``ผู้ เขา รวม`` (2.7 +
3.4 + 3.1 = 9.2) becomes ``ผู้เข้าร่วม`` (5.0 + 2.0), while ``ชี้ วัด`` (4.2 + 3.4)
stays: the rarer ``ชวด`` (6.0 + 2.0) shares its key. A restored word must keep every
mark read (OCR drops marks; it seldom adds one) and differ from the read only by
letters OCR confuses (:func:`~.ocr_words.keeps_marks`); failing that, a common word
one look-alike letter or mark from the read (:func:`~.ocr_words.near`: ``สำเว็จ``,
``ป๊องกัน``, ``บุริการ``; :mod:`.ocr_confusions`) costs :data:`EDIT_COST` more, and a
common word one letter from it, read twice, dropped or read for another
(:func:`~.ocr_letters.reshaped`: ``งวดตที่``, ``ผู้รัจ้าง``, ``พึงพลใจ``, ``เพิ่มชื้น``),
or any word with a letter read twice as itself (:func:`~.ocr_letters.undoubled`:
``ทที่``, ``อยยู่``), :data:`LETTER_COST` more; a key
several words share restores the one :data:`DOMINANCE` times as frequent as the next,
and a spelling the Thai National Corpus has in its own right (``โคโรนา``) is left
alone. Runs with letters no word covers (names, foreign words), rare words on short
keys (:data:`RARE_COST`) and a person's name after its title are left as read, and
so is a word restored that would change a right word of the run as read it only
partly covers, the run cut over the word lists and the Volubilis dictionary's
compounds (``การตรวจ คัดกรอง`` is no misread ``การตรวจวัด กรอง``). Short
words (``ที่``, ``ได้``, ``ไม่``: keys under :data:`~.ocr_words.MIN_KEY`) are restored
only beside another word of their run, never at a full stop (``มน.``); runs a line
break parts are read as one (``เขตห`` / ``นองจอก``; a letter wrapped alone too:
``เชี`` / ``อ``; leading vowels stacked at a run's start, a rule read as them, are left
out: :func:`~.ocr_words.runs`), a word restored across the cut
changed only where what changes lies on one side (``เขตหัว`` / ``ยขวาง`` → ``เขตห้ว``
/ ``ยขวาง``); a tone mark read twice is written once (``น้้ำหนัก``). SARA I read for
SARA II (``ทิ`` for ``ที่``) and SARA AA for SARA AM are confusions OCR makes. The
lexicon is built once per process (about 3 s, see :mod:`.ocr_words`). A second pass
(:mod:`.ocr_sara_am`) then puts back SARA AM that OCR read as a real word (``น้า``,
``นำ`` for ``น้ำ``) where the compound it makes with the words beside it says so
(``ระบายน้า`` → ``ระบายน้ำ``), and a third (:mod:`.ocr_context`) a look-alike read
that made real words (``ตัวขี้วัด`` → ``ตัวชี้วัด``, ``เมืองพีเมืองน้อง`` →
``เมืองพี่เมืองน้อง``).
"""

from __future__ import annotations

import re

from bma_etl.matchkey import MARKS, key_map
from bma_etl.normalize.text import join_sara_am
from bma_etl.read.ocr_confusions import classed
from bma_etl.read.ocr_edits import Page, Restored, edited
from bma_etl.read.ocr_layout import OcrWord
from bma_etl.read.ocr_letters import MIN_LETTERS, reshaped, stacked, undoubled, unstacked
from bma_etl.read.ocr_words import (
    CONFUSION_COST,
    MIN_KEY,
    as_written,
    choose,
    confused,
    fold,
    in_list,
    lexicon,
    near,
    place_names,
)

__all__ = ["Restored", "fold", "lexicon", "restore_run", "restored", "restored_message"]

#: Odds against OCR having damaged a word, as a cost (log10) added to a word restored
#: from its key: a restored word must be this much likelier than the words as read.
RESTORE_COST = 2.0
#: Odds against OCR having read a letter or mark for a look-alike (log10), added to
#: :data:`RESTORE_COST` for a word restored from a confusion (:func:`~.ocr_words.near`);
#: such a word must be common: twice this under the rarity bound (:data:`RARE_COST`),
#: as a misread syllable is more often one confusion from a rare word (``แร้ง``,
#: ``รอยัล``) than a word as read is.
EDIT_COST = 1.0
#: Odds against OCR having read a letter twice, dropped one or read it for any
#: other (log10), added to :data:`RESTORE_COST` for a word restored from such a
#: change (:func:`~.ocr_letters.reshaped`): rarer than a look-alike misread.
LETTER_COST = 1.5
#: A word is restored only when its cost (``-log10`` of its share of the Phupha counts)
#: is at most RARE_COST + RARE_LETTER per letter of its key: a short key matches a
#: misread speck or a name's syllable by chance (``ฐาย`` → ``ฐายี``), a long one seldom.
RARE_COST = 4.5
RARE_LETTER = 0.5
#: The longest key looked for (letters).
MAX_KEY = 24
#: Tesseract's word confidence (0-100) under which it doubted what it read: the bar
#: of a low-confidence value (:data:`bma_etl.normalize.fields.LOW_WORD_CONFIDENCE`).
DOUBTED_CONFIDENCE = 60.0


def restore_run(run: str, doubted: tuple[bool, ...] | None = None) -> list[tuple[int, int, str]]:
    """The words of a Thai run to rewrite: ``(start, end, word)`` in ``run``, in order.

    Empty when the run reads best as it stands (see the module docstring).
    ``doubted``: for each character of ``run``, whether Tesseract read it below
    :data:`DOUBTED_CONFIDENCE` (None: nothing doubted). A place's name of the list
    (:func:`~.ocr_words.place_names`) replaces a read that is words of the list as
    spelled only where Tesseract doubted it: a rare name read right is made of
    such words (``ประเวศบุรีรมย์``: ``ประเวศ บุรี รมย์``), and its key is a better
    known name's (``บุรีรัมย์``, the province).

    >>> restore_run("ผู้เขารวม")
    [(0, 9, 'ผู้เข้าร่วม')]
    >>> restore_run("ผู้เข้าร่วม")
    []
    """
    lex = lexicon()
    folded, offsets = key_map(run)
    folded = fold(folded)
    kinds = classed(folded)
    bare = "\u0e4d" not in run and as_written(run) == run  # nothing to write otherwise
    # where a letter stands twice in a row (``ทที่``): spans holding one may be undoubled
    twice = "".join("1" if run[a : a + 1] == run[a + 1 : a + 2] else "0" for a in offsets[:-1])
    # where a leading vowel stands before another (``ไใน``): spans holding one may lose it
    piled = "".join("1" if stacked(run, a) else "0" for a in offsets[:-1])
    n = len(folded)
    if not n or len(offsets) != n + 1:
        return []
    inf = float("inf")
    # cost as read and restored, and each one's back pointer (start, word restored)
    plain = [0.0] + [inf] * n
    mixed = [0.0] + [inf] * n
    back: list[tuple[int, str | None]] = [(0, None)] * (n + 1)
    back_plain = list(back)
    for i in range(n):
        if mixed[i] == inf and plain[i] == inf:
            continue
        if plain[i] + lex.unknown < plain[i + 1]:
            plain[i + 1], back_plain[i + 1] = plain[i] + lex.unknown, (i, None)
        if mixed[i] + lex.unknown < mixed[i + 1]:
            mixed[i + 1], back[i + 1] = mixed[i] + lex.unknown, (i, None)
        for j in range(i + 1, min(n, i + MAX_KEY) + 1):
            read = run[offsets[i] : offsets[j]]
            exact = read if bare or read in lex.words else as_written(read)
            if exact not in lex.words and exact != read:
                exact = as_written(read, ring=False)  # a tone mark doubled over SARA AA
            if exact in lex.words:
                cost = lex.cost(exact)
                # a tone mark read twice is written once (``น้้ำหนัก``)
                once = exact if exact != read and exact != join_sara_am(read) else None
                if plain[i] + cost < plain[j]:
                    plain[j], back_plain[j] = plain[i] + cost, (i, once)
                if mixed[i] + cost < mixed[j]:
                    mixed[j], back[j] = mixed[i] + cost, (i, once)
                # a real word read for a far commoner one of its key (``ครั้ง ที``); a
                # short one only beside another word
                # a tone mark read twice over SARA AA is SARA AM's ring, no confusion
                ring = exact != read and exact != as_written(read, ring=False)
                other = (confused(folded[i:j], exact)
                         if (j - i >= MIN_KEY or j - i < n) and not ring else None)
                if other is not None and _whole_stack(read, other[0]):
                    other = (other[0], other[1] - LETTER_COST)  # a vowel lost too (``ดม``)
                if other is not None and mixed[i] + cost + CONFUSION_COST - other[1] < mixed[j]:
                    mixed[j], back[j] = mixed[i] + cost + CONFUSION_COST - other[1], (i, other[0])
            else:
                word = choose(folded[i:j], read) if folded[i:j] in lex.by_key else None
                extra = rare = 0.0
                if word is None and j - i >= MIN_KEY and kinds[i:j] in lex.by_class:
                    word, extra = near(kinds[i:j], read), EDIT_COST
                    rare = 2 * extra
                if word is None and j - i >= MIN_LETTERS - 1:
                    # common words only (:data:`~.ocr_letters.COMMON_COST`)
                    word, extra = reshaped(kinds[i:j], read), LETTER_COST
                    rare = extra
                if word is None and "1" in twice[i : j - 1]:
                    word, extra = undoubled(read), LETTER_COST  # ``ทที่``, ``อยยู่``
                    rare = extra
                if word is None and "1" in piled[i : j - 1]:
                    word, extra = unstacked(read), LETTER_COST  # ``ไใน``
                    rare = extra
                if word is not None and _whole_stack(read, word):
                    extra += LETTER_COST  # a vowel lost too: ``เครื่อง ดม`` is no ``เครื่องดื่ม``
                if (
                    word is not None
                    and lex.cost(word) + rare <= RARE_COST + RARE_LETTER * (j - i)
                    and mixed[i] + lex.cost(word) + RESTORE_COST + extra < mixed[j]
                ):
                    mixed[j], back[j] = mixed[i] + lex.cost(word) + RESTORE_COST + extra, (i, word)
    chain = back if mixed[n] < plain[n] else back_plain
    path: list[tuple[int, int, str | None]] = []  # (start, end, word restored or None)
    j = n
    while j > 0:
        i, word = chain[j]
        path.append((i, j, word))
        j = i
    path.reverse()
    # A letter no word covers: a name or a word the list lacks, whose syllables may
    # match a word's key (``ฤทธิ`` of ``ฤทธิชัย``); the words beside it, and the
    # words beside those, are left as read, those a word read as such parts from it
    # restored (``เป้าหมายทีกำหนด`` before an unknown ``ปฏิบัติชการ``).
    lost = [
        k
        for k, (i, j, word) in enumerate(path)
        if word is None and not in_list(run[offsets[i] : offsets[j]], lex)
    ]
    if lost:
        path = [
            (i, j, word if all(abs(k - m) > 2 for m in lost) else None)
            for k, (i, j, word) in enumerate(path)
        ]
    # A short word restored (``ที`` → ``ที่``, ``ทิ`` → ``ที่``) needs a longer word beside
    # it: a name or a foreign word cuts into short syllables (``ชี วา``, ``อร ทิ รา``).
    long = [j - i >= MIN_KEY for i, j, _ in path] + [False]
    path = [
        (i, j, None if j - i < MIN_KEY and not (long[k - 1] or long[k + 1]) else word)
        for k, (i, j, word) in enumerate(path)
    ]
    # A place's name put for a read that is words as spelled (``บุรี รมย์``), only
    # marks apart, is a rare name taken for a known one, unless Tesseract doubted the
    # read (a letter lost, ``กรุเทพมหานคร``, is OCR's).
    places = place_names()
    path = [
        (i, j, None if word in places and folded[i:j] == fold(key_map(word)[0])
         and _spelled(run[offsets[i] : offsets[j]])
         and not (doubted and any(doubted[offsets[i] : offsets[j]])) else word)
        for i, j, word in path
    ]
    # A word that gains only its THANTHAKHAT before another word is a compound's
    # first part as Thai writes it (``เชาว`` of ``เชาวลิต``), no misreading.
    found = [
        (offsets[i], offsets[j], word)
        for i, j, word in path
        if word is not None and not (j < n and _only_karan(run[offsets[i] : offsets[j]], word))
    ]
    # A word restored that changes a word of the run as read, cut over the word lists
    # and Volubilis' compounds, which it does not wholly hold breaks a right word
    # (``การตรวจคัด`` of ``การตรวจ คัดกรอง`` is no misread ``การตรวจวัด``).
    spans = _read_words(run) if found else ()
    return [(a, b, word) for a, b, word in found if not _breaks(run, a, b, word, spans)]


def _read_words(run: str) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` in ``run`` of the words of its cut as read.

    The run is cut by ``newmm`` over pythainlp's word list and the Volubilis
    dictionary (:func:`.ocr_sara_am._cut`); only words of those lists with
    :data:`~.ocr_words.MIN_KEY` key letters or more are given.

    >>> _read_words("การตรวจคัดกรอง")
    ((0, 7), (7, 14))
    """
    from bma_etl.read.ocr_sara_am import _cut, _dictionary, _words

    words = _words()
    spans = []
    start = 0
    for token in _cut(run, _dictionary()):
        end = start + len(token)
        if run[start:end] != token:
            return ()  # the cut dropped or changed a character: no offsets
        if token in words and len(key_map(token)[0]) >= MIN_KEY:
            spans.append((start, end))
        start = end
    return tuple(spans)


def _breaks(
    run: str, start: int, end: int, word: str, spans: tuple[tuple[int, int], ...]
) -> bool:
    """Whether ``word`` put for ``run[start:end]`` changes a word of ``spans`` it cuts.

    A word of the cut as read that the restored span only partly covers must keep
    the part covered as read, and one holding the span on both sides is kept whole:
    ``ออยู่`` → ``อยู่`` of ``ข้องอ อยู่ระหว่าง`` changes neither, ``การตรวจคัด`` →
    ``การตรวจวัด`` changes ``คัดกรอง``.
    """
    for s, e in spans:
        if e <= start or s >= end or (start <= s and e <= end):
            continue  # apart, or wholly held
        if s < start and e > end:
            return True  # inside a longer right word (``การตรวจคัดกรองสุขภาพ``)
        if s < start and not word.startswith(run[start:e]):
            return True
        if e > end and not word.endswith(run[s:end]):
            return True
    return False


#: A letter and the marks written over and under it.
_CLUSTER = re.compile(f"([^{MARKS}])([{MARKS}]*)")


def _whole_stack(read: str, word: str) -> bool:
    """Whether ``word`` stacks marks on a letter bare in ``read``, which kept another stack.

    That is: two marks or more put on a bare letter, another letter's two or more read
    as ``word`` has them. OCR drops the tone mark of a stack and keeps the vowel under
    it (``ที่`` read ``ที``, ``ชายฝั่ง`` ``ชายฝัง``), or drops a lone mark; a stack lost whole
    beside one it read whole (``เครื่องดม`` for ``เครื่องดื่ม``) is a vowel dropped
    too, so such a word costs :data:`LETTER_COST` more: ``เครื่อง ดม ยาสลบ`` is right
    (an anaesthesia machine), while ``ขนตอน`` still reads ``ขั้นตอน``. False when the
    two do not pair letter for letter.

    >>> _whole_stack("เครื่องดม", "เครื่องดื่ม"), _whole_stack("ขนตอน", "ขั้นตอน")
    (True, False)
    """
    ours, theirs = _CLUSTER.findall(join_sara_am(read)), _CLUSTER.findall(word)
    if len(ours) != len(theirs):
        return False
    pairs = list(zip(ours, theirs, strict=True))
    return any(not a[1] and len(b[1]) > 1 for a, b in pairs) and any(
        len(a[1]) > 1 and a[1] == b[1] for a, b in pairs)


def _spelled(read: str) -> bool:
    """Whether ``read`` is words of the list end to end, each as spelled (:func:`in_list`).

    >>> _spelled("บุรีรมย์"), _spelled("ระหวาง")
    (True, False)
    """
    lex = lexicon()
    ends = {0}
    for j in range(1, len(read) + 1):
        if any(read[i:j] and in_list(read[i:j], lex) for i in ends if j - i <= MAX_KEY * 2):
            ends.add(j)
    return len(read) in ends


def _only_karan(read: str, word: str) -> bool:
    """Whether ``word`` is ``read`` with THANTHAKHAT (and marks before it) added."""
    return (
        "\u0e4c" in word
        and read == word.replace("\u0e4c", "")[: len(read)]
        and "\u0e4c" not in read
    )


def restored(text: str, words: tuple[OcrWord, ...]) -> Page:
    """An OCR'd page's text and words with lost marks put back, and what was put back.

    ``text`` and ``words`` as :func:`~.ocr_tidy.tidied` returns them; each word
    keeps its box and confidence, its offset and text moved to the new text (a
    word cut by a restored span ends where the restored word ends). Marks are put
    back from the word list (:func:`restore_run`), then SARA AM read as SARA AA
    from its compound with the words beside it (:func:`.ocr_sara_am.sara_am_run`;
    its :class:`Restored` offsets are in the text after the first pass), then a
    look-alike read that made real words (:func:`.ocr_context.context_run`; offsets
    after the second pass), then a RO
    RUA read twice at a word's start (:func:`.ocr_word_start.doubled_ro_run`), then a
    counting word after a number (:func:`.ocr_counts.with_counting_words`). Returns
    them unchanged, with no :class:`Restored`, when nothing is put back.
    """
    unsure = frozenset(k for w in words if w.conf < DOUBTED_CONFIDENCE
                       for k in range(w.start, w.end))
    text, words, marks = edited(text, words, restore_run, unsure=unsure)
    from bma_etl.read.ocr_sara_am import sara_am_run

    text, words, vowels = edited(text, words, sara_am_run)
    from bma_etl.read.ocr_context import context_run

    text, words, looks = edited(text, words, context_run)
    from bma_etl.read.ocr_word_start import doubled_ro_run

    text, words, starts = edited(text, words, doubled_ro_run, across=False)
    from bma_etl.read.ocr_counts import with_counting_words

    text, words, counts = with_counting_words(text, words)
    return text, words, marks + vowels + looks + starts + counts


#: Words quoted in a document's ``ocr_marks_restored`` quality issue.
QUOTED = 8


def restored_message(changes: tuple[str, ...]) -> str:
    """The quality issue's message for words put back (``"as read → restored"``).

    >>> restored_message(("ระหวาง → ระหว่าง",))
    'OCR misread 1 word, put back from the Thai word list or the document itself: ระหวาง → ระหว่าง'
    """
    shown = ", ".join(dict.fromkeys(changes[:QUOTED]))
    more = f" and {len(changes) - QUOTED} more" if len(changes) > QUOTED else ""
    plural = "" if len(changes) == 1 else "s"
    return (
        f"OCR misread {len(changes)} word{plural}, put back from the Thai word list or the "
        f"document itself: {shown}{more}"
    )
