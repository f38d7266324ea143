"""The dashboard's queries against a small warehouse whose numbers are checked by hand (conftest)."""

from __future__ import annotations

import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import duckdb
import polars as pl
import pytest

from conftest import DONGHU, DONGHU_POLICE, POLICE, SMALL_REPORTS, TAX, Agency, Report, build_warehouse
from dashboard import queries
from dashboard.db import Warehouse, WarehouseUnavailable
from dashboard.state import State

COMPLETION = State(indicator="petition.completion_rate")

# Two agencies whose sector, region and level are unknown.
UNFILED = Agency(5, "示例市某机构甲", None, None, None)
UNFILED_TOO = Agency(6, "示例市某机构乙", None, None, None)

# POLICE states its CPPCC proposals in two reports of 2022, with different numbers: the proposals
# report (home of the indicator, what the view shows) and the rule-of-law report.
MIXED_REPORTS = [
    Report(POLICE, 2022, "建议提案办理", {"proposals.cppcc_satisfaction": 96, "proposals.cppcc_count": 40}),
    Report(POLICE, 2022, "法治政府建设", {"proposals.cppcc_satisfaction": 97, "proposals.cppcc_count": 38,
                                        "litigation.lawsuits": 10}),
    Report(TAX, 2022, "建议提案办理", {"proposals.cppcc_satisfaction": 98, "proposals.cppcc_count": 20}),
    Report(DONGHU, 2022, "建议提案办理", {"proposals.cppcc_satisfaction": 90}),
    Report(UNFILED, 2022, "信访", {"petition.completion_rate": 80}),
    Report(UNFILED_TOO, 2022, "信访", {"petition.completion_rate": 85}),
]
RULE_OF_LAW = "法治政府建设"
CPPCC_SATISFACTION = State(indicator="proposals.cppcc_satisfaction")


@pytest.fixture
def wh(small_warehouse: Path):
    warehouse = Warehouse(small_warehouse)
    yield warehouse
    warehouse.close()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory):
    warehouse = Warehouse(build_warehouse(tmp_path_factory.mktemp("mixed") / "warehouse.duckdb", MIXED_REPORTS))
    yield warehouse
    warehouse.close()


def by_agency(df, column: str) -> dict:
    return dict(zip(df["agency"], df[column]))


def test_gap_to_peer_median_and_target(wh):
    # 2022 completion rates: 95, 99, 90, 100 -> median 97; the target is 100.
    ranking = queries.gap_ranking(wh, COMPLETION, 2022)
    assert ranking["agency"].to_list()[0] == DONGHU.name  # the worst laggard comes first
    assert by_agency(ranking, "peer_median") == dict.fromkeys(by_agency(ranking, "value"), 97.0)
    assert by_agency(ranking, "gap_median")[DONGHU.name] == -7
    assert by_agency(ranking, "gap_target")[DONGHU.name] == -10
    assert by_agency(ranking, "standing") == {
        DONGHU.name: "laggard", POLICE.name: "laggard", TAX.name: "leader", DONGHU_POLICE.name: "leader",
    }


def test_peers_of_the_same_sector(wh):
    ranking = queries.gap_ranking(wh, State(indicator="petition.completion_rate", peers="sector"), 2022)
    # The two police agencies (95 and 100) form one peer group with median 97.5.
    assert by_agency(ranking, "peer_median")[POLICE.name] == 97.5
    assert by_agency(ranking, "peer_n")[POLICE.name] == 2
    assert by_agency(ranking, "percentile")[POLICE.name] == 0  # the worse of two


def test_an_agency_alone_in_its_peer_group_is_not_ranked(wh):
    ranking = queries.gap_ranking(wh, State(indicator="petition.completion_rate", peers="sector"), 2022)
    tax = ranking.filter(agency=TAX.name).row(0, named=True)  # the only tax office
    assert (tax["peer_n"], tax["peer_median"], tax["gap_median"], tax["percentile"], tax["standing"]) == (
        1, None, None, None, "no_peers")
    assert set(ranking["agency"][-2:]) == {TAX.name, DONGHU.name}  # the two agencies alone come last
    standing = queries.agency_standing(wh, State(peers="sector", year_from=2022), TAX.agency_id)
    assert set(standing["percentile"]) == {None} and set(standing["standing"]) == {"no_peers"}


