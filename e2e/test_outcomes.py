"""The outcome report against independent oracles: the Kaplan–Meier estimate, its median and the
median's confidence interval recomputed with lifelines, the responder rates and their Wilson
intervals with scipy — all from the per-cycle CSV the server exports, on a fresh demo clinic of a
few hundred patients. Agreement to 1e-6 (API-CONTRACT.md: the report is computed from exactly
these rows)."""
import csv
import io
import math
import os
import subprocess
import tempfile
import time
from datetime import date
from decimal import Decimal

import pytest
import requests
from lifelines import KaplanMeierFitter
from lifelines.utils import median_survival_times
from scipy.stats import binomtest

from conftest import free_port

PATIENTS = 300
HEADER = ["patientId", "sessionId", "sessionDate", "product", "totalUnits", "baselineNRS", "week3NRS", "week12NRS",
          "benefitDays", "event"]
TOLERANCE = 1e-6


@pytest.fixture(scope="module")
def clinic(binary):
    """A server on a demo clinic of PATIENTS patients, and a clinician's bearer header."""
    with tempfile.TemporaryDirectory(prefix="tenderpoint-outcomes-") as data:
        environment = dict(os.environ, TENDERPOINT_DATA_DIR=data, LOG_LEVEL="warning")
        subprocess.run([str(binary), "demo", "--patients", str(PATIENTS), "--seed", "11"], env=environment, check=True,
                       capture_output=True, timeout=900)
        port = free_port()
        process = subprocess.Popen([str(binary), "serve", "--port", str(port)], env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if requests.get(base + "/health", timeout=1).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.3)
        else:
            process.kill()
            pytest.fail("server did not start: " + process.stderr.read().decode()[-2000:])
        token = requests.post(base + "/api/auth/token", json={"username": "dr.okafor", "password": "clinician-demo-1"},
                              timeout=10).json()["token"]
        yield base, {"Authorization": f"Bearer {token}"}
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def download(clinic, query=""):
    base, headers = clinic
    text = requests.get(f"{base}/api/reports/outcomes/cycles.csv{query}", headers=headers, timeout=300)
    assert text.status_code == 200, text.text
    assert text.headers["Content-Type"].startswith("text/csv")
    report = requests.get(f"{base}/api/reports/outcomes{query}", headers=headers, timeout=300)
    assert report.status_code == 200, report.text
    reader = csv.reader(io.StringIO(text.text))
    assert next(reader) == HEADER
    return list(reader), report.json()


def responder(baseline: str, value: str, percent: int) -> bool:
    """IMMPACT on the decimals as written (the core's rule): (b − v) × 100 ≥ percent × b."""
    b, v = Decimal(baseline), Decimal(value)
    return (b - v) * 100 >= percent * b


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE


def finite_or_none(value):
    return None if math.isinf(value) or math.isnan(value) else float(value)


def check_responders(rows, report):
    for week, column in (("week3", 6), ("week12", 7)):
        evaluated = [row for row in rows if row[5] and row[column] and Decimal(row[5]) > 0]
        figures = report["responders"][week]
        assert figures["evaluated"] == len(evaluated)
        for threshold, key in ((30, "atLeast30"), (50, "atLeast50")):
            k = sum(responder(row[5], row[column], threshold) for row in evaluated)
            figure = figures[key]
            assert figure["n"] == len(evaluated) and figure["count"] == k
            if not evaluated:
                assert figure["rate"] is None and figure["ci95"] == [None, None]
                continue
            interval = binomtest(k, len(evaluated)).proportion_ci(confidence_level=0.95, method="wilson")
            assert close(figure["rate"], k / len(evaluated))
            assert close(figure["ci95"][0], interval.low), (week, key, figure, interval)
            assert close(figure["ci95"][1], interval.high), (week, key, figure, interval)


def check_kaplan_meier(rows, report):
    cycles = [row for row in rows if row[8]]
    assert all(row[9] in ("0", "1") for row in cycles)
    assert all(row[9] == "" for row in rows if not row[8])
    km = report["kaplanMeier"]
    assert km["cycles"] == len(cycles)
    assert km["wearOffs"] == sum(row[9] == "1" for row in cycles)
    assert km["censored"] == sum(row[9] == "0" for row in cycles)
    assert cycles, "the demo clinic should have responding sessions"
    fitter = KaplanMeierFitter().fit([int(row[8]) for row in cycles], [int(row[9]) for row in cycles], alpha=0.05)
    table = fitter.event_table
    event_times = [float(t) for t in table.index if table.loc[t, "observed"] > 0]
    assert km["times"] == event_times
    survival = fitter.survival_function_["KM_estimate"]
    lower = fitter.confidence_interval_.iloc[:, 0]
    upper = fitter.confidence_interval_.iloc[:, 1]
    for index, moment in enumerate(event_times):
        assert close(km["survival"][index], survival.loc[moment]), moment
        assert close(km["lower95"][index], lower.loc[moment]), moment
        assert close(km["upper95"][index], upper.loc[moment]), moment
        assert km["atRisk"][index] == int(table.loc[moment, "at_risk"])
    assert close(km["median"], finite_or_none(fitter.median_survival_time_))
    interval = median_survival_times(fitter.confidence_interval_)
    assert close(km["medianCI95"][0], finite_or_none(interval.iloc[0, 0])), (km["medianCI95"], interval)
    assert close(km["medianCI95"][1], finite_or_none(interval.iloc[0, 1])), (km["medianCI95"], interval)
    return fitter


