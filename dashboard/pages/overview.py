"""总览: KPI cards for the selected year, the agencies lagging most, and which agency disclosed
which indicator."""

from __future__ import annotations

from dataclasses import replace

import dash
import polars as pl
from dash import dcc, html

from dashboard import charts, headlines, queries, texts
from dashboard.components import card, chart, export, filter_bar, guarded, has_demo, headline
from dashboard.db import Warehouse
from dashboard.state import State

dash.register_page(__name__, path="/", name=texts.PAGES["overview"], title=texts.APP_TITLE, order=0)

LAGGARDS_SHOWN = 10


@export("kpis")
def kpi_data(wh: Warehouse, state: State):
    return queries.kpis(wh, state, state.year)


@export("laggards")
def laggard_data(wh: Warehouse, state: State):
    return queries.laggards(wh, state, state.year)


@export("coverage")
def coverage_data(wh: Warehouse, state: State):
    return queries.coverage(wh, state, state.year)


def kpi_tile(row: dict) -> html.Div:
    """A KPI with its change; the change says whether it got better where a direction is known."""
    label, unit = texts.KPI_LABELS[row["kpi"]]
    verdict = None
    if row["previous"] is None:
        change = texts.KPI_NO_PREVIOUS
    else:
        change = texts.KPI_CHANGE.format(change=texts.change(row["change"], unit))
        if row["higher_is_better"] is not None and row["change"]:
            verdict = (row["change"] > 0) == row["higher_is_better"]
    return html.Div(className="kpi", children=[
        html.Div(label, className="kpi-label"),
        html.Div(texts.number(row["value"], unit), className="kpi-value"),
        html.Div([change, None if verdict is None else html.Span(
            texts.KPI_VERDICTS[verdict], className="verdict better" if verdict else "verdict worse",
        )], className="kpi-change"),
        # A median says nothing of the agencies short of the target (a median of 100% ±0 hides them).
        html.Div(texts.KPI_BELOW_TARGET.format(n=row["below_target"]), className="kpi-change kpi-below")
        if row["below_target"] is not None else None,
    ])


def agency_link(state: State, agency_id: int) -> str:
    """The agency page for the same year and filters (without the defaults other pages filled in)."""
    return "/agency" + replace(state, agency=agency_id, indicator=None, agencies=()).to_query()


def laggard_list(df: pl.DataFrame, state: State) -> html.Div:
    """The agencies lagging on most indicators, each a link to its agency page."""
    rows = df.filter(pl.col("lagging") > 0).head(LAGGARDS_SHOWN)
    if rows.is_empty():
        return html.P(texts.LAGGARDS_NONE, className="muted")
    return html.Ol(className="laggards", children=[
        html.Li(html.Div(className="laggard", children=[
            dcc.Link(row["agency"], href=agency_link(state, row["agency_id"]), className="laggard-name",
                     title=row["agency"]),
            html.Div(className="laggard-bar", children=html.Div(
                className="laggard-fill", style={"width": f"{100 * row['lagging'] / row['compared']:.0f}%"})),
            html.Span(texts.LAGGARDS_ROW.format(lagging=row["lagging"], compared=row["compared"]),
                      className="laggard-count"),
        ]))
        for row in rows.iter_rows(named=True)
    ])


@guarded
def layout(wh: Warehouse, state: State):
    kpis = kpi_data(wh, state)
    laggards = laggard_data(wh, state)
    coverage = coverage_data(wh, state)
    return html.Div([
        filter_bar(wh, state, year=True),
        headline(headlines.overview(laggards, coverage, state.year)),
        card(texts.KPI_TITLE.format(year=state.year), html.Div([kpi_tile(r) for r in kpis.iter_rows(named=True)],
                                                                className="kpis"),
             demo=has_demo(kpis), csv="kpis"),
        card(texts.LAGGARDS_TITLE.format(year=state.year), laggard_list(laggards, state),
             demo=has_demo(laggards), csv="laggards",
             note=texts.LAGGARDS_NOTE.format(peers=texts.PEER_LABELS[state.peers])),
        card(texts.COVERAGE_TITLE.format(year=state.year),
             chart("coverage", charts.coverage_heatmap(coverage), texts.FILE_NAMES["coverage"].format(year=state.year)),
             demo=has_demo(coverage), csv="coverage", note=texts.COVERAGE_NOTE),
    ])
