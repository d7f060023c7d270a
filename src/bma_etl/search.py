"""Thai full-text search over the reports' narratives, ranked by BM25 in plain SQL.

Belongs to the load stage (building the index) and to querying (searching).
Thai is written without spaces between words, so every narrative value (a
progress entry's detail, problems and obstacles; a project's name, rationale,
objectives and target; a plan's project names, steps and SWOT items) is cut into
words by PyThaiNLP's ``newmm`` tokenizer, and the words are stored in three
tables beside the data:

- ``search_documents``: the documents indexed (a loaded document missing here was
  loaded by an older version; ``bma-etl search --reindex`` indexes it);
- ``search_units``: one row per narrative value, with its length in words;
- ``search_terms``: how often each word occurs in each value.

The index is built where the rows are built (in the extraction workers, by
:func:`index_tables`) and loaded in the same transaction as the document's rows,
so it is incremental (only new or replaced documents) and whole-or-nothing like
them. BM25's statistics (the number of values, their mean length, each word's
document frequency) are computed when a query runs, which is what lets documents
be added and replaced one by one; DuckDB's ``fts`` extension rebuilds its whole
index instead (``PRAGMA create_fts_index(..., overwrite=1)``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa

from bma_etl.errors import WarehouseError
from bma_etl.normalize.digits import to_arabic_digits
from bma_etl.records import Record

if TYPE_CHECKING:
    from bma_etl.load import Target

#: Narrative columns indexed, by table.
NARRATIVE: dict[str, tuple[str, ...]] = {
    "projects": ("project_name", "rationale", "objectives", "target"),
    "progress_updates": ("detail", "problems", "obstacles"),
    "plan_projects": ("name",),
    "plan_steps": ("description",),
    "plan_swot_items": ("text",),
}

#: The index's tables (``warehouse.sql``), in load order.
INDEX_TABLES = ("search_documents", "search_units", "search_terms")

#: Words that mean the same; a query for one also finds the others.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "โควิด": ("covid",),
    "covid": ("โควิด",),
}

#: BM25's parameters (the usual ones).
K1, B = 1.2, 0.75
#: Weight of a longer word that holds a Thai query word (``ฝุ่น`` in ``ฝุ่นละออง``,
#: ``วัคซีน`` in ``ฉีดวัคซีน``): newmm keeps many compounds whole.
PARTIAL_WEIGHT = 0.5
#: Shortest Thai query word that also matches inside longer words (``การ`` would
#: match half the vocabulary).
PARTIAL_MIN = 4

# Within a newmm token, the words: a Thai run, a Latin run, or a number (``2.5``).
# newmm leaves runs of other scripts as they come (``(COVID-19)``, ``COVID-``), and
# punctuation and spaces are not words.
_WORDS = re.compile(r"[\u0E01-\u0E4E]+|[a-z]+|[0-9]+(?:\.[0-9]+)*")
_THAI = re.compile(r"[\u0E01-\u0E4E]")


def terms(text: str) -> list[str]:
    """The words of ``text`` as the index stores them: lower case, Arabic digits.

    >>> terms("ประชุม ณ กรุงจาการ์ตา PM2.5 ปี ๒๕๖๖ (COVID-19)")
    ['ประชุม', 'ณ', 'กรุง', 'จาการ์ตา', 'pm', '2.5', 'ปี', '2566', 'covid', '19']
    """
    return list(_terms(text))


@lru_cache(maxsize=8192)
def _terms(text: str) -> tuple[str, ...]:
    # Cached: a tracking-system page repeats every earlier entry, and the snapshots of
    # one project repeat its rationale and objectives.
    from pythainlp.tokenize import word_tokenize

    words = word_tokenize(text, engine="newmm", keep_whitespace=False)
    return tuple(part for word in words
                 for part in _WORDS.findall(to_arabic_digits(word.lower())))


def _text_of(value: object) -> str | None:
    if isinstance(value, list):
        value = "\n".join(str(v) for v in value)
    return value if isinstance(value, str) and value.strip() else None


def narrative_units(tables: dict[str, list[Record]]) -> Iterator[tuple[str, int | None, str, str]]:
    """``(table, row_ordinal, field, text)`` of every narrative value of one document."""
    for table, fields in NARRATIVE.items():
        for row in tables.get(table, ()):
            for name in fields:
                text = _text_of(getattr(row, name, None))
                if text is not None:
                    yield table, getattr(row, "ordinal", None), name, text


def index_tables(documents: Iterable[dict[str, list[Record]]]) -> dict[str, pa.Table]:
    """The search index rows of whole documents (their records), as Arrow tables."""
    def units() -> Iterator[tuple[str, str, int | None, str, str]]:
        for tables in documents:
            docs = tables.get("documents") or ()
            for doc in docs:
                yield doc.doc_id, "", None, "", ""  # marks the document as indexed
                for unit in narrative_units(tables):
                    yield (doc.doc_id, *unit)
    return build_index(units())


def build_index(units: Iterable[tuple[str, str, int | None, str, str]]) -> dict[str, pa.Table]:
    """Index rows of ``(doc_id, table, row_ordinal, field, text)`` values.

    A value with an empty ``table`` only marks its document as indexed. Units are
    numbered 1, 2, … within each document, so a document's index rows are the same
    whichever batch, run or machine loaded it.
    """
    docs: list[str] = []
    u_doc: list[str] = []
    u_no: list[int] = []
    u_table: list[str] = []
    u_row: list[int | None] = []
    u_field: list[str] = []
    u_len: list[int] = []
    t_doc: list[str] = []
    t_no: list[int] = []
    t_term: list[str] = []
    t_tf: list[int] = []
    numbers: Counter[str] = Counter()  # units are numbered within their document
    for doc_id, table, row, field, text in units:
        if not table:
            docs.append(doc_id)
            continue
        words = _terms(text)
        if not words:
            continue
        numbers[doc_id] += 1
        number = numbers[doc_id]
        u_doc.append(doc_id)
        u_no.append(number)
        u_table.append(table)
        u_row.append(row)
        u_field.append(field)
        u_len.append(len(words))
        counts = Counter(words)  # a unit's terms in their first place's order
        t_doc.extend(repeat(doc_id, len(counts)))
        t_no.extend(repeat(number, len(counts)))
        t_term.extend(counts)
        t_tf.extend(counts.values())
    return {
        "search_documents": pa.table({"doc_id": pa.array(docs, pa.string())}),
        "search_units": pa.table({
            "doc_id": pa.array(u_doc, pa.string()), "unit": pa.array(u_no, pa.int32()),
            "table_name": pa.array(u_table, pa.string()),
            "row_ordinal": pa.array(u_row, pa.int32()), "field": pa.array(u_field, pa.string()),
            "length": pa.array(u_len, pa.int32())}),
        # Dictionary-encoded: a chunk's rows repeat a few ids and words many times, and
        # the workers send these tables to the writer (a third of the bytes plain).
        "search_terms": pa.table({
            "doc_id": pa.array(t_doc, pa.string()).dictionary_encode(),
            "unit": pa.array(t_no, pa.int32()),
            "term": pa.array(t_term, pa.string()).dictionary_encode(),
            "tf": pa.array(t_tf, pa.int32())}),
    }


def _narrative_sql() -> str:
    """SQL giving every narrative value in the warehouse with its place and report date."""
    parts = []
    for table, fields in NARRATIVE.items():
        row = "NULL::INTEGER" if table == "projects" else "ordinal"
        date = "report_date" if table == "progress_updates" else "NULL::DATE"
        for name in fields:
            value = "array_to_string(objectives, chr(10))" if name == "objectives" else name
            parts.append(f"SELECT doc_id, '{table}' AS table_name, {row} AS row_ordinal, "
                         f"'{name}' AS field, {value} AS text, {date} AS report_date "
                         f"FROM {table}")
    return "\nUNION ALL ".join(parts)


def reindex(db: Target, everything: bool = False, wait: float = 60.0) -> int:
    """Index the loaded documents the index lacks (all of them with ``everything``).

    Returns how many documents were indexed.
    """
    from bma_etl.load import Warehouse, run_lock

    with run_lock(db), Warehouse(db, wait=wait) as wh:
        missing = "" if everything else \
            "AND doc_id NOT IN (SELECT doc_id FROM search_documents)"
        ids = [r[0] for r in wh.con.execute(
            f"SELECT doc_id FROM documents WHERE status = 'loaded' {missing} ORDER BY doc_id"
        ).fetchall()]
        for start in range(0, len(ids), 512):
            chunk = ids[start:start + 512]
            rows = wh.con.execute(
                f"SELECT doc_id, table_name, row_ordinal, field, text FROM ({_narrative_sql()}) "
                "WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) AND text IS NOT NULL "
                "ORDER BY doc_id, table_name, row_ordinal, field", [chunk]).fetchall()
            marks = [(doc_id, "", None, "", "") for doc_id in chunk]
            wh.replace_index(chunk, build_index([*marks, *rows]))
    return len(ids)


# ---------------------------------------------------------------------------- searching


@dataclass(frozen=True, slots=True)
class Hit:
    """One narrative value that matches a query."""

    score: float
    doc_id: str
    layout: str
    table_name: str
    row_ordinal: int | None
    field: str
    project_code: str | None
    title: str | None  # the project's name, or the plan's agency
    fiscal_year_be: int | None
    date: str | None  # the entry's report date, else the document's latest
    text: str
    snippet: str
    marks: tuple[tuple[int, int], ...]  # spans of matched words in ``snippet``
    file_name: str | None = None


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The hits of a query, and how many loaded documents the index lacks."""

    query_terms: tuple[str, ...]
    hits: list[Hit]
    unindexed: int


