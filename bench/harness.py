"""The benchmark harness behind bin/benchmark (issue 12). Every number it reports is measured in this one
script, interleaved: DuckDB runs between Gevinst's nights on the same raw files, so that a ratio compares
runs made under the same load. Results go to WORK/results.json; report.py turns them into docs/benchmarks.md.

Plan (each part can be chosen with --only):
  p4      the README's first command on the committed sample, from a cold JVM with the build done;
  nights  per size: DuckDB, the first night (all files but the last day's), DuckDB, the same night again,
          DuckDB, DuckDB's query ported to Spark SQL (bench/SparkCellsScript.java, for reference) on the first
          night's files, its reading only, DuckDB, the next night with the last day's exports as new files,
          DuckDB on all files;
  p5      on one size: one pilot and 200 pilots, a first night each and a night with everything ingested,
          in the order 1, 200, 200, 1 so that a drift in load hits both sides alike.
"""
import argparse
import csv
import datetime
import glob
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time

HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(HOME, "bench")
LAST_DAY = "2026-11-27"          # the generated municipality's last day (generate.Scenario.LAST_DAY)
NIGHT_BEFORE = "2026-11-26"
GC_LINE = re.compile(r"GC\(\d+\) Pause.* (\d+)M->(\d+)M\((\d+)M\)")


def log(msg):
    print(f"benchmark: {msg}", file=sys.stderr, flush=True)


