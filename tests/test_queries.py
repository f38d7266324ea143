"""The dashboard's queries against a small warehouse whose numbers are checked by hand (conftest)."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from conftest import DONGHU, DONGHU_POLICE, POLICE, SMALL_REPORTS, TAX, Report, build_warehouse
from dashboard import queries
from dashboard.db import Warehouse, WarehouseUnavailable
from dashboard.state import State

COMPLETION = State(indicator="petition.completion_rate")


@pytest.fixture
def wh(small_warehouse: Path):
    warehouse = Warehouse(small_warehouse)
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
    assert by_agency(ranking, "standing")[TAX.name] == "par"  # alone in its group


def test_filters_narrow_the_agencies_but_not_the_peers(wh):
    ranking = queries.gap_ranking(wh, State(indicator="petition.completion_rate", sector="公安"), 2022)
    assert set(ranking["agency"]) == {POLICE.name, DONGHU_POLICE.name}
    assert set(ranking["peer_median"]) == {97.0}


def test_lower_is_better_turns_the_standing_around(wh):
    ranking = queries.gap_ranking(wh, State(indicator="litigation.lawsuits"), 2022)
    # Lawsuits 10 and 5, median 7.5: more lawsuits is worse.
    assert by_agency(ranking, "standing") == {POLICE.name: "laggard", DONGHU.name: "leader"}


def test_workload_indicators_get_no_standing(wh):
    ranking = queries.gap_ranking(wh, State(indicator="petition.cases"), 2022)
    assert ranking["standing"].to_list() == ["neutral"]


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
    old = wh._acquire()  # a query in flight on the first generation
    build_warehouse(tmp_path / "new.duckdb", SMALL_REPORTS[:1]).replace(live)
    assert queries.report_count(wh) == 1
    assert old.retired
    assert old.cursor(wh._lock).execute("SELECT count(*) FROM reports").fetchone()[0] == len(SMALL_REPORTS)
    wh._release(old)
    with pytest.raises(Exception):
        old.con.execute("SELECT 1")
    wh.close()


def test_real_data_compared_with_demo_peers_is_flagged(wh):
    ranking = queries.gap_ranking(wh, COMPLETION, 2022)
    police = ranking.filter(agency=POLICE.name).row(0, named=True)
    assert (police["is_demo"], police["peer_is_demo"]) == (False, True)  # DONGHU_POLICE is a demo peer
