"""The refresh: every report under the source folders -> facts in the warehouse.

A run takes the writer lock, compares each file's byte hash with what the warehouse recorded,
reads/normalises/detects/extracts only new and changed files (in worker processes), and applies
the changes to a staged copy of the warehouse that is swapped in atomically (etl/warehouse.py).

- Unchanged file (same hash): not re-extracted.
- Changed file: its new text becomes a new report; the old report retires (history stays).
- Disappeared file: its report retires, unless another live file holds the same text.
- Same normalised text in two files (an HTML page and its PDF): one report; the second file is
  recorded as a duplicate of it.
- A file that cannot be read: recorded in `rejections` with its reason; the run goes on. If an
  earlier version of it was loaded, that version stays live: a bad file never costs good data.
- A manifest beside the reports (etl/manifest.py) pins a file's agency, year and source URL; a
  file whose manifest row changes is read again, as if it had changed.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
import sys
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from etl.agencies import AgencyResolver, load_agencies_file
from etl.detect import detect, pinned_to
from etl.manifest import NAMES as MANIFEST_NAMES
from etl.manifest import ManifestEntry, read_manifests
from etl.extract import extract
from etl.model import DEMO_MARKER, Fact, ReadError, ReportMeta
from etl.normalise import normalise
from etl.read import SUPPORTED_SUFFIXES, read_file
from etl.warehouse import SCHEMA_VERSION, schema_version, staged, writer_lock

log = logging.getLogger("etl")

PARALLEL_FROM = 16  # files; below this, worker start-up costs more than it saves
DEMO_LINE = normalise(DEMO_MARKER)  # the demo notice as it stands in a normalised text


@dataclass(frozen=True)
class Processed:
    """One readable file, taken through every stage up to extraction."""

    path: str
    file_sha256: str
    format: str
    title: str | None
    text: str
    meta: ReportMeta
    facts: list[Fact]
    entry: ManifestEntry | None = None  # the manifest's row for the file

    @cached_property  # read for every fact row and file row of the report: hash the text once
    def content_sha256(self) -> str:
        """The text's hash; with a manifest row, of the text and the row (a row that changes what
        the report is, its agency or year, makes it another report and retires the old one)."""
        pinned = "\x00" + self.entry.key() if self.entry else ""
        return hashlib.sha256((self.text + pinned).encode("utf-8")).hexdigest()

    @property
    def report_id(self) -> str:
        return self.content_sha256[:16]

    @property
    def is_demo(self) -> bool:
        return DEMO_LINE in self.text


@dataclass(frozen=True)
class Rejected:
    path: str
    file_sha256: str
    reason: str


@dataclass
class RunSummary:
    run_id: int = 0
    files_seen: int = 0
    files_new: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    files_rejected: int = 0
    files_skipped: int = 0
    facts_loaded: int = 0
    seconds: float = 0.0
    rejections: list[Rejected] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0: everything loaded; 3: loaded, but some files were rejected."""
        return 3 if self.files_rejected else 0

    def line(self) -> str:
        return (
            f"run {self.run_id}: files seen {self.files_seen} / new {self.files_new} / changed {self.files_changed}"
            f" / unchanged {self.files_unchanged} / removed {self.files_removed} / rejected {self.files_rejected}"
            f" (skipped {self.files_skipped} of other formats); facts loaded {self.facts_loaded}; {self.seconds:.1f} s"
        )