def test_agencies_of_unknown_sector_are_not_each_others_peers(mixed):
    ranking = queries.gap_ranking(mixed, State(indicator="petition.completion_rate", peers="sector"), 2022)
    assert set(ranking["standing"]) == {"no_peers"} and set(ranking["peer_median"]) == {None}
    # Among all agencies they are compared: 80 against 85.
    ranking = queries.gap_ranking(mixed, State(indicator="petition.completion_rate"), 2022)
    assert by_agency(ranking, "peer_median") == {UNFILED.name: 82.5, UNFILED_TOO.name: 82.5}
    assert by_agency(ranking, "percentile") == {UNFILED.name: 0, UNFILED_TOO.name: 100}


def test_filters_narrow_the_agencies_but_not_the_peers(wh):
    ranking = queries.gap_ranking(wh, State(indicator="petition.completion_rate", sector="公安"), 2022)
    assert set(ranking["agency"]) == {POLICE.name, DONGHU_POLICE.name}
    assert set(ranking["peer_median"]) == {97.0}


def test_lower_is_better_turns_the_standing_around(wh):
    ranking = queries.gap_ranking(wh, State(indicator="litigation.lawsuits"), 2022)
    # Lawsuits 10 and 5, median 7.5: more lawsuits is worse.
    assert by_agency(ranking, "standing") == {POLICE.name: "laggard", DONGHU.name: "leader"}


def test_workload_indicators_get_no_standing(mixed):
    ranking = queries.gap_ranking(mixed, State(indicator="proposals.cppcc_count"), 2022)
    assert ranking["standing"].to_list() == ["neutral", "neutral"]


def test_the_report_type_filter_picks_among_that_types_reports(mixed):
    # The view would show POLICE's proposals-report numbers; narrowed to rule-of-law reports,
    # the rule-of-law report's numbers are shown rather than nothing.
    cov = queries.coverage(mixed, State(report_type=RULE_OF_LAW, family="proposals"), 2022)
    police = {r["indicator"]: r for r in cov.filter(agency=POLICE.name).iter_rows(named=True)}
    assert (police["proposals.cppcc_count"]["status"], police["proposals.cppcc_count"]["value"]) == ("reported", 38)
    assert police["proposals.npc_count"]["status"] == "missing"
    unfiltered = queries.coverage(mixed, State(family="proposals"), 2022).filter(agency=POLICE.name)
    assert unfiltered.filter(indicator="proposals.cppcc_count")["value"].to_list() == [40]


def test_peers_do_not_change_with_the_report_type(mixed):
    everything = queries.gap_ranking(mixed, CPPCC_SATISFACTION, 2022)
    assert by_agency(everything, "value")[POLICE.name] == 96
    assert by_agency(everything, "percentile")[POLICE.name] == 50
    narrowed = queries.gap_ranking(mixed, replace(CPPCC_SATISFACTION, report_type=RULE_OF_LAW), 2022)
    police = narrowed.row(0, named=True)
    # Its rule-of-law value 97 against the same peers as before: median(96, 98, 90) = 96;
    # of the two others it beats 90.
    assert (police["agency"], police["value"], police["peer_median"], police["peer_n"]) == (POLICE.name, 97, 96, 3)
    assert (police["gap_median"], police["percentile"], police["standing"]) == (1, 50, "leader")


def test_the_query_time_pick_agrees_with_the_warehouse_view(demo_warehouse):
    wh = Warehouse(demo_warehouse)
    for year in (2021, 2024):
        shown = queries.coverage(wh, State(), year).filter(status="reported")
        view = wh.query("SELECT agency_id, indicator, report_id FROM indicator_values WHERE year = $y", {"y": year})
        assert sorted(shown.select("agency_id", "indicator", "report_id").rows()) == sorted(view.rows())
    wh.close()


def test_lawsuits_or_reviews_cover_the_combined_total(wh):
    cov = queries.coverage(wh, State(family="litigation"), 2022)
    combined = {r["agency"]: r for r in cov.filter(indicator="litigation.combined").iter_rows(named=True)}
    assert combined[POLICE.name]["status"] == "covered_by_parts"  # lawsuits and reviews
    assert combined[DONGHU.name]["status"] == "covered_by_parts"  # lawsuits only
    assert combined[TAX.name]["status"] == "missing"
    # The cell's evidence is the part's sentence.
    donghu = combined[DONGHU.name]
    assert donghu["fact_indicator"] == "litigation.lawsuits"
    assert queries.evidence(wh, donghu["report_id"], donghu["fact_indicator"])["value"].to_list() == [5]


