"""Warehouses for the dashboard tests, and headless Chromium settings for dash_duo.

`build_warehouse` writes a warehouse from a few report descriptions through the real schema
(etl.warehouse.create_schema), so query tests can check numbers computed by hand. The
`demo_warehouse` fixture is the real thing: a small demo corpus run through the ETL pipeline.
Browser tests need Chromium and its WebDriver: without them they are skipped with the reason,
except under CI (CI=true), where a missing browser is an error.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pytest

from etl.demo import generate_demo
from etl.indicators import indicators
from etl.pipeline import run
from etl.warehouse import create_schema

CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
    "--disable-component-update --disable-sync --window-size=1400,1000 --lang=zh-CN"
).split()


@dataclass(frozen=True)
class Agency:
    agency_id: int
    name: str
    region: str | None
    sector: str | None
    level: str | None
    is_demo: bool = False


@dataclass(frozen=True)
class Report:
    agency: Agency
    year: int
    report_type: str
    facts: dict[str, float] = field(default_factory=dict)


def report_text(report: Report) -> tuple[str, list[tuple[str, float, str, int, int]]]:
    """A report's text: a title line, then one sentence per fact; and each fact's span."""
    text = f"{report.agency.name}{report.year}年度{report.report_type}工作报告\n"
    spans = []
    for code, value in report.facts.items():
        ind = indicators()[code]
        shown = f"{value:g}"
        sentence = f"全年{ind.name_zh}为{shown}{ind.unit}。"
        spans.append((code, value, sentence, len(text), len(text) + len(sentence)))
        text += sentence + "\n"
    return text, spans


def build_warehouse(path: Path, reports: list[Report]) -> Path:
    """Write a warehouse holding exactly `reports` (and their agencies) to `path`."""
    con = duckdb.connect(str(path))
    create_schema(con)
    con.execute("INSERT INTO etl_runs (run_id, started_at, finished_at, status) VALUES (1, now(), now(), 'ok')")
    agencies = {r.agency.agency_id: r.agency for r in reports}
    con.executemany(
        "INSERT INTO agencies (agency_id, name, region, level, sector, is_demo) VALUES (?, ?, ?, ?, ?, ?)",
        [(a.agency_id, a.name, a.region, a.level, a.sector, a.is_demo) for a in agencies.values()],
    )
    for report in reports:
        text, spans = report_text(report)
        sha = hashlib.sha256(text.encode()).hexdigest()
        report_id = sha[:16]
        con.execute(
            "INSERT INTO reports (report_id, agency_id, year, report_type, title, source_path, format,"
            " content_sha256, text, is_demo, loaded_at, run_id, agency_names)"
            " VALUES (?, ?, ?, ?, ?, ?, 'txt', ?, ?, ?, ?, 1, ?)",
            [report_id, report.agency.agency_id, report.year, report.report_type, text.splitlines()[0],
             f"/data/{report.agency.agency_id}/{report.year}-{report.report_type}.txt", sha, text,
             report.agency.is_demo, datetime(2025, 1, 1), [report.agency.name]],
        )
        if spans:  # a report may state no indicator at all
            con.executemany(
                "INSERT INTO facts VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 'test')",
                [(report_id, code, value, indicators()[code].unit, sentence, start, end)
                 for code, value, sentence, start, end in spans],
            )
    con.close()
    return path


# Four agencies over two years, with numbers small enough to check by hand (see test_queries).
POLICE = Agency(1, "示例市公安局", "示例省示例市", "公安", "部门")
TAX = Agency(2, "示例市税务局", "示例省示例市", "税务", "部门")
DONGHU = Agency(3, "示例市东湖区人民政府", "示例省示例市东湖区", "综合", "区县")
DONGHU_POLICE = Agency(4, "示例市东湖区公安分局", "示例省示例市东湖区", "公安", "部门", is_demo=True)

SMALL_REPORTS = [
    Report(POLICE, 2021, "信访", {"petition.completion_rate": 92, "petition.cases": 300}),
    Report(POLICE, 2021, "建议提案办理", {"proposals.npc_satisfaction": 97}),
    Report(POLICE, 2021, "法治政府建设", {"litigation.lawsuits": 12}),
    Report(TAX, 2021, "信访", {"petition.completion_rate": 98}),
    Report(TAX, 2021, "建议提案办理", {"proposals.npc_satisfaction": 95}),
    Report(DONGHU, 2021, "法治政府建设", {"litigation.head_appearance_rate": 80}),
    Report(POLICE, 2022, "信访", {"petition.completion_rate": 95, "petition.cases": 280}),
    Report(POLICE, 2022, "建议提案办理", {"proposals.npc_satisfaction": 98}),
    Report(POLICE, 2022, "法治政府建设", {"litigation.lawsuits": 10, "litigation.reviews": 3}),
    Report(TAX, 2022, "信访", {"petition.completion_rate": 99}),
    Report(TAX, 2022, "建议提案办理", {"proposals.npc_satisfaction": 96, "proposals.cppcc_satisfaction": 100}),
    Report(DONGHU, 2022, "信访", {"petition.completion_rate": 90}),
    Report(DONGHU, 2022, "法治政府建设", {"litigation.lawsuits": 5}),
    Report(DONGHU_POLICE, 2022, "信访", {"petition.completion_rate": 100}),
]


@pytest.fixture(scope="session")
def small_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_warehouse(tmp_path_factory.mktemp("small") / "warehouse.duckdb", SMALL_REPORTS)


@pytest.fixture(scope="session")
def demo_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse of 8 agencies × 4 years: the demo corpus through the ETL."""
    out = tmp_path_factory.mktemp("demo")
    warehouse = out / "warehouse.duckdb"
    generate_demo(out / "corpus", agencies=8, years=(2021, 2024), seed=0)
    run([out / "corpus" / "reports"], warehouse)
    return warehouse


@pytest.fixture(scope="session")
def app(demo_warehouse: Path):
    """The one Dash app of this process (Dash pages are global), serving the demo warehouse."""
    os.environ["WAREHOUSE"] = str(demo_warehouse)
    from dashboard import db
    from dashboard.app import app

    db.configure(demo_warehouse)
    return app


def pytest_setup_options():
    """Chrome options for dash[testing]'s browser fixture (a dash[testing] hook)."""
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.remote.remote_connection import RemoteConnection

    # selenium 3.141 passes socket's default-timeout sentinel to urllib3 2, which rejects it.
    RemoteConnection.set_timeout(60)
    options = Options()
    for flag in CHROME_FLAGS:
        options.add_argument(flag)
    return options


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip browser tests on a machine without Chromium (scripts/install-system-packages installs it)."""
    missing = [tool for tool in ("chromium", "chromedriver") if shutil.which(tool) is None]
    if not missing or os.environ.get("CI") == "true":
        return
    reason = f"{' and '.join(missing)} not installed: run scripts/install-system-packages (as root) for the browser tests"
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))