def run(
    sources: list[Path],
    warehouse: Path,
    agencies_file: Path | None = None,
    progress: Callable[[Iterable, int], Iterator] | None = None,
    allow_empty_source: bool = False,
) -> RunSummary:
    """Refresh `warehouse` from every report under `sources`.

    Raises WarehouseLocked when another run is writing, FileNotFoundError for a missing
    source folder, AgenciesFileError for a bad agencies file, EmptySource when a source folder
    that reports were loaded from holds no report files any more (an unmounted share looks just
    like that; pass allow_empty_source=True when they were really all removed); the warehouse
    is then untouched.
    `progress` wraps the iterable of processed files (e.g. a progress bar) given their count.
    """
    started = time.monotonic()
    roots = [s.resolve() for s in sources]
    for root in roots:
        if not root.is_dir():
            raise FileNotFoundError(f"source folder {root} does not exist or is not a folder")
    pinned = load_agencies_file(agencies_file) if agencies_file else []
    summary = RunSummary()
    with writer_lock(warehouse):
        known = _known_files(warehouse)
        scan = _scan(roots)
        manifest = read_manifests(scan.manifests)
        for problem in manifest.problems:
            log.warning("manifest: %s", problem)
        if not allow_empty_source:
            _check_not_emptied(roots, scan, known)
        summary.files_seen = len(scan.files) + len(scan.unreadable)
        summary.files_skipped = scan.skipped
        entries = {path: manifest.entries.get(path) for path in scan.files}
        todo = [path for path, sha in scan.files.items() if known.get(path) != (sha, _key(entries[path]))]
        summary.files_unchanged = len(scan.files) - len(todo)
        log.info("%d files: %d to extract, %d unchanged", summary.files_seen, len(todo), summary.files_unchanged)
        results = _process_all([(path, entries[path]) for path in todo], progress) + scan.unreadable
        with staged(warehouse) as con:
            _load(con, summary, roots, scan, known, results, pinned)
    summary.seconds = time.monotonic() - started
    return summary


class EmptySource(Exception):
    """A source folder that reports were loaded from now holds no report files."""


def _check_not_emptied(roots: list[Path], scan: _Scan, known: dict[str, tuple[str, str | None]]) -> None:
    for root in roots:
        prefix = str(root) + os.sep
        loaded = sum(path.startswith(prefix) for path in known)
        found = any(path.startswith(prefix) for path in [*scan.files, *(r.path for r in scan.unreadable)])
        if loaded and not found:
            raise EmptySource(
                f"source folder {root} holds no report files, but {loaded} loaded files came from it"
                " (an unmounted share?); if they were really all removed, run again with --allow-empty-source"
            )


def _key(entry: ManifestEntry | None) -> str | None:
    return entry.key() if entry else None


def process_file(path: Path, entry: ManifestEntry | None = None) -> Processed | Rejected:
    """Read, normalise, detect and extract one file (with what its manifest row pins). Never
    raises: a failure is a Rejected."""
    try:
        data = path.read_bytes()
    except OSError as e:
        return Rejected(str(path), "", f"cannot open file: {e.strerror}")
    sha = hashlib.sha256(data).hexdigest()
    try:
        raw = read_file(path)
        text = normalise(raw.text)
        if not text.strip():
            raise ReadError("no text in the file")
        meta = detect(text, raw.title)
        if entry is not None:
            meta = pinned_to(meta, entry.agency, entry.year)
        facts = extract(text, meta.year, meta.report_type, meta.agency)
    except ReadError as e:
        return Rejected(str(path), sha, str(e))
    except Exception as e:  # a bug must not cost the other files: reject this one, loudly
        log.error("internal error on %s:\n%s", path, traceback.format_exc())
        return Rejected(str(path), sha, f"internal error while processing the file ({type(e).__name__}: {e})")
    return Processed(str(path), sha, raw.format, raw.title, text, meta, facts, entry)


def _known_files(warehouse: Path) -> dict[str, tuple[str, str | None]]:
    """source_path -> (file hash, manifest entry) of the files the warehouse holds a report of.

    Removed and rejected files are left out, so a rejected file is tried again on every run
    (and rejected again, and reported, until someone fixes it). A warehouse of another schema
    version is rebuilt from scratch by staged(), so then every file is new.
    """
    if schema_version(warehouse) != SCHEMA_VERSION:
        return {}
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT source_path, file_sha256, manifest_entry FROM report_files WHERE status IN ('loaded', 'duplicate')"
        ).fetchall()
        return {path: (sha, entry) for path, sha, entry in rows}
    finally:
        con.close()