def timed(cmd, env=None, stdout=None):
    """Runs cmd; returns wall seconds, the child's CPU seconds (user + system) and its exit code."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, env=env, stdout=stdout or subprocess.DEVNULL, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": round(time.monotonic() - start, 2), "cpu": round(usage.ru_utime + usage.ru_stime, 2),
            "exit": p.returncode, "max_rss_mb": usage.ru_maxrss // 1024, "load": round(os.getloadavg()[0], 1)}


def heap(gc_log):
    """Peak heap in use before a collection, and the most still in use after one (the live set), in MB."""
    before, after, capacity = 0, 0, 0
    if os.path.exists(gc_log):
        for m in GC_LINE.finditer(open(gc_log, errors="replace").read()):
            before, after, capacity = max(before, int(m[1])), max(after, int(m[2])), max(capacity, int(m[3]))
    return {"heap_peak_mb": before, "heap_live_mb": after, "heap_capacity_mb": capacity}


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = os.path.abspath(args.work)
        self.results = {"started": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
                        "machine": machine(), "args": vars(args), "runs": []}
        os.makedirs(os.path.join(self.work, "logs"), exist_ok=True)

    def save(self):
        self.results["finished"] = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
        with open(os.path.join(self.work, "results.json"), "w") as f:
            json.dump(self.results, f, indent=1)

    def record(self, part, what, cases, m):
        m.update(part=part, what=what, cases=cases)
        self.results["runs"].append(m)
        self.save()
        log(f"{part:6s} {cases:>9} {what:34s} {m['wall']:8.1f} s wall {m['cpu']:8.1f} s cpu  load {m['load']}"
            + (f"  exit {m['exit']}" if m["exit"] else ""))
        return m

    def gevinst(self, part, what, cases, pilots, data, out, as_of):
        name = f"{part}-{cases}-{what.replace(' ', '-')}-{len(self.results['runs'])}"
        gc_log = os.path.join(self.work, "logs", name + ".gc.log")
        env = dict(os.environ, GEVINST_JAVA_OPTS=f"{os.environ.get('GEVINST_JAVA_OPTS', '')} -Xlog:gc:file={gc_log}".strip())
        cmd = [os.path.join(HOME, "bin", "gevinst"), "run", "--config", os.path.join(HOME, "jobs", "nightly.yaml"),
               "--pilots", pilots, "--data", data, "--out", out, "--as-of", as_of, "--demo-key"]
        with open(os.path.join(self.work, "logs", name + ".log"), "w") as stdout:
            m = timed(cmd, env, stdout)
        m.update(heap(gc_log))
        manifests = [p for p in glob.glob(os.path.join(out, "runs", "*.json"))]
        if manifests:
            manifest = json.load(open(max(manifests, key=os.path.getmtime)))
            m["stage_seconds"] = manifest.get("stage_seconds", {})
            m["rows_read"] = sum(v.get("rows_read", 0) for v in manifest.values() if isinstance(v, dict) and "rows_read" in v)
        if m["exit"] != 0:
            # A night that did not get through (a spec problem, stale data) times other work than the one it is named for.
            raise SystemExit(f"benchmark: gevinst {what} at {cases} cases exited {m['exit']}; see {stdout.name}")
        return self.record(part, what, cases, m)

    def duckdb(self, part, what, cases, data, as_of):
        out = os.path.join(self.work, "logs", f"duckdb-{cases}-{as_of}.csv")
        log_file = os.path.join(self.work, "logs", f"duckdb-{len(self.results['runs'])}.log")
        m = self.duckdb_script("duckdb-cells.sql", log_file, DATA=data, AS_OF=as_of, OUT=out)
        m["query"] = float(m["printed"]["duckdb_query_seconds"])
        m["cells_csv"] = out
        return self.record(part, what, cases, m)

    def spark(self, part, what, cases, data, as_of, mode):
        """DuckDB's query ported to Spark SQL (mode cells), or only its reading (mode read), on the same files: for reference."""
        out = os.path.join(self.work, "logs", f"spark-{cases}-{as_of}")
        log_file = os.path.join(self.work, "logs", f"spark-{len(self.results['runs'])}.log")
        with open(os.path.join(HOME, "target", "jvm-options")) as f:
            jvm_options = f.read().split()
        cmd = (["java"] + os.environ.get("GEVINST_JAVA_OPTS", "").split() + jvm_options
               + ["-cp", f"{os.path.join(self.work, 'classes')}:{os.path.join(HOME, 'target', 'lib', '*')}", "SparkCellsScript",
                  mode, data, as_of, out])
        with open(log_file, "w") as stdout:
            m = timed(cmd, dict(os.environ, SPARK_LOCAL_IP=os.environ.get("SPARK_LOCAL_IP", "127.0.0.1")), stdout)
        printed = dict(line.split(" ", 1) for line in open(log_file, errors="replace").read().splitlines()
                       if line.startswith("spark_") and " " in line)
        m["mode"] = mode
        if m["exit"] == 0 and mode == "cells":
            m["query"] = float(printed["spark_query_seconds"])
            m["cells_csv"] = next(iter(glob.glob(os.path.join(out, "part-*.csv"))), None)
        elif m["exit"] == 0:
            m["read"] = float(printed["spark_read_seconds"])
        else:
            # Only a reference: the goals do not depend on it, so the benchmark goes on and the report leaves it out.
            log(f"the Spark SQL run ({mode}) failed; see {log_file}")
        return self.record(part, what, cases, m)

    def spark_agreement(self, cases, spark_csv, duckdb_csv):
        """Whether the Spark SQL query's cells are DuckDB's: the same n, Σx and Σx² (sums up to summation order)."""
        def cells(path):
            with open(path, newline="") as f:
                return {(r["unit"], r["day"], r["indicator"]): (int(r["n"]), float(r["sum"]), float(r["sum_sq"]))
                        for r in csv.DictReader(f)}
        close = lambda a, b: abs(a - b) <= 1e-9 * max(1.0, abs(b))
        spark, duck = cells(spark_csv), cells(duckdb_csv)
        equal = sum(1 for k, d in duck.items()
                    if k in spark and spark[k][0] == d[0] and close(spark[k][1], d[1]) and close(spark[k][2], d[2]))
        self.results.setdefault("spark_agreement", {})[str(cases)] = {"duckdb_cells": len(duck), "spark_cells": len(spark), "equal": equal}
        self.save()
        log(f"Spark SQL against DuckDB at {cases} cases: {self.results['spark_agreement'][str(cases)]}")

    def duckdb_script(self, sql, log_file, **placeholders):
        cmd = ["java", "-cp", f"{os.path.join(self.work, 'lib', '*')}:{os.path.join(self.work, 'classes')}", "DuckDbScript",
               os.path.join(BENCH, sql)] + [f"{k}={v}" for k, v in placeholders.items()]
        with open(log_file, "w") as stdout:
            m = timed(cmd, stdout=stdout)
        if m["exit"] != 0:
            raise SystemExit(f"benchmark: DuckDB failed on {sql}; see {log_file}")
        m["printed"] = dict(line.split(" ", 1) for line in open(log_file).read().splitlines() if " " in line)
        return m

    # --- data -------------------------------------------------------------------------------------------

    def generated(self, cases):
        folder = os.path.join(self.work, f"generated-{self.args.seed}-{cases}")
        if not os.path.isdir(os.path.join(folder, "cases")):
            log(f"generating {cases} cases (seed {self.args.seed}) in {folder}")
            shutil.rmtree(folder, ignore_errors=True)
            # The generator holds every case version in memory before writing: about 0.6 GB of heap per million cases.
            heap_gb = max(2, int(cases / 1e6 + 2))
            env = dict(os.environ, GEVINST_JAVA_OPTS=f"-Xmx{heap_gb}g")
            m = timed([os.path.join(HOME, "bin", "gevinst"), "generate", "--out", folder, "--seed", str(self.args.seed),
                       "--cases", str(cases)], env)
            if m["exit"] != 0:
                raise SystemExit(f"benchmark: generate --cases {cases} failed (exit {m['exit']})")
        return folder

    def split(self, cases):
        """The night before the last day (NIGHT), and the last day's exports as new files (DAY)."""
        night, day = os.path.join(self.work, f"night-{cases}"), os.path.join(self.work, f"day-{cases}")
        if not os.path.isdir(day):
            shutil.rmtree(night, ignore_errors=True)
            subprocess.run([sys.executable, os.path.join(BENCH, "split_last_day.py"), self.generated(cases), night, day + ".tmp", LAST_DAY], check=True)
            os.rename(day + ".tmp", day)
        return night, day

    def describe(self, cases, night, day):
        files = [p for p in glob.glob(os.path.join(night, "cases", "*"))]
        day_files = [p for p in glob.glob(os.path.join(day, "*", "*"))]
        rows = sum(sum(1 for _ in open(p, "rb")) - (0 if p.endswith(".jsonl") else 1) for p in files)
        self.results.setdefault("data", {})[str(cases)] = {
            "case_rows": rows, "case_files": len(files), "raw_bytes": sum(os.path.getsize(p) for p in glob.glob(os.path.join(night, "*", "*"))),
            "day_files": len(day_files), "day_rows": sum(sum(1 for _ in open(p, "rb")) - (0 if p.endswith(".jsonl") else 1) for p in day_files)}

    def agreement(self, cases, out, as_of, duckdb_csv):
        """Whether Gevinst's published day cells hold the n, Σx and Σx² DuckDB computed: the same statistics."""
        m = self.duckdb_script("duckdb-agreement.sql", os.path.join(self.work, "logs", f"agreement-{cases}.log"),
                               CELLS=os.path.join(out, "tables", "cell_stats", f"as_of={as_of}"), DUCKDB_CELLS=duckdb_csv)
        self.results.setdefault("agreement", {})[str(cases)] = {k: int(v) for k, v in m["printed"].items() if k != "duckdb_query_seconds"}
        log(f"agreement at {cases} cases: {self.results['agreement'][str(cases)]}")

    # --- parts ------------------------------------------------------------------------------------------

    def p4(self):
        """The README's first command, on the committed sample: a fresh output folder each time, a cold JVM."""
        sample = os.path.join(HOME, "data-samples")
        for i in range(self.args.p4_repeats):
            out = os.path.join(self.work, "p4-out")
            shutil.rmtree(out, ignore_errors=True)
            self.gevinst("p4", "sample first night", 14000, os.path.join(HOME, "jobs", "pilots"), sample, out, LAST_DAY)

    def nights(self, cases):
        night, day = self.split(cases)
        unlink_day(day, night)
        self.describe(cases, night, day)
        pilots = os.path.join(HOME, "jobs", "pilots")
        out = os.path.join(self.work, f"out-{cases}")
        shutil.rmtree(out, ignore_errors=True)
        self.duckdb("nights", "duckdb night before", cases, night, NIGHT_BEFORE)
        self.gevinst("nights", "first night", cases, pilots, night, out, NIGHT_BEFORE)
        self.duckdb("nights", "duckdb night before", cases, night, NIGHT_BEFORE)
        self.gevinst("nights", "nothing new", cases, pilots, night, out, NIGHT_BEFORE)
        duck = self.duckdb("nights", "duckdb night before", cases, night, NIGHT_BEFORE)
        spark = self.spark("nights", "spark sql night before", cases, night, NIGHT_BEFORE, "cells")
        if spark.get("cells_csv"):
            self.spark_agreement(cases, spark["cells_csv"], duck["cells_csv"])
        self.spark("nights", "spark sql reading only", cases, night, NIGHT_BEFORE, "read")
        self.duckdb("nights", "duckdb night before", cases, night, NIGHT_BEFORE)
        linked = link_day(day, night)
        try:
            self.gevinst("nights", "one new day", cases, pilots, night, out, LAST_DAY)
            self.duckdb("nights", "duckdb all days", cases, night, LAST_DAY)
            self.agreement(cases, out, LAST_DAY, self.results["runs"][-1]["cells_csv"])
        finally:
            for p in linked:
                os.unlink(p)
        if not self.args.keep:
            shutil.rmtree(out, ignore_errors=True)

    def p5(self, cases):
        night, _ = self.split(cases)
        specs = os.path.join(self.work, f"pilots-{self.args.pilots}")
        data = os.path.join(self.work, f"p5-data-{cases}")
        if not os.path.isdir(data):
            # The night's files, hard-linked, plus the copies' costs (the sample costs file names only the sample pilots).
            shutil.copytree(night, data + ".tmp", copy_function=os.link)
            os.rename(data + ".tmp", data)
        # The specs and their costs are written afresh each time: a work folder kept from an older pilots.py keeps no old copies.
        shutil.rmtree(specs, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(BENCH, "pilots.py"), str(self.args.pilots), os.path.join(HOME, "jobs", "pilots"),
                        os.path.join(night, "costs", "costs.csv"), specs, os.path.join(data, "costs", "benchmark-pilots.csv")], check=True)
        one = os.path.join(self.work, "p5-one-pilot")
        if not os.path.isdir(one):
            os.makedirs(one)
            shutil.copy(os.path.join(HOME, "jobs", "pilots", "sagsoverblik.yaml"), one)
        outs = {k: os.path.join(self.work, f"p5-out-{k}") for k in ("one", "many")}
        for o in outs.values():
            shutil.rmtree(o, ignore_errors=True)
        many = f"{self.args.pilots} pilots"
        self.gevinst("p5", "1 pilot first night", cases, one, data, outs["one"], NIGHT_BEFORE)
        self.gevinst("p5", f"{many} first night", cases, specs, data, outs["many"], NIGHT_BEFORE)
        self.gevinst("p5", f"{many} ingested night", cases, specs, data, outs["many"], NIGHT_BEFORE)
        self.gevinst("p5", "1 pilot ingested night", cases, one, data, outs["one"], NIGHT_BEFORE)
        if not self.args.keep:
            for o in outs.values():
                shutil.rmtree(o, ignore_errors=True)


