"""Turns bench/harness.py's results.json into docs/benchmarks.md and a log-log plot of seconds against cases.

    report.py RESULTS_JSON BENCHMARKS_MD PLOT_PNG

Everything between the notes markers of an existing BENCHMARKS_MD is kept: that is where people write what
the numbers mean; the rest is regenerated from the results.
"""
import json
import math
import os
import statistics
import sys

NOTES_BEGIN = "<!-- notes: kept by bench/report.py when it rewrites this file -->"
NOTES_END = "<!-- end of notes -->"


def runs(results, part, what=None, cases=None):
    return [r for r in results["runs"] if r["part"] == part and (what is None or r["what"] == what)
            and (cases is None or r["cases"] == cases)]


def one(results, part, what, cases):
    found = runs(results, part, what, cases)
    return found[0] if found else None


def neighbours(results, run, what):
    """The DuckDB runs just before and after a Gevinst run, on the same size: its interleaved baseline."""
    i = results["runs"].index(run)
    near = [results["runs"][j] for j in (i - 1, i + 1) if 0 <= j < len(results["runs"])]
    return [r for r in near if r["part"] == run["part"] and r["cases"] == run["cases"] and r["what"] == what]


def fmt(x, digits=1):
    return "–" if x is None else f"{x:,.{digits}f}"


def verdict(ok):
    return "met" if ok else "**missed**"


def nights(results):
    sizes = sorted({r["cases"] for r in runs(results, "nights")})
    table, goals = [], []
    for n in sizes:
        first, again, new = (one(results, "nights", w, n) for w in ("first night", "nothing new", "one new day"))
        if not (first and again and new):
            continue
        duck_first = neighbours(results, first, "duckdb night before")
        duck_all = neighbours(results, new, "duckdb all days")
        d1 = statistics.mean(r["wall"] for r in duck_first)
        d2 = statistics.mean(r["wall"] for r in duck_all)
        data = results.get("data", {}).get(str(n), {})
        table.append((n, data, first, again, new, d1, d2, duck_first + duck_all))
        goals.append(("P1", f"first night ÷ DuckDB, {n:,} cases", first["wall"] / d1, 3.0, "≤ 3"))
        spark = comparable_spark(results, n)
        if spark:
            spark_to_duck = spark["wall"] / duck_mean(results, spark)
            goals.append(("", f"(DuckDB's query ported to Spark SQL ÷ DuckDB, {n:,} cases)", spark_to_duck, None, ""))
            goals.append(("", f"(first night ÷ that Spark SQL query, each against its DuckDB runs, {n:,} cases)",
                          first["wall"] / d1 / spark_to_duck, None, ""))
        goals.append(("P2", f"one new day ÷ first night, {n:,} cases", new["wall"] / first["wall"], 0.10, "≤ 0.10"))
        goals.append(("P2", f"one new day ÷ DuckDB on all files, {n:,} cases", new["wall"] / d2, 1.0, "≤ 1"))
    return table, goals


def slopes(table):
    if len(table) < 2:
        return []
    (n1, _, f1, _, w1, d1, _, _), (n2, _, f2, _, w2, d2, _, _) = table[0], table[-1]
    k = math.log(n2 / n1)
    return [("P3", f"log-log slope of the first night, {n1:,} to {n2:,} cases", math.log(f2["wall"] / f1["wall"]) / k, 1.05, "≤ 1.05"),
            ("P3", f"log-log slope of the one-new-day night, {n1:,} to {n2:,} cases", math.log(w2["wall"] / w1["wall"]) / k, 1.05, "≤ 1.05"),
            ("", f"(DuckDB's slope, for comparison)", math.log(d2 / d1) / k, None, "")] + segments(table)


def segments(table):
    """With more than two sizes, the slope of each step as well: where the growth bends shows in them."""
    out = []
    for (n1, _, f1, _, w1, _, _, _), (n2, _, f2, _, w2, _, _, _) in zip(table, table[1:]) if len(table) > 2 else []:
        k = math.log(n2 / n1)
        out.append(("", f"(first night {n1:,} to {n2:,} cases: {math.log(f2['wall'] / f1['wall']) / k:.2f}; "
                        f"one new day: {math.log(w2['wall'] / w1['wall']) / k:.2f})", None, None, ""))
    return out