def test_coverage_marks_a_missing_indicator(wh):
    cov = queries.coverage(wh, State(family="petition"), 2022)
    status = {(a, i): s for a, i, s in zip(cov["agency"], cov["indicator"], cov["status"])}
    assert status[(POLICE.name, "petition.cases")] == "reported"
    assert status[(TAX.name, "petition.cases")] == "missing"
    assert set(cov["indicator"]) == {"petition.cases", "petition.visits", "petition.completion_rate",
                                     "petition.satisfaction_rate"}
    # DONGHU_POLICE published nothing in 2021: in 2021 its whole row is 'no_report'.
    cov_2021 = queries.coverage(wh, State(family="petition"), 2021)
    assert set(cov_2021.filter(cov_2021["agency"] == DONGHU_POLICE.name)["status"]) == {"no_report"}


def test_kpis_with_change_from_the_year_before(wh):
    kpis = {row["kpi"]: row for row in queries.kpis(wh, State(), 2022).iter_rows(named=True)}
    assert kpis["agencies"]["value"] == 4 and kpis["agencies"]["previous"] == 3
    # Proposal satisfaction: median(98, 96, 100) = 98 in 2022, median(97, 95) = 96 in 2021.
    assert kpis["proposal_satisfaction"]["value"] == 98 and kpis["proposal_satisfaction"]["change"] == 2
    # Lawsuits and reviews: 10 + 3 + 5 = 18 in 2022, 12 in 2021.
    assert kpis["cases"]["value"] == 18 and kpis["cases"]["change"] == 6
    assert kpis["petition_completion"]["value"] == 97
    assert kpis["agencies"]["is_demo"]  # one agency of 2022 is demo data


def test_kpis_follow_the_filters(wh):
    kpis = {row["kpi"]: row for row in queries.kpis(wh, State(region="示例省示例市"), 2022).iter_rows(named=True)}
    assert kpis["agencies"]["value"] == 2
    assert not kpis["agencies"]["is_demo"]


def test_kpis_say_whether_a_rise_is_good(wh):
    better = {row["kpi"]: row["higher_is_better"] for row in queries.kpis(wh, State(), 2022).iter_rows(named=True)}
    assert better["proposal_satisfaction"] is True and better["petition_completion"] is True
    assert better["cases"] is False  # more lawsuits and reviews is worse
    assert better["petition_cases"] is None and better["agencies"] is None  # workload, not performance


def test_laggards_count_the_indicators_behind_the_peer_median(wh):
    # 2022: POLICE lags on completion (95 against a median of 97) and lawsuits (10 against 7.5,
    # fewer is better) and leads on NPC satisfaction (98 against 97); nobody else states its
    # petition cases or reviews, so those are not compared. TAX and DONGHU lag on one of two.
    ranked = queries.laggards(wh, State(), 2022)
    assert ranked.select("agency", "lagging", "compared").rows() == [
        (POLICE.name, 2, 3), (DONGHU.name, 1, 2), (TAX.name, 1, 2), (DONGHU_POLICE.name, 0, 1),
    ]
    # Among the same sector only the two police agencies are compared, on completion.
    by_sector = queries.laggards(wh, State(peers="sector"), 2022)
    assert by_agency(by_sector, "compared") == {POLICE.name: 1, DONGHU_POLICE.name: 1, TAX.name: 0, DONGHU.name: 0}


def test_coverage_lists_the_agencies_with_most_gaps_first(wh):
    # 2021: DONGHU's only report (rule of law) states none of the four petition indicators, TAX
    # states one, POLICE two; DONGHU_POLICE published nothing that year and comes last.
    cov = queries.coverage(wh, State(family="petition"), 2021)
    assert cov["agency"].unique(maintain_order=True).to_list() == [DONGHU.name, TAX.name, POLICE.name,
                                                                   DONGHU_POLICE.name]


def test_data_mix_tells_real_agencies_from_demo_ones(wh):
    mix = {row["is_demo"]: row for row in queries.data_mix(wh).iter_rows(named=True)}
    assert mix[True]["agencies"] == 1
    assert mix[False]["names"] == sorted([POLICE.name, TAX.name, DONGHU.name])


