"""总览: KPI cards for the selected year, and which agency disclosed which indicator."""

from __future__ import annotations

import dash
from dash import html

from dashboard import charts, queries, texts
from dashboard.components import card, chart, export, filter_bar, guarded, has_demo
from dashboard.db import Warehouse
from dashboard.state import State

dash.register_page(__name__, path="/", name=texts.PAGES["overview"], title=texts.APP_TITLE, order=0)


@export("kpis")
def kpi_data(wh: Warehouse, state: State):
    return queries.kpis(wh, state, state.year)


@export("coverage")
def coverage_data(wh: Warehouse, state: State):
    return queries.coverage(wh, state, state.year)


def kpi_tile(row: dict) -> html.Div:
    label, unit = texts.KPI_LABELS[row["kpi"]]
    has_previous = row["previous"] is not None
    return html.Div(className="kpi", children=[
        html.Div(label, className="kpi-label"),
        html.Div(texts.number(row["value"], unit), className="kpi-value"),
        html.Div(texts.KPI_CHANGE.format(change=texts.change(row["change"], unit)) if has_previous
                 else texts.KPI_NO_PREVIOUS, className="kpi-change"),
    ])


@guarded
def layout(wh: Warehouse, state: State):
    kpis = kpi_data(wh, state)
    coverage = coverage_data(wh, state)
    return html.Div([
        filter_bar(wh, state, year=True),
        card(texts.KPI_TITLE.format(year=state.year), html.Div([kpi_tile(r) for r in kpis.iter_rows(named=True)],
                                                                className="kpis"),
             demo=has_demo(kpis), csv="kpis"),
        card(texts.COVERAGE_TITLE.format(year=state.year),
             chart("coverage", charts.coverage_heatmap(coverage), texts.FILE_NAMES["coverage"].format(year=state.year)),
             demo=has_demo(coverage), csv="coverage", note=texts.COVERAGE_NOTE),
    ])
