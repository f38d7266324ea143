"""The refresh, end to end: real report files in, a real DuckDB warehouse out."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from etl import pipeline
from etl.agencies import AgenciesFileError
from etl.manifest import ManifestError
from etl.pipeline import run
from etl.warehouse import WarehouseLocked, writer_lock

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "reports"
WUJIANG = "004_c58330313368c4e5.txt"
PUDONG = "000_5238e1c1aba64612.txt"


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """A source folder holding the two seed reports."""
    folder = tmp_path / "reports"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def warehouse(tmp_path: Path) -> Path:
    return tmp_path / "warehouse.duckdb"


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """The warehouse's content, less the bookkeeping that changes on every run."""
    return {
        "reports": query(warehouse, "SELECT * EXCLUDE (loaded_at, run_id) FROM reports ORDER BY report_id"),
        "facts": query(warehouse, "SELECT * FROM facts ORDER BY ALL"),
        "agencies": query(warehouse, "SELECT * FROM agencies ORDER BY agency_id"),
        "aliases": query(warehouse, "SELECT * FROM agency_aliases ORDER BY alias"),
        "values": query(warehouse, "SELECT * FROM indicator_values ORDER BY agency, year, indicator"),
    }


def test_first_run_loads_the_seed_reports(reports: Path, warehouse: Path) -> None:
    summary = run([reports], warehouse)

    assert (summary.files_seen, summary.files_new, summary.files_rejected) == (2, 2, 0)
    assert summary.exit_code == 0
    rows = dict(query(warehouse, "SELECT a.name, count(f.indicator) FROM reports r JOIN agencies a USING (agency_id)"
                                 " LEFT JOIN facts f USING (report_id) GROUP BY a.name"))
    assert rows == {"苏州市吴江区自然资源和规划局": 14, "浦东新区规划和自然资源局": 0}
    assert query(warehouse, "SELECT year, report_type FROM reports WHERE source_path LIKE ?", [f"%{WUJIANG}"]) == [(2021, "法治政府建设")]
    assert ("浦东新区规划资源局",) in query(warehouse, "SELECT alias FROM agency_aliases")
    # Evidence spans point into the stored text.
    for text, evidence, start, end in query(
        warehouse, "SELECT r.text, f.evidence, f.span_start, f.span_end FROM facts f JOIN reports r USING (report_id)"
    ):
        assert text[start:end] == evidence
    assert query(warehouse, "SELECT value, conflict FROM indicator_values WHERE indicator = 'petition.cases'") == [(501.0, False)]
    assert query(warehouse, "SELECT status, files_seen, facts_loaded FROM etl_runs") == [("ok", 2, 14)]


def test_a_second_run_changes_nothing(reports: Path, warehouse: Path) -> None:
    run([reports], warehouse)
    before = snapshot(warehouse)

    summary = run([reports], warehouse)

    assert (summary.files_unchanged, summary.files_new, summary.files_changed, summary.facts_loaded) == (2, 0, 0, 0)
    assert snapshot(warehouse) == before
    assert query(warehouse, "SELECT count(*) FROM etl_runs") == [(2,)]


def test_a_changed_file_replaces_its_facts_and_keeps_history(reports: Path, warehouse: Path) -> None:
    run([reports], warehouse)
    path = reports / WUJIANG
    path.write_text(path.read_text(encoding="utf-8").replace("信访件501件", "信访件502件"), encoding="utf-8")

    summary = run([reports], warehouse)

    assert (summary.files_changed, summary.files_unchanged) == (1, 1)
    assert query(warehouse, "SELECT value FROM indicator_values WHERE indicator = 'petition.cases'") == [(502.0,)]
    history = query(warehouse, "SELECT f.value, r.retired_at IS NULL FROM facts f JOIN reports r USING (report_id)"
                               " WHERE indicator = 'petition.cases' ORDER BY value")
    assert history == [(501.0, False), (502.0, True)]


def test_a_removed_file_retires_its_report(reports: Path, warehouse: Path) -> None:
    run([reports], warehouse)
    (reports / WUJIANG).unlink()

    summary = run([reports], warehouse)

    assert summary.files_removed == 1
    assert query(warehouse, "SELECT count(*) FROM indicator_values") == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM facts") == [(14,)]
    assert query(warehouse, "SELECT status FROM report_files WHERE source_path LIKE ?", [f"%{WUJIANG}"]) == [("removed",)]


