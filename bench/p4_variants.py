"""P4 variants, interleaved in one script: the README's first command on the committed sample from a cold
JVM (build done), each variant run once per round in a rotating order, so a drift in the shared machine's
load hits every variant alike. Prints each run and the ratio of medians against the first variant.

  /usr/bin/python3 bench/p4_variants.py WORK ROUNDS NAME='JAVA_OPTS|--conf k=v ...|BUILD' ...

A variant is a name, extra JVM options, extra arguments to `gevinst run` and optionally a build: a folder
holding gevinst.jar, lib/ and jvm-options (copied from target/ after `mvn -DskipTests package`), so two builds
can be compared while the sources change; without one, target/'s build.
"""
import json
import os
import shutil
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import HOME, timed, heap  # noqa: E402


def run(work, name, java_opts, extra, build, i):
    out = os.path.join(work, f"p4v-out-{name}")
    shutil.rmtree(out, ignore_errors=True)
    gc_log = os.path.join(work, f"p4v-{name}-{i}.gc.log")
    build = build or os.path.join(HOME, "target")
    # What bin/gevinst runs, without its build check: a variant's build is fixed for the whole script.
    jvm = open(os.path.join(build, "jvm-options")).read().split()
    env = dict(os.environ, SPARK_LOCAL_IP="127.0.0.1")
    cmd = (["java"] + java_opts.split() + [f"-Xlog:gc:file={gc_log}"] + jvm
           + ["-cp", f"{build}/gevinst.jar:{build}/lib/*", "dk.gevinst.cli.Main", "run", "--config", os.path.join(HOME, "jobs", "nightly.yaml"),
              "--demo-key", "--out", out] + extra.split())
    with open(os.path.join(work, f"p4v-{name}-{i}.log"), "w") as log:
        m = timed(cmd, env, log)
    m.update(heap(gc_log))
    runs = os.path.join(out, "runs")
    manifest = json.load(open(os.path.join(runs, sorted(os.listdir(runs))[-1]))) if os.path.isdir(runs) else {}
    m.update(variant=name, stage_seconds=manifest.get("stage_seconds", {}), stage_cpu_seconds=manifest.get("stage_cpu_seconds", {}))
    print(f"p4 {name:14s} {m['wall']:7.1f} s wall {m['cpu']:7.1f} s cpu  load {m['load']:5.1f}  exit {m['exit']}", file=sys.stderr, flush=True)
    return m


def main():
    work, rounds = os.path.abspath(sys.argv[1]), int(sys.argv[2])
    variants = []
    for v in sys.argv[3:]:
        name, spec = v.split("=", 1)
        java_opts, extra, build = (spec.split("|") + ["", ""])[:3]
        variants.append((name, java_opts, extra, os.path.abspath(build) if build else ""))
    os.makedirs(work, exist_ok=True)
    results = []
    for r in range(rounds):
        for k in range(len(variants)):
            name, java_opts, extra, build = variants[(r + k) % len(variants)]
            results.append(run(work, name, java_opts, extra, build, r))
            json.dump(results, open(os.path.join(work, "p4-variants.json"), "w"), indent=1)
    base = variants[0][0]
    med = {n: {k: statistics.median(m[k] for m in results if m["variant"] == n) for k in ("wall", "cpu", "load")} for n, *_ in variants}
    for n, *_ in variants:
        print(f"{n:14s} median {med[n]['wall']:7.1f} s wall {med[n]['cpu']:7.1f} s cpu (load {med[n]['load']:.1f})  "
              f"ratio to {base}: wall {med[n]['wall'] / med[base]['wall']:.2f} cpu {med[n]['cpu'] / med[base]['cpu']:.2f}")


if __name__ == "__main__":
    main()
