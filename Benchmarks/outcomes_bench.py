#!/usr/bin/env python3
"""The outcome report at scale, beside the same computation in DuckDB, in one run.

1. A demo clinic (`tenderpoint demo --patients N --seed S`, timed) in a data directory — or an
   existing one with --data-dir.
2. `tenderpoint report --json --csv cycles.csv --timing`: Tenderpoint reads every session, diary
   entry and assessment, fits each session's response curve and counts the report (timed from
   outside, and the command's own split: read and fit / count).
3. DuckDB on the exported cycles.csv: the same responder rates with Wilson intervals, the
   Kaplan–Meier curve, median and its interval, and a per-product, per-dose-band aggregation of
   the cycles, in SQL (timed: load, then queries).
4. The two answers are compared (they must agree to 1e-9) and both times printed.

The two computations are not the same amount of work: Tenderpoint starts from the raw records
(millions of diary entries) and fits a curve per session; DuckDB starts from the per-cycle rows
that step produced. Both numbers are reported for what they are.

Usage: Benchmarks/outcomes_bench.py [--binary .build/release/tenderpoint] [--patients 50000]
       [--seed 1] [--data-dir DIR] [--runs 3]
Needs the Python packages duckdb (e2e/requirements.txt installs it into .venv).
"""
import argparse
import json
import math
import os
import pathlib
import re
import subprocess
import sys
import tempfile
import time

import duckdb

ROOT = pathlib.Path(__file__).resolve().parent.parent
Z95 = 1.959963984540054


def run(binary, arguments, data_dir):
    environment = dict(os.environ, TENDERPOINT_DATA_DIR=str(data_dir), LOG_LEVEL="warning")
    started = time.perf_counter()
    result = subprocess.run([str(binary)] + arguments, env=environment, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"{' '.join(arguments)} failed ({result.returncode}): {result.stderr[-2000:]}")
    return result, elapsed


