"""Read-only access to the warehouse file, surviving the ETL's atomic swap.

`duckdb.connect(path)` caches one database instance per path, so after the ETL renames a new
file over the path a plain reconnect would still see the old file. Instead each *generation*
is a private in-memory DuckDB with the warehouse attached read-only. Every query first checks
(at most once per `check_interval` seconds) whether the file's identity (inode, mtime, size)
changed; if so it opens a new generation and switches to it. The old generation is closed
once no query is running on it any more, so a query in flight never loses its connection.

Each query opens its own cursor and closes it when done (a DuckDB connection is not for
concurrent use, and a cursor kept per thread leaks: the dev server starts a thread per request).
A new cursor, its `USE wh` (a cursor does not inherit it) and its closing add about 0.4 ms.

Each generation's DuckDB is bounded by `DUCKDB_CONFIG`. DuckDB's defaults (memory_limit = 80% of
RAM, threads = all cores) are per database instance, and every gunicorn worker opens its own,
so four workers would each assume most of the machine. 2 GiB and 2 threads per worker is ample
for the dashboard's queries (a demo warehouse is a few MB; queries aggregate a few thousand
facts) and keeps `-w 4` within 8 GiB, or 16 GiB for the moment of a swap when the old
generation still finishes its last query. Raise them only with the worker count in mind.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from dashboard import texts

log = logging.getLogger(__name__)

DUCKDB_CONFIG = {"memory_limit": "2GiB", "threads": 2}


class WarehouseUnavailable(Exception):
    """The warehouse file is missing or cannot be opened; the message is for a person."""


def _identity(path: Path) -> tuple[int, int, int] | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


@dataclass(eq=False)
class _Generation:
    """One opened version of the warehouse file."""

    identity: tuple[int, int, int]
    con: duckdb.DuckDBPyConnection
    active: int = 0  # queries running on this generation
    retired: bool = False

    @classmethod
    def open(cls, path: Path, identity: tuple[int, int, int]) -> _Generation:
        con = duckdb.connect(":memory:", config=DUCKDB_CONFIG)
        try:
            quoted = str(path).replace("'", "''")
            con.execute(f"ATTACH '{quoted}' AS wh (READ_ONLY)")
            con.execute("USE wh")
        except duckdb.Error as exc:
            con.close()
            raise WarehouseUnavailable(texts.WAREHOUSE_UNREADABLE.format(name=path.name)) from exc
        return cls(identity=identity, con=con)

    def retire(self) -> None:
        """No new queries: close as soon as the running ones are done."""
        self.retired = True
        self._close_if_idle()

    def release(self, cur: duckdb.DuckDBPyConnection) -> None:
        """One query is done: close its cursor."""
        cur.close()
        self.active -= 1
        self._close_if_idle()

    def _close_if_idle(self) -> None:
        if self.retired and self.active == 0:
            self.con.close()


class Warehouse:
    """The warehouse at `path`, opened read-only and reopened when the file is swapped."""

    def __init__(self, path: Path | str, check_interval: float = 1.0) -> None:
        self.path = Path(path)
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._current: _Generation | None = None
        self._checked_at = float("-inf")
        self._failed: tuple[int, int, int] | None = None  # the version of the file last found unreadable

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> pl.DataFrame:
        """Run one parameterised query and return its result as a Polars DataFrame."""
        with self._cursor() as cur:
            return cur.sql(sql, params=params).pl()

    def close(self) -> None:
        with self._lock:
            gen, self._current = self._current, None
            self._checked_at = float("-inf")
            if gen is not None:
                gen.retire()

    @contextmanager
    def _cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A new cursor on the current generation, which counts as busy until the cursor is closed."""
        with self._lock:
            now = time.monotonic()
            if self._current is None or now - self._checked_at >= self.check_interval:
                self._checked_at = now
                self._refresh()
            gen = self._current
            assert gen is not None
            cur = gen.con.cursor()
            gen.active += 1
        try:
            cur.execute("USE wh")
            yield cur
        finally:
            with self._lock:  # like opening, closing touches the parent connection's list of cursors
                gen.release(cur)

    def _refresh(self) -> None:
        """Switch to a new generation if the file changed (called with the lock held)."""
        identity = _identity(self.path)
        if identity is None:
            self._checked_at = float("-inf")  # check again on the next query
            raise WarehouseUnavailable(texts.WAREHOUSE_MISSING.format(name=self.path.name))
        if self._current is not None and self._current.identity == identity:
            return
        try:
            new = _Generation.open(self.path, identity)
        except WarehouseUnavailable as exc:
            self._checked_at = float("-inf")
            if identity != self._failed:  # once per version of the file, not once per query
                log.error("cannot open the warehouse %s: %s", self.path, exc.__cause__)
                self._failed = identity
            raise
        old, self._current = self._current, new
        if old is not None:
            old.retire()


_warehouse: Warehouse | None = None


def configure(path: Path | str) -> Warehouse:
    """Point the app at the warehouse file at `path` (closing any previous one)."""
    global _warehouse
    if _warehouse is not None:
        _warehouse.close()
    _warehouse = Warehouse(path)
    return _warehouse


def current() -> Warehouse:
    """The warehouse the app serves (see `configure`)."""
    if _warehouse is None:
        raise WarehouseUnavailable(texts.WAREHOUSE_NOT_CONFIGURED)
    return _warehouse