def p5(results):
    r = {w: one(results, "p5", w, None) or next((x for x in runs(results, "p5") if x["what"] == w), None)
         for w in {x["what"] for x in runs(results, "p5")}}
    many = next((w.split(" first")[0] for w in r if w.endswith("first night") and not w.startswith("1 ")), None)
    if not many:
        return [], None
    out = []
    for night in ("first night", "ingested night"):
        a, b = r.get(f"1 pilot {night}"), r.get(f"{many} {night}")
        if a and b:
            out.append(("P5", f"{many} ÷ 1 pilot, {night}", b["wall"] / a["wall"], 2.0, "≤ 2"))
    return out, r


def duck_mean(results, run, key="wall"):
    """The mean wall (or query seconds) of the DuckDB night-before runs next to a run: its interleaved baseline."""
    return statistics.mean(r[key] for r in neighbours(results, run, "duckdb night before"))


def spark_agrees(a):
    """Whether the Spark SQL query computed exactly DuckDB's cells (an entry of results' spark_agreement)."""
    return a["equal"] == a["duckdb_cells"] == a["spark_cells"]


def comparable_spark(results, cases):
    """The Spark SQL query's run at a size, if it ran, has a DuckDB run beside it and computed DuckDB's cells."""
    run = one(results, "nights", "spark sql night before", cases)
    a = results.get("spark_agreement", {}).get(str(cases))
    same = a is not None and spark_agrees(a)
    return run if run and run["exit"] == 0 and same and neighbours(results, run, "duckdb night before") else None


def spark_reference(results):
    """DuckDB's query ported to Spark SQL and its reading alone, each against the DuckDB run beside it."""
    sizes = sorted({r["cases"] for r in runs(results, "nights", "spark sql night before")})
    if not sizes:
        return []
    out = ["## For reference: DuckDB's query in Spark SQL", "",
           "The DuckDB query of the nights above (bench/duckdb-cells.sql), ported line by line to Spark SQL",
           "(bench/SparkCellsScript.java): Spark's own CSV and JSON readers with each dialect's options, the same three",
           "windows, the same cells; Spark settings as Gevinst's (`local[*]`, 8 shuffle partitions), in a plain JVM without",
           "Gevinst's class-data archive. It reads only what the statistics need and checks, pseudonymises, masks,",
           "quarantines and keeps nothing: one plain port, not tuned, to show what Spark itself takes for the same",
           "statistics. Reading only: the same rows read and typed into Spark's `noop` sink, in a JVM of its own. Each runs",
           "on the first night's files right after (the query) or before (reading only) a DuckDB run, whose wall it is",
           "divided by.", "",
           "| cases | what | wall s | CPU s | in-JVM s | DuckDB wall s (query s) | ÷ DuckDB | Gevinst's first night ÷ this |",
           "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for n in sizes:
        first = one(results, "nights", "first night", n)
        first_to_duck = first["wall"] / duck_mean(results, first) if first and neighbours(results, first, "duckdb night before") else None
        for what, label, key in (("spark sql night before", "the query", "query"), ("spark sql reading only", "reading only", "read")):
            r = one(results, "nights", what, n)
            if not r or r["exit"] != 0 or not neighbours(results, r, "duckdb night before"):
                out.append(f"| {n:,} | {label} | did not run (exit {r['exit'] if r else '–'}) | | | | | |")
                continue
            d, dq = duck_mean(results, r), duck_mean(results, r, "query")
            ratio = r["wall"] / d
            gevinst = fmt(first_to_duck / ratio, 2) if first_to_duck else "–"
            out.append(f"| {n:,} | {label} | {fmt(r['wall'])} | {fmt(r['cpu'])} | {fmt(r.get(key))} | {fmt(d)} ({fmt(dq)}) "
                       f"| {fmt(ratio, 2)} | {gevinst} |")
    out += ["", "The last column divides Gevinst's first night by DuckDB's runs beside it, and this run by the DuckDB run",
            "beside it: a ratio of ratios, so each side is compared with runs made under the same load.", ""]
    for n, a in results.get("spark_agreement", {}).items():
        same = spark_agrees(a)
        out.append(f"At {int(n):,} cases {a['equal']:,} of DuckDB's {a['duckdb_cells']:,} cells have the same n, Σx and Σx² in Spark's"
                   f" {a['spark_cells']:,}" + ("." if same else ": **the cells differ, so its ratios above are left out of the goals table**."))
    return out + [""]


def plot(table, png):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.5), dpi=110)
    xs = [t[0] for t in table]
    series = [("Gevinst, first night", [t[2]["wall"] for t in table], "o-"),
              ("Gevinst, nothing new", [t[3]["wall"] for t in table], "s-"),
              ("Gevinst, one new day", [t[4]["wall"] for t in table], "^-"),
              ("DuckDB, from the raw files", [t[5] for t in table], "D--")]
    for label, ys, style in series:
        ax.plot(xs, ys, style, label=label)
    if xs:
        ref = table[0][2]["wall"]
        ax.plot(xs, [ref * x / xs[0] for x in xs], ":", color="grey", label="slope 1 (linear)")
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("cases")
    ax.set_ylabel("seconds (wall clock)")
    ax.set_title("Seconds against cases (log–log), one script")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8)
    fig.tight_layout()
    os.makedirs(os.path.dirname(png), exist_ok=True)
    fig.savefig(png)


