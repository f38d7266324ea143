"""Pages rendered on the server (no browser): content, guidance, CSV exports, URL state.

Page timings are measured by bench/dashboard_pages.py, not asserted here."""

from __future__ import annotations

import json
from pathlib import Path

import dash
import duckdb
import plotly
import pytest

from dashboard import components, db, texts
from dashboard.state import State
from etl.warehouse import create_schema

PATHS = ["/", "/trends", "/gaps", "/agency", "/reports"]


def render(path: str, **params: str) -> str:
    """A page's layout for the query parameters, as JSON text (to look for words in it)."""
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return json.dumps(page["layout"](**params), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


@pytest.fixture
def served(app, demo_warehouse: Path):
    """The app's warehouse; whatever a test points it at, the demo warehouse comes back after."""
    yield demo_warehouse
    db.configure(demo_warehouse)


@pytest.mark.parametrize("path", PATHS)
def test_each_page_renders_demo_data_with_its_badge(served, path):
    assert texts.DEMO_BADGE in render(path)


def test_a_missing_warehouse_shows_how_to_build_it(served, tmp_path):
    db.configure(tmp_path / "absent.duckdb")
    for path in PATHS:
        page = render(path)
        assert texts.MISSING_TITLE in page and "python -m etl run" in page


def test_an_empty_warehouse_says_so(served, tmp_path):
    empty = tmp_path / "empty.duckdb"
    con = duckdb.connect(str(empty))
    create_schema(con)
    con.close()
    db.configure(empty)
    assert texts.EMPTY_TITLE in render("/gaps")


def test_the_state_in_the_url_decides_what_a_page_shows(served):
    page = render("/gaps", indicator="petition.completion_rate", year="2022", peers="sector")
    assert texts.GAP_RANKING_TITLE.format(year=2022, indicator="信访办结率") in page


def test_every_csv_export_has_rows(served):
    wh = db.current()
    report_id = components.EXPORTS["reports"](wh, State())["report_id"][0]
    state = components.resolve(wh, State(report=report_id))  # as the download callback does
    for name, export in components.EXPORTS.items():
        assert export(wh, state).height > 0, name


def test_state_round_trips_through_the_query_string():
    state = State(year_from=2020, year=2023, region="示例市东湖区", indicator="petition.cases",
                  agencies=(3, 7), peers="sector", mode="index", report="abc")
    assert State.from_query(state.to_query()) == state
    assert State().to_query() == ""
    assert State.from_query("?year=soon&peers=everyone&agencies=1,x&indicator=petition.cases") == State(
        indicator="petition.cases")


def test_a_control_change_is_written_as_a_state_change():
    state = State(indicator="petition.cases", agencies=(1,))
    assert state.with_changes(indicator=None, agencies=[], year="2022") == State(year=2022)
