"""How fast ``Extractor.extract_many`` reads JSON Lines documents, on one
thread and on all cores: megabytes of UTF-8 text a second, measured as
``examples/throughput.rs`` measures the Rust library (the whole set read
again and again for at least ``--seconds``, the mean).

    python examples/throughput.py DOCS.jsonl [--seconds 2] [--threads N]

The time is that of the whole call, the making of the Python ``Quote``
objects included.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable

import whosaid


def load(path: str) -> list[str]:
    """The ``text`` of each JSON Lines document."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def seconds_per_call(run: Callable[[], object], budget: float) -> float:
    """The mean time of a call of ``run``, called until ``budget`` seconds
    have passed."""
    calls = 0
    start = time.perf_counter()
    while calls == 0 or time.perf_counter() - start < budget:
        run()
        calls += 1
    return (time.perf_counter() - start) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="default: all cores")
    args = parser.parse_args()

    texts = load(args.file)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extractor = whosaid.Extractor()
    quotes = sum(len(q) for q in extractor.extract_many(texts, threads=1))
    print(f"{len(texts)} documents, {megabytes:.2f} MB, {quotes} quotes")
    one = seconds_per_call(lambda: extractor.extract_many(texts, threads=1), args.seconds)
    print(f"extract_many, 1 thread:  {megabytes / one:7.1f} MB/s")
    many = seconds_per_call(lambda: extractor.extract_many(texts, threads=args.threads), args.seconds)
    print(f"extract_many, {args.threads} threads: {megabytes / many:7.1f} MB/s ({one / many:.2f}x one thread)")


if __name__ == "__main__":
    main()