@dataclass
class _Scan:
    files: dict[str, str] = field(default_factory=dict)  # path -> byte hash of supported files
    skipped: int = 0  # files of other formats
    unreadable: list[Rejected] = field(default_factory=list)  # files that could not be read
    unlisted: list[str] = field(default_factory=list)  # folders that could not be listed
    manifests: list[Path] = field(default_factory=list)  # manifest files, in walk order


def _scan(roots: list[Path]) -> _Scan:
    """Every supported file under the roots, with its byte hash.

    A file or folder that cannot be read is not taken for removed: its reports stay as they
    were, and the problem is recorded as a rejection.
    """
    scan = _Scan()

    def unlistable(error: OSError) -> None:
        scan.unlisted.append(str(error.filename))
        scan.unreadable.append(Rejected(str(error.filename), "", f"cannot list folder: {error.strerror}"))

    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root, onerror=unlistable):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(dirpath, name)
                if name.startswith(".") or not path.is_file():
                    continue
                if name in MANIFEST_NAMES:
                    scan.manifests.append(path)
                    continue
                if path.suffix.lower() not in SUPPORTED_SUFFIXES:
                    scan.skipped += 1
                    continue
                try:
                    scan.files[str(path)] = _file_sha256(path)
                except OSError as e:
                    scan.unreadable.append(Rejected(str(path), "", f"cannot read file: {e.strerror}"))
    return scan


def _file_sha256(path: Path) -> str:
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _process_all(
    files: list[tuple[str, ManifestEntry | None]],
    progress: Callable | None,
    work: Callable[[Path, ManifestEntry | None], Processed | Rejected] = process_file,
) -> list[Processed | Rejected]:
    """Process files (in worker processes when there are many), in the input order.

    A worker that dies on a file (a crash inside a parser, the OOM killer) must not fail the
    run: the files it left unfinished are retried one per fresh worker, and the file that
    kills its worker again is rejected.
    """
    if len(files) < PARALLEL_FROM:
        results: Iterable = (work(Path(p), entry) for p, entry in files)
        return list(progress(results, len(files)) if progress else results)
    paths, entries = [p for p, _ in files], dict(files)
    done: dict[str, Processed | Rejected] = {}
    with _pool(os.cpu_count() or 1) as pool:
        futures = {pool.submit(work, Path(p), entries[p]): p for p in paths}
        finished = as_completed(futures)
        for future in progress(finished, len(paths)) if progress else finished:
            try:
                done[futures[future]] = future.result()
            except BrokenProcessPool:
                pass
    for path in (p for p in paths if p not in done):
        with _pool(1) as pool:
            try:
                done[path] = pool.submit(work, Path(path), entries[path]).result()
            except BrokenProcessPool:
                done[path] = Rejected(path, "", "the file crashed the process reading it (a damaged or hostile file?)")
    return [done[p] for p in paths]


def _pool(workers: int) -> ProcessPoolExecutor:
    # forkserver, not fork: forked workers would inherit the lock's file descriptor and keep
    # the lock held after a `kill -9` of this process until they noticed and exited.
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))


