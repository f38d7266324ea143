-- The warehouse schema. Analysts query these names directly: add columns freely, never rename.
-- Executed once on a new warehouse file; `warehouse_meta.schema_version` says which version a file has.

CREATE TABLE warehouse_meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR NOT NULL
);
COMMENT ON TABLE warehouse_meta IS '仓库元数据：schema_version 等键值。';
COMMENT ON COLUMN warehouse_meta.key IS '键，如 schema_version。';
COMMENT ON COLUMN warehouse_meta.value IS '值。';

CREATE TABLE indicators (
    code             VARCHAR PRIMARY KEY,
    family           VARCHAR NOT NULL,
    family_zh        VARCHAR NOT NULL,
    name_zh          VARCHAR NOT NULL,
    unit             VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL CHECK (kind IN ('count', 'rate')),
    higher_is_better BOOLEAN,
    target           DOUBLE,
    home_report_type VARCHAR NOT NULL,
    sort_order       INTEGER NOT NULL
);
COMMENT ON TABLE indicators IS '指标表：指标代码（见 indicators.md，稳定不变）、名称、单位、类型与目标值。';
COMMENT ON COLUMN indicators.code IS '指标代码，如 petition.cases；facts.indicator 引用它。';
COMMENT ON COLUMN indicators.family IS '指标族：disclosure / proposals / litigation / petition。';
COMMENT ON COLUMN indicators.family_zh IS '指标族中文名。';
COMMENT ON COLUMN indicators.name_zh IS '指标中文名。';
COMMENT ON COLUMN indicators.unit IS '单位：条、件、批次或 %。';
COMMENT ON COLUMN indicators.kind IS 'count（件数）或 rate（百分比，存百分号前的数字，99.8% 存 99.8）。';
COMMENT ON COLUMN indicators.higher_is_better IS '数值越大越好为 true，越小越好为 false，无好坏之分（工作量）为 NULL。';
COMMENT ON COLUMN indicators.target IS '目标值（如办结率 100）；没有公认目标的为 NULL。';
COMMENT ON COLUMN indicators.home_report_type IS '该指标的本源报告类型；同一机构同一年多份报告给出不同数值时，优先取本源报告（见视图 indicator_values）。';
COMMENT ON COLUMN indicators.sort_order IS '展示顺序。';

CREATE TABLE agencies (
    agency_id INTEGER PRIMARY KEY,
    name      VARCHAR NOT NULL UNIQUE,
    region    VARCHAR,
    level     VARCHAR,
    sector    VARCHAR,
    is_demo   BOOLEAN NOT NULL DEFAULT false,
    pinned    BOOLEAN NOT NULL DEFAULT false
);
COMMENT ON TABLE agencies IS '报告机构（规范名称）。同一机构的不同称呼见 agency_aliases。';
COMMENT ON COLUMN agencies.agency_id IS '机构编号，一经分配不再改变。';
COMMENT ON COLUMN agencies.name IS '规范名称，如 苏州市吴江区自然资源和规划局。';
COMMENT ON COLUMN agencies.region IS '所在地区（省/市/区县，按报告所述），如 江苏省苏州市吴江区。';
COMMENT ON COLUMN agencies.level IS '层级：省 / 市 / 区县 / 乡镇 / 部门。';
COMMENT ON COLUMN agencies.sector IS '领域，如 自然资源和规划、公安、税务、生态环境。';
COMMENT ON COLUMN agencies.is_demo IS '示例数据中的虚构机构为 true。';
COMMENT ON COLUMN agencies.pinned IS '名称与属性由运维人员的机构文件（--agencies）指定为 true。';

CREATE TABLE agency_aliases (
    alias     VARCHAR PRIMARY KEY,
    agency_id INTEGER NOT NULL,
    source    VARCHAR NOT NULL
);
COMMENT ON TABLE agency_aliases IS '机构别名：报告标题、正文、落款中出现的其他称呼，以及机构文件中的别名。';
COMMENT ON COLUMN agency_aliases.alias IS '别名全文，如 浦东新区规划资源局。';
COMMENT ON COLUMN agency_aliases.agency_id IS '所指机构，见 agencies.agency_id。';
COMMENT ON COLUMN agency_aliases.source IS '来源：agencies_file（运维指定）或 detected（从报告识别）。';

