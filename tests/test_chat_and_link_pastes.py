"""A document passed on in a chat or an e-mail: LINE's saved chat history, a pasted link.

LINE's "save chat history" writes a header, a line per day and each message as
``time⇥sender⇥message``, a message of several lines in double quotes: the document is
one such message among short ones. The times, senders and short messages are not the
document's. An e-mail pasting the top of a tracking page ends with the page's link
on a line of its own: no narrative of the page. The documents are generated (bench/corpus
tracking-system pages and the legacy form), wrapped or linked in the test; the truth
is the values they were generated from.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from corpus import forms, web
from read_back import assert_read_as_generated

#: The history and tracking pages failed before (the time and sender before the page's
#: first line); the detail page and the form read right already and guard the reading.
GENERATORS = {"history": web.progress_history, "detail": web.project_detail,
              "tracking": web.tracking_page, "form": forms.legacy_form}


def _line_chat(rng: random.Random, text: str) -> str:
    """``text`` sent as one message of a LINE chat history, short messages around it."""
    sender, other = rng.sample(["ธีรวัฒน์ ฝ่ายรักษาฯ", "วิภาวรรณ", "Somchai K.", "ปิยธิดา"], 2)
    hour = rng.randint(8, 16)
    body = text.strip("\n").replace('"', '""')
    lines = ["[LINE] ประวัติการแชทใน กลุ่มติดตามโครงการ", "บันทึกเมื่อ: 27/06/2025 17:02", "",
             rng.choice(["ศ., 27/06/2025", "Fri, 06/27/2025"]),
             f"{hour:02d}:38\t{sender}\tส่งความคืบหน้าโครงการครับ",
             f'{hour:02d}:40\t{sender}\t"{body}"',
             f"{hour:02d}:41\t{other}\tรับทราบค่ะ", f"{hour:02d}:41\t{other}\t[สติกเกอร์]", ""]
    return "\r\n".join("\r\n".join(line.split("\n")) for line in lines)


@pytest.mark.parametrize("generator", list(GENERATORS))
@pytest.mark.parametrize("k", range(2))
def test_a_document_sent_in_a_line_chat_reads_as_written(generator: str, k: int,
                                                          tmp_path: Path) -> None:
    rng = random.Random(f"line-chat-{generator}-{k}")
    doc = GENERATORS[generator](rng)
    path = tmp_path / "chat.txt"
    path.write_bytes(_line_chat(rng, doc.text).encode("utf-8"))
    assert_read_as_generated(path, doc.truth)


@pytest.mark.parametrize("k", range(3))
def test_a_link_pasted_under_a_page_s_top_is_no_narrative(k: int, tmp_path: Path) -> None:
    doc = web.tracking_page(random.Random(f"pasted-link-{k}"))
    link = random.Random(k).choice([
        "https://bmaproject.bangkok.go.th/progress?id=50280000-1187",
        "www.bangkok.go.th/project/history/12345", "http://pmss.bangkok.go.th/p/9"])
    path = tmp_path / "mail.txt"
    path.write_text(f"สวัสดีครับ ส่งลิงก์และข้อมูลโครงการครับ\n\n{doc.text.strip()}\n\n\n{link}\n",
                    encoding="utf-8")
    assert_read_as_generated(path, doc.truth)