def _load(
    con: duckdb.DuckDBPyConnection,
    summary: RunSummary,
    roots: list[Path],
    scan: _Scan,
    known: dict[str, tuple[str, str | None]],
    results: list[Processed | Rejected],
    pinned: list,
) -> None:
    """Apply one run's results to the staged warehouse."""
    now = datetime.now().replace(microsecond=0)
    run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM etl_runs").fetchone()[0]
    summary.run_id = run_id
    resolver = AgencyResolver(con)
    resolver.pin(pinned)

    existing = dict(con.execute("SELECT report_id, retired_at IS NULL FROM reports").fetchall())
    reports, facts, file_rows = [], [], []
    for result in results:
        if isinstance(result, Rejected):
            summary.rejections.append(result)
            log.warning("rejected %s: %s", result.path, result.reason)
            con.execute("INSERT INTO rejections VALUES (?, ?, ?)", [run_id, result.path, result.reason])
            if result.path not in scan.unlisted:
                _record_rejected_file(con, result, run_id)
            continue
        if result.path in known:
            summary.files_changed += 1
        else:
            summary.files_new += 1
        if result.report_id not in existing:
            agency_id = resolver.resolve(result.meta, result.is_demo)
            reports.append(_report_row(result, agency_id, now, run_id))
            facts += [_fact_row(result.report_id, f) for f in result.facts]
            if agency_id is None and result.meta.placeless:
                log.warning("%s: the agency is named only as %s, without its place (give it in a manifest or an"
                            " agencies file); its facts stay out of the views", result.path, result.meta.agency)
            elif agency_id is None or result.meta.year is None:
                log.warning("%s: no %s detected; its facts stay out of the views", result.path,
                            "agency" if agency_id is None else "year")
        elif not existing[result.report_id]:
            con.execute("UPDATE reports SET retired_at = NULL WHERE report_id = ?", [result.report_id])
        existing[result.report_id] = True
        file_rows.append((result.path, result.file_sha256, result.format, result.report_id, "loaded", run_id, run_id,
                          _key(result.entry)))
    resolver.flush()
    _insert(con, "reports", reports)
    _insert(con, "facts", facts)
    if file_rows:
        con.executemany(
            "INSERT INTO report_files VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_path) DO UPDATE SET"
            " file_sha256 = excluded.file_sha256, format = excluded.format, report_id = excluded.report_id,"
            " status = excluded.status, last_run_id = excluded.last_run_id, manifest_entry = excluded.manifest_entry",
            file_rows,
        )
    summary.facts_loaded = len(facts)
    summary.files_rejected = len(summary.rejections)
    summary.files_removed = _mark_removed(con, roots, scan, run_id)
    _settle_reports(con, now)
    resolver.refile()
    con.execute(
        "INSERT INTO etl_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            run_id, now, datetime.now().replace(microsecond=0), "ok_with_rejections" if summary.rejections else "ok",
            ";".join(map(str, roots)), summary.files_seen, summary.files_new, summary.files_changed,
            summary.files_unchanged, summary.files_removed, summary.files_rejected, summary.files_skipped, summary.facts_loaded,
        ],
    )


def _record_rejected_file(con: duckdb.DuckDBPyConnection, rejected: Rejected, run_id: int) -> None:
    """A new bad file is recorded as rejected; a file that turned bad keeps its last good version."""
    con.execute(
        "INSERT INTO report_files VALUES (?, ?, ?, NULL, 'rejected', ?, ?, NULL) ON CONFLICT (source_path) DO UPDATE SET"
        " last_run_id = excluded.last_run_id,"
        " status = CASE WHEN report_files.status = 'removed' THEN 'rejected' ELSE report_files.status END,"
        " file_sha256 = CASE WHEN report_files.status IN ('rejected', 'removed') THEN excluded.file_sha256"
        "                    ELSE report_files.file_sha256 END",
        [rejected.path, rejected.file_sha256, Path(rejected.path).suffix.lstrip(".").lower(), run_id, run_id],
    )


