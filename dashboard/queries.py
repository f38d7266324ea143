"""Every SQL statement of the dashboard. Each function runs one small parameterised query.

Functions take the `Warehouse` and the view `State` and return Polars DataFrames.

Values: one per agency, year and indicator, picked at query time from the live facts of the
state's report type (of every type when none is chosen) in the order of the warehouse view
indicator_values (etl/schema.sql), kept in `_PICK_ORDER`. The report-type filter comes before the
pick: narrowed to 法治政府建设 reports, an agency shows the number its 法治政府建设 report states,
even where the view would have picked the same indicator from its home report.

Filters (years, region, sector, level, report type, indicator family) narrow what is shown.
Windows over the years (year-on-year change) and the previous year of the KPIs look at every
year; the year filter applies after them.

Peers (for medians, gaps and percentiles) are every agency in the warehouse (or those of the
same sector/region/level), each with the value picked from all its reports, whatever the
filters: an agency's benchmark does not move when the view is filtered, by report type neither.
Only its own value may then come from another report. A peer group needs a known sector/region/
level and at least two agencies; otherwise peer median and percentile are NULL ('no_peers').

One definition of laggard and leader is used everywhere (`_STANDING`): an agency lags on an
indicator in a year when its value is on the worse side of its peers' median, the worse side
coming from indicators.higher_is_better; indicators without a better direction get 'neutral'.
"""

from __future__ import annotations

import re
from typing import Any

import polars as pl

from dashboard.db import Warehouse
from dashboard.state import State


def _run(wh: Warehouse, sql: str, **params: Any) -> pl.DataFrame:
    """Run `sql`, binding exactly the `$name` parameters it uses (DuckDB rejects extra ones)."""
    used = set(re.findall(r"\$(\w+)", sql))
    return wh.query(sql, {name: params[name] for name in used})


def _filters(state: State) -> dict[str, Any]:
    return {
        "year_from": state.year_from,
        "year_to": state.year_to,
        "region": state.region,
        "sector": state.sector,
        "level": state.level,
        "report_type": state.report_type,
        "family": state.family,
    }


# Agency attributes (alias `a`) and the year of a report or fact (alias given).
def _agency_filter(alias: str = "a") -> str:
    return f"""($region IS NULL OR {alias}.region = $region)
        AND ($sector IS NULL OR {alias}.sector = $sector)
        AND ($level IS NULL OR {alias}.level = $level)"""


def _year_filter(alias: str) -> str:
    return f"""($year_from IS NULL OR {alias}.year >= $year_from)
        AND ($year_to IS NULL OR {alias}.year <= $year_to)"""


# Which of several facts of one agency-year-indicator is shown (the order of the warehouse view
# indicator_values in etl/schema.sql): home report type first, then the latest loaded report,
# then the larger report_id.
_PICK_ORDER = "(lf.report_type = i.home_report_type) DESC, lf.loaded_at DESC, lf.report_id DESC"


def _picked(where: str) -> str:
    """A query: one fact per agency, year and indicator among the live facts (alias `lf`) of
    indicators (`i`) and agencies (`a`) matching `where`, chosen by `_PICK_ORDER`."""
    return f"""
        SELECT a.name AS agency, a.region, a.sector, a.level, lf.agency_id, lf.year, lf.indicator,
            i.name_zh AS indicator_name, i.family, lf.value, lf.unit, lf.report_id, lf.report_type, lf.is_demo
        FROM live_facts lf JOIN indicators i ON i.code = lf.indicator JOIN agencies a ON a.agency_id = lf.agency_id
        WHERE lf.year IS NOT NULL AND {where}
        QUALIFY row_number() OVER (PARTITION BY lf.agency_id, lf.year, lf.indicator ORDER BY {_PICK_ORDER}) = 1
    """


# The state's values in every year (for windows over the years), and in the state's years.
_VALUES = _picked(f"""($report_type IS NULL OR lf.report_type = $report_type)
      AND ($family IS NULL OR i.family = $family) AND {_agency_filter()}""")
_VALUES_IN_YEARS = f"SELECT * FROM ({_VALUES}) v WHERE {_year_filter('v')}"

_DIRECTION = "CASE WHEN i.higher_is_better THEN 1 WHEN NOT i.higher_is_better THEN -1 END"

