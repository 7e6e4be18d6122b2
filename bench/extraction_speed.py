#!/usr/bin/env python3
"""Speed of giaoban.extraction: documents per second on one core, and a 10 MB text.

    python bench/extraction_speed.py [--seconds 5] [--big-mb 10]

Reads the sample texts shipped with the tests (articles and notices of the
size offices receive), extracts them in a loop on one core and prints docs/s
and ms/doc; then times one 10 MB text made of the samples repeated. The unit
cache is cleared before every document, so repeated texts are not favoured.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from giaoban.extraction import extract  # noqa: E402
from giaoban.extraction.gazetteer import find_units  # noqa: E402

SAMPLES = ROOT / "giaoban" / "extraction" / "tests" / "samples"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=5.0, help="time spent on the loop")
    ap.add_argument("--big-mb", type=float, default=10.0, help="size of the big text (MB)")
    args = ap.parse_args()

    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    mean_kb = statistics.mean(len(t.encode("utf-8")) for t in texts) / 1024
    for t in texts:  # warm up: imports, regex compilation
        extract(t)

    done = 0
    cpu = wall = 0.0
    rounds: list[float] = []
    while wall < args.seconds:
        w0, c0 = time.perf_counter(), time.process_time()
        for t in texts:
            find_units.cache_clear()
            extract(t)
        c1, w1 = time.process_time(), time.perf_counter()
        cpu += c1 - c0
        wall += w1 - w0
        rounds.append((c1 - c0) / len(texts))
        done += len(texts)
    best = min(rounds)
    print(f"documents: {len(texts)} texts, mean {mean_kb:.1f} KB, {done} extractions")
    print(
        f"throughput: {done / cpu:.0f} docs/s (CPU time), {done / wall:.0f} docs/s (wall), "
        f"best round {1 / best:.0f} docs/s"
    )
    print(
        f"latency: {1000 * cpu / done:.2f} ms/doc (CPU time), best round {1000 * best:.2f} ms/doc"
    )

    size = int(args.big_mb * 1_000_000)
    base = "\n\n".join(texts)
    big = (base * (size // len(base) + 1))[:size]
    w0, c0 = time.perf_counter(), time.process_time()
    record = extract(big)
    c1, w1 = time.process_time(), time.perf_counter()
    print(
        f"{args.big_mb:g} MB text: {w1 - w0:.2f} s wall, {c1 - c0:.2f} s CPU, "
        f"{len(record.directives)} directives"
    )


if __name__ == "__main__":
    main()