def query_terms(query: str) -> list[tuple[str, bool, int]]:
    """The query's words with their synonyms, as ``(word, partial, group)``.

    ``partial``: the word may match inside a longer one; ``group``: which query
    word it stands for (a synonym shares its word's group).

    >>> query_terms("ฝุ่น PM2.5 โควิด การ")[3:]
    [('โควิด', True, 3), ('covid', False, 3), ('การ', False, 4)]
    """
    out: dict[str, tuple[bool, int]] = {}
    for word in _terms(query):
        group = len({g for _, g in out.values()})
        for w in (word, *SYNONYMS.get(word, ())):
            out.setdefault(w, (len(w) >= PARTIAL_MIN and _THAI.search(w) is not None, group))
    return [(w, partial, group) for w, (partial, group) in out.items()]


_SEARCH_SQL = """
WITH q AS (SELECT unnest(?::VARCHAR[]) AS qterm, unnest(?::BOOLEAN[]) AS partial,
                  unnest(?::INTEGER[]) AS grp),
stats AS (SELECT count(*)::DOUBLE AS n, avg(length) AS avgdl FROM search_units),
matched AS (
    SELECT t.doc_id, t.unit, t.term, t.tf, list(q.grp) AS grps,
           max(CASE WHEN t.term = q.qterm THEN 1.0 ELSE {partial} END) AS weight
    FROM search_terms t JOIN q
      ON t.term = q.qterm OR (q.partial AND contains(t.term, q.qterm))
    GROUP BY ALL
),
df AS (SELECT term, count(*)::DOUBLE AS df FROM matched GROUP BY term),
scored AS (
    SELECT m.doc_id, m.unit,
           sum(m.weight * ln(1 + (s.n - df.df + 0.5) / (df.df + 0.5))
               * m.tf * ({k1} + 1) / (m.tf + {k1} * (1 - {b} + {b} * u.length / s.avgdl)))
             AS score,
           list(DISTINCT m.term) AS words,
           -- the share of the query's words the value holds (Lucene's "coord")
           len(list_distinct(flatten(list(m.grps))))::DOUBLE / ? AS coord
    FROM matched m JOIN df USING (term) JOIN search_units u USING (doc_id, unit), stats s
    GROUP BY m.doc_id, m.unit
),
latest AS (SELECT doc_id, max(report_date) AS report_date FROM progress_updates GROUP BY doc_id),
info AS (
    SELECT r.doc_id, r.layout, r.source_path, r.medium_rank, r.quality_issues, r.ingested_at,
           coalesce(p.fiscal_year_be, pl.fiscal_year_be) AS fiscal_year_be,
           p.project_code, coalesce(p.project_name, pl.agency) AS title
    FROM v_document_rank r
    LEFT JOIN projects p USING (doc_id)
    LEFT JOIN plans pl USING (doc_id)
)
SELECT s.score * s.coord AS score, s.doc_id, i.layout, u.table_name, u.row_ordinal, u.field,
       i.project_code, i.title, i.fiscal_year_be, coalesce(n.report_date, l.report_date) AS date,
       n.text, s.words, i.source_path
FROM scored s
JOIN search_units u USING (doc_id, unit)
JOIN info i USING (doc_id)
JOIN ({narratives}) n
  ON n.doc_id = s.doc_id AND n.table_name = u.table_name AND n.field = u.field
 AND n.row_ordinal IS NOT DISTINCT FROM u.row_ordinal
LEFT JOIN latest l ON l.doc_id = s.doc_id
WHERE (?::VARCHAR IS NULL OR i.layout = ?) AND (?::INTEGER IS NULL OR i.fiscal_year_be = ?)
-- copies of one report (and entries a later snapshot repeats) count once: the best copy
QUALIFY row_number() OVER (
    PARTITION BY coalesce(i.project_code, i.title, s.doc_id), i.fiscal_year_be,
                 u.table_name, u.field, n.text
    ORDER BY i.medium_rank, i.quality_issues, i.ingested_at DESC, s.doc_id) = 1
ORDER BY s.score * s.coord DESC, i.project_code NULLS LAST, s.doc_id, u.table_name,
         u.row_ordinal, u.field
LIMIT ?
"""


