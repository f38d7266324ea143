"""Pages rendered on the server (no browser): content, guidance, CSV exports, URL state.

Page timings are measured by bench/dashboard_pages.py, not asserted here."""

from __future__ import annotations

import ast
import json
import math
import re
from pathlib import Path

import dash
import dash_ag_grid as dag
import duckdb
import plotly
import pytest

from dash import dcc, html

from conftest import DONGHU, DONGHU_POLICE, POLICE, SMALL_REPORTS, TAX, Agency, Report, build_warehouse
from dashboard import charts, components, db, queries, texts
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


def found(page, kind: type) -> list:
    """The page's components of one kind (html.H2, dcc.Link, ...), in order."""
    return [c for c in page._traverse() if isinstance(c, kind)]


def with_class(page, class_name: str) -> list:
    """The page's components whose className includes `class_name`."""
    return [c for c in page._traverse() if class_name in (getattr(c, "className", None) or "").split()]


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
        assert str(tmp_path) not in page  # the server's folders never reach a browser


def test_an_unreadable_warehouse_names_the_file_but_not_its_folders_nor_duckdbs_error(served, tmp_path):
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database" * 100)
    db.configure(junk)
    page = render("/")
    assert texts.WAREHOUSE_UNREADABLE.format(name="junk.duckdb") in page
    assert str(tmp_path) not in page and "IO Error" not in page