def duckdb_report(csv_path):
    """Loads the CSV and computes the report's figures in SQL; returns (figures, load s, query s)."""
    connection = duckdb.connect()
    started = time.perf_counter()
    connection.execute(f"""
        CREATE TABLE cycles AS SELECT * FROM read_csv('{csv_path}', header = true, all_varchar = true)""")
    # Exact decimals, as the core compares them (3 → 2.1 is exactly 30 %).
    connection.execute("""
        CREATE TABLE typed AS SELECT patientId, sessionId, sessionDate::DATE AS sessionDate, product,
            totalUnits::DECIMAL(10, 1) AS totalUnits,
            NULLIF(baselineNRS, '')::DECIMAL(38, 20) AS baseline,
            NULLIF(week3NRS, '')::DECIMAL(38, 20) AS week3,
            NULLIF(week12NRS, '')::DECIMAL(38, 20) AS week12,
            NULLIF(benefitDays, '')::INTEGER AS benefitDays, NULLIF(event, '')::INTEGER AS event
        FROM cycles""")
    loaded = time.perf_counter()

    figures = {}
    figures["patients"], figures["sessions"] = connection.execute(
        "SELECT COUNT(DISTINCT patientId), COUNT(*) FROM typed").fetchone()
    for week in ("week3", "week12"):
        evaluated, at30, at50 = connection.execute(f"""
            SELECT COUNT(*),
                   COUNT(*) FILTER (WHERE (baseline - {week}) * 100 >= 30 * baseline),
                   COUNT(*) FILTER (WHERE (baseline - {week}) * 100 >= 50 * baseline)
            FROM typed WHERE baseline > 0 AND {week} IS NOT NULL""").fetchone()
        figures[week] = {"evaluated": evaluated}
        for key, k in (("atLeast30", at30), ("atLeast50", at50)):
            # The Wilson score interval in SQL (0 and 1 exactly at k = 0 and k = n, as scipy).
            low, high = connection.execute(f"""
                SELECT CASE WHEN k = 0 THEN 0 ELSE (2 * k + z * z) / (2 * (n + z * z))
                            - z * sqrt(4 * k * (n - k) / n + z * z) / (2 * (n + z * z)) END,
                       CASE WHEN k = n THEN 1 ELSE (2 * k + z * z) / (2 * (n + z * z))
                            + z * sqrt(4 * k * (n - k) / n + z * z) / (2 * (n + z * z)) END
                FROM (SELECT {k}::DOUBLE AS k, {evaluated}::DOUBLE AS n, {Z95} AS z)""").fetchone() if evaluated else (None, None)
            figures[week][key] = {"count": k, "ci95": [low, high]}

    # Kaplan–Meier: at each distinct time, at risk = everyone with a time ≥ it; the product of
    # (n − d) ÷ n over event times as a running sum of logs; Greenwood; the log-log band.
    km = connection.execute(f"""
        WITH times AS (
            SELECT benefitDays AS t, COUNT(*) AS leaving, SUM(event) AS d
            FROM typed WHERE benefitDays IS NOT NULL GROUP BY benefitDays),
        risk AS (
            SELECT t, d, SUM(leaving) OVER (ORDER BY t DESC) AS n FROM times),
        steps AS (
            SELECT t, d, n,
                   EXP(SUM(LN((n - d)::DOUBLE / n)) OVER (ORDER BY t)) AS s,
                   SUM(CASE WHEN n > d THEN d::DOUBLE / (n * (n - d)) ELSE 0 END) OVER (ORDER BY t) AS v
            FROM risk WHERE d > 0 AND n > d),
        band AS (
            SELECT t, d, n, s,
                   EXP(-EXP(LN(-LN(s)) - {Z95} * SQRT(v) / LN(s))) AS lower95,
                   EXP(-EXP(LN(-LN(s)) + {Z95} * SQRT(v) / LN(s))) AS upper95
            FROM steps)
        SELECT list(t ORDER BY t), list(s ORDER BY t), list(lower95 ORDER BY t), list(upper95 ORDER BY t),
               MIN(t) FILTER (WHERE s <= 0.5 + 1e-12), MIN(t) FILTER (WHERE lower95 <= 0.5 + 1e-12),
               MIN(t) FILTER (WHERE upper95 <= 0.5 + 1e-12)
        FROM band""").fetchone()
    figures["km"] = {"times": km[0] or [], "survival": km[1] or [], "lower95": km[2] or [], "upper95": km[3] or [],
                     "median": km[4], "medianCI95": [km[5], km[6]]}
    # A survival of 0 (everyone left has worn off) has no log: those steps are added by hand.
    zero = connection.execute("""
        WITH times AS (SELECT benefitDays AS t, COUNT(*) AS leaving, SUM(event) AS d
                       FROM typed WHERE benefitDays IS NOT NULL GROUP BY benefitDays),
             risk AS (SELECT t, d, SUM(leaving) OVER (ORDER BY t DESC) AS n FROM times)
        SELECT MIN(t) FROM risk WHERE d > 0 AND n = d""").fetchone()[0]
    if zero is not None:
        figures["km"]["times"].append(zero)
        figures["km"]["survival"].append(0.0)
        figures["km"]["lower95"].append(0.0)
        figures["km"]["upper95"].append(0.0)
        figures["km"]["median"] = figures["km"]["median"] or zero

    # The per-cycle aggregation a clinic would ask for: per product and 50-U dose band.
    figures["byProductAndDose"] = connection.execute("""
        SELECT product, FLOOR(totalUnits / 50) * 50 AS band, COUNT(*) AS sessions,
               AVG(baseline::DOUBLE) AS meanBaseline, AVG(week3::DOUBLE) AS meanWeek3,
               AVG(CASE WHEN baseline > 0 AND week3 IS NOT NULL
                        THEN CASE WHEN (baseline - week3) * 100 >= 30 * baseline THEN 1.0 ELSE 0.0 END END) AS week3Rate,
               AVG(benefitDays) FILTER (WHERE event = 1) AS meanObservedBenefit
        FROM typed GROUP BY ALL ORDER BY ALL""").fetchall()
    queried = time.perf_counter()
    return figures, loaded - started, queried - loaded