_PEER_GROUP = """CASE $peers WHEN 'sector' THEN v.sector WHEN 'region' THEN v.region
        WHEN 'level' THEN v.level ELSE '' END"""

_STANDING = """CASE
        WHEN peer_median IS NULL THEN 'no_peers'
        WHEN direction IS NULL THEN 'neutral'
        WHEN (value - peer_median) * direction < 0 THEN 'laggard'
        WHEN (value - peer_median) * direction > 0 THEN 'leader'
        ELSE 'par' END"""

# The state's values (of the state's indicator, or all) with their peer group's median, their
# gaps, percentile and standing. Peers: see the module docstring. An agency is among its own
# peers with its all-report value; the percentile (100 = best) counts the other peers it beats,
# and half of those it ties with (14 agencies at 100% are at the 50th percentile of each other,
# not at the 0th).
_PEERED = f"""
    WITH shown AS (
        SELECT v.*, {_DIRECTION} AS direction, i.target, {_PEER_GROUP} AS peer_group
        FROM ({_VALUES_IN_YEARS}) v JOIN indicators i ON i.code = v.indicator
        WHERE $indicator IS NULL OR v.indicator = $indicator
    ), peers AS (
        SELECT v.agency_id, v.year, v.indicator, v.value, v.is_demo, {_PEER_GROUP} AS peer_group
        FROM ({_picked("($indicator IS NULL OR lf.indicator = $indicator)")}) v
    ), compared AS (
        SELECT s.agency_id, s.year, s.indicator, count(p.value) AS peer_n, median(p.value) AS median,
            bool_or(p.is_demo) AS peer_is_demo,
            count(p.value) FILTER (
                WHERE p.agency_id <> s.agency_id AND (p.value - s.value) * coalesce(s.direction, 1) < 0) AS beaten,
            count(p.value) FILTER (WHERE p.agency_id <> s.agency_id AND p.value = s.value) AS tied
        FROM shown s LEFT JOIN peers p
            ON p.year = s.year AND p.indicator = s.indicator AND p.peer_group = s.peer_group
        GROUP BY s.agency_id, s.year, s.indicator
    ), peered AS (
        SELECT shown.*, peer_n, peer_is_demo,
            CASE WHEN peer_n >= 2 THEN median END AS peer_median,
            CASE WHEN peer_n >= 2 THEN round(100 * (beaten + tied / 2) / (peer_n - 1), 1) END AS percentile
        FROM shown JOIN compared USING (agency_id, year, indicator)
    )
    SELECT agency_id, agency, region, sector, level, year, indicator, indicator_name, value, unit,
        peer_median, peer_n, value - peer_median AS gap_median, target, value - target AS gap_target,
        direction, (value - peer_median) * direction AS oriented_gap, percentile,
        {_STANDING} AS standing, report_id, is_demo, peer_is_demo
    FROM peered
"""


def report_count(wh: Warehouse) -> int:
    """How many live reports the warehouse holds (0: nothing to show yet)."""
    return _run(wh, "SELECT count(*) AS n FROM reports WHERE retired_at IS NULL")["n"][0]


def indicator_table(wh: Warehouse) -> pl.DataFrame:
    """The indicator table in display order."""
    return _run(wh, """
        SELECT code, family, family_zh, name_zh, unit, kind, higher_is_better, target
        FROM indicators ORDER BY sort_order
    """)


def agency_table(wh: Warehouse) -> pl.DataFrame:
    """Agencies that have at least one live report, with their attributes."""
    return _run(wh, """
        SELECT a.agency_id, a.name, a.region, a.sector, a.level, a.is_demo
        FROM agencies a
        WHERE EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.agency_id AND r.retired_at IS NULL)
        ORDER BY a.name
    """)


def filter_choices(wh: Warehouse) -> pl.DataFrame:
    """Distinct values for the filter controls: one row per (field, value)."""
    return _run(wh, """
        SELECT DISTINCT 'year' AS field, CAST(year AS VARCHAR) AS value FROM reports
            WHERE retired_at IS NULL AND year IS NOT NULL
        UNION SELECT DISTINCT 'report_type', report_type FROM reports WHERE retired_at IS NULL
        UNION SELECT DISTINCT 'region', region FROM agencies WHERE region IS NOT NULL
        UNION SELECT DISTINCT 'sector', sector FROM agencies WHERE sector IS NOT NULL
        UNION SELECT DISTINCT 'level', level FROM agencies WHERE level IS NOT NULL
        ORDER BY field, value
    """)