def test_real_reports_come_before_demo_data(wh):
    listed = queries.reports(wh, State())
    assert listed["is_demo"].to_list() == sorted(listed["is_demo"].to_list())
    assert listed["agency"][-1] == DONGHU_POLICE.name


def test_trend_modes_and_peer_band(wh):
    series = queries.trend_series(wh, COMPLETION, (POLICE.agency_id,))
    assert series["shown"].to_list() == [92, 95]
    yoy = queries.trend_series(wh, State(indicator="petition.completion_rate", mode="yoy"), (POLICE.agency_id,))
    assert yoy["shown"].to_list() == [3]  # a rate changes in percentage points
    index = queries.trend_series(wh, State(indicator="petition.cases", mode="index"), (POLICE.agency_id,))
    assert index["shown"].round(1).to_list() == [100, 93.3]
    band = queries.trend_band(wh, COMPLETION)
    assert band.row(1, named=True) | {"is_demo": None} == {
        "year": 2022, "median": 97, "q1": 93.75, "q3": 99.25, "n": 4, "is_demo": None,
    }


def test_year_on_year_and_previous_year_look_before_the_first_year_shown(wh):
    yoy = queries.trend_series(wh, State(indicator="petition.completion_rate", mode="yoy", year_from=2022),
                               (POLICE.agency_id,))
    assert yoy["shown"].to_list() == [3]  # 95 in 2022 against 92 in 2021
    index = queries.trend_series(wh, State(indicator="petition.cases", mode="index", year_from=2022),
                                 (POLICE.agency_id,))
    assert index["shown"].to_list() == [100]  # the first year shown is the base
    assert queries.kpis(wh, State(year_from=2022), 2022).equals(queries.kpis(wh, State(), 2022))


def test_default_trend_agencies_have_the_most_years(wh):
    assert queries.default_trend_agencies(wh, COMPLETION, limit=2) == (POLICE.agency_id, TAX.agency_id)


def test_evidence_returns_the_sentence(wh):
    report_id = queries.gap_ranking(wh, COMPLETION, 2022).filter(agency=DONGHU.name)["report_id"][0]
    row = queries.evidence(wh, report_id, "petition.completion_rate").row(0, named=True)
    assert row["evidence"] == "全年信访办结率为90%。"
    assert (row["agency"], row["year"], row["report_type"]) == (DONGHU.name, 2022, "信访")


def test_report_text_and_fact_spans_line_up(wh):
    rep = queries.reports(wh, State(year_from=2022), agency_id=TAX.agency_id)
    assert rep["report_type"].to_list() == ["信访", "建议提案办理"] and rep["facts"].to_list() == [1, 2]
    report_id = rep.filter(report_type="建议提案办理")["report_id"][0]
    text = queries.report(wh, report_id)["text"][0]
    for fact in queries.report_facts(wh, report_id).iter_rows(named=True):
        assert text[fact["span_start"]:fact["span_end"]] == fact["evidence"]


def test_percentile_per_indicator(wh):
    standing = queries.agency_standing(wh, State(year_from=2022), TAX.agency_id)
    rows = {r["indicator"]: r for r in standing.iter_rows(named=True)}
    # Completion 99 among 90, 95, 99, 100: third of four -> percent_rank 2/3.
    assert rows["petition.completion_rate"]["percentile"] == 66.7
    # Satisfaction 96 against 98: the lower of two -> 0, a laggard.
    assert (rows["proposals.npc_satisfaction"]["percentile"], rows["proposals.npc_satisfaction"]["standing"]) == (
        0, "laggard")


def test_missing_warehouse_is_reported_not_raised_as_a_duckdb_error(tmp_path):
    with pytest.raises(WarehouseUnavailable, match="不存在"):
        Warehouse(tmp_path / "absent.duckdb").query("SELECT 1")


def test_a_swapped_file_is_seen_by_every_thread(tmp_path, small_warehouse):
    live = tmp_path / "warehouse.duckdb"
    shutil.copyfile(small_warehouse, live)
    wh = Warehouse(live, check_interval=0)
    bigger = SMALL_REPORTS + [Report(TAX, 2023, "信访", {"petition.completion_rate": 97})]
    with ThreadPoolExecutor(1) as worker:  # a thread with its own cursor, as in a web server
        assert worker.submit(queries.report_count, wh).result() == len(SMALL_REPORTS)
        build_warehouse(tmp_path / "new.duckdb", bigger).replace(live)  # what the ETL's swap does
        assert worker.submit(queries.report_count, wh).result() == len(bigger)
    assert queries.gap_ranking(wh, COMPLETION, 2023)["agency"].to_list() == [TAX.name]
    wh.close()


