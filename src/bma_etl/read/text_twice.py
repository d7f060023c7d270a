"""A text file holding one page's text twice or more: a page pasted or saved again.

Stage: read (a text file's, after its cells are rebuilt). Copying a web page's
text into a file that already held it, or saving it twice into one file, gives
the page's lines, then the same lines again. Read as one document, the second
copy's values were a second value of every field (``unparsed_line``), and its
rows a second run of the table: a detail page's twelve ``ผลงานเดือนที่`` lines read
as 24 rows, the second copy's glued ``ผลงานเดือนที่ 10`` (month 1, value 0 after
month 12) then judged month 10 without a value.

:func:`without_copies` cuts the text at each line that repeats its first line
(a page's title, ``รายละเอียดโครงการ/กิจกรรม: 08000000-1576``) and, when every
part from there on is the first part again (the same letters and the same digits
as :func:`bma_etl.read.page_order.repeated` takes a sheet scanned twice for the
same sheet), keeps the first part alone and says so in a ``page_repeated`` note.
A text whose first line comes back over a part that differs (a title atop each of
its pages, two saves of a page weeks apart) is left whole: another project's page
is :mod:`bma_etl.parts`'s to name.
"""

from __future__ import annotations

from itertools import pairwise

__all__ = ["without_copies"]


def _copy_starts(text: str) -> list[tuple[int, int]]:
    """``(offset, 1-based line)`` of each later line that is the text's first line again.

    Lines compare stripped of their spaces; the first line is the first one not blank.
    """
    first: str | None = None
    starts: list[tuple[int, int]] = []
    at = 0
    for no, line in enumerate(text.split("\n"), start=1):
        key = "".join(line.split())
        if first is None and key:
            first = key
        elif key and key == first:
            starts.append((at, no))
        at += len(line) + 1
    return starts


def without_copies(text: str) -> tuple[str, tuple[str, str] | None]:
    r"""``text`` without the copies of it pasted after it, and a note when it had some.

    The note is ``("page_repeated", message)`` naming the lines left out; the text is
    the first copy with its own line ends (offsets into it are unchanged).

    >>> page = "title 1\n" + "a line of the page's text, 12.5\n" * 8
    >>> without_copies(page + page)[0] == page
    True
    >>> without_copies(page + "title 1\nanother text")[1] is None
    True
    """
    from bma_etl.read.page_order import repeated

    starts = _copy_starts(text)
    if not starts:
        return text, None
    bounds = [0, *(at for at, _ in starts), len(text)]
    parts = [text[a:b] for a, b in pairwise(bounds)]
    again = repeated(parts)
    if any(again.get(k) != 0 for k in range(1, len(parts))):
        return text, None
    cut, line = starts[0]
    last = text.count("\n", 0, len(text.rstrip("\n"))) + 1
    copies = len(parts) - 1
    return text[:cut], ("page_repeated", (
        f"lines {line}-{last} repeat lines 1-{line - 1} (the page's text pasted or saved "
        f"{'again' if copies == 1 else f'{copies} times more'} into the file) and were "
        "not read"))
