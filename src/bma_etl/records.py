"""The warehouse contract as pydantic models: one class per table.

Stage: validate. Models are strict, so a value must already be normalised
(Arabic-digit ``Decimal``, CE ``date``); a lax model would accept ``2567-01-15``
as a Common Era date, so every date also carries a CE-range check.

Each field's ``Parse`` marker names the parser the normalize stage applies to the
raw text an extractor read for it (see :mod:`bma_etl.normalize.fields`).
"""

from __future__ import annotations

import datetime as dt
import functools
from decimal import Decimal
from typing import Annotated, ClassVar, Literal, get_args, get_origin, get_type_hints

from pydantic import AfterValidator, BaseModel, ConfigDict, Field


class Parse:
    """Marker on a field: which parser turns its raw text into a value."""

    __slots__ = ("kind",)

    def __init__(self, kind: str) -> None:
        self.kind = kind

    def __repr__(self) -> str:
        return f"Parse({self.kind!r})"


def _ce_date(value: dt.date) -> dt.date:
    # A date past 2200 is a Buddhist-era year that missed its -543.
    if not 1800 <= value.year <= 2200:
        raise ValueError(f"date {value.isoformat()} is outside 1800..2200 CE; a BE year?")
    return value


def _be_year(value: int) -> int:
    if not 2343 <= value <= 2743:
        raise ValueError(f"{value} is not a Buddhist-era year (2343..2743)")
    return value


Money = Annotated[Decimal, Field(max_digits=18, decimal_places=2), Parse("amount")]
Percent = Annotated[Decimal, Field(ge=0, le=100, max_digits=6, decimal_places=2), Parse("percent")]
# Bounds are the warehouse columns' (DECIMAL(18,4), INTEGER): a value beyond them is
# rejected here, with an issue, rather than failing the whole document at load.
Number = Annotated[Decimal, Field(max_digits=18, decimal_places=4), Parse("number")]
CeDate = Annotated[dt.date, AfterValidator(_ce_date), Parse("date")]
YearBE = Annotated[int, AfterValidator(_be_year), Parse("year_be")]
Int = Annotated[int, Field(ge=-(2**31), le=2**31 - 1), Parse("int")]
Quarter = Annotated[int, Field(ge=1, le=4), Parse("int")]
#: A score as the tracking system prints it (``100``, ``100.0000``): DECIMAL(9,4).
Score = Annotated[Decimal, Field(ge=0, max_digits=9, decimal_places=4), Parse("number")]
Text = Annotated[str, Parse("text")]
Code = Annotated[str, Parse("code")]
Flag = Annotated[bool, Parse("flag")]
TextList = Annotated[list[str], Parse("text_list")]


class Record(BaseModel):
    """Base of every table row."""

    model_config = ConfigDict(strict=True, frozen=True, extra="forbid")
    table: ClassVar[str]
    key: ClassVar[tuple[str, ...]] = ("doc_id",)

    doc_id: str


class Project(Record):
    """``projects``: one snapshot of a project per document."""

    table: ClassVar[str] = "projects"
    project_code: Code | None = None
    fiscal_year_be: YearBE | None = None
    project_name: Text | None = None
    agency: Text | None = None
    division: Annotated[str, Parse("path")] | None = None
    unit_code: Code | None = None
    responsible_person: Text | None = None
    responsible_phone: Code | None = None
    coordinator: Text | None = None
    coordinator_phone: Code | None = None
    budget_allocated_thb: Money | None = None
    budget_spent_thb: Money | None = None
    start_date: CeDate | None = None
    end_date: CeDate | None = None
    progress_pct: Percent | None = None
    status: Text | None = None
    rationale: Text | None = None
    objectives: TextList | None = None
    target: Text | None = None
    strategy_issue: Text | None = None
    strategy_sub_issue: Text | None = None
    strategy_goal: Text | None = None
    strategy_indicator: Text | None = None
    policy_id: Code | None = None
    branch_id: Code | None = None
    kpi_id: Code | None = None
    #: The strategy office's assessment banner of a tracking-system page
    #: (``*** สยป. ประเมินโครงการ : ไตรมาสที่ 2 100``): the quarter (1-4) and the score.
    assessment_quarter: Quarter | None = None
    assessment_score: Score | None = None


