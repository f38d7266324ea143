"""Building blocks shared by the pages: the guarded page layout, state controls, cards, grids.

State controls carry the id `{"type": "state", "field": <State field>}`; one callback in
app.py writes whichever changed into the URL. Charts carry `{"type": "chart", "name": ...}`
(their clicks open the evidence panel) and CSV buttons `{"type": "csv", "name": ...}` (their
data comes from the exporter registered under the same name).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import replace
from pathlib import PurePath

import dash_ag_grid as dag
import plotly.graph_objects as go
import polars as pl
from dash import dcc, html

from dashboard import charts, db, queries, texts
from dashboard.db import Warehouse, WarehouseUnavailable
from dashboard.state import MODES, PEERS, State

Exporter = Callable[[Warehouse, State], pl.DataFrame]
EXPORTS: dict[str, Exporter] = {}


def guarded(render: Callable[[Warehouse, State], object]) -> Callable[..., object]:
    """A Dash page layout: reads the state from the URL's query parameters and renders it under
    the note on demo data, showing guidance instead of a traceback when the warehouse is missing
    or empty."""

    @functools.wraps(render)
    def layout(**params: object) -> object:
        wh = db.current()
        try:
            if queries.report_count(wh) == 0:
                return guidance(texts.EMPTY_TITLE, texts.EMPTY_BODY.format(path=wh.path.name), wh.path.name)
            return html.Div([data_note(wh), render(wh, resolve(wh, State.from_params(params)))])
        except WarehouseUnavailable as exc:
            return guidance(texts.MISSING_TITLE, texts.MISSING_BODY, wh.path.name, detail=str(exc))

    return layout


def data_note(wh: Warehouse, named: int = 3) -> html.Div | None:
    """When demo data is loaded: a line saying which agencies are real (named when there are at
    most `named` of them), so that real reports among the fictional agencies are recognisable."""
    mix = {row["is_demo"]: row for row in queries.data_mix(wh).iter_rows(named=True)}
    if True not in mix:
        return None
    demo, real = mix[True]["agencies"], mix.get(False)
    if real is None:
        text = texts.DATA_MIX_ALL_DEMO
    elif real["agencies"] <= named:
        text = texts.DATA_MIX_NAMED.format(names=texts.NAME_SEPARATOR.join(real["names"]), demo=demo)
    else:
        text = texts.DATA_MIX_COUNTED.format(real=real["agencies"], demo=demo)
    return html.Div([demo_badge(True), html.Span(text)], className="data-note")


def headline(sentence: str | None) -> html.P | None:
    """The page's point in one sentence (see dashboard/headlines.py), above its charts."""
    return html.P(sentence, className="headline") if sentence else None


def guidance(title: str, body: str, path: object, detail: str | None = None) -> html.Div:
    """What to do when there is nothing to show: run the ETL."""
    return html.Div(className="guidance", children=[
        html.H2(title),
        html.P(body),
        html.Pre(texts.MISSING_COMMAND.format(path=path)),
        html.P(texts.MISSING_DEMO),
        html.P(texts.MISSING_DETAIL.format(detail=detail), className="muted") if detail else None,
    ])


def resolve(wh: Warehouse, state: State) -> State:
    """Fill the defaults a page needs: the latest year, the best-covered indicator, agencies."""
    years = [int(v) for v in choices(wh)["year"]]
    in_range = [y for y in years if (state.year_from or 0) <= y <= (state.year_to or 9999)] or years
    year = state.year if state.year in in_range else (max(in_range) if in_range else None)
    codes = queries.indicator_counts(wh, state)["indicator"].to_list()
    indicator = state.indicator if state.indicator in codes else (codes[0] if codes else None)
    state = replace(state, year=year, indicator=indicator)
    if not state.agencies and indicator:
        state = replace(state, agencies=queries.default_trend_agencies(wh, state))
    if state.agency is not None and state.agency not in queries.agency_table(wh)["agency_id"].to_list():
        state = replace(state, agency=None)
    return state


def default_agency(wh: Warehouse, state: State) -> tuple[int | None, str]:
    """The agency a page shows when none was chosen, and why (a key of texts.AGENCY_DEFAULT):
    the one lagging on the most indicators in the state's year, else the first agency."""
    if state.year is not None:
        ranked = queries.laggards(wh, state, state.year)
        if ranked.height and ranked["lagging"][0] > 0:
            return ranked["agency_id"][0], "lagging"
    agencies = queries.agency_table(wh)["agency_id"]
    return (agencies[0] if agencies.len() else None), "first"


def choices(wh: Warehouse) -> dict[str, list[str]]:
    """Values for each filter control (year, region, sector, level, report_type)."""
    df = queries.filter_choices(wh)
    return {field: df.filter(pl.col("field") == field)["value"].to_list()
            for field in ("year", "region", "sector", "level", "report_type")}


