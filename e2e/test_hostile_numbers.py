"""Absurd numbers against the real binary over HTTP (issue 10): every one is a 4xx naming the
field, a body that is not JSON is a 400, no answer is a 5xx, and the process keeps answering
/health. The route-by-route sweep is Tests/TenderpointServerTests/HostileNumberTests.swift; this
checks the same promises end to end, through a real socket and the release of the server."""
import requests

SCREENING = "{" + ",".join('"%s":false' % item for item in [
    "hypersensitivity", "milkProteinAllergy", "siteInfection", "neuromuscularDisorder", "pregnant", "breastfeeding",
    "aminoglycosides", "anticoagulants", "dysphagiaOrBreathing", "under18", "unresolvedAdverseEvent"]) + "}"
ATTACKS = ["9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
           "1e19", "-1e19", "1e400", "123456789012345678901234567890", "1844674407370955161.7", "-1", "3.5"]


def token(base):
    reply = requests.post(base + "/api/auth/token", json={"username": "dr.okafor", "password": "clinician-demo-1"})
    assert reply.status_code == 200, reply.text
    return {"Authorization": "Bearer " + reply.json()["token"], "Content-Type": "application/json"}


def post(base, headers, path, body):
    return requests.post(base + path, data=body.encode(), headers=headers, timeout=30)


def test_score_answers_refuse_every_absurd_number_naming_the_answer(demo_server):
    headers = token(demo_server)
    for attack in ATTACKS:
        answers = ",".join(["1", "1", "1", "1", attack] + ["1"] * 16)
        reply = post(demo_server, headers, "/api/score/fiqr", '{"answers":[%s]}' % answers)
        assert reply.status_code == 422, (attack, reply.text)
        fields = [item["field"] for item in reply.json().get("problems") or [reply.json()["error"]]]
        assert "answers[4]" in fields, (attack, reply.text)
    assert requests.get(demo_server + "/health").status_code == 200


def test_session_units_and_a_dry_run_never_crash_the_server(demo_server):
    headers = token(demo_server)
    patients = requests.get(demo_server + "/api/patients?limit=1", headers=headers).json()["items"]
    patient = patients[0]["id"]
    for attack in [a for a in ATTACKS if a != "3.5"]:  # 3.5 U is a real dose
        body = ('{"date":"2026-01-05","screening":%s,"injections":[{"vialId":"00000000-0000-0000-0000-000000000000",'
                '"site":{"tenderPoint":"trapezius.left"},"units":%s}]}' % (SCREENING, attack))
        for path in (f"/api/patients/{patient}/sessions/check", f"/api/patients/{patient}/sessions"):
            reply = post(demo_server, headers, path, body)
            assert 400 <= reply.status_code < 500, (path, attack, reply.status_code, reply.text)
            assert reply.json()["error"]["code"] != "malformed_json", (path, attack, reply.text)
        assert requests.get(demo_server + "/health").status_code == 200


def test_lists_refuse_paging_out_of_range_and_malformed_json_stays_400(demo_server):
    headers = token(demo_server)
    for query, field in [("limit=501", "limit"), ("limit=0", "limit"), ("offset=9223372036854775807", "offset"),
                         ("offset=-1", "offset"), ("limit=1e19", "limit")]:
        reply = requests.get(demo_server + "/api/patients?" + query, headers=headers)
        assert reply.status_code == 422, (query, reply.text)
        assert reply.json()["error"]["field"] == field
    assert requests.get(demo_server + "/api/patients?limit=500&offset=1000000", headers=headers).status_code == 200
    broken = post(demo_server, headers, "/api/score/fiqr", '{"answers":[1,2')
    assert broken.status_code == 400
    assert broken.json()["error"]["code"] == "malformed_json"
    fhir = requests.get(demo_server + "/fhir/Patient?_offset=9223372036854775807", headers=headers)
    assert fhir.status_code == 400
    assert fhir.json()["resourceType"] == "OperationOutcome"


def test_headers_on_every_answer(demo_server):
    headers = token(demo_server)
    for path, auth in [("/api/patients", headers), ("/api/nothing", headers), ("/fhir/metadata", {}), ("/health", {}),
                       ("/no-such-page", {})]:
        reply = requests.get(demo_server + path, headers=auth)
        assert reply.headers.get("X-Content-Type-Options") == "nosniff", path
        if path.startswith(("/api", "/fhir")):
            assert reply.headers.get("Cache-Control") == "no-store", path