def test_the_same_report_saved_twice_counts_once(reports: Path, warehouse: Path) -> None:
    text = (reports / WUJIANG).read_text(encoding="utf-8")
    (reports / "copy-in-gb18030.txt").write_bytes(text.encode("gb18030"))

    summary = run([reports], warehouse)

    assert (summary.files_seen, summary.files_rejected) == (3, 0)
    assert query(warehouse, "SELECT count(*) FROM reports") == [(2,)]
    assert sorted(query(warehouse, "SELECT status FROM report_files")) == [("duplicate",), ("loaded",), ("loaded",)]
    assert query(warehouse, "SELECT n_facts FROM indicator_values WHERE indicator = 'petition.cases'") == [(1,)]


def test_bad_files_are_rejected_and_good_files_still_load(reports: Path, warehouse: Path) -> None:
    (reports / "empty.txt").write_bytes(b"")
    (reports / "junk.txt").write_bytes(bytes(range(256)) * 40)
    (reports / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip")
    (reports / "notes.xlsx").write_bytes(b"skipped: not a report format")

    summary = run([reports], warehouse)

    assert summary.exit_code == 3
    assert (summary.files_seen, summary.files_rejected, summary.files_skipped) == (5, 3, 1)
    reasons = dict(query(warehouse, "SELECT regexp_extract(source_path, '[^/]+$'), reason FROM rejections"))
    assert set(reasons) == {"empty.txt", "junk.txt", "broken.docx"}
    assert all(reason.strip() for reason in reasons.values())
    assert query(warehouse, "SELECT count(*) FROM facts") == [(14,)]
    assert query(warehouse, "SELECT status FROM etl_runs") == [("ok_with_rejections",)]


def test_a_file_that_turns_bad_keeps_its_last_good_version(reports: Path, warehouse: Path) -> None:
    run([reports], warehouse)
    (reports / WUJIANG).write_bytes(b"\x00\x01\x02" * 500)

    summary = run([reports], warehouse)

    assert summary.files_rejected == 1
    assert query(warehouse, "SELECT value FROM indicator_values WHERE indicator = 'petition.cases'") == [(501.0,)]
    # ... and it is tried (and reported) again on the next run.
    assert run([reports], warehouse).files_rejected == 1


def test_a_failed_run_leaves_the_previous_warehouse(reports: Path, warehouse: Path, monkeypatch) -> None:
    run([reports], warehouse)
    before = snapshot(warehouse)
    (reports / WUJIANG).unlink()

    def crash(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(pipeline, "_load", crash)
    with pytest.raises(RuntimeError):
        run([reports], warehouse)

    assert snapshot(warehouse) == before
    assert [p.name for p in warehouse.parent.iterdir() if ".tmp-" in p.name] == []


def test_a_second_concurrent_run_is_refused(reports: Path, warehouse: Path) -> None:
    with writer_lock(warehouse):
        with pytest.raises(WarehouseLocked, match="another ETL run"):
            run([reports], warehouse)
        cli = subprocess.run(
            [sys.executable, "-m", "etl", "run", "--source", str(reports), "--warehouse", str(warehouse)],
            capture_output=True, text=True, cwd=ROOT,
        )
    assert cli.returncode == 4
    assert "another ETL run" in cli.stderr
    assert not warehouse.exists()


def test_the_agencies_file_pins_canonical_names(reports: Path, warehouse: Path, tmp_path: Path) -> None:
    run([reports], warehouse)
    agencies = tmp_path / "agencies.csv"
    agencies.write_text(
        "name,aliases,region,level,sector\n"
        "吴江区资源规划局,苏州市吴江区自然资源和规划局;吴江资规局,江苏省苏州市吴江区,部门,自然资源和规划\n",
        encoding="utf-8",
    )

    run([reports], warehouse, agencies_file=agencies)

    assert query(warehouse, "SELECT DISTINCT agency, level FROM indicator_values") == [("吴江区资源规划局", "部门")]
    assert query(warehouse, "SELECT count(*) FROM agencies WHERE name = '苏州市吴江区自然资源和规划局'") == [(0,)]


def test_a_bad_agencies_file_names_the_file_and_the_problem(reports: Path, warehouse: Path, tmp_path: Path) -> None:
    agencies = tmp_path / "agencies.toml"
    agencies.write_text('[[agency]]\nname = "示例市公安局"\nlevel = "特级"\n', encoding="utf-8")

    with pytest.raises(AgenciesFileError, match=r"agencies\.toml.*level must be one of"):
        run([reports], warehouse, agencies_file=agencies)
    assert not warehouse.exists()


def test_the_extract_command_shows_facts_with_their_sentences() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "etl", "extract", str(SEEDS / WUJIANG)], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert "苏州市吴江区自然资源和规划局" in out
    assert "year:        2021" in out
    assert "petition.cases  信访件: 501件" in out
    assert "2021年共处理来信、来访、网络论坛等各类信访件501件" in out


def test_the_run_command_prints_a_summary_and_exit_code(reports: Path, warehouse: Path) -> None:
    (reports / "empty.txt").write_bytes(b"")
    cli = subprocess.run(
        [sys.executable, "-m", "etl", "run", "--source", str(reports), "--warehouse", str(warehouse)],
        capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert cli.returncode == 3
    assert "files seen 3 / new 2 / changed 0 / unchanged 0 / removed 0 / rejected 1" in cli.stderr
    assert "empty.txt" in cli.stderr


def test_kill_9_at_any_moment_leaves_a_good_warehouse(reports: Path, warehouse: Path, tmp_path: Path) -> None:
    """Kill the ETL at different moments of a refresh: the warehouse is always the old or the new one."""
    from etl.demo import generate_demo

    run([reports], warehouse)
    old = snapshot(warehouse)
    demo = generate_demo(tmp_path / "demo", agencies=6, years=(2020, 2022), seed=3)
    command = [sys.executable, "-m", "etl", "run", "--source", str(reports), "--source", str(demo.reports_dir),
               "--warehouse", str(warehouse)]
    for delay in (0.3, 0.8, 1.3, 1.8, 2.5):
        # In a session of its own, so that SIGKILL reaches the run and its extraction workers at
        # once (as when a machine dies) and no orphaned worker outlives the test.
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        try:
            process.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        state = snapshot(warehouse)
        assert state == old or len(state["reports"]) == 2 + demo.reports, f"half-loaded warehouse after {delay} s"
        if state != old:
            break
    finished = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert finished.returncode == 0, finished.stderr
    assert len(snapshot(warehouse)["reports"]) == 2 + demo.reports


def test_a_report_outlives_its_first_file_while_a_copy_remains(reports: Path, warehouse: Path) -> None:
    copy = reports / "zz-copy.txt"
    copy.write_bytes((reports / WUJIANG).read_bytes() + b"\n")  # other bytes, same normalised text
    run([reports], warehouse)
    assert query(warehouse, "SELECT status FROM report_files WHERE source_path = ?", [str(copy)]) == [("duplicate",)]
    (reports / WUJIANG).unlink()

    run([reports], warehouse)

    assert query(warehouse, "SELECT value FROM indicator_values WHERE indicator = 'petition.cases'") == [(501.0,)]
    assert query(warehouse, "SELECT source_path FROM reports WHERE retired_at IS NULL AND source_path LIKE '%copy%'") == [(str(copy),)]


def test_a_demo_corpus_of_txt_html_and_docx_loads_as_its_gold_file_says(tmp_path: Path, warehouse: Path) -> None:
    """Every format through every stage: the warehouse holds the gold facts of each file, flagged demo."""
    import json

    from etl.demo import generate_demo

    demo = generate_demo(tmp_path / "demo", agencies=5, years=(2022, 2023), seed=7)
    summary = run([demo.reports_dir], warehouse)

    assert summary.files_rejected == 0
    formats = {row[0] for row in query(warehouse, "SELECT DISTINCT format FROM reports")}
    assert formats == {"txt", "html", "docx"}
    loaded = {}
    for path, agency, year, indicator, value in query(
        warehouse,
        "SELECT r.source_path, a.name, r.year, f.indicator, f.value FROM reports r JOIN agencies a USING (agency_id)"
        " LEFT JOIN facts f USING (report_id) WHERE r.is_demo AND a.is_demo",
    ):
        entry = loaded.setdefault(path, (agency, year, set()))
        if indicator:
            entry[2].add((indicator, value))
    gold = [json.loads(line) for line in demo.gold_path.read_text(encoding="utf-8").splitlines()]
    assert len(loaded) == len(gold) == demo.reports
    for doc in gold:
        agency, year, facts = loaded[str(demo.reports_dir / doc["source"])]
        expected = {(f["indicator"], float(f["value"])) for f in doc["facts"]}
        scored = {fact for fact in facts if fact[0] not in doc.get("ignore", [])}
        assert (agency, year, scored) == (doc["agency"], doc["year"], expected), doc["id"]


def test_a_file_that_crashes_its_worker_is_rejected_and_the_rest_load(tmp_path: Path) -> None:
    from crashing_worker import crash_on_poison

    folder = tmp_path / "many"
    folder.mkdir()
    text = (SEEDS / WUJIANG).read_text(encoding="utf-8")
    paths = []
    for n in range(pipeline.PARALLEL_FROM + 4):
        path = folder / (f"poison-{n}.txt" if n == 5 else f"report-{n:02}.txt")
        path.write_text(text.replace("信访件501件", f"信访件{600 + n}件"), encoding="utf-8")
        paths.append(str(path))

    results = pipeline._process_all([(path, None) for path in paths], None, work=crash_on_poison)

    rejected = [r for r in results if isinstance(r, pipeline.Rejected)]
    assert [Path(r.path).name for r in rejected] == ["poison-5.txt"]
    assert "crashed the process" in rejected[0].reason
    assert [r.path for r in results] == paths


def test_an_older_schema_version_is_rebuilt_with_every_file(reports: Path, warehouse: Path) -> None:
    run([reports], warehouse)
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE warehouse_meta SET value = '0' WHERE key = 'schema_version'")
    con.close()

    summary = run([reports], warehouse)

    assert (summary.files_new, summary.files_unchanged) == (2, 0)
    assert query(warehouse, "SELECT count(*) FROM facts") == [(14,)]


def test_a_file_that_cannot_be_read_keeps_its_report(reports: Path, warehouse: Path, monkeypatch) -> None:
    run([reports], warehouse)
    real = pipeline._file_sha256

    def denied(path: Path) -> str:
        if path.name == WUJIANG:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(pipeline, "_file_sha256", denied)
    summary = run([reports], warehouse)

    assert (summary.files_removed, summary.files_rejected, summary.exit_code) == (0, 1, 3)
    assert query(warehouse, "SELECT value FROM indicator_values WHERE indicator = 'petition.cases'") == [(501.0,)]
    assert query(warehouse, "SELECT reason FROM rejections") == [("cannot read file: Permission denied",)]


def test_files_of_a_moved_source_folder_retire_when_they_are_gone(tmp_path: Path, warehouse: Path) -> None:
    old = tmp_path / "old"
    shutil.copytree(SEEDS, old)
    run([old], warehouse)
    new = tmp_path / "new"
    old.rename(new)

    summary = run([new], warehouse)

    assert summary.files_removed == 2  # the old paths are gone; the same texts now load from new/
    assert sorted(query(warehouse, "SELECT status, count(*) FROM report_files GROUP BY ALL")) == [("loaded", 2), ("removed", 2)]
    assert all(path.startswith(str(new)) for (path,) in query(warehouse, "SELECT source_path FROM reports"))
    (new / WUJIANG).unlink()
    run([new], warehouse)
    assert query(warehouse, "SELECT count(*) FROM indicator_values") == [(0,)]


def test_two_files_that_swap_their_texts_are_shown_from_the_right_file(reports: Path, warehouse: Path) -> None:
    a, b = reports / WUJIANG, reports / PUDONG
    run([reports], warehouse)
    text_a, text_b = a.read_bytes(), b.read_bytes()
    a.write_bytes(text_b)
    b.write_bytes(text_a)

    run([reports], warehouse)

    rows = query(warehouse, "SELECT f.source_path, f.status, r.source_path FROM report_files f JOIN reports r USING (report_id)")
    assert sorted((Path(p).name, status, Path(shown).name) for p, status, shown in rows) == [
        (PUDONG, "loaded", PUDONG), (WUJIANG, "loaded", WUJIANG),
    ]
    assert query(warehouse, "SELECT count(*) FROM reports WHERE retired_at IS NULL") == [(2,)]


def test_an_agencies_file_given_later_refiles_loaded_reports(reports: Path, warehouse: Path, tmp_path: Path) -> None:
    run([reports], warehouse)
    agencies = tmp_path / "agencies.toml"
    agencies.write_text(
        '[[agency]]\nname = "上海市浦东新区规划和自然资源局"\naliases = ["浦东新区规划资源局"]\nregion = "上海市浦东新区"\n',
        encoding="utf-8",
    )

    run([reports], warehouse, agencies_file=agencies)

    names = [name for (name,) in query(warehouse, "SELECT a.name FROM reports r JOIN agencies a USING (agency_id) ORDER BY 1")]
    assert names == ["上海市浦东新区规划和自然资源局", "苏州市吴江区自然资源和规划局"]
    assert query(warehouse, "SELECT count(*) FROM agencies") == [(2,)]


def test_aliases_in_an_agencies_file_must_be_a_list(tmp_path: Path, reports: Path, warehouse: Path) -> None:
    agencies = tmp_path / "agencies.toml"
    agencies.write_text('[[agency]]\nname = "示例市公安局"\naliases = "示例公安局"\n', encoding="utf-8")
    with pytest.raises(AgenciesFileError, match="aliases must be a list"):
        run([reports], warehouse, agencies_file=agencies)


def test_an_emptied_source_folder_is_refused_unless_allowed(reports: Path, warehouse: Path) -> None:
    run([reports], warehouse)
    for path in reports.iterdir():
        path.unlink()  # what an unmounted share looks like

    with pytest.raises(pipeline.EmptySource, match="--allow-empty-source"):
        run([reports], warehouse)
    assert query(warehouse, "SELECT count(*) FROM reports WHERE retired_at IS NULL") == [(2,)]

    assert run([reports], warehouse, allow_empty_source=True).files_removed == 2
    assert query(warehouse, "SELECT count(*) FROM reports WHERE retired_at IS NULL") == [(0,)]


def test_a_manifest_pins_agency_year_and_url(reports: Path, warehouse: Path) -> None:
    (reports / "manifest.csv").write_text(
        "path,url,agency,year,published\n"
        "004_c58330313368c4e5.txt,https://www.example.gov.cn/art/2022/1/29/1.html,苏州市吴江区资规局,2021,2022-01-29\n"
        "000_5238e1c1aba64612.txt,not-a-url,,,\n",  # a bad row is skipped; its file still detects its own
        encoding="utf-8",
    )
    summary = run([reports], warehouse)
    assert summary.files_seen == 2  # the manifest is no report
    rows = query(warehouse, "SELECT a.name, r.year, r.source_url, r.published::VARCHAR FROM reports r"
                            " JOIN agencies a USING (agency_id) ORDER BY r.source_path")
    assert rows == [
        ("浦东新区规划和自然资源局", 2023, None, None),
        ("苏州市吴江区资规局", 2021, "https://www.example.gov.cn/art/2022/1/29/1.html", "2022-01-29"),
    ]


def test_a_changed_manifest_row_rereads_its_file_and_retires_the_old_report(reports: Path, warehouse: Path) -> None:
    manifest = reports / "manifest.jsonl"
    manifest.write_text('{"path": "004_c58330313368c4e5.txt", "year": 2021}\n', encoding="utf-8")
    run([reports], warehouse)
    assert run([reports], warehouse).files_unchanged == 2
    manifest.write_text('{"path": "004_c58330313368c4e5.txt", "year": 2020}\n', encoding="utf-8")
    assert run([reports], warehouse).files_changed == 1
    years = query(warehouse, "SELECT year, retired_at IS NULL FROM reports WHERE source_path LIKE '%004_%' ORDER BY year")
    assert years == [(2020, True), (2021, False)]


def test_an_unreadable_manifest_stops_the_run_and_names_the_file(reports: Path, warehouse: Path) -> None:
    (reports / "manifest.csv").write_bytes("path,url\n".encode("utf-16"))
    with pytest.raises(ManifestError, match=r"manifest\.csv: the manifest is not UTF-8 text"):
        run([reports], warehouse)
    assert not warehouse.exists()