def indicator(wh: Warehouse, code: str | None) -> dict:
    """One row of the indicator table as a dict (empty if unknown)."""
    rows = queries.indicator_table(wh).filter(pl.col("code") == code)
    return rows.row(0, named=True) if rows.height else {}


def state_id(field: str) -> dict:
    return {"type": "state", "field": field}


def dropdown(field: str, label: str, options: list, value: object, wide: bool = False, **kwargs) -> html.Div:
    """A labelled dropdown; `wide` for long option labels (indicator and agency names)."""
    return html.Div(className="control wide" if wide else "control", children=[
        html.Label(label),
        dcc.Dropdown(id=state_id(field), options=options, value=value, placeholder=texts.ALL,
                     labels=texts.DROPDOWN_LABELS, **kwargs),
    ])


def radio(field: str, label: str, labels: dict[str, str], value: str) -> html.Div:
    return html.Div(className="control", children=[
        html.Label(label),
        dcc.RadioItems(id=state_id(field), options=[{"label": v, "value": k} for k, v in labels.items()],
                       value=value, inline=True, className="radio"),
    ])


def filter_bar(wh: Warehouse, state: State, *extra: html.Div, year: bool = False) -> html.Div:
    """The filters shared by every page (years, region, sector, level, report type, family)."""
    c = choices(wh)
    years = [int(y) for y in c["year"]]
    families = queries.indicator_table(wh).unique("family", maintain_order=True)
    controls = []
    if len(years) > 1:
        controls.append(html.Div(className="control years", children=[
            html.Label(texts.FILTER_YEARS),
            dcc.RangeSlider(
                id=state_id("years"), min=min(years), max=max(years), step=1,
                value=[state.year_from or min(years), state.year_to or max(years)],
                marks={y: str(y) for y in years}, allowCross=False, allow_direct_input=False,
            ),
        ]))
    if year:
        controls.append(dropdown("year", texts.FILTER_YEAR, [{"label": texts.year(y), "value": y} for y in years],
                                 state.year, clearable=False))
    for field, label in (("region", texts.FILTER_REGION), ("sector", texts.FILTER_SECTOR),
                         ("level", texts.FILTER_LEVEL), ("report_type", texts.FILTER_REPORT_TYPE)):
        controls.append(dropdown(field, label, c[field], getattr(state, field)))
    controls.append(dropdown(
        "family", texts.FILTER_FAMILY,
        [{"label": f, "value": code} for code, f in zip(families["family"], families["family_zh"])], state.family,
    ))
    return html.Div(className="filters", children=[*controls, *extra])


def indicator_control(wh: Warehouse, state: State) -> html.Div:
    table = queries.indicator_table(wh)
    if state.family:
        table = table.filter(pl.col("family") == state.family)
    options = [{"label": texts.NAME_WITH_UNIT.format(name=n, unit=u), "value": c}
               for c, n, u in zip(table["code"], table["name_zh"], table["unit"])]
    return dropdown("indicator", texts.FILTER_INDICATOR, options, state.indicator, wide=True, clearable=False)


def agency_options(wh: Warehouse) -> list[dict]:
    table = queries.agency_table(wh)
    return [{"label": n, "value": i} for i, n in zip(table["agency_id"], table["name"])]


def peers_control(state: State) -> html.Div:
    return radio("peers", texts.FILTER_PEERS, {p: texts.PEER_LABELS[p] for p in PEERS}, state.peers)


def mode_control(state: State) -> html.Div:
    return radio("mode", texts.FILTER_MODE, {m: texts.MODE_LABELS[m] for m in MODES}, state.mode)


def demo_badge(shown: bool) -> html.Span | None:
    return html.Span(texts.DEMO_BADGE, className="demo-badge", title=texts.DEMO_BADGE_HINT) if shown else None


def has_demo(df: pl.DataFrame) -> bool:
    """Whether any row is demo data or is compared with peers that include demo data."""
    return any(bool(df[c].fill_null(False).any()) for c in ("is_demo", "peer_is_demo") if c in df.columns)


def card(title: str, body: object, demo: bool = False, csv: str | None = None, note: str | None = None) -> html.Section:
    """A titled panel; a 示例数据 badge when it shows demo data; a CSV button when data is exportable."""
    return html.Section(className="card", children=[
        html.Header(className="card-header", children=[
            html.H3(title),
            demo_badge(demo),
            html.Button(texts.DOWNLOAD_CSV, id={"type": "csv", "name": csv}, className="csv-button") if csv else None,
        ]),
        html.P(note, className="note") if note else None,
        body,
    ])


def chart(name: str, figure: go.Figure, filename: str) -> dcc.Graph:
    """A graph whose clicks open the evidence panel and whose PNG is named `filename`."""
    return dcc.Graph(id={"type": "chart", "name": name}, figure=figure, config=charts.graph_config(filename))


def export(name: str) -> Callable[[Exporter], Exporter]:
    """Register the data behind a chart or table for its CSV button."""

    def register(func: Exporter) -> Exporter:
        EXPORTS[name] = func
        return func

    return register


