"""A value that is only a ditto mark (``〃``): a cell merged with the one above, no value.

Stage: normalize (a check of :class:`~bma_etl.normalize.fields._Parsed`). The PDF
reader writes :data:`~bma_etl.read.pdf_rowspans.DITTO` in each row a ruled cell
merged over rows covers, and a typist types the same mark for "as above". Only a
layout knows what the cell above means for its column (a plan's responsible unit:
the same unit, :mod:`bma_etl.layouts.plan_merged_cells`); a layout that does not
say so leaves the raw mark, and the field is NULL with an ``unparsed_value`` issue
saying the cell is merged with the one above, never the mark stored as a value. A
text read over lines drops a line that is only the mark (a merged number cell's, read
into the text beside it), and keeps its other lines.
"""

from __future__ import annotations

from bma_etl.errors import NormalizeError
from bma_etl.read.pdf_rowspans import DITTO


def is_ditto(text: str) -> bool:
    """Whether ``text`` (a raw value or a line of one) is the ditto mark alone."""
    return text.strip() == DITTO


def refuse_ditto(text: str) -> None:
    """Raise :class:`NormalizeError` when ``text`` (a raw value) is the ditto mark alone.

    >>> refuse_ditto("กองคลัง")
    >>> refuse_ditto(" 〃 ")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    bma_etl.errors.NormalizeError: ...merged with the one above...
    """
    if is_ditto(text):
        raise NormalizeError(f"{DITTO!r} is a cell merged with the one above (or a ditto mark): "
                             "it states no value of its own")
