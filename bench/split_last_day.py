"""Splits a generated data root into what had arrived by the night before DAY and DAY's own exports.

The generator writes monthly files. A real system exports every night, so the benchmark's "one new day"
is DAY's rows of cases, usage and technical metrics, moved out of their monthly files into new files
(same dialect, encoding, line endings and header; ydelse-2026-11.csv gives ydelse-2026-11-27.csv). Everything else is hard-linked.

    split_last_day.py GENERATED NIGHT DAY_FILES DAY
"""
import csv
import io
import json
import os
import sys

# Which column dates a row, per source folder; sources not listed (surveys, costs) are left whole.
DAY_COLUMN = {"cases": "updated_at", "usage": "day", "tech_metrics": "day"}


def dialect(raw):
    """Encoding and separator the way the exports come: UTF-8 (maybe with BOM) or Windows-1252, ',' or ';'."""
    try:
        text = raw.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text, encoding = raw.decode("cp1252"), "cp1252"
    header = text.lstrip("\ufeff").split("\n", 1)[0]
    return encoding, (";" if header.count(";") > header.count(",") else ",")


def row_day(line_bytes, encoding, sep, header, column, jsonl):
    text = line_bytes.decode(encoding).rstrip("\r\n")
    try:
        if jsonl:
            value = json.loads(text).get(column)
        else:
            fields = next(csv.reader(io.StringIO(text), delimiter=sep))
            if len(fields) != len(header):
                return None
            value = fields[header.index(column)]
        return (value or "")[:10]
    except (ValueError, StopIteration, AttributeError):
        return None


def split(path, night_path, day_path, column, day):
    raw = open(path, "rb").read()
    lines = raw.splitlines(keepends=True)
    jsonl = path.endswith(".jsonl")
    encoding, sep = ("utf-8", ",") if jsonl else dialect(raw)
    header = None if jsonl else next(csv.reader(io.StringIO(lines[0].decode(encoding).lstrip("\ufeff").rstrip("\r\n")), delimiter=sep))
    body = lines if jsonl else lines[1:]
    keep, move = [], []
    for line in body:
        (move if row_day(line, encoding, sep, header, column, jsonl) == day else keep).append(line)
    if not move:
        os.link(path, night_path)
        return 0
    head = [] if jsonl else [lines[0]]
    with open(night_path, "wb") as f:
        f.writelines(head + keep)
    with open(day_path, "wb") as f:
        f.writelines(head + move)
    return len(move)


def main(generated, night, day_files, day):
    moved = 0
    for folder in sorted(os.listdir(generated)):
        os.makedirs(os.path.join(night, folder), exist_ok=True)
        for name in sorted(os.listdir(os.path.join(generated, folder))):
            src = os.path.join(generated, folder, name)
            stem, ext = os.path.splitext(name)
            stem = stem[: -len(day[:7])] + day if stem.endswith(day[:7]) else stem + "-" + day
            if folder in DAY_COLUMN:
                os.makedirs(os.path.join(day_files, folder), exist_ok=True)
                moved += split(src, os.path.join(night, folder, name), os.path.join(day_files, folder, f"{stem}{ext}"), DAY_COLUMN[folder], day)
            else:
                os.link(src, os.path.join(night, folder, name))
    print(f"split: {moved} rows of {day} moved into {sum(len(f) for _, _, f in os.walk(day_files))} new files")


if __name__ == "__main__":
    main(*sys.argv[1:5])