class ProgressUpdate(Record):
    """``progress_updates``: one progress entry, in document order."""

    table: ClassVar[str] = "progress_updates"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    seq_label: Int | None = None
    report_date: CeDate | None = None
    progress_pct: Percent | None = None
    budget_disbursed_thb: Money | None = None
    on_plan: Flag | None = None
    on_target: Flag | None = None
    detail: Text | None = None
    problems: Text | None = None
    obstacles: Text | None = None


class MonthlyProgress(Record):
    """``monthly_progress``: web detail page, ผลงานเดือนที่ N."""

    table: ClassVar[str] = "monthly_progress"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    month_no: Annotated[int, Field(ge=1, le=12), Parse("int")]
    value: Percent | None = None


class Indicator(Record):
    """``indicators``: a KPI block attached to a project document."""

    table: ClassVar[str] = "indicators"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    code: Code | None = None
    name: Text | None = None
    target_value: Number | None = None
    achieved_value: Number | None = None
    unit: Text | None = None
    kind: Text | None = None


class Plan(Record):
    """``plans``: one annual action plan."""

    table: ClassVar[str] = "plans"
    agency: Text | None = None
    parent_agency: Text | None = None
    fiscal_year_be: YearBE | None = None
    title: Text | None = None
    vision: Text | None = None
    missions: TextList | None = None


class PlanProject(Record):
    """``plan_projects``: a project or item of a plan's budget summary."""

    table: ClassVar[str] = "plan_projects"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    section: Literal["strategic", "key", "routine"]
    seq: Int | None = None
    name: Text | None = None
    budget_thb: Money | None = None
    uses_budget: Flag | None = None
    responsible_unit: Text | None = None


class PlanSection(Record):
    """``plan_sections``: a summary table's stated total beside the computed sum."""

    table: ClassVar[str] = "plan_sections"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    section: Literal["strategic", "key", "routine"]
    stated_total_thb: Money | None = None
    computed_total_thb: Money | None = None
    items: int


class PlanIndicator(Record):
    """``plan_indicators``: an indicator's target for one year."""

    table: ClassVar[str] = "plan_indicators"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    name: Text | None = None
    year_be: YearBE | None = None
    target_text: Text | None = None


class PlanScoringLevel(Record):
    """``plan_scoring_levels``: one level of a เกณฑ์การให้คะแนน table."""

    table: ClassVar[str] = "plan_scoring_levels"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    indicator: Text | None = None
    level: Annotated[int, Field(ge=1, le=5), Parse("int")] | None = None
    weight_pct: Number | None = None
    description: Text | None = None
    score: Number | None = None


class PlanStep(Record):
    """``plan_steps``: one step of a ขั้นตอนการดำเนินงาน table."""

    table: ClassVar[str] = "plan_steps"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    indicator_no: Int | None = None
    project_name: Text | None = None
    step_no: Int | None = None
    description: Text | None = None
    step_pct: Number | None = None
    cumulative_pct: Number | None = None


class PlanSwotItem(Record):
    """``plan_swot_items``: one item of the plan's SWOT analysis (จุดแข็ง, จุดอ่อน, ...)."""

    table: ClassVar[str] = "plan_swot_items"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    kind: Literal["strength", "weakness", "opportunity", "threat"]
    seq: Int | None = None
    text: Text | None = None


class PlanKpiDefinition(Record):
    """``plan_kpi_definitions``: one row of a table defining indicators (นิยามตัวชี้วัด)."""

    table: ClassVar[str] = "plan_kpi_definitions"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    measure: Text | None = None
    indicator: Text | None = None
    definition: Text | None = None
    activities: Text | None = None


class QualityIssue(Record):
    """``quality_issues``: what the checks found; never blocks loading."""

    table: ClassVar[str] = "quality_issues"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    table_name: str
    row_ordinal: int | None = None
    field: str | None = None
    severity: Literal["warning", "error"]
    code: str
    message: str


