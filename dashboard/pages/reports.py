"""报告与证据: the reports table; an opened report's text with every extracted fact highlighted."""

from __future__ import annotations

import dash
import polars as pl
from dash import html

from dashboard import headlines, queries, texts
from dashboard.components import (card, export, filter_bar, grid, guarded, has_demo, headline, highlighted, reports_grid,
                                  source_line)
from dashboard.db import Warehouse
from dashboard.state import State

dash.register_page(__name__, path="/reports", name=texts.PAGES["reports"],
                   title=texts.PAGE_TITLE.format(page=texts.PAGES["reports"]), order=4)


@export("reports")
def reports_data(wh: Warehouse, state: State) -> pl.DataFrame:
    return queries.reports(wh, state)


@export("report-facts")
def facts_data(wh: Warehouse, state: State) -> pl.DataFrame:
    return queries.report_facts(wh, state.report or "")


def opened_report(wh: Warehouse, state: State) -> html.Section:
    report = queries.report(wh, state.report or "")
    if report.is_empty():
        return html.P(texts.REPORT_NOT_FOUND.format(report_id=state.report), className="muted")
    row = report.row(0, named=True)
    facts = facts_data(wh, state)
    heading = texts.EVIDENCE_REPORT.format(agency=row["agency"] or texts.UNKNOWN, year=row["year"] or texts.UNKNOWN,
                                           report_type=row["report_type"])
    return card(row["title"] or heading, html.Div([
        html.P(heading, className="muted"),
        source_line(row),
        html.P(texts.REPORT_RETIRED, className="warning") if row["retired_at"] else None,
        html.H4(texts.REPORT_FACTS.format(n=facts.height)),
        grid("report-facts", facts, ["indicator_name", "value", "unit", "evidence"], height=None)
        if facts.height else html.P(texts.REPORT_NO_FACTS, className="muted report-no-facts"),
        html.Div(highlighted(row["text"], facts, state.fact), className="report-text", id="report-text"),
    ]), demo=row["is_demo"], csv="report-facts")


@guarded
def layout(wh: Warehouse, state: State):
    reports = reports_data(wh, state)
    return html.Div([
        filter_bar(wh, state),
        headline(headlines.reports(reports)),
        opened_report(wh, state) if state.report else None,
        card(texts.REPORTS_TITLE, reports_grid("reports", reports), demo=has_demo(reports), csv="reports",
             note=texts.REPORT_OPEN_HINT),
    ])
