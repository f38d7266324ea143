"""The indicator table (codes, names, units, kinds, targets), read from indicators.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path


@dataclass(frozen=True)
class Family:
    code: str
    name_zh: str
    home_report_type: str


@dataclass(frozen=True)
class Indicator:
    code: str
    family: str
    name_zh: str
    unit: str
    kind: str  # count | rate
    higher_is_better: bool | None = None  # None: neither direction is better (a workload)
    target: float | None = None


@cache
def _table() -> dict:
    return tomllib.loads(Path(__file__).with_name("indicators.toml").read_text(encoding="utf-8"))


@cache
def indicators() -> dict[str, Indicator]:
    """All indicators by code, in the order of the table."""
    return {row["code"]: Indicator(**row) for row in _table()["indicator"]}


@cache
def families() -> dict[str, Family]:
    """Indicator families by code (disclosure, proposals, litigation, petition)."""
    return {code: Family(code=code, **row) for code, row in _table()["family"].items()}
