"""机构: one agency's indicators over its years, where it stands among peers, and its reports."""

from __future__ import annotations

from dataclasses import replace

import dash
import polars as pl
from dash import html

from dashboard import charts, headlines, queries, texts
from dashboard.components import (agency_options, card, chart, default_agency, dropdown, export, filter_bar, guarded,
                                  has_demo, headline, peers_control, reports_grid)
from dashboard.db import Warehouse
from dashboard.state import State

dash.register_page(__name__, path="/agency", name=texts.PAGES["agency"],
                   title=texts.PAGE_TITLE.format(page=texts.PAGES["agency"]), order=3)


def with_agency(wh: Warehouse, state: State) -> tuple[State, str | None]:
    """The state with its agency: the one in the URL, else the default and why it was chosen."""
    if state.agency is not None:
        return state, None
    agency, reason = default_agency(wh, state)
    return replace(state, agency=agency), reason


@export("agency-values")
def values_data(wh: Warehouse, state: State) -> pl.DataFrame:
    state, _ = with_agency(wh, state)
    return queries.agency_standing(wh, state, state.agency)


@export("agency-reports")
def reports_data(wh: Warehouse, state: State) -> pl.DataFrame:
    state, _ = with_agency(wh, state)
    return queries.reports(wh, state, agency_id=state.agency)


def standing_year(values: pl.DataFrame, year: int | None) -> int | None:
    """The page's year if the agency has values that year, else its latest year with values (or,
    without any values, the page's year)."""
    years = values["year"].unique().to_list()
    return year if year in years else max(years, default=year)


@guarded
def layout(wh: Warehouse, state: State):
    state, default_reason = with_agency(wh, state)
    choose = dropdown("agency", texts.FILTER_AGENCY, agency_options(wh), state.agency, wide=True, clearable=False)
    filters = filter_bar(wh, state, choose, peers_control(state), year=True)
    if state.agency is None:
        return filters
    agency = queries.agency_table(wh).filter(pl.col("agency_id") == state.agency).row(0, named=True)
    values = values_data(wh, state)
    year = standing_year(values, state.year)
    standing = values.filter(pl.col("year") == year) if year is not None else values.clear()
    reports = reports_data(wh, state)
    meta = {k: agency[k] or texts.UNKNOWN for k in ("region", "sector", "level")}
    return html.Div([
        filters,
        html.Div(className="agency-head", children=[
            html.H2(texts.AGENCY_TITLE.format(agency=agency["name"])),
            html.P(texts.AGENCY_META.format(**meta), className="muted"),
            html.P(texts.AGENCY_DEFAULT[default_reason].format(year=state.year), className="hint")
            if default_reason else None,
        ]),
        headline(headlines.agency(agency["name"], standing, year)),
        html.Div(className="two-columns", children=[
            card(texts.AGENCY_STANDING_TITLE.format(year=year),
                 chart("agency-standing", charts.standing_dots(standing),
                       texts.FILE_NAMES["agency_standing"].format(agency=agency["name"], year=year))
                 if values.height else html.P(texts.AGENCY_NO_VALUES, className="empty-note"),
                 demo=has_demo(standing), csv="agency-values", note=texts.AGENCY_STANDING_NOTE),
            card(texts.AGENCY_REPORTS_TITLE, reports_grid("agency", reports, ["year", "report_type", "facts", "format"], height=420),
                 demo=has_demo(reports), csv="agency-reports"),
        ]),
        card(texts.AGENCY_MULTIPLES_TITLE,
             chart("agency-multiples", charts.small_multiples(values, queries.indicator_table(wh)),
                   texts.FILE_NAMES["agency_multiples"].format(agency=agency["name"]))
             if values.height else html.P(texts.AGENCY_NO_VALUES, className="empty-note"),
             demo=has_demo(values), csv="agency-values", note=texts.AGENCY_MULTIPLES_NOTE),
    ])