def indicator_counts(wh: Warehouse, state: State) -> pl.DataFrame:
    """How many agency-years report each indicator under the filters, indicators with a target
    first, then those with a better direction (they make the better default: the gap to the
    target, laggards and leaders can be shown)."""
    return _run(wh, f"""
        WITH v AS ({_VALUES_IN_YEARS})
        SELECT v.indicator, count(*) AS n FROM v JOIN indicators i ON i.code = v.indicator
        GROUP BY v.indicator, i.target, i.higher_is_better
        ORDER BY i.target IS NULL, i.higher_is_better IS NULL, n DESC, v.indicator
    """, **_filters(state))


def data_mix(wh: Warehouse) -> pl.DataFrame:
    """Agencies with live reports, demo or real: columns is_demo, agencies, names (sorted)."""
    return _run(wh, """
        SELECT a.is_demo, count(*) AS agencies, list(a.name ORDER BY a.name) AS names
        FROM agencies a
        WHERE EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.agency_id AND r.retired_at IS NULL)
        GROUP BY a.is_demo ORDER BY a.is_demo
    """)


# KPI name -> (aggregate, indicator codes). Counts of agencies and reports come from reports.
_KPI_AGGREGATES: dict[str, tuple[str, tuple[str, ...]]] = {
    "proposal_satisfaction": ("median", ("proposals.npc_satisfaction", "proposals.cppcc_satisfaction")),
    "petition_completion": ("median", ("petition.completion_rate",)),
    "head_appearance": ("median", ("litigation.head_appearance_rate",)),
    "cases": ("sum", ("litigation.lawsuits", "litigation.reviews", "litigation.combined")),
    "petition_cases": ("sum", ("petition.cases",)),
    "disclosure_requests": ("sum", ("disclosure.requests",)),
}


def kpis(wh: Warehouse, state: State, year: int) -> pl.DataFrame:
    """KPI values for `year` and the year before: columns kpi, value, previous, change,
    higher_is_better, below_target (for a median of rates: how many values fall short of their
    indicator's target; NULL otherwise), is_demo.

    The year before counts even when the state's years start at `year`."""
    aggregates = ",\n".join(
        f"{agg}(value) FILTER (WHERE indicator IN ({', '.join(repr(c) for c in codes)})) AS {name}"
        for name, (agg, codes) in _KPI_AGGREGATES.items()
    )
    wide = _run(wh, f"""
        WITH v AS ({_VALUES}),
        r AS (
            SELECT r.year, count(DISTINCT r.agency_id) AS agencies, count(*) AS reports,
                bool_or(r.is_demo) AS demo
            FROM reports r JOIN agencies a USING (agency_id)
            WHERE r.retired_at IS NULL AND r.year IN ($year - 1, $year) AND {_agency_filter()}
              AND ($report_type IS NULL OR r.report_type = $report_type)
            GROUP BY r.year
        ),
        f AS (
            SELECT year, {aggregates}, bool_or(is_demo) AS demo
            FROM v WHERE year IN ($year - 1, $year) GROUP BY year
        )
        SELECT y.year, CAST(r.agencies AS DOUBLE) AS agencies, CAST(r.reports AS DOUBLE) AS reports,
            f.* EXCLUDE (year, demo), coalesce(r.demo, false) OR coalesce(f.demo, false) AS demo
        FROM (SELECT unnest([$year - 1, $year]) AS year) y
        LEFT JOIN r USING (year) LEFT JOIN f USING (year)
    """, **{**_filters(state), "year": year})
    below = _run(wh, f"""
        WITH v AS ({_VALUES})
        SELECT {", ".join(
            f"count(*) FILTER (WHERE v.indicator IN ({', '.join(repr(c) for c in codes)}) AND v.value < i.target) AS {name}"
            for name, (agg, codes) in _KPI_AGGREGATES.items() if agg == "median")}
        FROM v JOIN indicators i ON i.code = v.indicator WHERE v.year = $year
    """, **{**_filters(state), "year": year}).unpivot(variable_name="kpi", value_name="below_target")
    long = wide.unpivot(index=["year", "demo"], variable_name="kpi", value_name="value")
    current = long.filter(pl.col("year") == year).drop("year")
    previous = long.filter(pl.col("year") == year - 1).select("kpi", previous="value")
    order = pl.DataFrame({"kpi": wide.columns[1:-1]}).with_row_index("order")
    return (
        current.join(previous, on="kpi", how="left")
        .join(below, on="kpi", how="left")
        .join(order, on="kpi")
        .join(_kpi_directions(wh), on="kpi", how="left")
        .sort("order")
        .select("kpi", "value", "previous", change=(pl.col("value") - pl.col("previous")).round(6),
                higher_is_better="higher_is_better", below_target="below_target", is_demo="demo")
    )


