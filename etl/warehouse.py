"""The warehouse file: schema, the single-writer lock, and the atomic swap.

DuckDB allows one read-write process or many read-only ones on a file, never both, and the
dashboard holds the warehouse open read-only while the ETL runs. So a refresh never writes the
live file: it copies it to `<warehouse>.tmp-<pid>`, applies the changes there, checkpoints and
closes it, fsyncs it, and renames it over the live path (`os.replace`, atomic on POSIX). A
reader sees the old file or the new one, never a half-loaded one; a crash or `kill -9` at any
moment leaves the last good warehouse in place (the next run removes the stale temporary file).
Readers notice the swap by the file's inode changing and reopen (see dashboard/db.py).
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from etl.indicators import families, indicators

SCHEMA_VERSION = "3"


class WarehouseLocked(Exception):
    """Another ETL run holds the warehouse's lock."""


@contextmanager
def writer_lock(warehouse: Path) -> Iterator[None]:
    """Hold `<warehouse>.lock` for the whole run; fail at once if another run has it.

    flock is released by the kernel when the process dies, so a killed run never leaves a
    lock behind.
    """
    lock_path = warehouse.with_name(warehouse.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WarehouseLocked(
                f"another ETL run is writing {warehouse} (lock file {lock_path}); try again when it has finished"
            ) from None
        yield
    finally:
        os.close(fd)


def _temp_paths(warehouse: Path) -> list[Path]:
    return sorted(warehouse.parent.glob(warehouse.name + ".tmp-*"))


@contextmanager
def staged(warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a private copy of the warehouse, swapped in on success.

    The caller must hold `writer_lock`. If the body raises, the copy is discarded and the live
    warehouse is untouched. A copy of an older schema version is not migrated: the run starts
    from an empty warehouse (every file is then new) and the swap replaces the old file.
    """
    for stale in _temp_paths(warehouse):
        stale.unlink(missing_ok=True)
    temp = warehouse.with_name(f"{warehouse.name}.tmp-{os.getpid()}")
    fresh = schema_version(warehouse) != SCHEMA_VERSION
    if not fresh:
        shutil.copyfile(warehouse, temp)
    con = duckdb.connect(str(temp))
    try:
        if fresh:
            create_schema(con)
        yield con
        con.execute("CHECKPOINT")
        con.close()
        _fsync(temp)
        os.replace(temp, warehouse)
        _fsync(warehouse.parent)
    except BaseException:
        con.close()
        for leftover in (temp, temp.with_name(temp.name + ".wal")):
            leftover.unlink(missing_ok=True)
        raise


def schema_version(warehouse: Path) -> str | None:
    """The schema version of a warehouse file; None when there is no file or no version."""
    if not warehouse.exists():
        return None
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        row = con.execute("SELECT value FROM warehouse_meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        row = None
    finally:
        con.close()
    return row[0] if row else None


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table, view and comment of schema.sql and fill the indicator table."""
    con.execute(Path(__file__).with_name("schema.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO warehouse_meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    fams = families()
    con.executemany(
        "INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (i.code, i.family, fams[i.family].name_zh, i.name_zh, i.unit, i.kind, i.higher_is_better,
             i.target, fams[i.family].home_report_type, n)
            for n, i in enumerate(indicators().values())
        ],
    )