WIDE_COLUMNS = {"evidence": 4, "source": 3, "title": 3, "agency": 2}


GRID_PAGE = 20  # rows a table shows per page
GRID_ROW, GRID_CHROME = 42, 150  # pixels of a row, and of the header, filters and pager together


def fitted_height(rows: int) -> int:
    """A table's height that shows a page of its rows without a scroll box of its own; fixed when
    the page is built, so that nothing below it moves once it has drawn (the report text scrolls
    to its sentence)."""
    return GRID_CHROME + GRID_ROW * min(rows, GRID_PAGE)


def grid(grid_id: str | dict, df: pl.DataFrame, columns: list[str], height: int | None = 560) -> dag.AgGrid:
    """A sortable, filterable table (dash-ag-grid) showing `columns` of `df`, labelled in Chinese;
    `height` None: fitted to its rows (see fitted_height).

    Every column of `df` goes into the rows, so a selected row still carries e.g. its report_id."""
    return dag.AgGrid(
        id=grid_id,
        rowData=df.to_dicts(),
        columnDefs=[{"field": c, "headerName": texts.COLUMNS[c], "flex": WIDE_COLUMNS.get(c, 1)} for c in columns],
        defaultColDef={"sortable": True, "filter": True, "resizable": True, "floatingFilter": True},
        dashGridOptions={
            "pagination": True, "paginationPageSize": GRID_PAGE, "localeText": texts.GRID_LOCALE,
            "rowSelection": {"mode": "singleRow", "checkboxes": False, "enableClickSelection": True},
        },
        className="ag-theme-alpine",
        style={"height": f"{fitted_height(df.height) if height is None else height}px"},
    )


REPORT_COLUMNS = ["agency", "year", "report_type", "facts", "data_source", "source"]


def reports_grid(name: str, df: pl.DataFrame, columns: list[str] = REPORT_COLUMNS, height: int = 560) -> dag.AgGrid:
    """A table of reports, each marked as a real report or demo data; selecting a row opens the
    report (see app.open_report)."""
    df = df.with_columns(data_source=pl.when(pl.col("is_demo")).then(pl.lit(texts.DEMO_BADGE))
                         .otherwise(pl.lit(texts.REAL_DATA)))
    return grid({"type": "reports-grid", "name": name}, df, columns, height)


def highlighted(text: str, facts: pl.DataFrame, current: str | None = None) -> list:
    """The report text with each fact's evidence span marked (facts sharing a sentence share a
    mark); the mark of indicator `current` is emphasised (class `current`)."""
    parts: list = []
    cursor = 0
    spans: dict[tuple[int, int], list[dict]] = {}
    for f in facts.iter_rows(named=True):
        spans.setdefault((f["span_start"], f["span_end"]), []).append(f)
    for (start, end), shared in sorted(spans.items()):
        start = max(start, cursor)
        if end <= start:
            continue
        labels = [texts.LABELLED.format(label=f["indicator_name"], value=texts.number(f["value"], f["unit"]))
                  for f in shared]
        emphasised = any(f["indicator"] == current for f in shared)
        parts += [text[cursor:start], html.Mark(text[start:end], title=texts.LABEL_SEPARATOR.join(labels),
                                                className="fact current" if emphasised else "fact")]
        cursor = end
    parts.append(text[cursor:])
    return parts


def evidence_view(row: dict, state: State) -> html.Div:
    """The evidence panel's content for one fact: the sentence, its report, a link to the text."""
    value = texts.fact_value(row["value"], row["unit"], row["qualifier"])
    link = "/reports" + replace(state, report=row["report_id"], fact=row["indicator"]).to_query()
    return html.Div([
        html.P([texts.EVIDENCE_VALUE.format(indicator=row["indicator_name"], value=value), demo_badge(row["is_demo"])],
               className="evidence-value"),
        html.Blockquote(row["evidence"], className="evidence-sentence"),
        html.P(texts.EVIDENCE_REPORT.format(agency=row["agency"] or texts.UNKNOWN, year=row["year"] or texts.UNKNOWN,
                                            report_type=row["report_type"])),
        html.P(row["title"], className="muted") if row["title"] else None,
        source_line(row),
        html.P(texts.REPORT_RETIRED, className="warning") if row["retired_at"] else None,
        dcc.Link(texts.EVIDENCE_OPEN, href=link, className="evidence-open"),
    ])


def source_line(row: dict) -> html.P:
    """Where a report came from: its public page (from the manifest) with its date, else the
    name of its file; the server's folders are never shown."""
    file_name = PurePath(row["source_path"]).name
    if row.get("source_url"):
        published = texts.EVIDENCE_PUBLISHED.format(date=row["published"]) if row.get("published") else ""
        return html.P([texts.EVIDENCE_PAGE, html.A(row["source_url"], href=row["source_url"], target="_blank",
                                                   rel="noopener noreferrer", title=file_name), published],
                      className="muted source")
    return html.P(texts.EVIDENCE_FILE.format(name=file_name), className="muted source")
