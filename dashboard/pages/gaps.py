"""差距: agencies ranked by their gap to the peer median and the target; gaps over the years."""

from __future__ import annotations

import dash
import polars as pl
from dash import html

from dashboard import charts, headlines, queries, texts
from dashboard.components import (card, chart, export, filter_bar, guarded, has_demo, headline, indicator,
                                  indicator_control, peers_control)
from dashboard.db import Warehouse
from dashboard.state import State

dash.register_page(__name__, path="/gaps", name=texts.PAGES["gaps"],
                   title=texts.PAGE_TITLE.format(page=texts.PAGES["gaps"]), order=2)


UNREPORTED_NAMED = 20  # agencies named under the ranking; the rest counted (a province has thousands)


@export("gap-ranking")
def ranking_data(wh: Warehouse, state: State) -> pl.DataFrame:
    return queries.gap_ranking(wh, state, state.year)


@export("gap-matrix")
def matrix_data(wh: Warehouse, state: State) -> pl.DataFrame:
    return queries.gap_matrix(wh, state)


@guarded
def layout(wh: Warehouse, state: State):
    ind = indicator(wh, state.indicator)
    name = ind.get("name_zh", "")
    ranking = ranking_data(wh, state)
    silent = queries.unreported(wh, state, state.year) if ind else pl.DataFrame({"agency": []})
    matrix = matrix_data(wh, state)
    return html.Div([
        filter_bar(wh, state, indicator_control(wh, state), peers_control(state), year=True),
        headline(headlines.gaps(ranking, ind, state.year)),
        card(texts.GAP_RANKING_TITLE.format(year=state.year, indicator=name),
             html.Div([
                 chart("gap-ranking", charts.gap_bars(ranking, ind) if ind else charts.empty(),
                       texts.FILE_NAMES["gap_ranking"].format(indicator=name, year=state.year)),
                 html.P(texts.GAP_UNREPORTED.format(year=state.year, n=silent.height, indicator=name,
                                                    names=texts.listed(silent["agency"].to_list(), UNREPORTED_NAMED)),
                        className="note gap-unreported") if silent.height else None,
             ]),
             demo=has_demo(ranking), csv="gap-ranking", note=texts.GAP_RANKING_NOTE),
        card(texts.GAP_HEATMAP_TITLE.format(indicator=name),
             chart("gap-matrix", charts.gap_heatmap(matrix, ind) if ind else charts.empty(),
                   texts.FILE_NAMES["gap_matrix"].format(indicator=name)),
             demo=has_demo(matrix), csv="gap-matrix", note=texts.GAP_HEATMAP_NOTE),
    ])
