-- bma-etl warehouse: DDL and views, column for column the contract
-- (../spec/warehouse.md) plus the columns the project adds (marked "added").
-- Every statement is idempotent.

CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,
    source_path VARCHAR,
    file_name VARCHAR,
    media_type VARCHAR,
    layout VARCHAR,
    layout_score DOUBLE,
    pages INTEGER,
    ocr_used BOOLEAN,
    ocr_confidence DOUBLE,              -- added: Tesseract's mean word confidence, 0..100
    status VARCHAR,
    error VARCHAR,
    extractor_version VARCHAR,
    run_id VARCHAR,
    ingested_at TIMESTAMP,
    other_paths VARCHAR[]               -- added: other paths its bytes were quarantined under
);
-- A warehouse written before the column was added gets it (NULL) on open.
ALTER TABLE documents ADD COLUMN IF NOT EXISTS other_paths VARCHAR[];

CREATE TABLE IF NOT EXISTS document_texts (
    doc_id VARCHAR PRIMARY KEY,
    text VARCHAR
);

CREATE TABLE IF NOT EXISTS projects (
    doc_id VARCHAR PRIMARY KEY,
    project_code VARCHAR,
    fiscal_year_be INTEGER,
    project_name VARCHAR,
    agency VARCHAR,
    division VARCHAR,
    unit_code VARCHAR,
    responsible_person VARCHAR,
    responsible_phone VARCHAR,          -- added
    coordinator VARCHAR,
    coordinator_phone VARCHAR,          -- added
    budget_allocated_thb DECIMAL(18,2),
    budget_spent_thb DECIMAL(18,2),
    start_date DATE,
    end_date DATE,
    progress_pct DECIMAL(6,2),
    status VARCHAR,
    rationale VARCHAR,
    objectives VARCHAR[],
    target VARCHAR,
    strategy_issue VARCHAR,
    strategy_sub_issue VARCHAR,
    strategy_goal VARCHAR,
    strategy_indicator VARCHAR,
    policy_id VARCHAR,
    branch_id VARCHAR,
    kpi_id VARCHAR,
    assessment_quarter INTEGER,         -- added: สยป. ประเมินโครงการ : ไตรมาสที่ <q>
    assessment_score DECIMAL(9,4)       -- added: the banner's score
);
-- A warehouse written before the columns were added gets them (NULL) on open.
ALTER TABLE projects ADD COLUMN IF NOT EXISTS assessment_quarter INTEGER;
ALTER TABLE projects ADD COLUMN IF NOT EXISTS assessment_score DECIMAL(9,4);

