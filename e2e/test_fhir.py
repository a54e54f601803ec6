"""The FHIR API of a running demo server against an independent oracle: every resource of every
type, fetched through paged searches, is validated with fhir.resources (its R4B models), and the
checks that library does not make are made here: status codes and OperationOutcomes, required
value-set bindings, that every reference points at a resource the server has, that paging links
walk each set exactly once, that searches return exactly what the parameters select (recomputed
here from the whole set), the patient compartment, and Bulk Data export end to end."""
import json
import re
import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
import requests
from fhir.resources.R4B import get_fhir_model_class

CLINIC = ZoneInfo("Europe/London")
FHIR_JSON = "application/fhir+json"
ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")
TYPES = ["Patient", "Practitioner", "Condition", "Observation", "Questionnaire", "QuestionnaireResponse", "Procedure",
         "MedicationAdministration", "Appointment", "AdverseEvent", "Consent", "AuditEvent"]

# Required bindings (FHIR R4) of the coded elements the server writes: path -> allowed codes.
REQUIRED = {
    "Patient.gender": {"male", "female", "other", "unknown"},
    "Patient.identifier.use": {"usual", "official", "temp", "secondary", "old"},
    "Patient.name.use": {"usual", "official", "temp", "nickname", "anonymous", "old", "maiden"},
    "Patient.telecom.system": {"phone", "fax", "email", "pager", "url", "sms", "other"},
    "Patient.address.use": {"home", "work", "temp", "old", "billing"},
    "Condition.clinicalStatus.coding.code": {"active", "recurrence", "relapse", "inactive", "remission", "resolved"},
    "Condition.verificationStatus.coding.code": {"unconfirmed", "provisional", "differential", "confirmed", "refuted",
                                                 "entered-in-error"},
    "Observation.status": {"registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error",
                           "unknown"},
    "Questionnaire.status": {"draft", "active", "retired", "unknown"},
    "Questionnaire.item.type": {"group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time", "string",
                                "text", "url", "choice", "open-choice", "attachment", "reference", "quantity"},
    "Questionnaire.item.item.type": {"group", "display", "boolean", "decimal", "integer", "date", "dateTime", "time",
                                     "string", "text", "url", "choice", "open-choice", "attachment", "reference",
                                     "quantity"},
    "QuestionnaireResponse.status": {"in-progress", "completed", "amended", "entered-in-error", "stopped"},
    "Procedure.status": {"preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error",
                         "unknown"},
    "MedicationAdministration.status": {"in-progress", "not-done", "on-hold", "completed", "entered-in-error", "stopped",
                                        "unknown"},
    "Appointment.status": {"proposed", "pending", "booked", "arrived", "fulfilled", "cancelled", "noshow",
                           "entered-in-error", "checked-in", "waitlist"},
    "Appointment.participant.status": {"accepted", "declined", "tentative", "needs-action"},
    "Appointment.participant.required": {"required", "optional", "information-only"},
    "AdverseEvent.actuality": {"actual", "potential"},
    "Consent.status": {"draft", "proposed", "active", "rejected", "inactive", "entered-in-error"},
    "Consent.provision.type": {"deny", "permit"},
    "AuditEvent.action": {"C", "R", "U", "D", "E"},
    "AuditEvent.outcome": {"0", "4", "8", "12"},
    "Bundle.type": {"document", "message", "transaction", "transaction-response", "batch", "batch-response", "history",
                    "searchset", "collection"},
    "Bundle.entry.search.mode": {"match", "include", "outcome"},
    "OperationOutcome.issue.severity": {"fatal", "error", "warning", "information"},
    "CapabilityStatement.status": {"draft", "active", "retired", "unknown"},
    "CapabilityStatement.kind": {"instance", "capability", "requirements"},
    "CapabilityStatement.rest.mode": {"client", "server"},
    "CapabilityStatement.rest.resource.interaction.code": {"read", "vread", "update", "patch", "delete",
                                                           "history-instance", "history-type", "create", "search-type"},
    "CapabilityStatement.rest.resource.searchParam.type": {"number", "date", "string", "token", "reference", "composite",
                                                           "quantity", "uri", "special"},
    "CapabilityStatement.rest.resource.versioning": {"no-version", "versioned", "versioned-update"},
}
# The systems of the codes that have one fixed system (DOMAIN.md §5).
SYSTEMS = {"72514-3": "http://loinc.org", "442695005": "http://snomed.info/sct", "203082005": "http://snomed.info/sct",
           "M03AX01": "http://www.whocc.no/atc", "[arb'U]": "http://unitsofmeasure.org"}


