"""The crawler's manifest beside the reports: for each file, the page it came from and whose it is.

A file named `manifest.csv` or `manifest.jsonl` in a source folder, or in any folder below it,
describes files of its folder tree, one row each:

    path       the report file, relative to the manifest's folder (or absolute)    required
    url        the public page the file was fetched from (http:// or https://)      optional
    agency     the publishing body's name, as the site names it                      optional
    year       the year the report covers                                            optional
    published  the date the page was published, YYYY-MM-DD                           optional

CSV has that header row (UTF-8, with or without BOM); JSON Lines has one object per line with
those keys. What a row gives wins over what the detector reads in the text: its agency and year
pin the report (a report's facts are read for its pinned year), its url becomes the report's
source link. A row that cannot be used (no path, a year that is no year, a url that is no web
address) is skipped with a warning naming the manifest and its line; the rest still apply. A
manifest that cannot be read at all stops the run (ManifestError), so that a half-written one
never re-files good reports.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

NAMES = frozenset({"manifest.csv", "manifest.jsonl"})
FIELDS = ("path", "url", "agency", "year", "published")
YEARS = range(1980, 2101)
URL = re.compile(r"^https?://\S+$")


class ManifestError(Exception):
    """A manifest that cannot be read; the message names the file and the problem."""


@dataclass(frozen=True)
class ManifestEntry:
    """What a manifest row says of one file."""

    url: str | None = None
    agency: str | None = None
    year: int | None = None
    published: date | None = None

    def key(self) -> str:
        """The entry as one string: a file whose entry changes is read again."""
        return json.dumps({k: str(v) if v is not None else None for k, v in asdict(self).items()}, ensure_ascii=False)


@dataclass(frozen=True)
class Manifest:
    entries: dict[str, ManifestEntry]  # absolute file path -> its entry
    problems: list[str]  # rows skipped, each with its manifest and line


def read_manifests(paths: list[Path]) -> Manifest:
    """Read the given manifest files; later manifests win for a file two of them list."""
    entries: dict[str, ManifestEntry] = {}
    problems: list[str] = []
    for path in paths:
        for line, row in _rows(path):
            entry = _entry(path, line, row, problems)
            if entry is not None:
                entries[entry[0]] = entry[1]
    return Manifest(entries, problems)


def _rows(path: Path) -> list[tuple[int, dict]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as e:
        raise ManifestError(f"{path}: cannot read the manifest: {e.strerror}") from None
    except UnicodeDecodeError:
        raise ManifestError(f"{path}: the manifest is not UTF-8 text") from None
    if path.suffix == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        if reader.fieldnames is None or "path" not in reader.fieldnames:
            raise ManifestError(f"{path}: the manifest has no header row with a path column (columns: {', '.join(FIELDS)})")
        try:
            return [(number, row) for number, row in enumerate(reader, start=2)]
        except csv.Error as e:
            raise ManifestError(f"{path}: the manifest is not valid CSV: {e}") from None
    rows = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError:
            row = None
        rows.append((number, row if isinstance(row, dict) else {"_invalid": raw[:40]}))
    return rows


def _entry(manifest: Path, line: int, row: dict, problems: list[str]) -> tuple[str, ManifestEntry] | None:
    def skip(why: str) -> None:
        problems.append(f"{manifest}, line {line}: {why}; the row is skipped")

    if "_invalid" in row:
        return skip("not a JSON object")
    unknown = set(row) - set(FIELDS)
    if unknown:
        return skip(f"unknown fields {sorted(map(str, unknown))} (fields: {', '.join(FIELDS)})")
    values = {k: (str(v).strip() if v is not None else "") for k, v in row.items()}
    if not values.get("path"):
        return skip("no path")
    url, agency = values.get("url") or None, values.get("agency") or None
    if url and not URL.match(url):
        return skip(f"url {url[:60]!r} is not a web address")
    year = None
    if values.get("year"):
        if not values["year"].isdigit() or int(values["year"]) not in YEARS:
            return skip(f"year {values['year'][:20]!r} is not a year")
        year = int(values["year"])
    published = None
    if values.get("published"):
        try:
            published = date.fromisoformat(values["published"][:10])
        except ValueError:
            return skip(f"published {values['published'][:20]!r} is not a date (YYYY-MM-DD)")
    file = Path(values["path"])
    return os.path.normpath(file if file.is_absolute() else manifest.parent / file), ManifestEntry(url, agency, year, published)
