"""Times cpu_work.py (the CPU-bound handler code of CpuHandlerBenchmark) on the Python running this script (CPython),
the way JMH times it in GraalPy: warm-up iterations, then measurement iterations of a fixed length, each giving
milliseconds per call; prints the mean and the range of the measurement iterations.

    /usr/bin/python3 bench/scripts/cpu_native.py [loop] [pipeline] [json] [--warmup 3] [--iterations 5] [--seconds 2]
"""

import argparse
import os
import platform
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "src", "main", "resources", "io", "tasker", "bench", "bridge", "handlers"))
import cpu_work  # noqa: E402

EXPECTED = {"loop": 111_110_944_444_944_444, "pipeline": 245_000_000, "json": 100_086}
OPS = {"loop": cpu_work.loop_sum, "pipeline": cpu_work.pipeline, "json": cpu_work.json_round_trip}


def iteration(work, seconds):
    start = time.perf_counter()
    calls = 0
    elapsed = 0.0
    while elapsed < seconds:
        work()
        calls += 1
        elapsed = time.perf_counter() - start
    return elapsed * 1000.0 / calls


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("ops", nargs="*", default=list(OPS))
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=2)
    args = parser.parse_args()
    runtime = "%s %s" % (platform.python_implementation(), platform.python_version())
    for op in args.ops:
        work = OPS[op]
        value = work()
        if value != EXPECTED[op]:
            raise SystemExit("%s returned %r, expected %r" % (op, value, EXPECTED[op]))
        for i in range(args.warmup):
            print("%s %s warm-up %d: %.3f ms/op" % (runtime, op, i + 1, iteration(work, args.seconds)), file=sys.stderr)
        times = [iteration(work, args.seconds) for _ in range(args.iterations)]
        print("%s %s: %.3f ms/op (mean of %d x %gs; min %.3f, max %.3f)"
              % (runtime, op, sum(times) / len(times), args.iterations, args.seconds, min(times), max(times)))


if __name__ == "__main__":
    main()
