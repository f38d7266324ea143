"""The demo corpus: reports of fictional agencies over several years, and their gold file.

Two real reports cannot show trends, so the dashboard ships with generated ones, loaded through
the same ETL. One model drives both outputs: every agency has a baseline and a trend per
indicator (some improve, some lag), each report states some of that year's values through
phrase templates drawn at random, and the gold file lists exactly the facts those templates
state under the reading rules of ../shared/spec/indicators.md — nothing that is only a
distractor (dates, document numbers, parts of totals, last year's values, hotline cases).

This module writes the corpus into its folder; the package's other modules, in the order they
build on one another: roster (the fictional agencies), plans (each agency's values per year),
phrasing (the sentence templates), compose (one report's text and facts), files (a report as
.txt, web page or Word document).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from etl.demo.compose import agency_reports
from etl.demo.files import file_bytes
from etl.demo.roster import build_roster

__all__ = ["DemoSummary", "generate_demo"]


def generate_demo(
    out_dir: Path, agencies: int = 40, years: tuple[int, int] = (2019, 2024), seed: int = 0
) -> DemoSummary:
    """Write the reports under out_dir/reports/<agency>/ and their gold file out_dir/gold.jsonl.

    The same seed gives the same corpus. Files a previous run wrote (as its gold file lists
    them) are removed first; nothing else in out_dir is touched.
    """
    first, last = years
    if first > last:
        raise ValueError(f"years must be (first, last) with first <= last, got {years}")
    roster = build_roster(agencies, seed)
    reports = [report for agency in roster for report in agency_reports(agency, first, last, seed)]
    reports_dir = out_dir / "reports"
    gold_path = out_dir / "gold.jsonl"
    _remove_previous(reports_dir, gold_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    # The gold file is written before the reports: it is also the list of files to remove next time.
    temp = gold_path.with_name(gold_path.name + ".tmp")
    temp.write_text("".join(json.dumps(r.gold(), ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
    temp.replace(gold_path)
    for report in reports:
        path = reports_dir / report.source
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file_bytes(report))
    return DemoSummary(
        agencies=len(roster),
        reports=len(reports),
        facts=sum(len(r.facts) for r in reports),
        out_dir=out_dir,
        reports_dir=reports_dir,
        gold_path=gold_path,
    )


@dataclass(frozen=True)
class DemoSummary:
    agencies: int
    reports: int
    facts: int
    out_dir: Path
    reports_dir: Path
    gold_path: Path


def _remove_previous(reports_dir: Path, gold_path: Path) -> None:
    if not gold_path.exists():
        return
    root = reports_dir.resolve()
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        path = (reports_dir / json.loads(line)["source"]).resolve()
        if not path.is_relative_to(root):
            continue  # not a path this generator writes
        path.unlink(missing_ok=True)
        folder = path.parent
        while folder != root and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
    gold_path.unlink()
