"""A chat app's saved history carrying a document as one of its messages (LINE).

Stage: read. LINE's "save chat history" (``บันทึกประวัติการแชท``) writes a header
(``[LINE] ประวัติการแชทใน <group>``, ``บันทึกเมื่อ: 27/06/2025 17:02``), a line for
each day (``ศ., 27/06/2025``, ``Fri, 06/27/2025``), then a line per message:
``16:40⇥<sender>⇥<message>``; a message of several lines in double quotes, which
:func:`bma_etl.read.text_quoted.unquoted_cells` has read by then, the rest of its
lines below its first. Read as written, the time and the sender stood before the
document's first line (``16:40⇥ธีรวัฒน์ ฝ่ายรักษาฯ⇥ความคืบหน้าโครงการ ร้อยละ 85``):
no heading matched there and the narratives shifted.

:func:`unchatted` gives the messages as the text: each message line without its
time and sender, the header and day lines left empty. When a message of
:data:`LONG_MESSAGE` lines or more carries a document, the chat's short messages
around it (``ส่งรายงานครับ``, ``รับทราบค่ะ``, ``[สติกเกอร์]``) are left empty too: read
as the document's, one was taken for a second form's title, another ran into the
form's last value. No line is added or taken away. Only a text with
:data:`MIN_MESSAGES` message lines or more, or LINE's header on its first line, is
taken for a chat.
"""

from __future__ import annotations

import re

__all__ = ["unchatted"]

#: A message line: its time (``16:40``, ``4:40 PM``), a tab, the sender, a tab.
_MESSAGE = re.compile(r"(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?:[ ]?[AaPp][Mm])?\t[^\t\n]{1,60}\t")
#: LINE's header: ``[LINE] ประวัติการแชทใน …`` / ``[LINE] Chat history in …``.
_HEADER = re.compile(r"\ufeff?\[LINE\][ \t]")
#: The header's save line (``บันทึกเมื่อ: 27/06/2025 17:02``, ``Saved on: …``) and a
#: day's line (``ศ., 27/06/2025``, ``Fri, 06/27/2025``, ``2025.06.27 Friday``).
_DATED = re.compile(
    r"(?:บันทึกเมื่อ|Saved on)\s*:.*"
    r"|(?:[ก-๙]{1,3}\.|[A-Z][a-z]{2,8}),?[ \t]+[0-9]{1,4}[/.-][0-9]{1,2}[/.-][0-9]{1,4}"
    r"(?:\([^)\n]*\))?"
    r"|[0-9]{4}[/.-][0-9]{1,2}[/.-][0-9]{1,2}[ \t]*(?:\([^)\n]*\)|[A-Za-zก-๙.]{1,10})?")
#: Message lines a text must hold to be a chat, without LINE's header.
MIN_MESSAGES = 3
#: Lines of a message that carries a document (as a quoted cell of this many lines
#: keeps its lines, :data:`bma_etl.read.text_quoted.MAX_CELL_LINES`).
LONG_MESSAGE = 3


def unchatted(text: str) -> str | None:
    r"""``text`` with a chat history's times, senders and dates taken off, or None if no chat.

    >>> unchatted("[LINE] ประวัติการแชทใน กลุ่ม\nบันทึกเมื่อ: 27/06/2025 17:02\n\n"
    ...           "ศ., 27/06/2025\n16:38\tสมชาย\tส่งรายงานครับ\n16:40\tสมชาย\tบรรทัด 1\n"
    ...           "บรรทัด 2\n16:41\tสมศรี\tรับทราบค่ะ\n")
    '\n\n\n\nส่งรายงานครับ\nบรรทัด 1\nบรรทัด 2\nรับทราบค่ะ\n'
    >>> unchatted("[LINE] x\n16:38\tก\tส่งครับ\n16:40\tก\t1\n2\n3\n16:41\tข\tค่ะ\n")
    '\n\n1\n2\n3\n\n'
    >>> unchatted("ปี\t2567\nรหัส\t5014\n") is None
    True
    """
    lines = text.split("\n")
    messages = sum(1 for line in lines if _MESSAGE.match(line))
    header = bool(lines) and _HEADER.match(lines[0]) is not None
    if not messages or (messages < MIN_MESSAGES and not header):
        return None
    out: list[str] = []
    message: list[int] = []  # the lines (indexes into ``out``) of each message, in turn
    messages_lines: list[list[int]] = []
    for k, line in enumerate(lines):
        if (m := _MESSAGE.match(line)) is not None:
            message = [len(out)]
            messages_lines.append(message)
            out.append(line[m.end():])
        elif (k == 0 and header) or _DATED.fullmatch(line.strip()):
            message = []
            out.append("")
        else:
            message.append(len(out))
            out.append(line)
    sizes = [sum(1 for i in at if out[i].strip()) for at in messages_lines]
    if any(size >= LONG_MESSAGE for size in sizes):
        for at, size in zip(messages_lines, sizes, strict=True):
            if size < LONG_MESSAGE:
                for i in at:
                    out[i] = ""
    return "\n".join(out)
