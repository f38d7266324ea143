"""The national format's tables, in every format a report comes in, yield their totals.

The fixtures are built by tests/template_tables.py from the published layout (国办公开办函〔2021〕30号):
merged header cells in HTML (rowspan/colspan), docx (merged cells) and PDF (a ruled table drawn
with spans), and the same tables as a text layer flattens them, a cell per line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import template_tables
from etl.pipeline import Processed, process_file


@pytest.mark.parametrize("fmt", sorted(template_tables.BUILDERS))
def test_the_standard_tables_yield_their_totals(fmt: str, tmp_path: Path) -> None:
    report = process_file(template_tables.BUILDERS[fmt](tmp_path / f"report.{fmt}"))
    assert isinstance(report, Processed), report
    assert (report.meta.report_type, report.meta.year) == ("政府信息公开", 2023)
    found = {f.indicator: f.value for f in report.facts}
    assert found == template_tables.TOTALS  # and nothing from the 主动公开 table's items (规章, 行政许可…)
    for fact in report.facts:
        assert report.text[fact.span_start : fact.span_end] == fact.evidence
