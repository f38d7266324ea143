"""Benchmark of the extraction stages on one report; prints figures, asserts nothing.

    .venv/bin/python bench/extract_speed.py [--size 10000] [--repeat 20]

Normalises, detects and extracts the Wujiang seed report repeated to about --size characters,
and prints the median time of each stage (the rules are compiled before timing starts).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from etl.detect import detect
from etl.extract import extract
from etl.normalise import normalise

SEED = Path(__file__).resolve().parents[1] / "data" / "reports" / "004_c58330313368c4e5.txt"


def median_ms(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    raw = SEED.read_text(encoding="utf-8")
    raw = (raw + "\n") * (args.size // len(raw) + 1)
    text = normalise(raw)
    meta = detect(text)
    extract(text, meta.year, meta.report_type)  # compile the rules
    print(f"report of {len(text):,} characters, median of {args.repeat} runs")
    print(f"  normalise {median_ms(lambda: normalise(raw), args.repeat):7.1f} ms")
    print(f"  detect    {median_ms(lambda: detect(text), args.repeat):7.1f} ms")
    print(f"  extract   {median_ms(lambda: extract(text, meta.year, meta.report_type), args.repeat):7.1f} ms")


if __name__ == "__main__":
    main()
