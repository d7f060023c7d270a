"""Faster paths of the line model and the label tables give what their definitions give.

:func:`bma_etl.read.pdf_line.replaced` copies a :class:`~bma_etl.read.pdf_line.TextLine`
with some fields changed, as :func:`dataclasses.replace` does, without walking the
class's field list on every call. :func:`bma_etl.matchlabel.find_label` matches a
label table as one regex, an alternation in the table's order, where it tried each
label in turn. Each is checked against its definition, written out plainly, on
lines and labels generated from known values (fields set at random; label lines
built from the tables' own literals, with spaces, dots, separators and marks lost).
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest

import bma_etl.matchlabel as matchlabel
from bma_etl.layouts.legacy_progress_form import PROJECT_LABELS
from bma_etl.layouts.web_detail_fields import PROJECT_LABELS as WEB_LABELS
from bma_etl.matchkey import MARKS, key, key_pattern, literal_of
from bma_etl.matchlabel import _compiled, find_label
from bma_etl.read.pdf_line import TextLine, replaced

_VALUES = {
    str: lambda rng: rng.choice(["", "ก ข", "a\tb", "รหัส : 1"]),
    float: lambda rng: round(rng.uniform(-5, 600), 2),
    int: lambda rng: rng.randrange(5),
    bool: lambda rng: rng.random() < 0.5,
}


def _value(field: dataclasses.Field[object], rng: random.Random) -> object:
    """A value of the field's kind: a scalar, or a tuple of floats for a tuple field."""
    kind = str(field.type)
    for name, make in (("str", str), ("bool", bool), ("int", int), ("float", float)):
        if kind.startswith(name) or kind == f"{name} | None":
            return _VALUES[make](rng)
    return tuple(round(rng.uniform(0, 500), 1) for _ in range(rng.randrange(4)))


@pytest.mark.parametrize("seed", range(40))
def test_replaced_is_dataclasses_replace(seed: int) -> None:
    rng = random.Random(seed)
    fields = dataclasses.fields(TextLine)
    line = TextLine(**{f.name: _value(f, rng) for f in fields})
    changes = {f.name: _value(f, rng) for f in rng.sample(fields, rng.randrange(len(fields)))}
    made = replaced(line, **changes)
    assert type(made) is TextLine and made is not line
    assert made == dataclasses.replace(line, **changes)
    with pytest.raises(TypeError):
        replaced(line, no_such_field=1)


def test_replaced_of_another_dataclass_is_dataclasses_replace() -> None:
    @dataclasses.dataclass(frozen=True)
    class Other:
        a: int
        b: str = "x"

    assert replaced(Other(1), b="y") == Other(1, "y")


def _label_by_definition(text: str, labels: dict[str, str]) -> tuple[str, int] | None:
    """The first label of the table, in its order, that the line opens with (as printed)."""
    for pattern, name in labels.items():
        found = re.match(f"^[ \t]*(?:{pattern})[\\s.…]*[:;][ \t:]*", text)
        if found:
            return name, found.end()
    return None


def _label_line(literal: str, value: str, rng: random.Random) -> str:
    """``literal : value`` as forms print it: spaces and dots before the separator."""
    lead = rng.choice(["", " ", "\t", "  "])
    dots = rng.choice(["", "...", " .", "…"])
    return f"{lead}{literal}{dots}{rng.choice([' ', ''])}{rng.choice([':', ';'])} {value}"


TABLES = {"legacy": PROJECT_LABELS, "web": WEB_LABELS}


@pytest.fixture(params=[0, 10**9], ids=["joined", "in-turn"])
def join_after(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    """Labels matched as one alternation from the first call, or one by one throughout."""
    monkeypatch.setattr(matchlabel, "JOIN_AFTER", request.param)
    _compiled.cache_clear()
    return int(request.param)


@pytest.mark.parametrize("table", list(TABLES))
@pytest.mark.parametrize("seed", range(6))
def test_a_table_is_one_alternation_read_in_its_order(table: str, seed: int,
                                                      join_after: int) -> None:
    labels = TABLES[table]
    assert _compiled(tuple(labels.items())).joined(now=True)[0] is not None  # one regex
    if join_after:
        _compiled.cache_clear()
    rng = random.Random(f"{table}-{seed}")
    read = 0
    for pattern in labels:  # (a literal of a label with brackets or a look-ahead may match none)
        line = _label_line(literal_of(pattern), rng.choice(["ค่า 12", "2567", "นาย ก"]), rng)
        want = _label_by_definition(line, labels)
        if want is not None:
            read += 1
            assert find_label(line, labels) == want, line
    assert read >= len(labels) * 2 // 3
    # a line no label opens: none found, as printed or in key form
    assert find_label("โครงการนี้ไม่มีป้ายกำกับ : 5", labels) is None


def _keyed_by_definition(text: str, labels: dict[str, str]) -> set[str]:
    """The names of every label the line opens with in key form."""
    return {name for pattern, name in labels.items()
            if (compiled := key_pattern(f"^(?:{pattern})")) is not None
            and compiled.match(key(text))}


@pytest.mark.parametrize("seed", range(6))
def test_a_label_with_its_marks_lost_is_found_in_key_form(seed: int, join_after: int) -> None:
    rng = random.Random(seed)
    for pattern, name in PROJECT_LABELS.items():
        literal = re.sub(f"[{MARKS}]", "", literal_of(pattern)) if rng.random() < 0.7 \
            else literal_of(pattern)
        line = _label_line(literal, "ค่า 12", rng)
        found = find_label(line, PROJECT_LABELS)
        assert found is not None, line
        assert line[found[1]:] == "ค่า 12"
        assert found[0] == name or found[0] in _keyed_by_definition(line, PROJECT_LABELS)


def test_a_table_whose_labels_hold_groups_is_tried_label_by_label(join_after: int) -> None:
    labels = {r"(รหัส)โครงการ": "code", r"(ชื่อ)โครงการ": "name"}
    assert _compiled(tuple(labels.items())).joined(now=True)[0] is None
    assert find_label("ชื่อโครงการ : ก", labels) == _label_by_definition("ชื่อโครงการ : ก", labels)
    assert find_label("ชื่อโครงการ : ก", labels) == ("name", 14)