def _kpi_directions(wh: Warehouse) -> pl.DataFrame:
    """Per KPI, whether a rise is good (True), bad (False) or neither (NULL): the direction its
    indicators share in the indicator table (counts of agencies and reports have none)."""
    table = indicator_table(wh)
    rows = []
    for name, (_, codes) in _KPI_AGGREGATES.items():
        directions = set(table.filter(pl.col("code").is_in(codes))["higher_is_better"].to_list())
        rows.append((name, directions.pop() if len(directions) == 1 else None))
    return pl.DataFrame(rows, schema={"kpi": pl.String, "higher_is_better": pl.Boolean}, orient="row")


# A total that reports give only when they do not give its parts (indicators.md): an agency-year
# stating a part covers the total ('covered_by_parts').
_PARTS = {"litigation.combined": ("litigation.lawsuits", "litigation.reviews")}
_PARTS_TABLE = "(VALUES " + ", ".join(
    f"('{whole}', '{part}')" for whole, parts in _PARTS.items() for part in parts) + ")"


def coverage(wh: Warehouse, state: State, year: int) -> pl.DataFrame:
    """Agencies × indicators for `year`: status 'reported', 'covered_by_parts', 'missing' or 'no_report'.

    Agencies are those (under the filters) with a live report in the selected year range;
    'missing' means the agency published a report that year without that indicator. The fact
    behind a cell (for its evidence) is `report_id` and `fact_indicator`: for a total covered by
    its parts, the first part stated. Agencies with the most missing indicators come first,
    those without a report that year last.
    """
    return _run(wh, f"""
        WITH v AS (SELECT * FROM ({_VALUES}) v WHERE v.year = $year),
        ag AS (
            SELECT a.agency_id, a.name, a.is_demo,
                bool_or(r.year = $year) AS has_report
            FROM reports r JOIN agencies a USING (agency_id)
            WHERE r.retired_at IS NULL AND {_year_filter('r')} AND {_agency_filter()}
              AND ($report_type IS NULL OR r.report_type = $report_type)
            GROUP BY ALL
        ),
        parts AS (
            SELECT v.agency_id, p.whole, min(p.part) AS part, arg_min(v.report_id, p.part) AS report_id
            FROM v JOIN {_PARTS_TABLE} p(whole, part) ON v.indicator = p.part
            GROUP BY ALL
        ),
        ind AS (SELECT code, name_zh, sort_order FROM indicators WHERE $family IS NULL OR family = $family)
        SELECT ag.agency_id, ag.name AS agency, ind.code AS indicator, ind.name_zh AS indicator_name,
            CASE WHEN v.value IS NOT NULL THEN 'reported' WHEN parts.part IS NOT NULL THEN 'covered_by_parts'
                 WHEN ag.has_report THEN 'missing' ELSE 'no_report' END AS status,
            v.value, v.unit, coalesce(v.report_id, parts.report_id) AS report_id,
            coalesce(v.indicator, parts.part) AS fact_indicator, coalesce(v.is_demo, ag.is_demo) AS is_demo
        FROM ag CROSS JOIN ind
        LEFT JOIN v ON v.agency_id = ag.agency_id AND v.indicator = ind.code
        LEFT JOIN parts ON parts.agency_id = ag.agency_id AND parts.whole = ind.code
        ORDER BY NOT ag.has_report,
            count(*) FILTER (WHERE v.value IS NULL AND parts.part IS NULL) OVER (PARTITION BY ag.agency_id) DESC,
            ag.name, ind.sort_order
    """, **{**_filters(state), "year": year})


