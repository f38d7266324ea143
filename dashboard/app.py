"""The Dash app: the shell around the pages (navigation, evidence panel, downloads) and the
callbacks shared by every page.

Production: `WAREHOUSE=/path/warehouse.duckdb gunicorn -w 4 -b 0.0.0.0:8050 dashboard.app:server`.
The warehouse path comes from the environment variable WAREHOUSE (default warehouse.duckdb).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import dash
from dash import (ALL, ClientsideFunction, Dash, Input, Output, State as Current, callback, clientside_callback, ctx,
                  dcc, html, no_update)

from dashboard import charts, components, db, queries, texts
from dashboard.db import WarehouseUnavailable
from dashboard.state import State

ASSETS = Path(__file__).resolve().parents[1] / "assets"


def create_app() -> Dash:
    """The app with its pages (dashboard/pages) and shell; one per process (Dash pages are global)."""
    app = Dash(
        __name__, use_pages=True, assets_folder=str(ASSETS), title=texts.APP_TITLE,
        suppress_callback_exceptions=True, update_title=None,
    )
    app.layout = shell()
    return app


def shell() -> html.Div:
    pages = dash.page_registry.values()
    return html.Div(className="app", children=[
        dcc.Location(id="url", refresh="callback-nav"),
        html.Header(className="top", children=[
            html.Div(className="brand", children=[html.H1(texts.APP_TITLE), html.P(texts.APP_SUBTITLE)]),
            html.Nav(className="nav", children=[
                dcc.Link(page["name"], href=page["path"], id={"type": "nav", "path": page["path"]}, className="nav-link")
                for page in pages
            ]),
            dcc.Link(texts.RESET, href="/", id="reset", className="reset"),
        ]),
        html.Main(dash.page_container, className="content"),
        html.Aside(id="evidence", className="evidence hidden", children=[
            html.Div(className="evidence-head", children=[
                html.H3(texts.EVIDENCE_TITLE),
                html.Button("×", id="evidence-close", title=texts.CLOSE, className="close"),
            ]),
            html.Div(texts.EVIDENCE_HINT, id="evidence-body"),
        ]),
        dcc.Download(id="download"),
    ])


@callback(
    Output("url", "search"),
    Input({"type": "state", "field": ALL}, "value"),
    Current("url", "search"),
    prevent_initial_call=True,
)
def write_state(_values: list, search: str):
    """A control changed: write its value into the URL (the page then re-renders from the URL)."""
    changed = user_change()
    if changed is None:
        return no_update
    field, value = changed["id"]["field"], changed["value"]
    current = State.from_query(search)
    new = current.with_changes(**(year_range(value) if field == "years" else {field: value}))
    return new.to_query() if new != current else no_update


def user_change() -> dict | None:
    """The input a person changed ({"id", "value"}), or None when the callback fired because a
    page was drawn: callbacks on pattern-matching (ALL) inputs also fire when a layout adds
    matching components, and then all of them count as triggered at once."""
    if len(ctx.triggered) != 1 or ctx.triggered[0]["value"] is None:
        return None
    return {"id": ctx.triggered_id, "value": ctx.triggered[0]["value"]}


def year_range(value: list[int]) -> dict[str, int | None]:
    """The year slider's range as state: an end at the first or last year with data is no limit.

    (The slider also reports its value when it is drawn; this keeps that from writing a range.)"""
    years = [int(y) for y in components.choices(db.current())["year"]]
    low, high = value
    return {"year_from": low if low > min(years) else None, "year_to": high if high < max(years) else None}


@callback(
    Output({"type": "nav", "path": ALL}, "href"),
    Output({"type": "nav", "path": ALL}, "className"),
    Output("reset", "href"),
    Input("url", "pathname"),
    Input("url", "search"),
)
def navigation(pathname: str, search: str):
    """Navigation links keep the view state; the current page's link is highlighted."""
    paths = [o["id"]["path"] for o in ctx.outputs_list[0]]
    return (
        [path + (search or "") for path in paths],
        ["nav-link active" if path == pathname else "nav-link" for path in paths],
        pathname,
    )


@callback(
    Output("url", "pathname", allow_duplicate=True),
    Output("url", "search", allow_duplicate=True),
    Input({"type": "reports-grid", "name": ALL}, "selectedRows"),
    Current("url", "search"),
    prevent_initial_call=True,
)
def open_report(_selections: list, search: str):
    """Selecting a report in any reports table opens it on the reports page."""
    changed = user_change()
    if changed is None or not changed["value"]:
        return no_update, no_update
    return "/reports", replace(State.from_query(search), report=changed["value"][0]["report_id"]).to_query()


@callback(
    Output("evidence-body", "children"),
    Output("evidence", "className"),
    Input({"type": "chart", "name": ALL}, "clickData"),
    Input("evidence-close", "n_clicks"),
    Input("url", "pathname"),
    Current("url", "search"),
    prevent_initial_call=True,
)
def show_evidence(_clicks: list, _close: int, _pathname: str, search: str):
    """A click on a point or bar opens the sentence behind that number; the close button or
    going to another page (e.g. the report the panel links to) closes it."""
    changed = user_change()
    if changed is None:
        return no_update, no_update
    if changed["id"] in ("evidence-close", "url"):
        return no_update, "evidence hidden"
    report_id, indicator, status = charts.clicked_fact(changed["value"]["points"][0])
    if not report_id:
        return texts.EVIDENCE_NONE.get(status, texts.EVIDENCE_MISSING), "evidence"
    try:
        found = queries.evidence(db.current(), report_id, indicator)
    except WarehouseUnavailable as exc:
        return str(exc), "evidence"
    if found.is_empty():
        return texts.EVIDENCE_MISSING, "evidence"
    return components.evidence_view(found.row(0, named=True), State.from_query(search)), "evidence"


# An opened report scrolls to the sentence the evidence panel linked to (assets/dashboard.js).
clientside_callback(
    ClientsideFunction(namespace="dashboard", function_name="showCurrentFact"),
    Output("report-text", "title"),
    Input("report-text", "children"),
)


@callback(
    Output("download", "data"),
    Input({"type": "csv", "name": ALL}, "n_clicks"),
    Current("url", "search"),
    prevent_initial_call=True,
)
def download_csv(_clicks: list, search: str):
    """A CSV button: the data behind its chart or table, for the view in the URL."""
    changed = user_change()
    if changed is None:
        return no_update
    name = changed["id"]["name"]
    wh = db.current()
    try:
        state = components.resolve(wh, State.from_query(search))
        data = components.EXPORTS[name](wh, state)
    except WarehouseUnavailable:
        return no_update  # the page itself shows the guidance on its next render
    # A byte-order mark lets spreadsheet programs read the Chinese text as UTF-8.
    return {"content": "\ufeff" + data.write_csv(), "filename": f"{name}-{state.year or ''}.csv"}


db.configure(os.environ.get("WAREHOUSE", "warehouse.duckdb"))
app = create_app()
server = app.server
