"""趋势: one indicator over the years for chosen agencies, against the peer median and target."""

from __future__ import annotations

import dash
import polars as pl
from dash import html

from dashboard import charts, headlines, queries, texts
from dashboard.components import (agency_options, card, chart, dropdown, export, filter_bar, guarded, has_demo, headline,
                                  indicator, indicator_control, mode_control)
from dashboard.db import Warehouse
from dashboard.state import State

dash.register_page(__name__, path="/trends", name=texts.PAGES["trends"],
                   title=texts.PAGE_TITLE.format(page=texts.PAGES["trends"]), order=1)


@export("trends")
def trend_data(wh: Warehouse, state: State) -> pl.DataFrame:
    """The chosen agencies' series with the peers' median and quartiles of each year."""
    band = queries.trend_band(wh, state).drop("is_demo")
    return queries.trend_series(wh, state, state.agencies).join(band, on="year", how="left")


@guarded
def layout(wh: Warehouse, state: State):
    ind = indicator(wh, state.indicator)
    series = queries.trend_series(wh, state, state.agencies)
    band = queries.trend_band(wh, state)
    figure = charts.trend(series, band, ind, state.mode) if ind else charts.empty()
    return html.Div([
        filter_bar(
            wh, state, indicator_control(wh, state),
            dropdown("agencies", texts.FILTER_AGENCIES, agency_options(wh), list(state.agencies), wide=True,
                     multi=True),
            mode_control(state),
        ),
        headline(headlines.trends(band, ind, state.mode)),
        html.P(texts.TREND_DEFAULT.format(n=len(state.agencies)), className="hint trend-default")
        if state.agencies and state.agencies == queries.default_trend_agencies(wh, state) else None,
        card(texts.TRENDS_TITLE.format(indicator=ind.get("name_zh", "")),
             chart("trend", figure, texts.FILE_NAMES["trend"].format(indicator=ind.get("name_zh", ""))),
             demo=has_demo(series) or has_demo(band), csv="trends", note=texts.TREND_NOTE),
    ])
