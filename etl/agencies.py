"""Agencies: the operator's optional agencies file, and resolving detected names to agency ids.

The agencies file pins canonical names and their attributes. TOML:

    [[agency]]
    name = "苏州市吴江区自然资源和规划局"          # canonical name (required)
    aliases = ["吴江区自然资源和规划局", "吴江区资规局"]
    region = "江苏省苏州市吴江区"
    level = "部门"                                 # 省 | 市 | 区县 | 乡镇 | 部门
    sector = "自然资源和规划"

or CSV with the header `name,aliases,region,level,sector` (aliases separated by `;`).
A report whose detected name or any of its aliases matches a pinned name or alias is filed
under the pinned agency, with the pinned attributes.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from etl.model import ReportMeta

LEVELS = ("省", "市", "区县", "乡镇", "部门")
FIELDS = ("name", "aliases", "region", "level", "sector")


class AgenciesFileError(Exception):
    """The agencies file cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class PinnedAgency:
    name: str
    aliases: tuple[str, ...] = ()
    region: str | None = None
    level: str | None = None
    sector: str | None = None


def load_agencies_file(path: Path) -> list[PinnedAgency]:
    """Read an agencies file (.toml or .csv), checking every row."""
    try:
        if path.suffix == ".toml":
            rows = tomllib.loads(path.read_text(encoding="utf-8")).get("agency", [])
        elif path.suffix == ".csv":
            with path.open(encoding="utf-8-sig", newline="") as f:
                rows = [
                    {k: v for k, v in row.items() if v} | {"aliases": [a.strip() for a in (row.get("aliases") or "").split(";") if a.strip()]}
                    for row in csv.DictReader(f)
                ]
        else:
            raise AgenciesFileError(f"{path}: agencies file must be .toml or .csv")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, csv.Error) as e:
        raise AgenciesFileError(f"{path}: cannot read agencies file: {e}") from None
    agencies = []
    for number, row in enumerate(rows, start=1):
        aliases = row.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise AgenciesFileError(f"{path}: agency #{number}: aliases must be a list of names, e.g. aliases = [\"…\"]")
        unknown = set(row) - set(FIELDS)
        if unknown or not row.get("name"):
            problem = f"unknown fields {sorted(unknown)}" if unknown else "no name"
            raise AgenciesFileError(f"{path}: agency #{number}: {problem} (fields: {', '.join(FIELDS)})")
        if row.get("level") and row["level"] not in LEVELS:
            raise AgenciesFileError(f"{path}: agency #{number} ({row['name']}): level must be one of {'/'.join(LEVELS)}")
        agencies.append(PinnedAgency(**{**row, "aliases": tuple(row.get("aliases", ()))}))
    return agencies


@dataclass
class AgencyResolver:
    """Maps detected names to agency ids, creating agencies for names not seen before.

    Holds the alias table in memory for the run and writes what it adds with `flush`.
    """

    con: duckdb.DuckDBPyConnection
    aliases: dict[str, int] = field(init=False)
    pinned: set[str] = field(init=False)  # aliases from the agencies file
    next_id: int = field(init=False)
    new_aliases: list[tuple] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.aliases = dict(self.con.execute("SELECT alias, agency_id FROM agency_aliases").fetchall())
        self.pinned = {a for (a,) in self.con.execute("SELECT alias FROM agency_aliases WHERE source = 'agencies_file'").fetchall()}
        self.next_id = self.con.execute("SELECT coalesce(max(agency_id), 0) + 1 FROM agencies").fetchone()[0]

    def pin(self, agencies: list[PinnedAgency]) -> None:
        """Apply the operator's agencies file: create or update each pinned agency and its aliases."""
        for agency in agencies:
            agency_id = self.aliases.get(agency.name)
            if agency_id is None:
                agency_id = self._create(agency.name, agency.region, agency.level, agency.sector, False)
            self.con.execute(
                "UPDATE agencies SET name = ?, region = coalesce(?, region), level = coalesce(?, level),"
                " sector = coalesce(?, sector), pinned = true WHERE agency_id = ?",
                [agency.name, agency.region, agency.level, agency.sector, agency_id],
            )
            for alias in (agency.name, *agency.aliases):
                self.con.execute("DELETE FROM agency_aliases WHERE alias = ?", [alias])
                self.con.execute("INSERT INTO agency_aliases VALUES (?, ?, 'agencies_file')", [alias, agency_id])
                self.aliases[alias] = agency_id
                self.pinned.add(alias)

    def resolve(self, meta: ReportMeta, is_demo: bool) -> int | None:
        """The agency id for a report's detected names; None when no agency was detected, or only a
        name without its place (区住建委) that the agencies file does not pin."""
        if meta.agency is None:
            return None
        names = (meta.agency, *meta.aliases)
        matches = [n for n in names if n in self.pinned] or [n for n in names if n in self.aliases]
        if meta.placeless and not any(n in self.pinned for n in names):
            return None
        agency_id = self.aliases[matches[0]] if matches else None
        if agency_id is None:
            agency_id = self._create(meta.agency, meta.region, meta.level, meta.sector, is_demo)
        for name in names:
            if name not in self.aliases:
                self.aliases[name] = agency_id
                self.new_aliases.append((name, agency_id, "detected"))
        return agency_id

    def _create(self, name: str, region: str | None, level: str | None, sector: str | None, is_demo: bool) -> int:
        agency_id, self.next_id = self.next_id, self.next_id + 1
        self.con.execute("INSERT INTO agencies VALUES (?, ?, ?, ?, ?, ?, false)", [agency_id, name, region, level, sector, is_demo])
        return agency_id

    def flush(self) -> None:
        if self.new_aliases:
            self.con.executemany("INSERT INTO agency_aliases VALUES (?, ?, ?)", self.new_aliases)
            self.new_aliases.clear()

    def refile(self) -> None:
        """File every report under the agency its names resolve to now, as `resolve` would.

        An agencies file applied after reports were loaded re-files them; agencies that no
        report names any more (and that the operator did not pin) are dropped.
        """
        self.con.execute("""
            UPDATE reports SET agency_id = best.agency_id
            FROM (
                SELECT r.report_id,
                       arg_min(a.agency_id, (a.source <> 'agencies_file')::INTEGER * 1000 + list_position(r.agency_names, a.alias)) AS agency_id
                FROM reports r JOIN agency_aliases a ON list_contains(r.agency_names, a.alias)
                GROUP BY r.report_id
            ) AS best
            WHERE best.report_id = reports.report_id AND reports.agency_id IS DISTINCT FROM best.agency_id
        """)
        orphans = "SELECT agency_id FROM agencies WHERE NOT pinned AND agency_id NOT IN (SELECT agency_id FROM reports WHERE agency_id IS NOT NULL)"
        self.con.execute(f"DELETE FROM agency_aliases WHERE agency_id IN ({orphans})")
        self.con.execute(f"DELETE FROM agencies WHERE agency_id IN ({orphans})")
