"""Every SQL statement of the dashboard. Each function runs one small parameterised query.

Functions take the `Warehouse` and the view `State` and return Polars DataFrames. The filters
of the state (years, region, sector, level, report type, indicator family) narrow what is
shown; peer groups (for medians, gaps and percentiles) are taken over every agency in the
warehouse so that an agency's gap does not change when the view is filtered.

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


# The filtered values of `indicator_values` (alias `v`), as a CTE body.
_VALUES = f"""
    SELECT v.* FROM indicator_values v
    WHERE {_year_filter('v')} AND {_agency_filter('v')}
      AND ($report_type IS NULL OR v.report_type = $report_type)
      AND ($family IS NULL OR v.family = $family)
"""

_DIRECTION = "CASE WHEN i.higher_is_better THEN 1 WHEN NOT i.higher_is_better THEN -1 END"

_STANDING = """CASE
        WHEN direction IS NULL OR peer_median IS NULL THEN 'neutral'
        WHEN (value - peer_median) * direction < 0 THEN 'laggard'
        WHEN (value - peer_median) * direction > 0 THEN 'leader'
        ELSE 'par' END"""

# Every value with its peer group's median, its gaps, percentile and standing. Peers are all
# agencies with a value of the indicator that year, or those of the same sector/region/level.
_PEERED = f"""
    WITH base AS (
        SELECT v.*, {_DIRECTION} AS direction, i.target, i.kind,
            CASE $peers WHEN 'sector' THEN v.sector WHEN 'region' THEN v.region
                        WHEN 'level' THEN v.level ELSE '' END AS peer_group
        FROM indicator_values v JOIN indicators i ON i.code = v.indicator
        WHERE ($indicator IS NULL OR v.indicator = $indicator)
          AND ($report_type IS NULL OR v.report_type = $report_type)
          AND ($family IS NULL OR v.family = $family)
    ), peered AS (
        SELECT base.*,
            median(value) OVER peers AS peer_median,
            count(*) OVER peers AS peer_n,
            bool_or(is_demo) OVER peers AS peer_is_demo,
            round(100 * percent_rank() OVER (
                PARTITION BY year, indicator, peer_group ORDER BY value * coalesce(direction, 1)), 1) AS percentile
        FROM base
        WINDOW peers AS (PARTITION BY year, indicator, peer_group)
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
    """How many agency-years report each indicator under the filters, indicators with a better
    direction first (they make the better default: laggards and leaders can be shown)."""
    return _run(wh, f"""
        WITH v AS ({_VALUES})
        SELECT v.indicator, count(*) AS n FROM v JOIN indicators i ON i.code = v.indicator
        GROUP BY v.indicator, i.higher_is_better
        ORDER BY i.higher_is_better IS NULL, n DESC, v.indicator
    """, **_filters(state))


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
    """KPI values for `year` and the year before: columns kpi, value, previous, change, is_demo."""
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
    long = wide.unpivot(index=["year", "demo"], variable_name="kpi", value_name="value")
    current = long.filter(pl.col("year") == year).drop("year")
    previous = long.filter(pl.col("year") == year - 1).select("kpi", previous="value")
    order = pl.DataFrame({"kpi": wide.columns[1:-1]}).with_row_index("order")
    return (
        current.join(previous, on="kpi", how="left")
        .join(order, on="kpi")
        .sort("order")
        .select("kpi", "value", "previous", change=(pl.col("value") - pl.col("previous")).round(6), is_demo="demo")
    )


def coverage(wh: Warehouse, state: State, year: int) -> pl.DataFrame:
    """Agencies × indicators for `year`: status 'reported', 'missing' or 'no_report'.

    Agencies are those (under the filters) with a live report in the selected year range;
    'missing' means the agency published a report that year without that indicator.
    """
    return _run(wh, f"""
        WITH v AS ({_VALUES} AND v.year = $year),
        ag AS (
            SELECT a.agency_id, a.name, a.is_demo,
                bool_or(r.year = $year) AS has_report
            FROM reports r JOIN agencies a USING (agency_id)
            WHERE r.retired_at IS NULL AND {_year_filter('r')} AND {_agency_filter()}
              AND ($report_type IS NULL OR r.report_type = $report_type)
            GROUP BY ALL
        ),
        ind AS (SELECT code, name_zh, sort_order FROM indicators WHERE $family IS NULL OR family = $family)
        SELECT ag.agency_id, ag.name AS agency, ind.code AS indicator, ind.name_zh AS indicator_name,
            CASE WHEN v.value IS NOT NULL THEN 'reported' WHEN ag.has_report THEN 'missing'
                 ELSE 'no_report' END AS status,
            v.value, v.unit, v.report_id, coalesce(v.is_demo, ag.is_demo) AS is_demo
        FROM ag CROSS JOIN ind
        LEFT JOIN v ON v.agency_id = ag.agency_id AND v.indicator = ind.code
        ORDER BY ag.name, ind.sort_order
    """, **{**_filters(state), "year": year})


# Per agency and year, the value shown in the chosen mode: the value itself, the change from
# the year before (percentage points for rates, percent for counts), or an index (first = 100).
_TREND = f"""
    WITH v AS ({_VALUES} AND v.indicator = $indicator),
    t AS (
        SELECT v.*, i.kind,
            lag(value) OVER w AS prev_value, lag(year) OVER w AS prev_year,
            first_value(value) OVER w AS first_value
        FROM v JOIN indicators i ON i.code = v.indicator
        WINDOW w AS (PARTITION BY agency_id ORDER BY year)
    ),
    shown AS (
        SELECT t.*, CASE $mode
            WHEN 'yoy' THEN CASE WHEN prev_year <> year - 1 THEN NULL
                                 WHEN kind = 'rate' THEN value - prev_value
                                 ELSE 100 * (value / NULLIF(prev_value, 0) - 1) END
            WHEN 'index' THEN 100 * value / NULLIF(first_value, 0)
            ELSE value END AS shown
        FROM t
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
        WITH v AS ({_VALUES} AND v.indicator = $indicator)
        SELECT agency_id FROM v GROUP BY agency_id, agency ORDER BY count(*) DESC, agency LIMIT $limit
    """, **_filters(state), indicator=state.indicator, limit=limit)
    return tuple(df["agency_id"].to_list())