def values(node, path):
    """Every value at a dotted path (lists are walked through)."""
    current = [node]
    for part in path.split("."):
        following = []
        for item in current:
            value = item.get(part) if isinstance(item, dict) else None
            if isinstance(value, list):
                following += value
            elif value is not None:
                following.append(value)
        current = following
    return current


def check_resource(resource):
    """fhir.resources validation, then what it does not check."""
    kind = resource["resourceType"]
    get_fhir_model_class(kind).model_validate(resource)
    if kind in TYPES or "id" in resource:
        assert ID.match(resource.get("id", "")), f"{kind} id {resource.get('id')!r}"
    for path, allowed in REQUIRED.items():
        root, _, rest = path.partition(".")
        if root != kind:
            continue
        for value in values(resource, rest):
            assert value in allowed, f"{kind}/{resource['id']}: {path} = {value!r} is outside its required value set"
    for coding in codings(resource):
        if coding.get("code") in SYSTEMS:
            assert coding.get("system") == SYSTEMS[coding["code"]], f"{kind}/{resource['id']}: {coding}"
    for contained in resource.get("contained", []):
        get_fhir_model_class(contained["resourceType"]).model_validate(contained)
        assert f"#{contained['id']}" in references(resource), "a contained resource is referenced (dom-3)"


def codings(node):
    if isinstance(node, dict):
        if "code" in node and ("system" in node or "unit" in node):
            yield node
        for value in node.values():
            yield from codings(value)
    elif isinstance(node, list):
        for value in node:
            yield from codings(value)


def references(node):
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("reference"), str):
            found.append(node["reference"])
        for value in node.values():
            found += references(value)
    elif isinstance(node, list):
        for value in node:
            found += references(value)
    return found


def sign_in(base, username, password):
    response = requests.post(base + "/api/auth/token", json={"username": username, "password": password}, timeout=30)
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def get(url, headers, **params):
    return requests.get(url, headers=headers, params=params or None, timeout=120)


def outcome(response, status):
    assert response.status_code == status, response.text[:500]
    assert response.headers["Content-Type"].startswith(FHIR_JSON)
    body = response.json()
    assert body["resourceType"] == "OperationOutcome"
    check_resource(body)
    return body


def walk(base, headers, kind, **params):
    """Every match of a search, following next links; checks each page and that the walk sees
    each resource exactly once and as many as the total says."""
    url = f"{base}/fhir/{kind}"
    seen, resources, pages, total = set(), [], 0, None
    while url:
        response = get(url, headers, **params) if pages == 0 else get(url, headers)
        assert response.status_code == 200, f"{url}: {response.text[:500]}"
        assert response.headers["Content-Type"].startswith(FHIR_JSON)
        bundle = response.json()
        check_resource({key: value for key, value in bundle.items() if key != "entry"})
        for entry in bundle.get("entry", []):
            check_resource(entry["resource"])
        assert bundle["type"] == "searchset"
        if total is None:
            total = bundle["total"]
        assert bundle["total"] == total, "the total changed between pages"
        links = {link["relation"]: link["url"] for link in bundle.get("link", [])}
        assert "self" in links
        for entry in bundle.get("entry", []):
            resource = entry["resource"]
            assert resource["resourceType"] == kind
            assert entry["fullUrl"] == f"{base}/fhir/{kind}/{resource['id']}"
            assert resource["id"] not in seen, f"{kind}/{resource['id']} is on two pages"
            seen.add(resource["id"])
            resources.append(resource)
        url = links.get("next")
        pages += 1
        assert pages <= 1000
    assert len(resources) == total, f"{kind}: walked {len(resources)} of {total}"
    return resources, pages