def test_serving_a_missing_warehouse_says_so_on_the_console(tmp_path):
    import subprocess
    import sys

    missing = tmp_path / "missing.duckdb"
    server = subprocess.Popen([sys.executable, "-m", "dashboard", "--warehouse", str(missing), "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    try:
        first = server.stderr.readline()
    finally:
        server.kill()
        server.wait()
    assert "does not exist yet" in first and str(missing) in first


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
    assert heatmap.hovertext[row][column] == texts.COVERAGE_LABELS["covered_by_parts"]
    clicked = charts.clicked_fact({"z": heatmap.z[row][column], "text": heatmap.text[row][column]})  # what a click carries
    assert clicked[1:] == ("litigation.lawsuits", "reported")  # a click shows a part's sentence
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


def test_the_agency_page_without_an_agency_shows_the_one_lagging_most(served, small_warehouse):
    db.configure(small_warehouse)
    page = layout("/agency", year="2022")
    # POLICE lags on two indicators in 2022, the others on at most one (see test_queries).
    assert [h.children for h in found(page, html.H2)] == [POLICE.name]
    assert [h.children for h in with_class(page, "hint")] == [texts.AGENCY_DEFAULT["lagging"].format(year=2022)]
    chosen = layout("/agency", year="2022", agency=str(TAX.agency_id))
    assert [h.children for h in found(chosen, html.H2)] == [TAX.name] and with_class(chosen, "hint") == []


def test_an_agency_whose_reports_state_no_indicator_says_so(served, tmp_path):
    silent = Agency(7, "示例市档案局", "示例省示例市", "档案", "部门")
    db.configure(build_warehouse(tmp_path / "warehouse.duckdb", SMALL_REPORTS + [Report(silent, 2022, "法治政府建设")]))
    page = layout("/agency", agency=str(silent.agency_id))
    assert [p.children for p in with_class(page, "empty-note")] == [texts.AGENCY_NO_VALUES] * 2
    assert found(page, dcc.Graph) == []  # no empty charts


def test_a_report_that_states_no_indicator_says_so_and_facts_need_no_scroll_box(served, small_warehouse, tmp_path):
    silent = Agency(7, "示例市档案局", "示例省示例市", "档案", "部门")
    wh = db.configure(build_warehouse(tmp_path / "warehouse.duckdb", SMALL_REPORTS + [Report(silent, 2022, "法治政府建设")]))
    report_id = wh.query("SELECT report_id FROM reports WHERE agency_id = 7")["report_id"][0]
    page = layout("/reports", report=report_id)
    assert [p.children for p in with_class(page, "report-no-facts")] == [texts.REPORT_NO_FACTS]
    assert [g for g in found(page, dag.AgGrid) if g.id == "report-facts"] == []  # not an empty table's 没有数据
    db.configure(small_warehouse)
    stated = db.current().query("SELECT report_id FROM facts GROUP BY report_id ORDER BY count(*) DESC LIMIT 1")
    (facts,) = [g for g in found(layout("/reports", report=stated["report_id"][0]), dag.AgGrid) if g.id == "report-facts"]
    assert facts.style["height"] == f"{components.fitted_height(len(facts.rowData))}px"  # all in view, no inner scroll


def test_the_note_on_demo_data_names_the_real_agencies(served, small_warehouse, tmp_path):
    assert texts.DATA_MIX_ALL_DEMO in render("/")  # the demo corpus alone
    db.configure(small_warehouse)  # three real agencies and one demo agency
    names = texts.NAME_SEPARATOR.join(sorted([POLICE.name, TAX.name, DONGHU.name]))
    assert texts.DATA_MIX_NAMED.format(names=names, demo=1) in render("/trends")
    db.configure(build_warehouse(tmp_path / "real.duckdb", [r for r in SMALL_REPORTS if r.agency != DONGHU_POLICE]))
    assert with_class(layout("/"), "data-note") == []  # no demo data, no note


def test_the_reports_table_marks_real_reports_and_demo_data(served, small_warehouse):
    db.configure(small_warehouse)
    [table] = [c for c in layout("/reports")._traverse() if getattr(c, "id", None) == {"type": "reports-grid",
                                                                                       "name": "reports"}]
    assert {r["agency"]: r["data_source"] for r in table.rowData} == {
        POLICE.name: texts.REAL_DATA, TAX.name: texts.REAL_DATA, DONGHU.name: texts.REAL_DATA,
        DONGHU_POLICE.name: texts.DEMO_BADGE,
    }
    assert "data_source" in [c["field"] for c in table.columnDefs]


def test_the_report_opened_from_the_evidence_shows_that_sentence_first(served, small_warehouse):
    db.configure(small_warehouse)
    wh = db.current()
    report_id = queries.gap_ranking(wh, State(indicator="petition.cases"), 2022)["report_id"][0]  # POLICE's petitions
    link = components.evidence_view(queries.evidence(wh, report_id, "petition.cases").row(0, named=True), State())
    [href] = [c.href for c in found(link, dcc.Link)]
    assert State.from_query(href.split("?")[1]) == State(report=report_id, fact="petition.cases")
    page = layout("/reports", report=report_id, fact="petition.cases")
    marks = found(page, html.Mark)
    assert len(marks) == 2 and [m.children for m in with_class(page, "current")] == ["全年信访件为280件。"]


def test_kpis_say_whether_the_change_is_good_news(served, small_warehouse):
    db.configure(small_warehouse)
    tiles = {t.children[0].children: t for t in with_class(layout("/", year="2022"), "kpi")}

    def verdict(label: str) -> str | None:
        return next((v.children for v in with_class(tiles[texts.KPI_LABELS[label][0]], "verdict")), None)

    assert verdict("proposal_satisfaction") == texts.KPI_VERDICTS[True]  # 96% -> 98%
    assert verdict("cases") == texts.KPI_VERDICTS[False]  # 12 -> 18 lawsuits and reviews
    assert verdict("agencies") is None  # more agencies reporting is neither


def test_the_overview_lists_the_agencies_lagging_most_with_links(served, small_warehouse):
    db.configure(small_warehouse)
    links = [c for c in found(layout("/", year="2022"), dcc.Link) if "laggard-name" in c.className]
    # DONGHU_POLICE lags on nothing and is not listed.
    assert [link.children for link in links] == [POLICE.name, DONGHU.name, TAX.name]
    assert links[0].href == f"/agency?year=2022&agency={POLICE.agency_id}"


def test_laggards_have_one_colour_on_every_page(served, small_warehouse):
    db.configure(small_warehouse)
    laggard, label = charts.STANDING_COLOURS["laggard"], texts.STANDING_LABELS["laggard"]
    bars = figure(layout("/gaps", indicator="petition.completion_rate", year="2022"), "gap-ranking")
    assert dict(zip(bars.data[0].y, bars.data[0].marker.color))[DONGHU.name] == laggard
    dots = figure(layout("/agency", agency=str(DONGHU.agency_id), year="2022"), "agency-standing")
    [ranked] = traces(dots, "markers+text")
    assert dict(zip(ranked.y, ranked.marker.color))["信访办结率"] == laggard
    multiples = figure(layout("/agency", agency=str(DONGHU.agency_id), year="2022"), "agency-multiples")
    for fig in (bars, dots, multiples):  # each chart explains the colour in its legend
        assert {t.name: t.marker.color for t in fig.data if t.name}[label] == laggard
    assert charts.COVERAGE_COLOURS["missing"] == laggard  # a disclosure gap is a finding of the same kind


def test_every_chart_offers_a_png_download_with_a_chinese_tooltip(served):
    graphs = [graph for path in PATHS for graph in found(layout(path), dcc.Graph)]
    assert len(graphs) == 6  # coverage, trend, ranking, heatmap, standing, small multiples
    for graph in graphs:
        assert graph.config["modeBarButtons"] == [["toImage"]]
        assert graph.config["locales"][graph.config["locale"]]["dictionary"]["Download plot as a PNG"] == (
            texts.PLOTLY_LOCALE["Download plot as a PNG"])


def test_the_evidence_names_the_public_page_or_the_file_never_the_servers_folders() -> None:
    from dashboard.components import source_line

    page = source_line({"source_path": "/srv/data/reports/a.html", "source_url": "https://www.example.gov.cn/1.html",
                        "published": "2023-01-16"})
    assert "/srv/data" not in str(page) and "https://www.example.gov.cn/1.html" in str(page) and "2023-01-16" in str(page)
    file = source_line({"source_path": "/srv/data/reports/a.html", "source_url": None, "published": None})
    assert "/srv/data" not in str(file) and "a.html" in str(file)


def test_an_agencys_small_multiples_break_at_missing_years_start_rates_at_zero_and_show_the_median(served, small_warehouse):
    db.configure(small_warehouse)
    fig = figure(layout("/agency", agency=str(POLICE.agency_id), year="2022"), "agency-multiples")
    lines = [t for t in fig.data if t.mode == "lines" and t.name != texts.PEER_MEDIAN_LINE]
    assert any(math.isnan(v) for t in lines for v in t.y)  # a year it did not state is a gap, not a bridge
    rate_axes = [a for a in fig.select_yaxes() if a.ticksuffix == "%"]
    assert rate_axes and all(tuple(a.range) == (0, 105) for a in rate_axes)
    medians = [t for t in fig.data if t.name == texts.PEER_MEDIAN_LINE]
    assert medians and any(not math.isnan(v) for t in medians for v in t.y)


def test_no_agencys_line_shares_the_targets_colour_nor_hides_under_it(served):
    fig = figure(layout("/trends", indicator="petition.completion_rate"), "trend")
    agencies = [t for t in fig.data if t.mode == "lines+markers"]
    assert agencies and charts.TARGET_COLOUR not in {t.line.color for t in agencies}
    assert [(shape.line.color, shape.layer) for shape in fig.layout.shapes] == [(charts.TARGET_COLOUR, "below")]


def test_each_page_leads_with_a_sentence_computed_from_its_charts_data(served, small_warehouse):
    db.configure(small_warehouse)
    # 2022 petition completion: POLICE 95, TAX 99, DONGHU 90, DONGHU_POLICE 100; median 97.
    gaps = layout("/gaps", indicator="petition.completion_rate", year="2022")
    assert [p.children for p in with_class(gaps, "headline")] == [texts.HEADLINE_GAPS.format(
        year=2022, n=2, total=4, indicator="信访办结率", agency=DONGHU.name, value="90%", median="97%")]
    overview = layout("/", year="2022")
    assert [p.children for p in with_class(overview, "headline")][0].startswith(
        texts.HEADLINE_OVERVIEW.format(year=2022, n=3, total=4, agency=POLICE.name, lagging=2, compared=3))
    agency = layout("/agency", agency=str(DONGHU.agency_id), year="2022")
    assert [p.children for p in with_class(agency, "headline")] == [texts.HEADLINE_AGENCY.format(
        agency=DONGHU.name, year=2022, n=1, compared=2, indicator="信访办结率", value="90%", median="97%")]
    for path in ("/trends", "/reports"):
        assert len(with_class(layout(path), "headline")) == 1


def test_a_click_on_a_line_that_stands_for_no_fact_says_so_and_unknown_statuses_do_not_break():
    assert charts.clicked_fact({"x": 2022, "y": 97.0, "text": "97%", "curveNumber": 1}) == (None, None, "missing")
    assert charts.clicked_fact({"x": "2022", "y": "某局", "z": 1.0, "text": "|no_report"}) == (None, None, "no_report")
    assert set(texts.EVIDENCE_NONE) == {"missing", "no_report"}


def test_the_trends_page_says_when_it_shows_its_default_agencies(served):
    defaulted = layout("/trends", indicator="petition.completion_rate")
    assert [p.children for p in with_class(defaulted, "trend-default")] == [texts.TREND_DEFAULT.format(n=3)]
    chosen = layout("/trends", indicator="petition.completion_rate", agencies="1")
    assert with_class(chosen, "trend-default") == []


def test_gap_views_rank_by_the_latest_gap_number_their_colours_and_mark_a_ceiling(served, small_warehouse):
    db.configure(small_warehouse)
    page = layout("/gaps", indicator="petition.completion_rate", year="2022")
    heatmap = figure(page, "gap-matrix").data[0]
    # 2022 against the median 97: DONGHU 90, POLICE 95, TAX 99, DONGHU_POLICE 100.
    assert list(heatmap.y) == [DONGHU.name, POLICE.name, TAX.name, DONGHU_POLICE.name]
    ticks = figure(page, "gap-matrix").data[0].colorbar.ticktext
    assert ticks[0].startswith(texts.GAP_SCALE_LABELS[0]) and "个百分点" in ticks[0] and "个百分点" in ticks[2]
    bars = figure(page, "gap-ranking").data[0]
    labels = dict(zip(bars.y, bars.text))
    assert "已达 100%" in labels[DONGHU_POLICE.name] and "已达" not in labels[TAX.name]


def test_agencies_whose_reports_do_not_state_the_indicator_are_named_not_dropped(served, small_warehouse):
    db.configure(small_warehouse)
    # 2022 NPC satisfaction: POLICE and TAX state it; DONGHU and DONGHU_POLICE published reports without it.
    page = layout("/gaps", indicator="proposals.npc_satisfaction", year="2022")
    names = texts.NAME_SEPARATOR.join(sorted([DONGHU.name, DONGHU_POLICE.name]))
    assert [p.children for p in with_class(page, "gap-unreported")] == [texts.GAP_UNREPORTED.format(
        year=2022, n=2, indicator="人大建议满意率", names=names)]


def test_a_long_list_of_names_is_cut_and_counted():
    assert texts.listed(["甲", "乙", "丙"], 2) == texts.LISTED_MORE.format(names="甲、乙", n=3)
    assert texts.listed(["甲", "乙"], 2) == "甲、乙"