def _peered(wh: Warehouse, state: State, where: str, order: str, **params: Any) -> pl.DataFrame:
    """Rows of `_PEERED` for the state's agencies and years, further narrowed by `where`."""
    return _run(wh, f"""{_PEERED}
        WHERE {_year_filter('peered')} AND {_agency_filter('peered')} AND {where}
        ORDER BY {order}
    """, **{**_filters(state), "peers": state.peers, **params})


def gap_ranking(wh: Warehouse, state: State, year: int) -> pl.DataFrame:
    """Agencies' values of the indicator in `year` with gaps to peer median and target, laggards first."""
    return _peered(
        wh, state, "year = $year", "oriented_gap ASC NULLS LAST, gap_median DESC, agency",
        indicator=state.indicator, year=year,
    )


def gap_matrix(wh: Warehouse, state: State) -> pl.DataFrame:
    """Agencies × years of the indicator with the gap to the peer median (for the heatmap)."""
    return _peered(wh, state, "true", "agency, year", indicator=state.indicator)


def agency_standing(wh: Warehouse, state: State, agency_id: int) -> pl.DataFrame:
    """One agency's values of every indicator and year, with peer median, percentile and standing."""
    return _peered(
        wh, state, "agency_id = $agency_id", "year, indicator", indicator=None, agency_id=agency_id,
    )


def reports(wh: Warehouse, state: State, agency_id: int | None = None) -> pl.DataFrame:
    """Live reports under the filters (or of one agency) with the number of facts found."""
    return _run(wh, f"""
        SELECT r.report_id, a.name AS agency, r.year, r.report_type, r.title,
            (SELECT count(*) FROM facts f WHERE f.report_id = r.report_id) AS facts,
            r.source_path, r.format, r.is_demo
        FROM reports r LEFT JOIN agencies a USING (agency_id)
        WHERE r.retired_at IS NULL AND ($agency_id IS NULL OR r.agency_id = $agency_id)
          AND {_year_filter('r')} AND {_agency_filter()}
          AND ($report_type IS NULL OR r.report_type = $report_type)
        ORDER BY r.year DESC, a.name, r.report_type
    """, **_filters(state), agency_id=agency_id)


def report(wh: Warehouse, report_id: str) -> pl.DataFrame:
    """One report with its full text (zero rows if there is no such report)."""
    return _run(wh, """
        SELECT r.report_id, a.name AS agency, r.year, r.report_type, r.title, r.source_path,
            r.format, r.text, r.is_demo, r.retired_at
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
            r.is_demo, r.retired_at
        FROM facts f JOIN reports r USING (report_id) JOIN indicators i ON i.code = f.indicator
        LEFT JOIN agencies a ON a.agency_id = r.agency_id
        WHERE f.report_id = $report_id AND f.indicator = $indicator
    """, report_id=report_id, indicator=indicator)
