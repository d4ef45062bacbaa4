"""Ingest CPU of a first night, old build against new build, interleaved (issue 12, helper brief rowcpu).

    /usr/bin/python3 bench/ingest_cpu.py BASE_BUILD NEW_BUILD [--cases 200000] [--rounds 2] [--work DIR]

A build is a folder holding gevinst.jar, lib/ and jvm-options (copy them from target/ after
`mvn -DskipTests package`). The data are generated once (seed 7) into WORK/data. Each round runs a first
night (every file new, empty output folder) with BASE and then NEW, so a drift in the shared machine's load
hits both alike, and reads stage_cpu_seconds.ingest from the run manifest. The machine is shared: only the
ratio NEW / BASE is a result, not the seconds. The row counts, quarantine reasons and CPR counts of the two
manifests must agree, or the script says so and exits 1 (a faster ingest that changes its output is a bug).
"""
import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys

HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def first_night(build, data, out):
    shutil.rmtree(out, ignore_errors=True)
    opts = open(os.path.join(build, "jvm-options")).read().split()
    cmd = ["java", *opts, "-cp", f"{build}/gevinst.jar:{build}/lib/*", "dk.gevinst.cli.Main", "run",
           "--pilots", os.path.join(HOME, "jobs", "pilots"), "--data", data, "--out", out,
           "--as-of", "2026-11-27", "--demo-key"]
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1")
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    manifests = glob.glob(os.path.join(out, "runs", "*.json"))
    if not manifests:
        sys.exit(f"ingest_cpu: no run manifest in {out}; run the command by hand to see why")
    return json.load(open(manifests[0]))


def output_facts(m):
    """What must not change: rows, reasons and CPR counts per source and file, problems, pilots' decisions."""
    keep = ("cases", "survey_responses", "costs", "tech_metrics", "usage", "rejected_files", "skipped_files",
            "column_warnings", "cut_off_files", "cpr_masked", "pilots")
    return {k: m.get(k) for k in keep}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("base")
    p.add_argument("new")
    p.add_argument("--cases", type=int, default=200_000)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--work", default="/tmp/gevinst-ingest-cpu")
    a = p.parse_args()
    data = os.path.join(a.work, "data")
    if not os.path.isdir(data):
        subprocess.run([os.path.join(HOME, "bin", "gevinst"), "generate", "--seed", "7", "--cases", str(a.cases),
                        "--out", data], check=True, stdout=subprocess.DEVNULL)
    cpu = {"base": [], "new": []}
    facts = {}
    print(f"ingest_cpu: {a.cases} cases, {a.rounds} rounds, work {a.work}; load {os.getloadavg()[0]:.1f}")
    for r in range(1, a.rounds + 1):
        for side in ("base", "new"):
            m = first_night(getattr(a, side), data, os.path.join(a.work, "out-" + side))
            cpu[side].append(m["stage_cpu_seconds"]["ingest"])
            facts.setdefault(side, output_facts(m))
            print(f"round {r} {side:4s} ingest cpu {cpu[side][-1]:7.1f} s  wall {m['stage_seconds']['ingest']:7.1f} s"
                  f"  load {os.getloadavg()[0]:.1f}", flush=True)
    ratios = [n / b for b, n in zip(cpu["base"], cpu["new"])]
    print(f"ingest cpu new/base per round: {' '.join(f'{x:.3f}' for x in ratios)}; "
          f"of the sums: {sum(cpu['new']) / sum(cpu['base']):.3f}; median {statistics.median(ratios):.3f}")
    if facts["base"] != facts["new"]:
        print("ingest_cpu: the two builds' manifests differ in rows, reasons or CPR counts:", file=sys.stderr)
        print(json.dumps(facts, indent=1, sort_keys=True)[:4000], file=sys.stderr)
        sys.exit(1)
    print("outputs: rows, reasons and CPR counts agree")


if __name__ == "__main__":
    main()