def search(db: Target, query: str, *, layout: str | None = None,
           fiscal_year: int | None = None, limit: int = 10, wait: float = 60.0
           ) -> SearchResult:
    """The narrative values best matching ``query`` (BM25), best first.

    ``fiscal_year`` is a Buddhist-era year (``2566``). Raises ValueError when the
    query has no words, WarehouseError when the warehouse has no index.
    """
    from bma_etl.warehouse_file import connect

    words = query_terms(query)
    if not words:
        raise ValueError(f"{query!r} has no words to search for")
    con = connect(db, read_only=True, wait=wait)
    try:
        have = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables").fetchall()}
        if not set(INDEX_TABLES) <= have:
            raise WarehouseError(f"{db}: this warehouse has no search index yet; run "
                                 "'bma-etl search --reindex' once (or ingest with this version)")
        sql = _SEARCH_SQL.format(partial=PARTIAL_WEIGHT, k1=K1, b=B, narratives=_narrative_sql())
        groups = len({g for _, _, g in words})
        rows = con.execute(sql, [[w for w, _, _ in words], [p for _, p, _ in words],
                                 [g for _, _, g in words], groups,
                                 layout, layout, fiscal_year, fiscal_year, limit]).fetchall()
        gap = con.execute(
            "SELECT count(*) FROM documents WHERE status = 'loaded' "
            "AND doc_id NOT IN (SELECT doc_id FROM search_documents)").fetchone()
    finally:
        con.close()
    hits = [_hit(row) for row in rows]
    return SearchResult(tuple(w for w, _, _ in words), hits, int(gap[0]) if gap else 0)