@pytest.fixture(scope="module")
def clinic(demo_server):
    base = demo_server
    clinician = sign_in(base, "dr.okafor", "clinician-demo-1")
    admin = sign_in(base, "admin", "admin-demo-1")
    # The audit trail grows with every request: walk only what was recorded before now.
    time.sleep(1.5)
    audit_until = (datetime.now(timezone.utc) - timedelta(seconds=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    everything = {}
    for kind in TYPES:
        headers = admin if kind == "AuditEvent" else clinician
        params = {"_count": 1000}
        if kind == "AuditEvent":
            params["date"] = f"lt{audit_until}"
        resources, _ = walk(base, headers, kind, **params)
        everything[kind] = {resource["id"]: resource for resource in resources}
    return {"base": base, "clinician": clinician, "admin": admin, "all": everything}


def test_metadata_lists_every_type_and_parameter_and_needs_no_token(demo_server):
    response = requests.get(demo_server + "/fhir/metadata", timeout=30)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith(FHIR_JSON)
    statement = response.json()
    check_resource(statement)
    assert statement["fhirVersion"] == "4.0.1"
    served = {resource["type"]: resource for resource in statement["rest"][0]["resource"]}
    assert sorted(served) == sorted(TYPES)
    assert [p["name"] for p in served["Patient"]["searchParam"]] == ["name", "identifier", "birthdate"]
    assert [p["name"] for p in served["Observation"]["searchParam"]] == ["patient", "code", "date"]
    assert [p["name"] for p in served["Appointment"]["searchParam"]] == ["patient", "date", "status"]


def test_every_resource_of_every_type_is_valid_and_walked_once(clinic):
    everything = clinic["all"]
    for kind in TYPES:
        assert everything[kind], f"the demo clinic has no {kind}"
    assert len(everything["Patient"]) == 30
    assert set(everything["Questionnaire"]) == {"fiqr", "acr-2016"}
    # A smaller page walks the same set.
    again, pages = walk(clinic["base"], clinic["clinician"], "Procedure", _count=7)
    assert pages == -(-len(everything["Procedure"]) // 7)
    assert [resource["id"] for resource in again] == list(everything["Procedure"])


def test_every_reference_points_at_a_resource_the_server_has(clinic):
    everything = clinic["all"]
    checked = 0
    for kind, resources in everything.items():
        for resource in resources.values():
            for reference in references(resource):
                if reference.startswith("#"):
                    continue
                target_type, _, target_id = reference.partition("/")
                assert target_id in everything.get(target_type, {}), f"{kind}/{resource['id']} -> {reference}"
                checked += 1
    assert checked > 10000


def test_reads_return_what_searches_return(clinic):
    base, clinician, admin = clinic["base"], clinic["clinician"], clinic["admin"]
    for kind in TYPES:
        resources = clinic["all"][kind]
        for resource_id in list(resources)[:3] + list(resources)[-2:]:
            response = get(f"{base}/fhir/{kind}/{resource_id}", admin if kind == "AuditEvent" else clinician)
            assert response.status_code == 200, response.text[:300]
            assert response.headers["Content-Type"].startswith(FHIR_JSON)
            assert response.json() == resources[resource_id]


def test_clinical_content_is_coded(clinic):
    everything = clinic["all"]
    observations = everything["Observation"].values()
    codes = {(c["system"], c["code"]) for o in observations for c in o["code"]["coding"]}
    for code in ["wpi", "sss", "fs", "fiqr-total", "tender-point-count", "tender-point", "pgic"]:
        assert ("urn:tenderpoint:instrument", code) in codes
    assert ("http://loinc.org", "72514-3") in codes
    for administration in everything["MedicationAdministration"].values():
        dose = administration["dosage"]["dose"]
        assert dose["unit"] == "U" and dose["code"] == "[arb'U]" and dose["system"] == "http://unitsofmeasure.org"
        assert administration["dosage"]["route"]["coding"][0] == {"system": "http://snomed.info/sct", "code": "78421000",
                                                                  "display": "Intramuscular route"}
        medication = administration["contained"][0]
        assert medication["batch"]["lotNumber"] and re.match(r"^\d{4}-\d{2}-\d{2}$", medication["batch"]["expirationDate"])
        assert administration["partOf"][0]["reference"].startswith("Procedure/")
    for procedure in everything["Procedure"].values():
        assert {"system": "http://snomed.info/sct", "code": "442695005",
                "display": "Injection of botulinum toxin"} in procedure["code"]["coding"]
    fibromyalgia = [c for c in everything["Condition"].values() if c["code"]["coding"][0]["code"] == "203082005"]
    assert fibromyalgia and all({"system": "http://hl7.org/fhir/sid/icd-10", "code": "M79.7", "display": "Fibromyalgia"}
                                in c["code"]["coding"] for c in fibromyalgia)
    # The FIQR questionnaire has the 21 item numbers and neutral labels, not the licensed wording.
    fiqr = everything["Questionnaire"]["fiqr"]
    items = [item for group in fiqr["item"] for item in group["item"]]
    assert [item["prefix"] for item in items] == [str(number) for number in range(1, 22)]
    assert all(len(item["text"]) <= 45 for item in items)


def in_clinic_day_range(moment, first, after):
    local = datetime.fromisoformat(moment).astimezone(CLINIC).date()
    return first <= local < after


def test_searches_select_exactly_what_their_parameters_say(clinic):
    base, clinician, everything = clinic["base"], clinic["clinician"], clinic["all"]

    def ids(kind, **params):
        resources, _ = walk(base, clinician, kind, **params)
        return {resource["id"] for resource in resources}

    patients = list(everything["Patient"].values())
    first = patients[0]
    family = first["name"][0]["family"]
    # FHIR string search: the value starts a word of the name, ignoring case.
    expected = {p["id"] for p in patients
                if any(word.startswith(family.lower()[:3])
                       for word in " ".join(p["name"][0]["given"] + [p["name"][0]["family"]]).lower().split(" "))}
    assert ids("Patient", name=family[:3]) == expected
    nhs = first["identifier"][0]["value"]
    assert ids("Patient", identifier=f"https://fhir.nhs.uk/Id/nhs-number|{nhs}") == {first["id"]}
    expected = {p["id"] for p in patients if "1960-01-01" <= p["birthDate"] < "1980-01-01"}
    assert ids("Patient", birthdate=["ge1960-01-01", "lt1980"]) == expected

    # One patient's pain scores in a window of the clinic's calendar.
    busiest = max(patients, key=lambda p: sum(1 for o in everything["Observation"].values()
                                              if o["subject"]["reference"] == f"Patient/{p['id']}"))
    mine = [o for o in everything["Observation"].values() if o["subject"]["reference"] == f"Patient/{busiest['id']}"]
    days = sorted(datetime.fromisoformat(o["effectiveDateTime"]).astimezone(CLINIC).date() for o in mine)
    start, end = days[len(days) // 4], days[len(days) // 2]
    expected = {o["id"] for o in mine
                if any(c["code"] == "72514-3" for c in o["code"]["coding"])
                and in_clinic_day_range(o["effectiveDateTime"], start, end + timedelta(days=1))}
    assert expected
    assert ids("Observation", patient=f"Patient/{busiest['id']}", code="http://loinc.org|72514-3",
               date=[f"ge{start.isoformat()}", f"le{end.isoformat()}"]) == expected
    expected = {o["id"] for o in mine if datetime.fromisoformat(o["effectiveDateTime"]).astimezone(CLINIC).date() > end}
    assert ids("Observation", patient=busiest["id"], date=f"gt{end.isoformat()}") == expected
    expected = {o["id"] for o in mine if o["code"]["coding"][0]["code"] in {"wpi", "sss"}}
    assert ids("Observation", patient=busiest["id"], code="wpi,sss") == expected

    appointments = [a for a in everything["Appointment"].values()
                    if any(p["actor"]["reference"] == f"Patient/{busiest['id']}" for p in a["participant"])]
    assert ids("Appointment", patient=busiest["id"]) == {a["id"] for a in appointments}
    assert ids("Appointment", patient=busiest["id"], status="booked,noshow") == \
        {a["id"] for a in appointments if a["status"] in {"booked", "noshow"}}
    today = datetime.now(CLINIC).date()
    assert ids("Appointment", date=f"ge{today.isoformat()}") == \
        {a["id"] for a in everything["Appointment"].values()
         if datetime.fromisoformat(a["start"]).astimezone(CLINIC).date() >= today}

    for kind, key in [("Condition", "subject"), ("Procedure", "subject"), ("MedicationAdministration", "subject"),
                      ("AdverseEvent", "subject"), ("Consent", "patient"), ("QuestionnaireResponse", "subject")]:
        assert ids(kind, patient=busiest["id"]) == \
            {r["id"] for r in everything[kind].values() if r[key]["reference"] == f"Patient/{busiest['id']}"}, kind
    assert ids("QuestionnaireResponse", patient=busiest["id"], questionnaire="urn:tenderpoint:questionnaire:fiqr") == \
        {r["id"] for r in everything["QuestionnaireResponse"].values()
         if r["subject"]["reference"] == f"Patient/{busiest['id']}" and r["id"].endswith("-fiqr")}


def test_errors_are_operation_outcomes_with_the_right_status(clinic):
    base, clinician = clinic["base"], clinic["clinician"]
    outcome(get(f"{base}/fhir/Patient", {}), 401)
    body = outcome(get(f"{base}/fhir/Patient", clinician, gender="female", _sort="name"), 400)
    assert [issue["expression"] for issue in body["issue"]] == [["gender"], ["_sort"]]
    outcome(get(f"{base}/fhir/Observation", clinician, date="2024-13-01"), 400)
    outcome(get(f"{base}/fhir/Patient/00000000-0000-0000-0000-000000000000", clinician), 404)
    outcome(get(f"{base}/fhir/Encounter", clinician), 404)
    outcome(requests.post(f"{base}/fhir/Patient", headers=clinician, json={}, timeout=30), 405)
    reception = sign_in(base, "reception.patel", "reception-demo-1")
    outcome(get(f"{base}/fhir/Observation", reception), 403)
    outcome(get(f"{base}/fhir/AuditEvent", clinician), 403)


def test_a_patient_sees_only_their_own_compartment(clinic):
    base, everything = clinic["base"], clinic["all"]
    patient = sign_in(base, "patient1", "patient-demo-1")
    own, _ = walk(base, patient, "Patient")
    assert len(own) == 1
    me = own[0]["id"]
    observations, _ = walk(base, patient, "Observation", _count=1000)
    assert {o["id"] for o in observations} == \
        {o["id"] for o in everything["Observation"].values() if o["subject"]["reference"] == f"Patient/{me}"}
    other = next(p for p in everything["Patient"] if p != me)
    outcome(get(f"{base}/fhir/Patient/{other}", patient), 403)
    outcome(get(f"{base}/fhir/Observation", patient, patient=other), 403)


def test_bulk_export_end_to_end(clinic):
    base, clinician, everything = clinic["base"], clinic["clinician"], clinic["all"]
    outcome(get(f"{base}/fhir/$export", clinician), 400)  # no Prefer: respond-async
    asynchronous = dict(clinician, Prefer="respond-async", Accept=FHIR_JSON)
    kick_off = get(f"{base}/fhir/$export", asynchronous)
    assert kick_off.status_code == 202, kick_off.text
    status_url = kick_off.headers["Content-Location"]
    deadline = time.time() + 300
    while True:
        status = get(status_url, clinician)
        if status.status_code != 202:
            break
        assert "X-Progress" in status.headers
        assert time.time() < deadline, "the export did not finish in 5 minutes"
        time.sleep(0.2)
    assert status.status_code == 200, status.text
    manifest = status.json()
    assert manifest["requiresAccessToken"] is True and manifest["error"] == []
    assert manifest["request"].endswith("/fhir/$export")
    counts = {}
    for output in manifest["output"]:
        assert requests.get(output["url"], timeout=30).status_code == 401, "files need the token"
        response = requests.get(output["url"], headers=clinician, timeout=300)
        assert response.status_code == 200
        assert response.headers["Content-Type"].startswith("application/fhir+ndjson")
        lines = response.text.splitlines()
        assert len(lines) == output["count"]
        found = set()
        for line in lines:
            resource = json.loads(line)
            assert resource["resourceType"] == output["type"]
            check_resource(resource)
            found.add(resource["id"])
        assert len(found) == len(lines), f"{output['type']}: a resource is written twice"
        counts[output["type"]] = found
    # The export holds exactly what the searches hold (the audit trail is not exported).
    for kind in TYPES:
        if kind == "AuditEvent":
            assert kind not in counts
        else:
            assert counts[kind] == set(everything[kind]), kind

    # Cancelling another export: 202, then its status URL is unknown.
    second = get(f"{base}/fhir/Patient/$export", asynchronous, _type="Patient")
    assert second.status_code == 202
    cancelled = requests.delete(second.headers["Content-Location"], headers=clinician, timeout=30)
    assert cancelled.status_code == 202
    outcome(get(second.headers["Content-Location"], clinician), 404)
    assert requests.delete(status_url, headers=clinician, timeout=30).status_code == 202
