"""How fast ``Extractor.extract_many`` reads JSON Lines documents, on one
thread and on all cores, beside the Rust library's own speed.

    python python/examples/throughput.py DOCS.jsonl [--seconds 2] [--threads N]
    python python/examples/throughput.py DOCS.jsonl --rounds 5 \\
        --rust target/release/examples/throughput

Megabytes of UTF-8 text a second, measured as ``examples/throughput.rs``
measures the library: the whole set read again and again for at least
``--seconds``, the mean. The time is that of the whole call, the making of
the Python ``Quote`` objects included. With ``--rust``, each round also
runs ``throughput --only "whole pipeline"`` on the same file, alternating with the
Python measurements, and the table gives the best round of each (the
machines are noisy: a round where another process held a core says little).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
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


def rust_speeds(binary: str, path: str, seconds: float) -> tuple[float, float]:
    """The Rust library's MB/s on one thread and on all cores, from the
    ``whole pipeline`` line of ``throughput --only "whole pipeline"``."""
    out = subprocess.run(
        [binary, "--only", "whole pipeline", "--seconds", str(seconds), path], capture_output=True, text=True, check=True
    ).stdout
    line = next(line for line in out.splitlines() if line.startswith("whole pipeline ("))
    fields = line.split()
    return float(fields[-3]), float(fields[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="default: all cores")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--rust", help="the Rust example target/release/examples/throughput, to run alongside")
    args = parser.parse_args()

    texts = load(args.file)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    extractor = whosaid.Extractor()
    quotes = sum(len(q) for q in extractor.extract_many(texts, threads=1))
    print(f"{len(texts)} documents, {megabytes:.2f} MB, {quotes} quotes; {args.threads} threads for all cores")

    best = {"python 1": 0.0, "python all": 0.0, "rust 1": 0.0, "rust all": 0.0}
    for round_ in range(1, args.rounds + 1):
        one = megabytes / seconds_per_call(lambda: extractor.extract_many(texts, threads=1), args.seconds)
        many = megabytes / seconds_per_call(
            lambda: extractor.extract_many(texts, threads=args.threads), args.seconds
        )
        line = f"round {round_}: extract_many {one:5.1f} MB/s on 1 thread, {many:5.1f} on {args.threads}"
        best["python 1"], best["python all"] = max(best["python 1"], one), max(best["python all"], many)
        if args.rust:
            rust_one, rust_many = rust_speeds(args.rust, args.file, args.seconds)
            best["rust 1"], best["rust all"] = max(best["rust 1"], rust_one), max(best["rust all"], rust_many)
            line += f"; Rust library {rust_one:5.1f} and {rust_many:5.1f}"
        print(line, flush=True)

    print(f"\nbest of {args.rounds} round(s), MB/s    1 thread   {args.threads} threads")
    if args.rust:
        print(f"Rust library (throughput)    {best['rust 1']:8.1f}   {best['rust all']:9.1f}")
    print(f"Python extract_many          {best['python 1']:8.1f}   {best['python all']:9.1f}")
    print(f"extract_many, all cores / one thread: {best['python all'] / best['python 1']:.2f}x")
    if args.rust:
        print(f"extract_many / Rust library, one thread: {best['python 1'] / best['rust 1']:.2f}")


if __name__ == "__main__":
    main()