def _hit(row: tuple[Any, ...]) -> Hit:
    score, doc_id, layout, table, ordinal, field, code, title, year, date, text, words, path = row
    snippet, marks = make_snippet(text, words)
    return Hit(round(float(score), 4), doc_id, layout, table, ordinal, field, code, title, year,
               date.isoformat() if date is not None else None, text, snippet, marks,
               Path(path).name if path else None)


def make_snippet(text: str, words: Iterable[str], width: int = 160
                 ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """About ``width`` characters of ``text`` around its first matched word, words marked.

    Returns the snippet and the spans of the matched words in it.

    >>> make_snippet("ประชุม ณ กรุงจาการ์ตา สาธารณรัฐอินโดนีเซีย", ["จาการ์ตา"], 20)
    ('…ณ กรุงจาการ์ตา สาธาร…', ((7, 15),))
    """
    flat = " ".join(text.split())
    folded = to_arabic_digits(flat.lower())
    found = sorted((m.start(), m.end()) for w in words if w
                   for m in re.finditer(re.escape(w), folded))
    first = found[0][0] if found else 0
    lo = max(0, first - width // 3)
    hi = min(len(flat), lo + width)
    lo = max(0, min(lo, hi - width))
    head, tail = ("…" if lo else ""), ("…" if hi < len(flat) else "")
    marks: list[tuple[int, int]] = []
    end = lo
    for a, b in found:  # overlapping matches (a word and a longer one) mark once
        if a >= end and b <= hi:
            a, b = a - lo + len(head), b - lo + len(head)
            if marks and marks[-1][1] == a:  # PM2.5 is two words, one mark
                a = marks.pop()[0]
            marks.append((a, b))
            end = b + lo - len(head)
    return head + flat[lo:hi] + tail, tuple(marks)
