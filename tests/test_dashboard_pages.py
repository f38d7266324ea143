"""Pages rendered on the server (no browser): content, guidance, CSV exports, URL state.

Page timings are measured by bench/dashboard_pages.py, not asserted here."""

from __future__ import annotations

import ast
import json
import math
import re
from pathlib import Path

import dash
import duckdb
import plotly
import pytest

from conftest import DONGHU, POLICE, TAX
from dashboard import charts, components, db, texts
from dashboard.state import State
from etl.warehouse import create_schema

PATHS = ["/", "/trends", "/gaps", "/agency", "/reports"]
DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard"


def layout(path: str, **params: str):
    """A page's layout (Dash components) for the query parameters."""
    page = next(p for p in dash.page_registry.values() if p["path"] == path)
    return page["layout"](**params)


def render(path: str, **params: str) -> str:
    """A page's layout for the query parameters, as JSON text (to look for words in it)."""
    return json.dumps(layout(path, **params), cls=plotly.utils.PlotlyJSONEncoder, ensure_ascii=False)


def figure(page, name: str) -> dict:
    """The figure of the page's chart `name`."""
    return next(c.figure for c in page._traverse() if getattr(c, "id", None) == {"type": "chart", "name": name})


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


def traces(fig, mode: str) -> list:
    """The figure's scatter traces drawn in `mode` (markers, text, ...)."""
    return [t for t in fig.data if getattr(t, "mode", None) == mode]


def test_values_without_peers_are_labelled_not_drawn_as_worst(served, small_warehouse):
    db.configure(small_warehouse)
    # The only tax office: no peers of its sector, in any indicator.
    dots = figure(layout("/agency", agency=str(TAX.agency_id), year="2022", peers="sector"), "agency-standing")
    assert [len(t.x) for t in traces(dots, "markers+text")] == [0]  # no dot at percentile 0
    assert [set(t.text) for t in traces(dots, "text")] == [{texts.NO_PEERS}]
    # In the ranking, the two police agencies are compared; the tax office and the district are alone.
    bars = figure(layout("/gaps", indicator="petition.completion_rate", year="2022", peers="sector"), "gap-ranking")
    [labelled] = traces(bars, "text")
    assert set(labelled.y) == {TAX.name, DONGHU.name} and set(labelled.text) == {texts.NO_PEERS}
    gap = dict(zip(bars.data[0].y, bars.data[0].x))  # no bar for them, not one of length 0
    assert math.isnan(gap[TAX.name]) and math.isnan(gap[DONGHU.name]) and gap[POLICE.name] == -2.5


def test_a_total_stated_in_parts_is_not_shown_as_missing(served, small_warehouse):
    db.configure(small_warehouse)
    matrix = figure(layout("/", year="2022", family="litigation"), "coverage")
    heatmap = matrix.data[0]
    row, column = heatmap.y.index(POLICE.name), heatmap.x.index("诉讼复议案件合计")
    assert heatmap.text[row][column] == texts.COVERAGE_LABELS["covered_by_parts"]
    assert heatmap.customdata[row][column][1] == "litigation.lawsuits"  # a click shows a part's sentence
    assert texts.COVERAGE_LABELS["covered_by_parts"] in {t.name for t in matrix.data[1:]}  # in the legend
    assert charts.COVERAGE_COLOURS["covered_by_parts"] not in (charts.COVERAGE_COLOURS["missing"],
                                                              charts.COVERAGE_COLOURS["reported"])


def test_user_facing_chinese_is_only_in_texts():
    """Every Chinese string literal of the dashboard's code (docstrings aside) lives in texts.py."""
    chinese = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    found = []
    for path in sorted(DASHBOARD.rglob("*.py")):
        if path.name == "texts.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
        }
        found += [
            f"{path.relative_to(DASHBOARD)}:{node.lineno}: {node.value}" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
            and chinese.search(node.value)
        ]
    assert found == []
