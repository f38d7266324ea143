"""Read-only access to the warehouse file, surviving the ETL's atomic swap.

`duckdb.connect(path)` caches one database instance per path, so after the ETL renames a new
file over the path a plain reconnect would still see the old file. Instead each *generation*
is a private in-memory DuckDB with the warehouse attached read-only. Every query first checks
(at most once per `check_interval` seconds) whether the file's identity (inode, mtime, size)
changed; if so it opens a new generation and switches to it. The old generation is closed
once no query is running on it any more, so a query in flight never loses its connection.

Threads get their own cursor per generation (a DuckDB connection is not for concurrent use);
a cursor does not inherit `USE wh`, so each new cursor runs it.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import polars as pl


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
    active: int = 0
    retired: bool = False
    cursors: list[duckdb.DuckDBPyConnection] = field(default_factory=list)
    local: threading.local = field(default_factory=threading.local)

    @classmethod
    def open(cls, path: Path, identity: tuple[int, int, int]) -> _Generation:
        con = duckdb.connect(":memory:")
        try:
            quoted = str(path).replace("'", "''")
            con.execute(f"ATTACH '{quoted}' AS wh (READ_ONLY)")
            con.execute("USE wh")
        except duckdb.Error as exc:
            con.close()
            raise WarehouseUnavailable(f"无法打开数据仓库 {path}：{exc}") from exc
        return cls(identity=identity, con=con)

    def cursor(self, lock: threading.Lock) -> duckdb.DuckDBPyConnection:
        cur = getattr(self.local, "cursor", None)
        if cur is None:
            with lock:
                cur = self.con.cursor()
                self.cursors.append(cur)
            cur.execute("USE wh")
            self.local.cursor = cur
        return cur

    def close(self) -> None:
        for cur in self.cursors:
            cur.close()
        self.con.close()


class Warehouse:
    """The warehouse at `path`, opened read-only and reopened when the file is swapped."""

    def __init__(self, path: Path | str, check_interval: float = 1.0) -> None:
        self.path = Path(path)
        self.check_interval = check_interval
        self._lock = threading.Lock()
        self._current: _Generation | None = None
        self._checked_at = float("-inf")

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> pl.DataFrame:
        """Run one parameterised query and return its result as a Polars DataFrame."""
        gen = self._acquire()
        try:
            return gen.cursor(self._lock).sql(sql, params=params).pl()
        finally:
            self._release(gen)

    def close(self) -> None:
        with self._lock:
            gen, self._current = self._current, None
            self._checked_at = float("-inf")
            if gen is not None:
                self._retire(gen)

    def _acquire(self) -> _Generation:
        with self._lock:
            now = time.monotonic()
            if self._current is None or now - self._checked_at >= self.check_interval:
                self._checked_at = now
                self._refresh()
            gen = self._current
            assert gen is not None
            gen.active += 1
            return gen

    def _refresh(self) -> None:
        """Switch to a new generation if the file changed (called with the lock held)."""
        identity = _identity(self.path)
        if identity is None:
            self._checked_at = float("-inf")  # check again on the next query
            raise WarehouseUnavailable(f"数据仓库文件不存在：{self.path}")
        if self._current is not None and self._current.identity == identity:
            return
        try:
            new = _Generation.open(self.path, identity)
        except WarehouseUnavailable:
            self._checked_at = float("-inf")
            raise
        old, self._current = self._current, new
        if old is not None:
            self._retire(old)

    def _release(self, gen: _Generation) -> None:
        with self._lock:
            gen.active -= 1
            if gen.retired and gen.active == 0:
                gen.close()

    @staticmethod
    def _retire(gen: _Generation) -> None:
        gen.retired = True
        if gen.active == 0:
            gen.close()


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
        raise WarehouseUnavailable("未配置数据仓库路径")
    return _warehouse
