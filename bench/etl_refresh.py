"""Benchmark of the ETL refresh on a generated demo corpus; prints figures, asserts nothing.

    .venv/bin/python bench/etl_refresh.py [--agencies 40] [--years 2019-2024]

Measures a full first load, a no-change rerun, and a rerun after touching one file, with the
files per second and the peak memory of the main process.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from etl.demo import generate_demo
from etl.pipeline import run


def peak_rss_mib() -> float:
    """Peak memory of this process (extraction workers are children of the forkserver, not ours)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--agencies", type=int, default=40)
    parser.add_argument("--years", default="2019-2024")
    args = parser.parse_args()
    first, last = (int(y) for y in args.years.split("-"))
    with tempfile.TemporaryDirectory() as tmp:
        corpus, warehouse = Path(tmp, "demo"), Path(tmp, "warehouse.duckdb")
        started = time.perf_counter()
        demo = generate_demo(corpus, agencies=args.agencies, years=(first, last), seed=0)
        print(f"generate-demo: {demo.reports} reports, {demo.facts} gold facts in {time.perf_counter() - started:.2f} s")

        for label in ("first load", "no-change rerun"):
            summary = run([corpus / "reports"], warehouse)
            rate = summary.files_seen / summary.seconds if summary.seconds else float("inf")
            print(f"{label:>16}: {summary.seconds:6.2f} s, {rate:7.1f} files/s, {summary.facts_loaded} facts loaded")
        some_file = next(p for p in sorted((corpus / "reports").rglob("*.txt")))
        some_file.write_bytes(some_file.read_bytes().replace("年".encode("utf-8"), "年度".encode("utf-8"), 1) + b"\n")
        summary = run([corpus / "reports"], warehouse)
        print(f"{'one file changed':>16}: {summary.seconds:6.2f} s ({summary.files_changed} changed)")
        print(f"warehouse size: {warehouse.stat().st_size / 2**20:.1f} MiB")
        print(f"peak RSS of the main process: {peak_rss_mib():.0f} MiB")


if __name__ == "__main__":
    main()
