"""Writes N pilot specs over the generated municipality's units, for the benchmark's 200-pilot night (P5).

Each spec is one of the sample's single pilots (jobs/pilots/; the comparison is left out) with its own id, its pilot unit rotated among the
units of the same case system (the other two are the controls) and its start moved by whole weeks, so
the pilots differ in the cells they need but not in kind. The data lake's technical metric is reported for
the data lake alone, so the copies leave it out. Also writes costs for the copies (the template's lines).

    pilots.py N SAMPLE_PILOTS SAMPLE_COSTS OUT_PILOTS OUT_COSTS_CSV
"""
import csv
import datetime
import os
import re
import sys

# Three of the generated municipality's units per case system (generate.Scenario), one pilot and two controls per copy as
# in every run since session 22: a unit without rows would leave its copies unevaluated (unit_without_data), and the
# 200-pilot night would then time less work than it names.
SYSTEMS = [
    ["Ydelse Nord", "Ydelse Syd", "Ydelse Vest"],
    ["Jobcenter Øst", "Jobcenter Vest", "Jobcenter Midt"],
    ["Borgerservice Aulum", "Borgerservice Herning", "Borgerservice Sunds"],
]


def quoted(units):
    return "[" + ", ".join('"' + u + '"' for u in units) + "]"


def shift(text, key, weeks):
    def move(m):
        day = datetime.date.fromisoformat(m.group(2)) + datetime.timedelta(weeks=weeks)
        return f"{m.group(1)}{day.isoformat()}"
    return re.sub(rf"^({key}: )(\d{{4}}-\d{{2}}-\d{{2}})", move, text, flags=re.M)


def copy(template, pilot_id, n):
    text = re.sub(r"^id: .*$", f"id: {pilot_id}", template, flags=re.M)
    text = re.sub(r"^\s*query_seconds:.*\n", "", text, flags=re.M)
    pilot_line = re.search(r"^  pilot: \[\"([^\"]+)\"", text, flags=re.M).group(1)
    units = next(s for s in SYSTEMS if pilot_line in s)
    k = (units.index(pilot_line) + n) % 3
    text = re.sub(r"^  pilot: .*$", f"  pilot: {quoted([units[k]])}", text, flags=re.M)
    text = re.sub(r"^  control: .*$", f"  control: {quoted([u for u in units if u != units[k]])}", text, flags=re.M)
    # Move start and end together, by 0 to 4 weeks earlier; the baseline stays.
    weeks = -((n // 3) % 5)
    return shift(shift(text, "start", weeks), "end", weeks)


def main(count, sample_pilots, sample_costs, out_pilots, out_costs):
    names = sorted(f for f in os.listdir(sample_pilots) if f.endswith(".yaml"))
    templates = {os.path.splitext(f)[0]: open(os.path.join(sample_pilots, f), encoding="utf-8").read() for f in names}
    # A comparison (candidates instead of a pilot arm) has no pilot unit to rotate: only the single pilots are copied.
    templates = {k: t for k, t in templates.items() if re.search(r"^  pilot: ", t, flags=re.M)}
    costs = list(csv.DictReader(open(sample_costs, encoding="utf-8-sig")))
    os.makedirs(out_pilots, exist_ok=True)
    rows = []
    for n in range(int(count)):
        base = list(templates)[n % len(templates)]
        pilot_id = f"{base}-{n:03d}"
        with open(os.path.join(out_pilots, pilot_id + ".yaml"), "w", encoding="utf-8") as f:
            f.write(copy(templates[base], pilot_id, n))
        rows += [dict(c, pilot_id=pilot_id) for c in costs if c["pilot_id"] == base]
    with open(out_costs, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(costs[0]), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"pilots: {count} specs in {out_pilots}, {len(rows)} cost lines in {out_costs}")


if __name__ == "__main__":
    main(*sys.argv[1:6])
