"""Spark jobs and ingest seconds of two builds of Gevinst on the same data, interleaved, in one script (issue 12).

    jobs_ab.py OLD_BUILD NEW_BUILD WORK GENERATED [ROUNDS]

A build is a folder with gevinst.jar, lib/ and jvm-options (copied from target/ after `mvn package`). Both run
without a class-data-sharing archive and with Spark's event log on, from which the jobs are counted per call
site. Measures (a) the README's first command on the committed sample, ROUNDS times per build in the order
old, new, new, old, ...; (b) on GENERATED (`gevinst generate`), split as bench/harness.py does (the night
before the last day, then the last day's exports as new files): per build a first night and a one-new-day
night, in the order old first, new first, new one-day, old one-day. Writes WORK/jobs_ab.json and prints a table.
"""
import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import time

HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAST_DAY, NIGHT_BEFORE = "2026-11-27", "2026-11-26"


def events(folder):
    for p in sorted(glob.glob(os.path.join(folder, "**", "events*"), recursive=True)):
        raw = subprocess.run(["zstd", "-dc", p], capture_output=True, check=True).stdout if p.endswith(".zstd") else open(p, "rb").read()
        # Not str.splitlines(): a JSON string may hold U+2028, which it would split on.
        yield from (json.loads(l) for l in raw.decode().split("\n") if l.strip())


def jobs(folder):
    """Spark jobs per Gevinst call site (the first dk.gevinst frame outside dk.gevinst.spark of the SQL execution)."""
    details, sites = {}, collections.Counter()
    for e in events(folder):
        if e["Event"].endswith("SparkListenerSQLExecutionStart"):
            details[str(e["executionId"])] = e.get("details", "")
        elif e["Event"] == "SparkListenerJobStart":
            frames = [f.split("(")[0] for f in details.get(e.get("Properties", {}).get("spark.sql.execution.id"), "").split("\n")
                      if f.startswith("dk.gevinst.") and not f.startswith("dk.gevinst.spark.")]
            sites[frames[0] if frames else "(no SQL execution)"] += 1
    ingest = sum(v for k, v in sites.items() if ".ingest." in k or k.endswith("StateTables.versionCounts"))
    return {"jobs": sum(sites.values()), "ingest_jobs": ingest, "sites": dict(sites)}


def run(build, work, name, data, out, as_of, fresh):
    if fresh:
        shutil.rmtree(out, ignore_errors=True)
    ev = os.path.join(work, "events", name)
    shutil.rmtree(ev, ignore_errors=True)
    os.makedirs(ev)
    cmd = ["java"] + open(os.path.join(build, "jvm-options")).read().split() + [
        "-cp", f"{build}/gevinst.jar:{build}/lib/*", "dk.gevinst.cli.Main", "run", "--config", os.path.join(HOME, "jobs", "nightly.yaml"),
        "--pilots", os.path.join(HOME, "jobs", "pilots"), "--data", data, "--out", out, "--as-of", as_of, "--demo-key",
        "--conf", "spark.eventLog.enabled=true", "--conf", f"spark.eventLog.dir=file://{ev}"]
    start = time.monotonic()
    with open(os.path.join(work, "logs", name + ".log"), "w") as log:
        p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, SPARK_LOCAL_IP="127.0.0.1"))
        _, status, usage = os.wait4(p.pid, 0)
    m = {"name": name, "wall": round(time.monotonic() - start, 1), "cpu": round(usage.ru_utime + usage.ru_stime, 1),
         "exit": os.waitstatus_to_exitcode(status), "load": round(os.getloadavg()[0], 1)}
    manifest = json.load(open(max(glob.glob(os.path.join(out, "runs", "*.json")), key=os.path.getmtime)))
    m["ingest_s"] = manifest.get("stage_seconds", {}).get("ingest")
    m["ingest_cpu_s"] = manifest.get("stage_cpu_seconds", {}).get("ingest")
    m.update(jobs(ev))
    print(f"{name:34s} exit {m['exit']} wall {m['wall']:6.1f} cpu {m['cpu']:6.1f} ingest {m['ingest_s']} s "
          f"(cpu {m['ingest_cpu_s']}) jobs {m['jobs']} (ingest {m['ingest_jobs']}) load {m['load']}", flush=True)
    return m


def main():
    old, new, work, generated = (os.path.abspath(a) for a in sys.argv[1:5])
    rounds = int(sys.argv[5]) if len(sys.argv) > 5 else 2
    builds = {"old": old, "new": new}
    os.makedirs(os.path.join(work, "logs"), exist_ok=True)
    results = {"runs": []}

    def save(m):
        results["runs"].append(m)
        json.dump(results, open(os.path.join(work, "jobs_ab.json"), "w"), indent=1)

    for r in range(rounds):
        for b in (("old", "new") if r % 2 == 0 else ("new", "old")):
            save(run(builds[b], work, f"sample-{b}-{r}", os.path.join(HOME, "data-samples"), os.path.join(work, "out-sample"), LAST_DAY, True))

    night, day = os.path.join(work, "night"), os.path.join(work, "day")
    if not os.path.isdir(day):
        shutil.rmtree(night, ignore_errors=True)
        subprocess.run([sys.executable, os.path.join(HOME, "bench", "split_last_day.py"), generated, night, day + ".tmp", LAST_DAY], check=True)
        os.rename(day + ".tmp", day)
    for b in ("old", "new"):
        save(run(builds[b], work, f"first-night-{b}", night, os.path.join(work, f"out-{b}"), NIGHT_BEFORE, True))
    linked = []
    try:
        for p in sorted(glob.glob(os.path.join(day, "*", "*"))):
            target = os.path.join(night, os.path.basename(os.path.dirname(p)), os.path.basename(p))
            os.link(p, target)
            linked.append(target)
        for b in ("new", "old"):
            save(run(builds[b], work, f"one-new-day-{b}", night, os.path.join(work, f"out-{b}"), LAST_DAY, False))
    finally:
        for p in linked:
            os.unlink(p)


if __name__ == "__main__":
    main()