def compare(report, figures):
    """Differences between Tenderpoint's report and DuckDB's figures (empty when they agree)."""
    problems = []

    def same(a, b, what):
        if a is None or b is None:
            if not (a is None and b is None):
                problems.append(f"{what}: {a} vs {b}")
        elif abs(float(a) - float(b)) > 1e-9:
            problems.append(f"{what}: {a} vs {b}")

    same(report["patients"], figures["patients"], "patients")
    same(report["sessions"], figures["sessions"], "sessions")
    for week in ("week3", "week12"):
        same(report["responders"][week]["evaluated"], figures[week]["evaluated"], f"{week} evaluated")
        for key in ("atLeast30", "atLeast50"):
            ours, theirs = report["responders"][week][key], figures[week][key]
            same(ours["count"], theirs["count"], f"{week} {key} count")
            for index in (0, 1):
                same(ours["ci95"][index], theirs["ci95"][index], f"{week} {key} ci95[{index}]")
    km, theirs = report["kaplanMeier"], figures["km"]
    if len(km["times"]) != len(theirs["times"]):
        problems.append(f"KM times: {len(km['times'])} vs {len(theirs['times'])}")
    else:
        for key in ("times", "survival", "lower95", "upper95"):
            for index, (a, b) in enumerate(zip(km[key], theirs[key])):
                same(a, b, f"KM {key}[{index}]")
    same(km["median"], theirs["median"], "KM median")
    same(km["medianCI95"][0], theirs["medianCI95"][0], "KM median CI lower")
    same(km["medianCI95"][1], theirs["medianCI95"][1], "KM median CI upper")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "tenderpoint"))
    parser.add_argument("--patients", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data-dir", help="a data directory that already holds a demo clinic (kept)")
    parser.add_argument("--runs", type=int, default=3, help="report runs; the fastest is reported")
    arguments = parser.parse_args()
    binary = pathlib.Path(arguments.binary)
    if not binary.exists():
        sys.exit(f"{binary} is missing: swift build -c release --product tenderpoint")

    temporary = None
    if arguments.data_dir:
        data_dir = pathlib.Path(arguments.data_dir)
    else:
        temporary = tempfile.TemporaryDirectory(prefix="tenderpoint-bench-")
        data_dir = pathlib.Path(temporary.name)
    lines = [f"Outcome report benchmark ({os.cpu_count()} cores, binary {binary})"]
    if not (data_dir / "tenderpoint.sqlite").exists():
        result, elapsed = run(binary, ["demo", "--patients", str(arguments.patients), "--seed", str(arguments.seed)], data_dir)
        lines.append(f"demo --patients {arguments.patients}: {elapsed:.1f} s — {result.stdout.strip().splitlines()[-1][:160]}")
    size = sum(path.stat().st_size for path in data_dir.glob("tenderpoint.sqlite*"))
    lines.append(f"database: {size / 1e9:.2f} GB in {data_dir}")

    csv_path = data_dir / "cycles.csv"
    best = None
    for _ in range(max(1, arguments.runs)):
        result, elapsed = run(binary, ["report", "--json", "--csv", str(csv_path), "--timing"], data_dir)
        timing = re.search(r"read and fit ([\d.]+) s .*count ([\d.]+) s, total ([\d.]+) s", result.stderr)
        if best is None or elapsed < best[0]:
            best = (elapsed, timing.groups() if timing else None, json.loads(result.stdout))
    elapsed, split, report = best
    lines.append(f"Tenderpoint report: {elapsed:.2f} s wall clock for the command (best of {arguments.runs}); "
                 + (f"inside: read and fit {split[0]} s, count {split[1]} s" if split else "no timing line"))
    lines.append(f"  {report['sessions']} sessions of {report['patients']} patients; KM median "
                 f"{report['kaplanMeier']['median']} days, CI {report['kaplanMeier']['medianCI95']}")

    runs = []
    for _ in range(max(1, arguments.runs)):
        figures, load, query = duckdb_report(csv_path)
        runs.append((load + query, load, query, figures))
    total, load, query, figures = min(runs, key=lambda entry: entry[0])
    lines.append(f"DuckDB {duckdb.__version__} on cycles.csv ({csv_path.stat().st_size / 1e6:.1f} MB): "
                 f"{total:.3f} s (load {load:.3f} s, queries {query:.3f} s; best of {arguments.runs})")
    problems = compare(report, figures)
    lines.append("agreement: " + ("every figure within 1e-9" if not problems else f"{len(problems)} differences: {problems[:5]}"))
    print("\n".join(lines))
    if temporary:
        temporary.cleanup()
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