def _mark_removed(con: duckdb.DuckDBPyConnection, roots: list[Path], scan: _Scan, run_id: int) -> int:
    """Mark the files that disappeared as removed; return how many.

    A file disappeared when it is under one of this run's source folders and was not found
    there (a folder that could not be listed does not count as empty), or when it is outside
    them (a source folder that was moved or dropped) and no longer exists.
    """
    seen = pl.DataFrame({"source_path": [*scan.files, *(r.path for r in scan.unreadable)]}, schema={"source_path": pl.String})
    con.register("seen_files", seen)
    try:
        con.execute("UPDATE report_files SET last_run_id = ? WHERE source_path IN (SELECT source_path FROM seen_files)", [run_id])
        live = con.execute(
            "SELECT source_path FROM report_files WHERE status <> 'removed'"
            " AND source_path NOT IN (SELECT source_path FROM seen_files)"
        ).fetchall()
    finally:
        con.unregister("seen_files")
    prefixes = tuple(str(root) + os.sep for root in roots)
    unlisted = tuple(folder + os.sep for folder in scan.unlisted)
    gone = [
        (path,) for (path,) in live
        if not path.startswith(unlisted) and (path.startswith(prefixes) or not os.path.exists(path))
    ]
    if gone:
        con.executemany("UPDATE report_files SET status = 'removed' WHERE source_path = ?", gone)
    return len(gone)


def _settle_reports(con: duckdb.DuckDBPyConnection, now: datetime) -> None:
    """Make reports and their files agree after a run's changes.

    A report is live while some file holds its text. It is shown from its first file while that
    file still holds it, otherwise from another that does; that file is `loaded`, the others
    holding the same text are `duplicate`. A report no file holds any more retires.
    """
    live_files = "SELECT * FROM report_files WHERE status IN ('loaded', 'duplicate')"
    con.execute(
        f"UPDATE reports SET source_path = primary_file.source_path, format = primary_file.format FROM"
        f" (SELECT report_id, min(source_path) AS source_path, arg_min(format, source_path) AS format"
        f"  FROM ({live_files}) GROUP BY report_id) AS primary_file"
        f" WHERE primary_file.report_id = reports.report_id AND NOT EXISTS"
        f" (SELECT 1 FROM ({live_files}) f WHERE f.source_path = reports.source_path AND f.report_id = reports.report_id)"
    )
    con.execute(
        "UPDATE report_files SET status = CASE WHEN report_files.source_path = r.source_path THEN 'loaded' ELSE 'duplicate' END"
        " FROM reports r WHERE r.report_id = report_files.report_id AND report_files.status IN ('loaded', 'duplicate')"
    )
    con.execute(
        f"UPDATE reports SET retired_at = ? WHERE retired_at IS NULL AND report_id NOT IN (SELECT report_id FROM ({live_files}))",
        [now],
    )


def _report_row(p: Processed, agency_id: int | None, now: datetime, run_id: int) -> dict:
    return {
        "report_id": p.report_id, "agency_id": agency_id, "year": p.meta.year, "report_type": p.meta.report_type,
        "title": p.meta.title or p.title, "source_path": p.path, "format": p.format, "content_sha256": p.content_sha256,
        "text": p.text, "is_demo": p.is_demo, "retired_at": None, "loaded_at": now, "run_id": run_id,
        "agency_names": [n for n in (p.meta.agency, *p.meta.aliases) if n],
        "source_url": p.entry.url if p.entry else None, "published": p.entry.published if p.entry else None,
    }


def _fact_row(report_id: str, f: Fact) -> dict:
    return {
        "report_id": report_id, "indicator": f.indicator, "value": f.value, "unit": f.unit, "qualifier": f.qualifier,
        "evidence": f.evidence, "span_start": f.span_start, "span_end": f.span_end, "rule": f.rule,
    }


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict]) -> None:
    """Insert rows through Arrow (Polars -> DuckDB without per-row round trips)."""
    if not rows:
        return
    frame = pl.DataFrame(rows, infer_schema_length=None)
    columns = ", ".join(frame.columns)
    con.register("incoming", frame)
    try:
        con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM incoming")
    finally:
        con.unregister("incoming")


def configure_logging() -> None:
    """Plain timestamped lines on stderr (what cron and journald keep)."""
    logging.basicConfig(stream=sys.stderr, level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