# Per agency and year, the value shown in the chosen mode: the value itself, the change from
# the year before (percentage points for rates, percent for counts), or an index (the first
# year shown = 100). The year before is looked up before the years are filtered.
_TREND = f"""
    WITH t AS (
        SELECT v.*, i.kind, lag(value) OVER w AS prev_value, lag(year) OVER w AS prev_year
        FROM ({_VALUES}) v JOIN indicators i ON i.code = v.indicator
        WHERE v.indicator = $indicator
        WINDOW w AS (PARTITION BY agency_id ORDER BY year)
    ),
    shown AS (
        SELECT t.*, CASE $mode
            WHEN 'yoy' THEN CASE WHEN prev_year <> year - 1 THEN NULL
                                 WHEN kind = 'rate' THEN value - prev_value
                                 ELSE 100 * (value / NULLIF(prev_value, 0) - 1) END
            WHEN 'index' THEN 100 * value / NULLIF(first_value(value) OVER (PARTITION BY agency_id ORDER BY year), 0)
            ELSE value END AS shown
        FROM t WHERE {_year_filter('t')}
    )
"""


def trend_series(wh: Warehouse, state: State, agency_ids: tuple[int, ...]) -> pl.DataFrame:
    """The chosen agencies' values of the state's indicator over the years, in the state's mode."""
    return _run(wh, f"""{_TREND}
        SELECT agency_id, agency, year, value, unit, shown, report_id, is_demo
        FROM shown WHERE agency_id IN (SELECT unnest($agencies)) AND shown IS NOT NULL
        ORDER BY agency, year
    """, **_filters(state), indicator=state.indicator, mode=state.mode, agencies=list(agency_ids))


def trend_band(wh: Warehouse, state: State) -> pl.DataFrame:
    """Per year, the median and interquartile range of all filtered agencies (in the state's mode)."""
    return _run(wh, f"""{_TREND}
        SELECT year, median(shown) AS median, quantile_cont(shown, 0.25) AS q1,
            quantile_cont(shown, 0.75) AS q3, count(shown) AS n, bool_or(is_demo) AS is_demo
        FROM shown WHERE shown IS NOT NULL GROUP BY year ORDER BY year
    """, **_filters(state), indicator=state.indicator, mode=state.mode)


def default_trend_agencies(wh: Warehouse, state: State, limit: int = 3) -> tuple[int, ...]:
    """Agencies with the most years of the indicator (the trends page's default selection)."""
    df = _run(wh, f"""
        WITH v AS ({_VALUES_IN_YEARS} AND v.indicator = $indicator)
        SELECT agency_id FROM v GROUP BY agency_id, agency ORDER BY count(*) DESC, agency LIMIT $limit
    """, **_filters(state), indicator=state.indicator, limit=limit)
    return tuple(df["agency_id"].to_list())


def _peered(wh: Warehouse, state: State, where: str, order: str, select: str = "SELECT *",
            group: str | None = None, **params: Any) -> pl.DataFrame:
    """Rows of `_PEERED` for the state's agencies and years, further narrowed by `where` (and
    aggregated by `select` over `group` when given)."""
    return _run(wh, f"""
        WITH rows AS ({_PEERED})
        {select} FROM rows
        WHERE {where}
        {f"GROUP BY {group}" if group else ""}
        ORDER BY {order}
    """, **{**_filters(state), "peers": state.peers, **params})


def gap_ranking(wh: Warehouse, state: State, year: int) -> pl.DataFrame:
    """Agencies' values of the indicator in `year` with gaps to peer median and target, laggards first."""
    return _peered(
        wh, state, "year = $year", "oriented_gap ASC NULLS LAST, gap_median DESC, agency",
        indicator=state.indicator, year=year,
    )


def unreported(wh: Warehouse, state: State, year: int) -> pl.DataFrame:
    """Agencies (under the filters) with a live report in `year` that states no value of the
    state's indicator: the ones a ranking of values cannot show."""
    return _run(wh, f"""
        WITH v AS (SELECT agency_id FROM ({_VALUES}) v WHERE v.year = $year AND v.indicator = $indicator)
        SELECT DISTINCT a.agency_id, a.name AS agency, a.is_demo
        FROM reports r JOIN agencies a USING (agency_id)
        WHERE r.retired_at IS NULL AND r.year = $year AND {_agency_filter()}
          AND ($report_type IS NULL OR r.report_type = $report_type)
          AND a.agency_id NOT IN (SELECT agency_id FROM v)
        ORDER BY agency
    """, **{**_filters(state), "year": year, "indicator": state.indicator})


