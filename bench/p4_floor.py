"""What P4's 12 seconds leave for Gevinst's own work: the README's first command on the committed sample from a
cold JVM (as bin/gevinst runs it, class-data archive and all), interleaved in each round with DuckDB's query of
the nights' cells ported to Spark SQL (bench/SparkCellsScript.java, a plain JVM) and with DuckDB's query itself,
on the same sample files and night. The port computes only the cells: no checks, no pseudonyms, no state, no
decision and no page. Run after bin/benchmark, which compiles both scripts and fetches DuckDB into WORK.

  /usr/bin/python3 bench/p4_floor.py WORK [ROUNDS]
"""
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import BENCH, HOME, LAST_DAY, timed  # noqa: E402


def gevinst(work):
    out = os.path.join(work, "p4f-out")
    shutil.rmtree(out, ignore_errors=True)
    return timed([os.path.join(HOME, "bin", "gevinst"), "run", "--config", os.path.join(HOME, "jobs", "nightly.yaml"), "--demo-key",
                  "--out", out, "--quiet"], dict(os.environ, SPARK_LOCAL_IP="127.0.0.1"), subprocess.DEVNULL)


def spark_port(work, sample):
    out = os.path.join(work, "p4f-spark")
    shutil.rmtree(out, ignore_errors=True)
    jvm = open(os.path.join(HOME, "target", "jvm-options")).read().split()
    cmd = (["java"] + jvm + ["-cp", f"{os.path.join(work, 'classes')}:{os.path.join(HOME, 'target', 'lib', '*')}", "SparkCellsScript",
                             "cells", sample, LAST_DAY, out])
    return timed(cmd, dict(os.environ, SPARK_LOCAL_IP="127.0.0.1"), subprocess.DEVNULL)


def duckdb(work, sample):
    cmd = ["java", "-cp", f"{os.path.join(work, 'lib', '*')}:{os.path.join(work, 'classes')}", "DuckDbScript",
           os.path.join(BENCH, "duckdb-cells.sql"), f"DATA={sample}", f"AS_OF={LAST_DAY}", f"OUT={os.path.join(work, 'p4f-duckdb.csv')}"]
    return timed(cmd, stdout=subprocess.DEVNULL)


def main():
    work, rounds = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3
    sample = os.path.join(HOME, "data-samples")
    walls = {"gevinst": [], "spark port": [], "duckdb": []}
    for i in range(rounds):
        for name, run in (("gevinst", lambda: gevinst(work)), ("spark port", lambda: spark_port(work, sample)), ("duckdb", lambda: duckdb(work, sample))):
            m = run()
            if m["exit"] != 0:
                raise SystemExit(f"p4_floor: {name} failed (exit {m['exit']})")
            walls[name].append(m["wall"])
            print(f"round {i + 1} {name:<10} {m['wall']:6.1f} s wall {m['cpu']:6.1f} s cpu", flush=True)
    med = {k: statistics.median(v) for k, v in walls.items()}
    print(" ".join(f"median {k}: {v:.1f} s;" for k, v in med.items()))
    print(f"gevinst / spark port: {med['gevinst'] / med['spark port']:.2f}; spark port / duckdb: {med['spark port'] / med['duckdb']:.2f}")


if __name__ == "__main__":
    main()