CREATE TABLE IF NOT EXISTS progress_updates (
    doc_id VARCHAR,
    ordinal INTEGER,
    seq_label INTEGER,
    report_date DATE,
    progress_pct DECIMAL(6,2),
    budget_disbursed_thb DECIMAL(18,2),
    on_plan BOOLEAN,
    on_target BOOLEAN,
    detail VARCHAR,
    problems VARCHAR,
    obstacles VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS monthly_progress (
    doc_id VARCHAR,
    ordinal INTEGER,
    month_no INTEGER,
    value DECIMAL(6,2),
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS indicators (
    doc_id VARCHAR,
    ordinal INTEGER,
    code VARCHAR,
    name VARCHAR,
    target_value DECIMAL(18,4),
    achieved_value DECIMAL(18,4),
    unit VARCHAR,
    kind VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS plans (
    doc_id VARCHAR PRIMARY KEY,
    agency VARCHAR,
    parent_agency VARCHAR,
    fiscal_year_be INTEGER,
    title VARCHAR,
    vision VARCHAR,
    missions VARCHAR[]
);

CREATE TABLE IF NOT EXISTS plan_projects (
    doc_id VARCHAR,
    ordinal INTEGER,
    section VARCHAR,
    seq INTEGER,
    name VARCHAR,
    budget_thb DECIMAL(18,2),
    uses_budget BOOLEAN,
    responsible_unit VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS plan_sections (
    doc_id VARCHAR,
    ordinal INTEGER,                    -- added: document order
    section VARCHAR,
    stated_total_thb DECIMAL(18,2),
    computed_total_thb DECIMAL(18,2),
    items INTEGER,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS plan_indicators (
    doc_id VARCHAR,
    ordinal INTEGER,
    name VARCHAR,
    year_be INTEGER,
    target_text VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS plan_scoring_levels (
    doc_id VARCHAR,
    ordinal INTEGER,                    -- added: document order
    indicator VARCHAR,
    level INTEGER,
    weight_pct DECIMAL(18,4),
    description VARCHAR,
    score DECIMAL(18,4),
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS plan_steps (
    doc_id VARCHAR,
    ordinal INTEGER,                    -- added: document order
    indicator_no INTEGER,
    project_name VARCHAR,
    step_no INTEGER,
    description VARCHAR,
    step_pct DECIMAL(18,4),
    cumulative_pct DECIMAL(18,4),
    PRIMARY KEY (doc_id, ordinal)
);

-- added: the plan's SWOT analysis, one row per item.
CREATE TABLE IF NOT EXISTS plan_swot_items (
    doc_id VARCHAR,
    ordinal INTEGER,                    -- added: document order
    kind VARCHAR,                       -- added: strength, weakness, opportunity, threat
    seq INTEGER,                        -- added: the item's printed number
    text VARCHAR,                       -- added
    PRIMARY KEY (doc_id, ordinal)
);

-- added: indicator definition tables (มาตรการ / ตัวชี้วัด / นิยาม / โครงการ/กิจกรรม).
CREATE TABLE IF NOT EXISTS plan_kpi_definitions (
    doc_id VARCHAR,
    ordinal INTEGER,                    -- added: document order
    measure VARCHAR,                    -- added: มาตรการ
    indicator VARCHAR,                  -- added: ตัวชี้วัด(มาตรการ)
    definition VARCHAR,                 -- added: นิยาม/คำอธิบายตัวชี้วัด
    activities VARCHAR,                 -- added: โครงการ/กิจกรรม (and units, as written)
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS quality_issues (
    doc_id VARCHAR,
    ordinal INTEGER,                    -- added: issue number within the document
    table_name VARCHAR,
    row_ordinal INTEGER,
    field VARCHAR,
    severity VARCHAR,
    code VARCHAR,
    message VARCHAR,
    PRIMARY KEY (doc_id, ordinal)
);

CREATE TABLE IF NOT EXISTS provenance (
    doc_id VARCHAR,
    ordinal INTEGER,                    -- added: numbers a document's provenance rows from 1
    table_name VARCHAR,
    row_ordinal INTEGER,
    field VARCHAR,
    page INTEGER,
    line_no INTEGER,
    char_start INTEGER,
    char_end INTEGER,
    raw_text VARCHAR,
    derived BOOLEAN,
    low_confidence BOOLEAN,             -- added: an OCR word of it read below 60 % confidence
    note VARCHAR,                       -- added: how a derived value was worked out
    confidence DOUBLE,                  -- added: lowest OCR word confidence (0-100)
    PRIMARY KEY (doc_id, ordinal)
);
ALTER TABLE provenance ADD COLUMN IF NOT EXISTS confidence DOUBLE;
-- A warehouse written before 0.5.0 gains the column here and its key in
-- load.upgrade_provenance_key.
ALTER TABLE provenance ADD COLUMN IF NOT EXISTS ordinal INTEGER;

CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id VARCHAR PRIMARY KEY,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    files_seen INTEGER,
    loaded INTEGER,
    unchanged INTEGER,
    quarantined INTEGER,
    extractor_version VARCHAR,
    args VARCHAR,
    skipped INTEGER                     -- added: files in the folders that are not a report type
);
-- A warehouse written before the column was added gets it (NULL for its old runs) on open.
ALTER TABLE ingest_runs ADD COLUMN IF NOT EXISTS skipped INTEGER;

-- added: the search index (bma_etl.search): the narratives cut into words. Derived
-- from the tables above, loaded with each document, rebuilt by `bma-etl search --reindex`.
CREATE TABLE IF NOT EXISTS search_documents (
    doc_id VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS search_units (
    doc_id VARCHAR NOT NULL,
    unit INTEGER NOT NULL,
    table_name VARCHAR NOT NULL,
    row_ordinal INTEGER,
    field VARCHAR NOT NULL,
    length INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS search_terms (
    doc_id VARCHAR NOT NULL,
    unit INTEGER NOT NULL,
    term VARCHAR NOT NULL,
    tf INTEGER NOT NULL
);

-- added: how good a copy each loaded document is, for the views that pick one copy
-- of a report: text over HTML (or Markdown) over a text-layer PDF over OCR, then fewer quality
-- issues, then newer. Two documents are copies of one report when they have the
-- same layout and the same project (code; without one, name and agency) or plan
-- (agency), the same fiscal year, and the same latest progress date.
CREATE OR REPLACE VIEW v_document_rank AS
WITH issues AS (
    SELECT doc_id, count(*) AS quality_issues FROM quality_issues GROUP BY doc_id
)
SELECT d.doc_id, d.layout, d.ingested_at, d.source_path,
       CASE WHEN d.media_type = 'text/plain' THEN 0
            WHEN d.media_type IN ('text/html', 'text/markdown') THEN 1
            WHEN NOT coalesce(d.ocr_used, false) THEN 2
            ELSE 3 END AS medium_rank,
       coalesce(i.quality_issues, 0) AS quality_issues
FROM documents d
LEFT JOIN issues i USING (doc_id)
WHERE d.status = 'loaded';

CREATE OR REPLACE VIEW v_projects_latest AS
WITH latest AS (
    SELECT doc_id, max(report_date) AS latest_report_date
    FROM progress_updates
    GROUP BY doc_id
)
SELECT p.*, l.latest_report_date, r.ingested_at, r.source_path
FROM projects p
JOIN v_document_rank r USING (doc_id)
LEFT JOIN latest l USING (doc_id)
QUALIFY row_number() OVER (
    PARTITION BY coalesce(p.project_code,
                          CASE WHEN p.project_name IS NOT NULL
                               THEN 'name:' || p.project_name || '|' || coalesce(p.agency, '')
                               ELSE 'doc:' || p.doc_id END),
                 p.fiscal_year_be
    ORDER BY l.latest_report_date DESC NULLS LAST, r.medium_rank, r.quality_issues,
             r.ingested_at DESC, p.doc_id
) = 1;

CREATE OR REPLACE VIEW v_progress_timeline AS
SELECT u.*, p.project_code, p.fiscal_year_be, p.project_name, p.agency
FROM progress_updates u
JOIN projects p USING (doc_id);

-- One plan snapshot per agency and fiscal year: the best copy (v_document_rank).
CREATE OR REPLACE VIEW v_plan_budget AS
WITH chosen AS (
    SELECT pl.doc_id
    FROM plans pl
    JOIN v_document_rank r USING (doc_id)
    QUALIFY row_number() OVER (
        PARTITION BY coalesce(pl.agency, 'doc:' || pl.doc_id), pl.fiscal_year_be
        ORDER BY r.medium_rank, r.quality_issues, r.ingested_at DESC, pl.doc_id
    ) = 1
)
SELECT pp.*, pl.agency AS plan_agency, pl.parent_agency, pl.fiscal_year_be
FROM plan_projects pp
JOIN plans pl USING (doc_id)
JOIN chosen USING (doc_id);

-- added: planned budget beside allocated and spent budget, per fiscal year and agency.
-- A project counts for a plan when its agency is the plan's agency or its parent.
CREATE OR REPLACE VIEW v_plan_vs_actual AS
WITH planned AS (
    SELECT fiscal_year_be, plan_agency, parent_agency,
           sum(budget_thb) AS planned_thb, count(*) AS plan_items
    FROM v_plan_budget
    GROUP BY ALL
),
actual AS (
    SELECT fiscal_year_be, agency,
           sum(budget_allocated_thb) AS allocated_thb, sum(budget_spent_thb) AS spent_thb,
           count(*) AS projects
    FROM v_projects_latest
    GROUP BY ALL
)
SELECT p.fiscal_year_be, p.plan_agency, p.parent_agency, p.planned_thb, p.plan_items,
       sum(a.allocated_thb) AS allocated_thb, sum(a.spent_thb) AS spent_thb,
       coalesce(sum(a.projects), 0) AS projects
FROM planned p
LEFT JOIN actual a
  ON a.fiscal_year_be = p.fiscal_year_be
 AND a.agency IN (p.plan_agency, p.parent_agency)
GROUP BY ALL;