class Provenance(Record):
    """``provenance``: where one extracted value came from.

    ``ordinal`` numbers a document's provenance rows from 1, so each row has a key
    (``doc_id, ordinal``): a value of a one-row table has no ``row_ordinal``.
    """

    table: ClassVar[str] = "provenance"
    key: ClassVar[tuple[str, ...]] = ("doc_id", "ordinal")
    ordinal: int
    table_name: str
    row_ordinal: int | None = None
    field: str
    page: int | None = None
    line_no: int | None = None
    char_start: int | None = None
    char_end: int | None = None
    raw_text: str | None = None
    derived: bool = False
    low_confidence: bool = False
    note: str | None = None
    #: The lowest confidence (0-100) Tesseract gave a word of the value; NULL when
    #: the value was not read by OCR.
    confidence: float | None = None


class DocumentText(Record):
    """``document_texts``: the repaired text the extractor read."""

    table: ClassVar[str] = "document_texts"
    text: str


class Document(Record):
    """``documents``: one row per distinct input file content."""

    table: ClassVar[str] = "documents"
    source_path: str
    file_name: str
    media_type: str
    layout: str
    layout_score: float | None = None
    pages: int | None = None
    ocr_used: bool = False
    ocr_confidence: float | None = None
    status: Literal["loaded", "quarantined"]
    error: str | None = None
    extractor_version: str
    run_id: str | None = None
    ingested_at: dt.datetime | None = None
    #: Other paths a quarantined document's bytes were found under (``status``).
    other_paths: list[str] | None = None


class IngestRun(BaseModel):
    """``ingest_runs``: one row per ``ingest`` invocation."""

    model_config = ConfigDict(strict=True, extra="forbid")
    table: ClassVar[str] = "ingest_runs"
    run_id: str
    started_at: dt.datetime
    finished_at: dt.datetime | None = None
    files_seen: int = 0
    loaded: int = 0
    unchanged: int = 0
    quarantined: int = 0
    extractor_version: str
    args: str | None = None
    #: Files in the folders walked that are not a report type (by suffix).
    skipped: int = 0


#: Tables an extractor fills, in load order.
DATA_MODELS: tuple[type[Record], ...] = (
    Project,
    ProgressUpdate,
    MonthlyProgress,
    Indicator,
    Plan,
    PlanProject,
    PlanSection,
    PlanIndicator,
    PlanScoringLevel,
    PlanStep,
    PlanSwotItem,
    PlanKpiDefinition,
)
#: Every per-document table, in load order.
DOCUMENT_MODELS: tuple[type[Record], ...] = (
    Document,
    DocumentText,
    *DATA_MODELS,
    QualityIssue,
    Provenance,
)
MODEL_BY_TABLE: dict[str, type[Record]] = {m.table: m for m in DOCUMENT_MODELS}
ALL_MODELS: tuple[type[Record] | type[IngestRun], ...] = (*DOCUMENT_MODELS, IngestRun)


def _find_parse(annotation: object) -> str | None:
    if get_origin(annotation) is Annotated:
        for meta in get_args(annotation)[1:]:
            if isinstance(meta, Parse):
                return meta.kind
    for arg in get_args(annotation):
        kind = _find_parse(arg)
        if kind:
            return kind
    return None


@functools.cache
def parser_kind(model: type[Record], field: str) -> str | None:
    """Return the ``Parse`` kind declared on ``model.field`` (None if none).

    >>> parser_kind(Project, "budget_allocated_thb")
    'amount'
    """
    info = model.model_fields[field]
    for meta in info.metadata:
        if isinstance(meta, Parse):
            return meta.kind
    return _find_parse(_hints(model)[field])


@functools.cache
def _hints(model: type[Record]) -> dict[str, object]:
    # Once per model, not per field: each call evaluates every annotation of the model
    # (about 3 ms of a worker process's first file).
    return get_type_hints(model, include_extras=True)