def check_adverse_events(report):
    """Every count adds up across severities, kinds and sources (clinic-recorded and patient-reported)."""
    adverse = report["adverseEvents"]
    severities = adverse["bySeverity"]
    assert sum(severities[key] for key in ("mild", "moderate", "severe", "notYetAssessed")) == adverse["events"]
    sources = adverse["bySource"]
    assert sources["clinician"]["events"] + sources["patient"]["events"] == adverse["events"]
    assert sources["clinician"]["serious"] + sources["patient"]["serious"] == adverse["serious"]
    assert sum(kind["events"] for kind in adverse["byKind"]) == adverse["events"]
    for kind in adverse["byKind"]:
        assert kind["bySource"]["clinician"] + kind["bySource"]["patient"] == kind["events"]
    for figure in [sources["clinician"]["sessions"], sources["patient"]["sessions"]]:
        assert figure["n"] == adverse["sessions"] and 0 <= figure["count"] <= adverse["sessionsWithAny"]["count"]


def test_the_report_is_recomputed_from_the_csv_with_lifelines_and_scipy(clinic):
    rows, report = download(clinic)
    assert report["label"] == "observed in this clinic (uncontrolled)"
    assert report["sessions"] == len(rows) > PATIENTS
    assert report["patients"] == len({row[0] for row in rows})
    assert len({row[1] for row in rows}) == len(rows), "one row per session"
    check_responders(rows, report)
    check_adverse_events(report)
    fitter = check_kaplan_meier(rows, report)
    # The demo's benefit lasts about 3 months: the median is a plausible number of days.
    assert report["kaplanMeier"]["median"] is not None and 56 <= report["kaplanMeier"]["median"] <= 120
    assert fitter.event_observed.sum() > 20


def test_a_filtered_report_matches_its_own_rows(clinic):
    all_rows, _ = download(clinic)
    dates = sorted(row[2] for row in all_rows)
    middle = dates[len(dates) // 2]
    query = f"?from={middle}&product=onabotulinumtoxinA"
    rows, report = download(clinic, query)
    assert rows and all(row[2] >= middle and row[3] == "onabotulinumtoxinA" for row in rows)
    assert report["sessions"] == len(rows)
    assert report["filters"]["from"] == middle
    check_responders(rows, report)
    check_kaplan_meier(rows, report)


def test_a_patients_outcomes_agree_with_their_rows(clinic):
    base, headers = clinic
    rows, _ = download(clinic)
    patient = next(row[0] for row in rows if row[8])
    mine = [row for row in rows if row[0] == patient]
    answer = requests.get(f"{base}/api/patients/{patient}/outcomes", headers=headers, timeout=60)
    assert answer.status_code == 200, answer.text
    outcomes = answer.json()
    cycles = {cycle["sessionId"]: cycle for cycle in outcomes["cycles"]}
    for row in mine:
        cycle = cycles[row[1]]
        assert cycle["sessionDate"] == row[2]
        assert (str(cycle["week3NRS"]["value"]) if cycle["week3NRS"] else "").removesuffix(".0") == row[6]
        benefit = cycle["curve"].get("benefit")
        assert (str(benefit["days"]) if benefit else "") == row[8]
    # A responding cycle was observed (a benefit row): a prediction, unless the primary flag is raised.
    withheld = outcomes["predictionWithheld"]
    prediction = outcomes["prediction"]
    if outcomes["nonResponse"]["primary"] is not None:
        assert prediction is None and withheld["reason"] == "primaryNonResponse"
        return
    assert withheld is None
    last = max(row[2] for row in mine)
    assert prediction["lastSessionDate"] == last
    # Never before the 84-day minimum interval, never after the 16-week window.
    gap = (date.fromisoformat(prediction["recommendedDate"]) - date.fromisoformat(last)).days
    assert 84 <= gap <= 112


def test_no_prediction_without_a_response(clinic):
    """A patient none of whose cycles shows a response (no benefit row, no week-3 responder) gets nulls and the reason."""
    base, headers = clinic
    rows, _ = download(clinic)
    by_patient = {}
    for row in rows:
        by_patient.setdefault(row[0], []).append(row)
    candidates = [patient for patient, mine in by_patient.items()
                  if not any(row[8] for row in mine) and not any(row[5] and row[6] and responder(row[5], row[6], 30) for row in mine)]
    assert candidates, "the demo clinic should have a patient without any response"
    outcomes = requests.get(f"{base}/api/patients/{candidates[0]}/outcomes", headers=headers, timeout=60).json()
    assert outcomes["prediction"] is None
    withheld = outcomes["predictionWithheld"]
    assert withheld["reason"] in ("primaryNonResponse", "noResponseObserved")
    assert withheld["message"].startswith("No response observed in ") and withheld["message"].endswith(": review whether to continue.")


def test_the_terminal_report(binary, tmp_path):
    # The command line reads the same kind of clinic: a small one of its own.
    environment = dict(os.environ, TENDERPOINT_DATA_DIR=str(tmp_path), LOG_LEVEL="warning")
    subprocess.run([str(binary), "demo", "--patients", "40", "--seed", "3"], env=environment, check=True,
                   capture_output=True, timeout=300)
    csv_path = tmp_path / "cycles.csv"
    result = subprocess.run([str(binary), "report", "--csv", str(csv_path)], env=environment, check=True,
                            capture_output=True, text=True, timeout=300)
    assert "Outcome report — observed in this clinic (uncontrolled)" in result.stdout
    assert "median" in result.stdout and "Responders" in result.stdout
    rows = list(csv.reader(csv_path.open()))
    assert rows[0] == HEADER and len(rows) > 40
    refused = subprocess.run([str(binary), "report", "--product", "botox"], env=environment, capture_output=True, text=True)
    assert refused.returncode == 2 and "product" in refused.stderr