def gap_matrix(wh: Warehouse, state: State) -> pl.DataFrame:
    """Agencies × years of the indicator with the gap to the peer median (for the heatmap)."""
    return _peered(wh, state, "true", "agency, year", indicator=state.indicator)


def laggards(wh: Warehouse, state: State, year: int) -> pl.DataFrame:
    """Per agency with values in `year`: on how many indicators it lags its peers' median
    (`lagging`), out of how many it was compared on (`compared`); the largest share lagging first
    (the share is what the list's bars show), then the most indicators lagging."""
    return _peered(
        wh, state, "year = $year",
        "lagging / nullif(compared, 0) DESC NULLS LAST, lagging DESC, agency",
        indicator=None, year=year,
        select="""SELECT agency_id, agency, count(*) FILTER (WHERE standing = 'laggard') AS lagging,
            count(*) FILTER (WHERE standing IN ('laggard', 'leader', 'par')) AS compared,
            bool_or(is_demo) AS is_demo, bool_or(peer_is_demo) AS peer_is_demo""",
        group="agency_id, agency",
    )


def agency_standing(wh: Warehouse, state: State, agency_id: int) -> pl.DataFrame:
    """One agency's values of every indicator and year, with peer median, percentile and standing."""
    return _peered(
        wh, state, "agency_id = $agency_id", "year, indicator", indicator=None, agency_id=agency_id,
    )


def reports(wh: Warehouse, state: State, agency_id: int | None = None) -> pl.DataFrame:
    """Live reports under the filters (or of one agency) with the number of facts found; real
    reports before demo data, so that the few real ones are not lost among the demo corpus."""
    return _run(wh, f"""
        SELECT r.report_id, a.name AS agency, r.year, r.report_type, r.title,
            (SELECT count(*) FROM facts f WHERE f.report_id = r.report_id) AS facts,
            coalesce(r.source_url, regexp_extract(r.source_path, '[^/\\\\]+$')) AS source, r.format, r.is_demo
        FROM reports r LEFT JOIN agencies a USING (agency_id)
        WHERE r.retired_at IS NULL AND ($agency_id IS NULL OR r.agency_id = $agency_id)
          AND {_year_filter('r')} AND {_agency_filter()}
          AND ($report_type IS NULL OR r.report_type = $report_type)
        ORDER BY r.is_demo, r.year DESC, a.name, r.report_type
    """, **_filters(state), agency_id=agency_id)


def report(wh: Warehouse, report_id: str) -> pl.DataFrame:
    """One report with its full text (zero rows if there is no such report)."""
    return _run(wh, """
        SELECT r.report_id, a.name AS agency, r.year, r.report_type, r.title, r.source_path,
            r.source_url, r.published, r.format, r.text, r.is_demo, r.retired_at
        FROM reports r LEFT JOIN agencies a USING (agency_id)
        WHERE r.report_id = $report_id
    """, report_id=report_id)


def report_facts(wh: Warehouse, report_id: str) -> pl.DataFrame:
    """The facts of one report with their spans in reports.text, in text order."""
    return _run(wh, """
        SELECT f.indicator, i.name_zh AS indicator_name, f.value, f.unit, f.qualifier,
            f.evidence, f.span_start, f.span_end
        FROM facts f JOIN indicators i ON i.code = f.indicator
        WHERE f.report_id = $report_id
        ORDER BY f.span_start, i.sort_order
    """, report_id=report_id)


def evidence(wh: Warehouse, report_id: str, indicator: str) -> pl.DataFrame:
    """The sentence behind one number, with its report (zero rows if unknown)."""
    return _run(wh, """
        SELECT f.report_id, f.indicator, i.name_zh AS indicator_name, f.value, f.unit, f.qualifier,
            f.evidence, a.name AS agency, r.year, r.report_type, r.title, r.source_path,
            r.source_url, r.published, r.is_demo, r.retired_at
        FROM facts f JOIN reports r USING (report_id) JOIN indicators i ON i.code = f.indicator
        LEFT JOIN agencies a ON a.agency_id = r.agency_id
        WHERE f.report_id = $report_id AND f.indicator = $indicator
    """, report_id=report_id, indicator=indicator)