CREATE TABLE reports (
    report_id      VARCHAR PRIMARY KEY,
    agency_id      INTEGER,
    year           INTEGER,
    report_type    VARCHAR NOT NULL,
    title          VARCHAR,
    source_path    VARCHAR NOT NULL,
    format         VARCHAR NOT NULL,
    content_sha256 VARCHAR NOT NULL UNIQUE,
    text           VARCHAR NOT NULL,
    is_demo        BOOLEAN NOT NULL,
    retired_at     TIMESTAMP,
    loaded_at      TIMESTAMP NOT NULL,
    run_id         INTEGER NOT NULL,
    agency_names   VARCHAR[] NOT NULL,
    source_url     VARCHAR,
    published      DATE
);
COMMENT ON TABLE reports IS '报告：每份不同的报告一行（同一文本的多个文件只算一份，副本见 report_files）。';
COMMENT ON COLUMN reports.report_id IS '报告编号：content_sha256 的前 16 位，文本（及清单所指定的内容）不变则编号不变。';
COMMENT ON COLUMN reports.agency_id IS '报告机构，见 agencies；无法识别时为 NULL。';
COMMENT ON COLUMN reports.year IS '报告所述年度（2022 年 1 月签发的 2021 年度报告为 2021）；无法识别时为 NULL。';
COMMENT ON COLUMN reports.report_type IS '报告类型：法治政府建设 / 政府信息公开 / 建议提案办理 / 信访 / 其他。';
COMMENT ON COLUMN reports.title IS '报告标题。';
COMMENT ON COLUMN reports.source_path IS '最先载入的源文件路径。';
COMMENT ON COLUMN reports.format IS '源文件格式：txt / html / docx / pdf。';
COMMENT ON COLUMN reports.content_sha256 IS '规范化文本的 SHA-256（文件有清单行时连同清单行一起计算），用于识别同一报告的重复文件。';
COMMENT ON COLUMN reports.text IS '规范化后的全文；facts.span_start/span_end 指向此文本。';
COMMENT ON COLUMN reports.is_demo IS '演示数据生成器生成的示例报告为 true。';
COMMENT ON COLUMN reports.retired_at IS '源文件删除或改动后报告退役的时间；NULL 表示现行。退役报告及其事实保留在表中，但不进入视图。';
COMMENT ON COLUMN reports.loaded_at IS '载入时间。';
COMMENT ON COLUMN reports.run_id IS '载入它的 ETL 运行，见 etl_runs。';
COMMENT ON COLUMN reports.source_url IS '报告原网页地址（来自报告旁的清单 manifest.csv / manifest.jsonl）；未知时为 NULL。';
COMMENT ON COLUMN reports.published IS '原网页发布日期（来自清单）；未知时为 NULL。';
COMMENT ON COLUMN reports.agency_names IS '报告中识别出的机构名称（首个为识别出的规范名称，其余为别名）；每次运行据此与 agency_aliases 重新归并机构。';

CREATE TABLE report_files (
    source_path  VARCHAR PRIMARY KEY,
    file_sha256  VARCHAR NOT NULL,
    format       VARCHAR NOT NULL,
    report_id    VARCHAR,
    status       VARCHAR NOT NULL CHECK (status IN ('loaded', 'duplicate', 'rejected', 'removed')),
    first_run_id INTEGER NOT NULL,
    last_run_id  INTEGER NOT NULL,
    manifest_entry VARCHAR
);
COMMENT ON TABLE report_files IS 'ETL 见过的每个源文件及其状态；增量刷新据此判断文件是否新增、改动、未变或删除。';
COMMENT ON COLUMN report_files.source_path IS '源文件的绝对路径。';
COMMENT ON COLUMN report_files.format IS '文件格式：txt / html / docx / pdf。';
COMMENT ON COLUMN report_files.file_sha256 IS '文件字节的 SHA-256（最近一次成功读取时）。';
COMMENT ON COLUMN report_files.report_id IS '文件对应的报告；与另一文件文本相同的副本指向同一报告。';
COMMENT ON COLUMN report_files.status IS 'loaded（报告据以展示的文件）、duplicate（文本相同的其他副本）、rejected（无法读取）、removed（文件已删除）。';
COMMENT ON COLUMN report_files.manifest_entry IS '清单为该文件给出的网址、机构、年度与发布日期（JSON）；没有清单行时为 NULL。清单行改变时文件重新读取。';
COMMENT ON COLUMN report_files.first_run_id IS '首次见到该文件的运行。';
COMMENT ON COLUMN report_files.last_run_id IS '最近一次见到该文件的运行。';