def test_old_generation_closes_only_after_its_query(tmp_path, small_warehouse):
    live = tmp_path / "warehouse.duckdb"
    shutil.copyfile(small_warehouse, live)
    wh = Warehouse(live, check_interval=0)
    with wh._cursor() as in_flight:  # a query running on the first generation
        old = wh._current
        build_warehouse(tmp_path / "new.duckdb", SMALL_REPORTS[:1]).replace(live)
        assert queries.report_count(wh) == 1
        assert old.retired
        assert in_flight.execute("SELECT count(*) FROM reports").fetchone()[0] == len(SMALL_REPORTS)
    with pytest.raises(duckdb.ConnectionException):
        old.con.execute("SELECT 1")
    wh.close()


def is_closed(cursor: duckdb.DuckDBPyConnection) -> bool:
    try:
        cursor.execute("SELECT 1")
    except duckdb.ConnectionException:
        return True
    return False


def test_no_cursor_outlives_its_query(wh):
    queries.report_count(wh)  # opens the generation
    generation = wh._current
    connection, opened = generation.con, []

    class Recording:
        """The generation's connection, keeping every cursor it hands out."""

        def cursor(self):
            opened.append(connection.cursor())
            return opened[-1]

        def __getattr__(self, name):
            return getattr(connection, name)

    generation.con = Recording()
    # The dev server answers each request in a new thread.
    requests = [threading.Thread(target=queries.report_count, args=(wh,)) for _ in range(20)]
    for request in requests:
        request.start()
        request.join()
    assert len(opened) == 20 and all(is_closed(cursor) for cursor in opened)


def test_each_generation_has_a_bounded_memory_and_thread_count(wh):
    settings = wh.query("SELECT current_setting('memory_limit') AS memory, current_setting('threads') AS threads")
    assert settings.row(0, named=True) == {"memory": "2.0 GiB", "threads": 2}


def test_real_data_compared_with_demo_peers_is_flagged(wh):
    ranking = queries.gap_ranking(wh, COMPLETION, 2022)
    police = ranking.filter(agency=POLICE.name).row(0, named=True)
    assert (police["is_demo"], police["peer_is_demo"]) == (False, True)  # DONGHU_POLICE is a demo peer


def test_laggards_are_ranked_by_the_share_their_bars_show(demo_warehouse):
    ranked = queries.laggards(Warehouse(demo_warehouse), State(), 2024).filter(pl.col("compared") > 0)
    shares = [lagging / compared for lagging, compared in ranked.select("lagging", "compared").rows()]
    assert len(set(shares)) > 2 and shares == sorted(shares, reverse=True)


def test_agencies_tied_with_their_peers_stand_in_the_middle_not_at_the_bottom(tmp_path):
    tied = [Agency(20 + n, f"示例市第{n}税务分局", "示例省示例市", "税务", "部门") for n in range(4)]
    reports = [Report(a, 2022, "信访", {"petition.completion_rate": 100}) for a in tied]
    wh = Warehouse(build_warehouse(tmp_path / "tied.duckdb", reports))
    standing = queries.gap_ranking(wh, State(indicator="petition.completion_rate"), 2022)
    assert set(standing["percentile"]) == {50.0} and set(standing["standing"]) == {"par"}
    wh.close()


def test_median_kpis_say_how_many_values_fall_short_of_the_target(demo_warehouse):
    wh = Warehouse(demo_warehouse)
    shown = {row["kpi"]: row["below_target"] for row in queries.kpis(wh, State(), 2024).iter_rows(named=True)}
    short = wh.query("""SELECT count(*) AS n FROM indicator_values v JOIN indicators i ON i.code = v.indicator
                        WHERE v.year = 2024 AND v.indicator = 'petition.completion_rate' AND v.value < i.target""")
    assert shown["petition_completion"] == short["n"][0] > 0
    assert shown["cases"] is None  # a sum has no target to fall short of
    wh.close()