def unlink_day(day, night):
    """Removes the day's files from the night, where a run killed after linking them left them."""
    for p in glob.glob(os.path.join(day, "*", "*")):
        target = os.path.join(night, os.path.basename(os.path.dirname(p)), os.path.basename(p))
        if os.path.exists(target) and os.path.samefile(p, target):
            os.unlink(target)


def link_day(day, night):
    linked = []
    for p in sorted(glob.glob(os.path.join(day, "*", "*"))):
        target = os.path.join(night, os.path.basename(os.path.dirname(p)), os.path.basename(p))
        os.link(p, target)
        linked.append(target)
    return linked


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.processor())
    mem = next((int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), None)
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem, "java": java, "kernel": platform.release(),
            "disk_free_gb": shutil.disk_usage("/").free // 2**30, "load_at_start": [round(x, 1) for x in os.getloadavg()]}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", required=True)
    ap.add_argument("--sizes", default="1000000,10000000", help="case counts for the nights (comma-separated)")
    ap.add_argument("--p5-cases", type=int, default=1000000)
    ap.add_argument("--pilots", type=int, default=200)
    ap.add_argument("--p4-repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--only", default="p4,nights,p5")
    ap.add_argument("--keep", action="store_true", help="keep the output folders")
    args = ap.parse_args()
    b = Bench(args)
    parts = args.only.split(",")
    if "p4" in parts:
        b.p4()
    if "nights" in parts:
        for cases in [int(s) for s in args.sizes.split(",")]:
            b.nights(cases)
    if "p5" in parts:
        b.p5(args.p5_cases)
    b.save()
    log(f"results in {os.path.join(b.work, 'results.json')}")


if __name__ == "__main__":
    main()
