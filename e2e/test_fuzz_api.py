"""schemathesis fuzzes every operation of docs/openapi.yaml against the real binary, once as a
clinician, once as a patient and once as the admin (issue 11; the admin reaches the clinic
settings and the audit trail, which answer only 403 to the other two). The run fails on any 5xx, any status code the spec
does not document for that operation, any answer whose body breaks the documented schema or whose
Content-Type is not the documented one, and any undeclared method on a known path that is not
answered 405 with an `Allow` header.

Bounded and reproducible: a fixed seed, a few examples per operation, one worker (2 cores), a
request timeout. The server is our own (`serve --demo` on a temporary data directory), not the
shared `demo_server`: fuzzing writes (patients, sessions, vials, settings attempts) that would
change what the other e2e tests see.

Path identifiers: a dictionary of real ones (patient1's record, its sessions, assessments,
conditions, consents and adverse events; a vial, an appointment, a practitioner, a product) is
used for most draws, so the operations are reached past their 404; the rest are generated (random
UUIDs and broken values), so "not found" and "malformed id" answers are fuzzed too.

Skipped operations: none. The API has no operation that deactivates or locks the signed-in user
(accounts are managed on the /admin pages); `POST /api/auth/token` is fuzzed with generated
usernames, which never name a demo login, so no demo account is locked.

Run alone: `.venv/bin/python -m pytest -q e2e/test_fuzz_api.py -s` prints the operations and cases.
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time

import pytest
import requests

from conftest import ROOT, running_server

SPEC = ROOT / "docs" / "openapi.yaml"
SCHEMATHESIS = pathlib.Path(sys.executable).with_name("schemathesis")
SEED = 20261211
MAX_EXAMPLES = 12
CHECKS = ",".join([
    "not_a_server_error",  # any 5xx
    "status_code_conformance",  # a status the operation does not document
    "response_schema_conformance",  # a body that breaks the documented schema
    "content_type_conformance",  # a Content-Type other than the documented one
    "unsupported_method",  # a known path with an undeclared method: 405 (not 404)
    "allow_header_conformance",  # ... with an Allow header listing the declared methods
])
LOGINS = {"clinician": ("dr.okafor", "clinician-demo-1"), "patient": ("patient1", "patient-demo-1"),
          "admin": ("admin", "admin-demo-1")}


@pytest.fixture(scope="module")
def fuzz_server(binary):
    """A server of our own on a fresh demo clinic (the fuzzing writes to it)."""
    with tempfile.TemporaryDirectory(prefix="tenderpoint-fuzz-") as data:
        with running_server(binary, data, "--demo") as (base, process):
            yield base, process


def sign_in(base, role):
    username, password = LOGINS[role]
    reply = requests.post(base + "/api/auth/token", json={"username": username, "password": password}, timeout=30)
    assert reply.status_code == 200, reply.text
    return reply.json()["token"]


def real_identifiers(base):
    """Identifiers that exist in the demo clinic, read as the clinician before any fuzzing."""
    headers = {"Authorization": "Bearer " + sign_in(base, "clinician")}

    def get(path):
        reply = requests.get(base + path, headers=headers, timeout=30)
        assert reply.status_code == 200, (path, reply.text)
        return reply.json()

    patient_token = {"Authorization": "Bearer " + sign_in(base, "patient")}
    own = requests.get(base + "/fhir/Patient", headers=patient_token, timeout=30).json()
    patient = own["entry"][0]["resource"]["id"]
    records = f"/api/patients/{patient}"
    events = get(records + "/adverse-events")["items"]
    sessions = get(records + "/sessions")["items"]
    ids = {
        "patientID": [patient],
        "sessionID": [item["sessionId"] for item in events[:1]] + [item["id"] for item in sessions[:2]],
        "eventID": [item["id"] for item in events[:2]],
        "assessmentID": [item["id"] for item in get(records + "/assessments")["items"][:2]],
        "conditionID": [item["id"] for item in get(records + "/conditions")["items"][:2]],
        "consentID": [item["id"] for item in get(records + "/consents")["items"][:2]],
        "vialID": [item["id"] for item in get("/api/vials?limit=3")["items"]],
        "appointmentID": [item["id"] for item in get("/api/appointments?limit=2")["items"]],
        "practitionerID": [item["id"] for item in get("/api/practitioners")[:2]],
        "alertID": [item["id"] for item in get("/api/alerts?limit=2")["items"]],
        "product": list(get("/api/settings")["doseLimits"])[:3],
    }
    return {name: values for name, values in ids.items() if values}


def toml_string(value):
    return json.dumps(str(value))  # a JSON string of plain text is a TOML basic string


def write_config(folder, identifiers):
    lines = ["[parameters]"]
    for name in identifiers:
        lines.append(f"{toml_string('path.' + name)} = {{ dictionary = {toml_string(name)}, probability = 0.8 }}")
    for name, values in identifiers.items():
        lines.append("")
        lines.append(f"[dictionaries.{name}]")
        lines.append("values = [" + ", ".join(toml_string(value) for value in values) + "]")
    config = folder / "schemathesis.toml"
    config.write_text("\n".join(lines) + "\n")
    return config


def fuzz(base, role, identifiers):
    """Runs schemathesis once; returns (exit code, output, JSON report)."""
    token = sign_in(base, role)
    with tempfile.TemporaryDirectory(prefix="tenderpoint-schemathesis-") as folder:
        folder = pathlib.Path(folder)
        config = write_config(folder, identifiers)
        command = [str(SCHEMATHESIS), "--config-file", str(config), "run", str(SPEC), "--url", base,
                   "--header", f"Authorization: Bearer {token}", "--checks", CHECKS,
                   "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED), "--workers", "1",
                   "--phases", "examples,coverage,fuzzing", "--request-timeout", "20",
                   "--generation-database", "none", "--suppress-health-check", "all", "--no-color",
                   "--report", "json", "--report-dir", str(folder / "report")]
        result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=300)
        reports = list((folder / "report").glob("*.json"))
        report = json.loads(reports[0].read_text()) if reports else {}
    return result.returncode, result.stdout + result.stderr, report


# The admin runs last: it may change clinic settings (opening hours, dose limits) under the others.
@pytest.mark.parametrize("role", ["clinician", "patient", "admin"])
def test_every_operation_answers_as_documented(fuzz_server, role):
    base, process = fuzz_server
    identifiers = real_identifiers(base)
    started = time.time()
    code, output, report = fuzz(base, role, identifiers)
    operations = report.get("operations", {})
    cases = report.get("test_cases", {})
    print(f"\nschemathesis as {role}: {operations.get('tested')} of {operations.get('total')} operations, "
          f"{cases.get('generated')} cases, {cases.get('unique_failures')} failures, {time.time() - started:.0f} s")
    assert process.poll() is None, "the server exited during fuzzing"
    assert requests.get(base + "/health", timeout=10).status_code == 200
    assert report, "schemathesis wrote no report:\n" + output[-6000:]
    assert operations.get("tested") == operations.get("total") > 0, operations
    assert code == 0 and report.get("errors") == [] and report.get("failures") == [], output[-20000:]