CREATE TABLE facts (
    report_id  VARCHAR NOT NULL,
    indicator  VARCHAR NOT NULL,
    value      DOUBLE NOT NULL,
    unit       VARCHAR NOT NULL,
    qualifier  VARCHAR,
    evidence   VARCHAR NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    rule       VARCHAR NOT NULL,
    PRIMARY KEY (report_id, indicator)
);
COMMENT ON TABLE facts IS '指标事实：每份报告每个指标至多一条，均附原文句子。';
COMMENT ON COLUMN facts.report_id IS '所在报告，见 reports。';
COMMENT ON COLUMN facts.indicator IS '指标代码，见 indicators.code。';
COMMENT ON COLUMN facts.value IS '数值；百分比存百分号前的数字（99.8% 为 99.8）。';
COMMENT ON COLUMN facts.unit IS '原文单位：条、件、批次或 %。';
COMMENT ON COLUMN facts.qualifier IS 'NULL（确数）、over（…余件、…多件）或 about（近…、约…）。';
COMMENT ON COLUMN facts.evidence IS '数值所在的原文句子。';
COMMENT ON COLUMN facts.span_start IS '证据句在 reports.text 中的起始位置（从 0 计，字符）。';
COMMENT ON COLUMN facts.span_end IS '证据句的结束位置（不含）：substr(text, span_start + 1, span_end - span_start) = evidence。';
COMMENT ON COLUMN facts.rule IS '产生该事实的抽取规则编号（见 etl/rules.toml）。';

CREATE TABLE etl_runs (
    run_id          INTEGER PRIMARY KEY,
    started_at      TIMESTAMP NOT NULL,
    finished_at     TIMESTAMP,
    status          VARCHAR NOT NULL,
    sources         VARCHAR,
    files_seen      INTEGER NOT NULL DEFAULT 0,
    files_new       INTEGER NOT NULL DEFAULT 0,
    files_changed   INTEGER NOT NULL DEFAULT 0,
    files_unchanged INTEGER NOT NULL DEFAULT 0,
    files_removed   INTEGER NOT NULL DEFAULT 0,
    files_rejected  INTEGER NOT NULL DEFAULT 0,
    files_skipped   INTEGER NOT NULL DEFAULT 0,
    facts_loaded    INTEGER NOT NULL DEFAULT 0
);
COMMENT ON TABLE etl_runs IS 'ETL 运行记录：每次成功换入的刷新一行（失败的运行不改变仓库，也就不留记录）。';
COMMENT ON COLUMN etl_runs.run_id IS '运行编号，依次递增。';
COMMENT ON COLUMN etl_runs.started_at IS '开始时间。';
COMMENT ON COLUMN etl_runs.finished_at IS '结束时间。';
COMMENT ON COLUMN etl_runs.status IS 'ok（全部载入）或 ok_with_rejections（有文件被拒）。';
COMMENT ON COLUMN etl_runs.sources IS '本次运行的源目录（以分号分隔）。';
COMMENT ON COLUMN etl_runs.files_seen IS '源目录中支持格式的文件数。';
COMMENT ON COLUMN etl_runs.files_new IS '新文件数。';
COMMENT ON COLUMN etl_runs.files_changed IS '内容改动的文件数。';
COMMENT ON COLUMN etl_runs.files_unchanged IS '内容未变、未重新抽取的文件数。';
COMMENT ON COLUMN etl_runs.files_removed IS '自上次运行以来消失的文件数（其报告退役）。';
COMMENT ON COLUMN etl_runs.files_rejected IS '无法读取的文件数，原因见 rejections。';
COMMENT ON COLUMN etl_runs.files_skipped IS '不支持的格式而跳过的文件数。';
COMMENT ON COLUMN etl_runs.facts_loaded IS '本次新载入的事实数。';

CREATE TABLE rejections (
    run_id      INTEGER NOT NULL,
    source_path VARCHAR NOT NULL,
    reason      VARCHAR NOT NULL
);
COMMENT ON TABLE rejections IS '被拒文件：哪次运行、哪个文件、为什么（给人看的原因）。';
COMMENT ON COLUMN rejections.run_id IS '运行编号，见 etl_runs。';
COMMENT ON COLUMN rejections.source_path IS '无法读取的文件（或无法列出的文件夹）的路径。';
COMMENT ON COLUMN rejections.reason IS '原因，如 空文件、PDF 没有文字层、文件已损坏。';

CREATE VIEW live_facts AS
SELECT
    f.*,
    r.agency_id,
    r.year,
    r.report_type,
    r.title AS report_title,
    r.source_path,
    r.loaded_at,
    r.is_demo
