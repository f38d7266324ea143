"""Benchmark of the dashboard's pages on the demo warehouse; prints figures, asserts nothing.

    .venv/bin/python bench/dashboard_pages.py [--warehouse warehouse.duckdb] [--repeat 20]

Times building each page on the server (every query the page runs plus its figures) for the
default view and for a filtered view, and reports the median and the slowest run. The issue's
budget is one second per page on the demo warehouse (`make warehouse` builds it).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import dash

from dashboard import db
from dashboard.app import create_app

VIEWS = {
    "/": [{}, {"year": "2021"}],
    "/trends": [{}, {"indicator": "petition.completion_rate", "mode": "index"}],
    "/gaps": [{}, {"indicator": "proposals.npc_satisfaction", "peers": "sector"}],
    "/agency": [{}, {"agency": "2"}, {"agency": "3", "peers": "sector"}],
    "/reports": [{}, {"year_from": "2023"}],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--warehouse", type=Path, default=Path("warehouse.duckdb"))
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    if not args.warehouse.exists():
        parser.error(f"{args.warehouse} does not exist: build it with `make warehouse`")
    create_app()
    db.configure(args.warehouse)
    print(f"{'page':<10} {'view':<55} {'median':>9} {'slowest':>9}")
    for path, views in VIEWS.items():
        page = next(p for p in dash.page_registry.values() if p["path"] == path)
        for params in views:
            page["layout"](**params)  # warm: opens the warehouse, fills caches
            times = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                page["layout"](**params)
                times.append(time.perf_counter() - started)
            view = "&".join(f"{k}={v}" for k, v in params.items()) or "(default)"
            print(f"{path:<10} {view:<55} {statistics.median(times) * 1000:7.0f} ms {max(times) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