def stage_table(results):
    stages = []
    for r in results["runs"]:
        for s in r.get("stage_seconds", {}):
            if s not in stages:
                stages.append(s)
    lines = ["| run | cases | " + " | ".join(stages) + " | wall | CPU |", "|---|---:|" + "---:|" * (len(stages) + 2)]
    for r in results["runs"]:
        if "stage_seconds" not in r:
            continue
        lines.append(f"| {r['part']}: {r['what']} | {r['cases']:,} | " + " | ".join(fmt(r["stage_seconds"].get(s)) for s in stages)
                     + f" | {fmt(r['wall'])} | {fmt(r['cpu'])} |")
    return lines


def render(results, png_rel, notes):
    m = results["machine"]
    table, goals = nights(results)
    goals += slopes(table)
    p5_goals, _ = p5(results)
    goals += p5_goals
    p4 = runs(results, "p4")
    biggest = table[-1] if table else None
    out = ["# Benchmarks", "",
           "Generated by `bin/benchmark` (bench/harness.py, then bench/report.py) from one run of the script; do not edit",
           "outside the notes section, which the next run keeps. The goals are issue 12's. Every ratio below compares runs",
           "made in the same script, interleaved (DuckDB runs just before and after each Gevinst night it is compared",
           "with), because the machine may be shared and absolute seconds then mean little. Wall-clock seconds include",
           "the JVM's start for both Gevinst and DuckDB; CPU is user + system seconds of the process.", "",
           "## Machine", "",
           f"{m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, {m['java']}, Linux {m['kernel']}. "
           f"Run {results['started']} to {results.get('finished', '?')}; load average at the start {m['load_at_start']} "
           f"(per run in the tables). DuckDB 2.0.0.1 (JDBC, 2 threads).", ""]
    out += ["## Goals", "", "| goal | measured | value | target | |", "|---|---|---:|---|---|"]
    for g, what, value, limit, target in goals:
        out.append(f"| {g} | {what} | {fmt(value, 2)} | {target} | {'' if limit is None else verdict(value <= limit)} |")
    if p4:
        walls = [r["wall"] for r in p4]
        out.append(f"| P4 | the README's first command on the sample, cold JVM: median of {len(walls)} (wall s) | {fmt(statistics.median(walls))} "
                   f"| ≤ 12 s | {verdict(statistics.median(walls) <= 12)} (load {', '.join(str(r['load']) for r in p4)}) |")
    if biggest:
        n = biggest[0]
        live = max(r.get("heap_live_mb", 0) for r in runs(results, "nights", cases=n) if "heap_live_mb" in r)
        peak = max(r.get("heap_peak_mb", 0) for r in runs(results, "nights", cases=n) if "heap_peak_mb" in r)
        # Local mode: one heap for the driver and Spark's execution and storage memory. The goal is the driver's,
        # which bench/driver-heap.sh measures on a standalone cluster (its result is in the notes).
        out.append(f"| heap | local mode, driver and executors in one heap: most live after a collection, {n:,} cases "
                   f"(peak in use before one: {peak:,} MB) | {live:,} MB | driver < 2048 MB "
                   f"| {'met' if live < 2048 else 'not the driver alone: see the notes (bench/driver-heap.sh)'} |")
    out += ["", "## Nights", "",
            "The generated municipality (`gevinst generate --seed 7 --cases N`, three export dialects) without its last",
            "day's exports is the first night (as of the day before); the same night is then run again with nothing new;",
            "then the last day's rows of cases, usage and technical metrics arrive as new files (one per system, in its",
            "dialect) and the next night runs. The sample's four specs (jobs/pilots/) are evaluated.", "",
            "| cases | case rows | raw MB | night | Gevinst wall s | CPU s | DuckDB wall s (query s) | ratio to DuckDB | ratio to first night |",
            "|---:|---:|---:|---|---:|---:|---:|---:|---:|"]
    for n, data, first, again, new, d1, d2, ducks in table:
        dq = statistics.mean(r["query"] for r in ducks if r["what"] == "duckdb night before")
        dq2 = statistics.mean(r["query"] for r in ducks if r["what"] == "duckdb all days")
        rows = data.get("case_rows")
        mb = data.get("raw_bytes", 0) / 1e6
        out.append(f"| {n:,} | {rows:,} | {mb:,.0f} | first | {fmt(first['wall'])} | {fmt(first['cpu'])} | {fmt(d1)} ({fmt(dq)}) | {fmt(first['wall'] / d1, 2)} | 1.00 |")
        out.append(f"| | | | nothing new | {fmt(again['wall'])} | {fmt(again['cpu'])} | | {fmt(again['wall'] / d1, 2)} | {fmt(again['wall'] / first['wall'], 2)} |")
        out.append(f"| | +{data.get('day_rows', 0):,} | | one new day | {fmt(new['wall'])} | {fmt(new['cpu'])} | {fmt(d2)} ({fmt(dq2)}) | {fmt(new['wall'] / d2, 2)} | {fmt(new['wall'] / first['wall'], 2)} |")
    out += ["", f"![Seconds against cases, log-log]({png_rel})", ""]
    agreement = results.get("agreement", {})
    if agreement:
        out += ["**Same statistics.** After the one-new-day night, every unsuppressed day cell of a case indicator that",
                "Gevinst published (`tables/cell_stats`) is compared with DuckDB's cell for the same unit, day and indicator:"]
        for n, a in agreement.items():
            out.append(f"at {int(n):,} cases {a.get('equal', 0):,} of {a.get('gevinst_cells', 0):,} cells have the same n, Σx and Σx² "
                       f"({a.get('found_in_duckdb', 0):,} found).")
        out.append("")
    out += spark_reference(results)
    if p5_goals:
        out += [f"## {results['args']['pilots']} pilots against one (P5)", "",
                f"On the {results['args']['p5_cases']:,}-case first night's files, `bench/pilots.py` writes {results['args']['pilots']} specs: the three",
                "sample pilots with their own ids, their pilot unit rotated within the case system and their start moved by up",
                f"to four weeks. One pilot is `sagsoverblik`. Runs in the order 1, {results['args']['pilots']}, {results['args']['pilots']}, 1.", "",
                "| night | pilots | wall s | CPU s | cells s | evaluation s | tables s |", "|---|---:|---:|---:|---:|---:|---:|"]
        for r in runs(results, "p5"):
            s = r.get("stage_seconds", {})
            out.append(f"| {r['what']} | {r['what'].split(' ')[0]} | {fmt(r['wall'])} | {fmt(r['cpu'])} | {fmt(s.get('cells'))} | {fmt(s.get('evaluation'))} | {fmt(s.get('tables'))} |")
        out.append("")
    out += ["## Stage seconds", "", "From each run's manifest (`runs/<run_id>.json`, `stage_seconds`). Wall and CPU are the whole process.", ""]
    out += stage_table(results)
    out += ["", "## Notes", "", NOTES_BEGIN, notes.strip("\n") if notes else "", NOTES_END, ""]
    return "\n".join(out)


def main(results_json, md, png):
    results = json.load(open(results_json))
    notes = ""
    if os.path.exists(md):
        text = open(md, encoding="utf-8").read()
        if NOTES_BEGIN in text and NOTES_END in text:
            notes = text.split(NOTES_BEGIN, 1)[1].split(NOTES_END, 1)[0]
    table, _ = nights(results)
    if table:
        plot(table, png)
    # Render before opening the file: a failed render must not truncate it and lose the kept notes.
    page = render(results, os.path.relpath(png, os.path.dirname(md)), notes)
    with open(md, "w", encoding="utf-8") as f:
        f.write(page)
    print(f"report: {md}" + (f", {png}" if table else ""))


if __name__ == "__main__":
    main(*sys.argv[1:4])