FROM facts f
JOIN reports r USING (report_id)
WHERE r.retired_at IS NULL;
COMMENT ON VIEW live_facts IS '现行报告（未退役）的事实，附报告的机构、年度、类型与来源。';
COMMENT ON COLUMN live_facts.report_id IS '所在报告。';
COMMENT ON COLUMN live_facts.indicator IS '指标代码。';
COMMENT ON COLUMN live_facts.value IS '数值（百分比存百分号前的数字）。';
COMMENT ON COLUMN live_facts.unit IS '原文单位。';
COMMENT ON COLUMN live_facts.qualifier IS 'NULL、over（余/多）或 about（近/约）。';
COMMENT ON COLUMN live_facts.evidence IS '原文句子。';
COMMENT ON COLUMN live_facts.span_start IS '证据句在报告全文中的起始位置。';
COMMENT ON COLUMN live_facts.span_end IS '证据句的结束位置（不含）。';
COMMENT ON COLUMN live_facts.rule IS '抽取规则编号。';
COMMENT ON COLUMN live_facts.agency_id IS '报告机构。';
COMMENT ON COLUMN live_facts.year IS '报告年度。';
COMMENT ON COLUMN live_facts.report_type IS '报告类型。';
COMMENT ON COLUMN live_facts.report_title IS '报告标题。';
COMMENT ON COLUMN live_facts.source_path IS '报告源文件。';
COMMENT ON COLUMN live_facts.loaded_at IS '报告载入时间。';
COMMENT ON COLUMN live_facts.is_demo IS '是否示例数据。';

-- One row per agency, year and indicator of live reports. Where several facts exist for one
-- agency-year-indicator (two reports of the same year), the chosen one is, in order:
--   1. from a report of the indicator's home report type (indicators.home_report_type),
--   2. from the most recently loaded report,
--   3. from the report with the larger report_id (a stable tie-break);
-- `conflict` is true when those facts disagree on the value.
CREATE VIEW indicator_values AS
WITH ranked AS (
    SELECT
        lf.*,
        i.name_zh AS indicator_name,
        i.family,
        row_number() OVER w_ordered AS pick,
        count(*) OVER w AS n_facts,
        min(lf.value) OVER w <> max(lf.value) OVER w AS conflict
    FROM live_facts lf
    JOIN indicators i ON i.code = lf.indicator
    WHERE lf.agency_id IS NOT NULL AND lf.year IS NOT NULL
    WINDOW
        w AS (PARTITION BY lf.agency_id, lf.year, lf.indicator),
        w_ordered AS (
            PARTITION BY lf.agency_id, lf.year, lf.indicator
            ORDER BY (lf.report_type = i.home_report_type) DESC, lf.loaded_at DESC, lf.report_id DESC
        )
)
SELECT
    a.name AS agency,
    a.region,
    a.sector,
    a.level,
    ranked.year,
    ranked.indicator,
    ranked.indicator_name,
    ranked.value,
    ranked.unit,
    ranked.n_facts,
    ranked.conflict,
    ranked.is_demo,
    ranked.agency_id,
    ranked.family,
    ranked.report_id,
    ranked.report_type,
    ranked.qualifier,
    ranked.evidence,
    ranked.span_start,
    ranked.span_end
FROM ranked
JOIN agencies a USING (agency_id)
WHERE ranked.pick = 1;
COMMENT ON COLUMN indicator_values.agency IS '机构规范名称。';
COMMENT ON COLUMN indicator_values.region IS '机构所在地区。';
COMMENT ON COLUMN indicator_values.sector IS '机构领域。';
COMMENT ON COLUMN indicator_values.level IS '机构层级。';
COMMENT ON COLUMN indicator_values.year IS '年度。';
COMMENT ON COLUMN indicator_values.indicator IS '指标代码。';
COMMENT ON COLUMN indicator_values.indicator_name IS '指标中文名。';
COMMENT ON COLUMN indicator_values.value IS '选定的数值（规则见视图说明）。';
COMMENT ON COLUMN indicator_values.unit IS '原文单位。';
COMMENT ON COLUMN indicator_values.n_facts IS '该机构该年该指标的事实条数（来自几份现行报告）。';
COMMENT ON COLUMN indicator_values.conflict IS '多份报告数值不一致时为 true。';
COMMENT ON COLUMN indicator_values.is_demo IS '是否示例数据。';
COMMENT ON COLUMN indicator_values.agency_id IS '机构编号。';
COMMENT ON COLUMN indicator_values.family IS '指标族。';
COMMENT ON COLUMN indicator_values.report_id IS '选定数值所在的报告。';
COMMENT ON COLUMN indicator_values.report_type IS '该报告的类型。';
COMMENT ON COLUMN indicator_values.qualifier IS 'NULL、over（余/多）或 about（近/约）。';
COMMENT ON COLUMN indicator_values.evidence IS '选定数值的原文句子。';
COMMENT ON COLUMN indicator_values.span_start IS '证据句在报告全文中的起始位置。';
COMMENT ON COLUMN indicator_values.span_end IS '证据句的结束位置（不含）。';
COMMENT ON VIEW indicator_values IS '每个机构、年度、指标一行（仅现行报告）。多份报告数值不一致时，优先本源报告类型、再取最近载入者，并置 conflict = true。';
