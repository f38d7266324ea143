"""`python -m dashboard [--warehouse warehouse.duckdb] [--host 127.0.0.1] [--port 8050]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description="Serve the indicator dashboard.")
    parser.add_argument("--warehouse", default=os.environ.get("WAREHOUSE", "warehouse.duckdb"),
                        help="the DuckDB warehouse written by `python -m etl run` (default: $WAREHOUSE or warehouse.duckdb)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8050)
    parser.add_argument("--debug", action="store_true", help="Dash dev tools and reloading")
    args = parser.parse_args(argv)
    os.environ["WAREHOUSE"] = args.warehouse  # dashboard.app reads it when it builds the app
    if not Path(args.warehouse).is_file():
        print(f"python -m dashboard: the warehouse {args.warehouse} does not exist yet; the pages show how to build it"
              f" (python -m etl run --source REPORTS --warehouse {args.warehouse}) until it does", file=sys.stderr)
    from dashboard.app import app

    app.run(host=args.host, port=args.port, debug=args.debug)


if __name__ == "__main__":
    main()
