/// Hand-written FHIR R4 JSON, one resource of each type, using the elements Tenderpoint writes.
/// Decimals are written with deliberate precision (`12.50`, `0.125`, `100`) to prove they survive.
enum Fixtures {
    static let patient = #"""
    {
      "resourceType": "Patient",
      "id": "p1",
      "meta": {"versionId": "3", "lastUpdated": "2024-05-01T10:00:00.123Z", "profile": ["http://example.org/StructureDefinition/tp-patient"]},
      "extension": [{"url": "urn:tenderpoint:extension:referral-source", "valueString": "GP"}],
      "identifier": [
        {"use": "official", "system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"},
        {"use": "usual", "type": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0203", "code": "MR"}]},
         "system": "urn:tenderpoint:mrn", "value": "TP-0001", "assigner": {"display": "Tenderpoint Clinic"}}
      ],
      "active": true,
      "name": [{"use": "official", "family": "Smith", "given": ["Anne", "Marie"], "prefix": ["Ms"]}],
      "telecom": [{"system": "phone", "value": "+44 20 7946 0000", "use": "mobile", "rank": 1},
                  {"system": "email", "value": "anne@example.org"}],
      "gender": "female",
      "birthDate": "1975-03",
      "address": [{"use": "home", "type": "physical", "line": ["1 High Street", "Flat 2"], "city": "London",
                   "postalCode": "N1 1AA", "country": "GB", "period": {"start": "2019"}}],
      "generalPractitioner": [{"reference": "Practitioner/gp1", "display": "Dr Jones"}]
    }
    """#

    static let practitioner = #"""
    {
      "resourceType": "Practitioner",
      "id": "pr1",
      "identifier": [{"system": "https://fhir.hl7.org.uk/Id/gmc-number", "value": "1234567"}],
      "active": true,
      "name": [{"family": "Okafor", "given": ["Chidi"], "prefix": ["Dr"]}],
      "telecom": [{"system": "email", "value": "c.okafor@clinic.example", "use": "work"}],
      "gender": "male",
      "qualification": [{"code": {"text": "MBBS"}, "period": {"start": "2005-07-01"}}]
    }
    """#

    static let condition = #"""
    {
      "resourceType": "Condition",
      "id": "c1",
      "clinicalStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-clinical", "code": "active"}]},
      "verificationStatus": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-ver-status", "code": "confirmed"}]},
      "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/condition-category", "code": "problem-list-item"}]}],
      "code": {"coding": [
        {"system": "http://snomed.info/sct", "code": "203082005", "display": "Fibromyalgia"},
        {"system": "http://hl7.org/fhir/sid/icd-10", "code": "M79.7", "display": "Fibromyalgia"}
      ], "text": "Fibromyalgia"},
      "subject": {"reference": "Patient/p1"},
      "onsetDateTime": "2018-06",
      "recordedDate": "2024-01-15T09:30:00+00:00",
      "asserter": {"reference": "Practitioner/pr1"},
      "note": [{"authorReference": {"reference": "Practitioner/pr1"}, "time": "2024-01-15", "text": "ACR 2016 criteria met (clinician)."}]
    }
    """#

    static let observation = #"""
    {
      "resourceType": "Observation",
      "id": "o1",
      "status": "final",
      "category": [{"coding": [{"system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "survey"}]}],
      "code": {"coding": [{"system": "urn:tenderpoint:instrument", "code": "fiqr-total", "display": "FIQR total"}]},
      "subject": {"reference": "Patient/p1"},
      "effectiveDateTime": "2024-05-01T10:15:00+01:00",
      "issued": "2024-05-01T09:20:00Z",
      "performer": [{"reference": "Patient/p1"}],
      "valueQuantity": {"value": 45.50, "unit": "score", "system": "urn:tenderpoint:instrument", "code": "points"},
      "component": [
        {"code": {"coding": [{"system": "urn:tenderpoint:instrument", "code": "fiqr-function"}]}, "valueQuantity": {"value": 12.125}},
        {"code": {"coding": [{"system": "urn:tenderpoint:instrument", "code": "fiqr-overall-impact"}]}, "valueQuantity": {"value": 10}},
        {"code": {"coding": [{"system": "urn:tenderpoint:instrument", "code": "fiqr-symptoms"}]}, "valueQuantity": {"value": 23.0}},
        {"code": {"text": "complete"}, "valueBoolean": true},
        {"code": {"text": "items answered"}, "valueInteger": 21},
        {"code": {"text": "form"}, "valueString": "FIQR"},
        {"code": {"text": "band"}, "valueCodeableConcept": {"text": "moderate"}}
      ]
    }
    """#

    static let questionnaire = #"""
    {
      "resourceType": "Questionnaire",
      "id": "fiqr",
      "url": "urn:tenderpoint:questionnaire:fiqr",
      "version": "1",
      "name": "FIQR",
      "title": "Revised Fibromyalgia Impact Questionnaire (item structure)",
      "status": "active",
      "subjectType": ["Patient"],
      "date": "2024-01-01",
      "copyright": "Item wording is copyrighted; neutral labels only.",
      "item": [
        {"linkId": "function", "text": "Function", "type": "group", "item": [
          {"linkId": "1", "prefix": "1", "text": "Hair care", "type": "integer", "required": true},
          {"linkId": "2", "prefix": "2", "text": "Walking 20 min", "type": "integer", "required": true}
        ]},
        {"linkId": "pgic", "text": "Change since treatment", "type": "choice", "answerOption": [
          {"valueCoding": {"system": "urn:tenderpoint:instrument", "code": "1", "display": "very much improved"}},
          {"valueInteger": 4, "initialSelected": true},
          {"valueString": "other"},
          {"valueDate": "2024-01"}
        ]},
        {"linkId": "note", "text": "Scores are observed in this clinic (uncontrolled).", "type": "display"}
      ]
    }
    """#

    static let questionnaireResponse = #"""
    {
      "resourceType": "QuestionnaireResponse",
      "id": "qr1",
      "identifier": {"system": "urn:tenderpoint:response", "value": "r-1"},
      "questionnaire": "urn:tenderpoint:questionnaire:fiqr",
      "status": "completed",
      "subject": {"reference": "Patient/p1"},
      "authored": "2024-05-01T10:15:00+01:00",
      "author": {"reference": "Patient/p1"},
      "item": [
        {"linkId": "function", "item": [
          {"linkId": "1", "answer": [{"valueInteger": 3}]},
          {"linkId": "2", "answer": [{"valueDecimal": 0.125}]}
        ]},
        {"linkId": "misc", "answer": [
          {"valueBoolean": false}, {"valueString": "text"}, {"valueDate": "2024-04-30"},
          {"valueDateTime": "2024-04-30T08:00:00Z"}, {"valueUri": "urn:x"},
          {"valueCoding": {"code": "2"}}, {"valueQuantity": {"value": 1.50, "unit": "mL"}},
          {"valueReference": {"reference": "Observation/o1"}, "item": [{"linkId": "nested", "text": "why"}]}
        ]}
      ]
    }
    """#

    static let procedure = #"""
    {
      "resourceType": "Procedure",
      "id": "s1",
      "status": "completed",
      "code": {"coding": [{"system": "http://snomed.info/sct", "code": "442695005", "display": "Injection of botulinum toxin"}]},
      "subject": {"reference": "Patient/p1"},
      "performedPeriod": {"start": "2024-05-01T10:00:00Z", "end": "2024-05-01T10:40:00Z"},
      "performer": [{"function": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "PPRF"}]},
                     "actor": {"reference": "Practitioner/pr1"}}],
      "reasonReference": [{"reference": "Condition/c1"}],
      "bodySite": [{"text": "trapezius, left"}],
      "note": [{"authorString": "Dr Okafor", "text": "Landmark guidance."}]
    }
    """#

    static let medicationAdministration = #"""
    {
      "resourceType": "MedicationAdministration",
      "id": "ma1",
      "contained": [
        {"resourceType": "Medication", "id": "vial",
         "code": {"coding": [
           {"system": "urn:tenderpoint:product", "code": "onabotulinumtoxinA", "display": "onabotulinumtoxinA"},
           {"system": "http://www.whocc.no/atc", "code": "M03AX01"}
         ]},
         "batch": {"lotNumber": "C1234A", "expirationDate": "2025-11-30"}}
      ],
      "partOf": [{"reference": "Procedure/s1"}],
      "status": "completed",
      "medicationReference": {"reference": "#vial"},
      "subject": {"reference": "Patient/p1"},
      "effectiveDateTime": "2024-05-01T10:12:00Z",
      "performer": [{"actor": {"reference": "Practitioner/pr1"}}],
      "dosage": {
        "site": {"coding": [{"system": "urn:tenderpoint:site", "code": "trapezius.left"},
                            {"system": "http://snomed.info/sct", "code": "7771000", "display": "Left"}]},
        "route": {"coding": [{"system": "http://snomed.info/sct", "code": "78421000", "display": "Intramuscular route"}]},
        "dose": {"value": 12.50, "unit": "U", "system": "http://unitsofmeasure.org", "code": "[arb'U]"}
      }
    }
    """#

    static let medication = #"""
    {
      "resourceType": "Medication",
      "id": "m1",
      "code": {"coding": [{"system": "http://snomed.info/sct", "code": "108890005", "display": "Botulinum toxin type A"}]},
      "status": "active",
      "batch": {"lotNumber": "X99", "expirationDate": "2026-01"}
    }
    """#

    static let appointment = #"""
    {
      "resourceType": "Appointment",
      "id": "a1",
      "status": "booked",
      "appointmentType": {"text": "week-3 peak review"},
      "description": "Peak review (day 21)",
      "start": "2024-05-22T09:00:00Z",
      "end": "2024-05-22T09:20:00Z",
      "minutesDuration": 20,
      "created": "2024-05-01",
      "participant": [
        {"actor": {"reference": "Patient/p1"}, "required": "required", "status": "accepted"},
        {"actor": {"reference": "Practitioner/pr1"}, "status": "accepted"}
      ]
    }
    """#

    static let adverseEvent = #"""
    {
      "resourceType": "AdverseEvent",
      "id": "ae1",
      "actuality": "actual",
      "event": {"text": "neck weakness"},
      "subject": {"reference": "Patient/p1"},
      "date": "2024-05-05",
      "recordedDate": "2024-05-08T11:00:00Z",
      "seriousness": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness", "code": "non-serious"}]},
      "severity": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/adverse-event-severity", "code": "moderate"}]},
      "outcome": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/adverse-event-outcome", "code": "recovering"}]},
      "recorder": {"reference": "Practitioner/pr1"},
      "suspectEntity": [{"instance": {"reference": "Procedure/s1"}, "causality": [{"productRelatedness": "possible"}]}]
    }
    """#

    static let consent = #"""
    {
      "resourceType": "Consent",
      "id": "cs1",
      "status": "active",
      "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "treatment"}]},
      "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent"}]}],
      "patient": {"reference": "Patient/p1"},
      "dateTime": "2024-04-20T14:00:00+01:00",
      "performer": [{"reference": "Patient/p1"}],
      "policy": [{"uri": "urn:tenderpoint:consent-information:v3"}],
      "policyRule": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode", "code": "OPTIN"}]},
      "verification": [{"verified": true, "verificationDate": "2024-04-20"}],
      "provision": {"type": "permit", "period": {"start": "2024-04-20"}}
    }
    """#

    static let auditEvent = #"""
    {
      "resourceType": "AuditEvent",
      "id": "au1",
      "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-event-type", "code": "rest"},
      "subtype": [{"system": "http://hl7.org/fhir/restful-interaction", "code": "read"}],
      "action": "R",
      "recorded": "2024-05-01T10:00:01.5Z",
      "outcome": "0",
      "agent": [{"who": {"reference": "Practitioner/pr1"}, "requestor": true,
                 "network": {"address": "127.0.0.1", "type": "2"}}],
      "source": {"site": "tenderpoint", "observer": {"display": "Tenderpoint"},
                 "type": [{"system": "http://terminology.hl7.org/CodeSystem/security-source-type", "code": "4"}]},
      "entity": [{"what": {"reference": "Patient/p1"},
                  "type": {"system": "http://terminology.hl7.org/CodeSystem/audit-entity-type", "code": "1"}}]
    }
    """#

    static let capabilityStatement = #"""
    {
      "resourceType": "CapabilityStatement",
      "status": "active",
      "date": "2024-05-01",
      "kind": "instance",
      "software": {"name": "Tenderpoint", "version": "0.1.0"},
      "implementation": {"description": "Tenderpoint FHIR R4 API", "url": "http://localhost:8080/fhir"},
      "fhirVersion": "4.0.1",
      "format": ["application/fhir+json", "json"],
      "rest": [{
        "mode": "server",
        "security": {"cors": false, "description": "Bearer tokens from /api/auth/token"},
        "resource": [{
          "type": "Patient",
          "interaction": [{"code": "read"}, {"code": "search-type"}],
          "versioning": "no-version",
          "searchParam": [{"name": "birthdate", "type": "date"}, {"name": "identifier", "type": "token"}],
          "operation": [{"name": "export", "definition": "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export"}]
        }],
        "interaction": [{"code": "search-system"}]
      }]
    }
    """#

    static let operationOutcome = #"""
    {
      "resourceType": "OperationOutcome",
      "issue": [{"severity": "error", "code": "not-found", "diagnostics": "Patient/zz not found",
                 "details": {"text": "Not found"}, "expression": ["Patient.id"]}]
    }
    """#

    static let bundle = #"""
    {
      "resourceType": "Bundle",
      "id": "search-1",
      "type": "searchset",
      "timestamp": "2024-05-01T10:00:00Z",
      "total": 3,
      "link": [{"relation": "self", "url": "http://localhost/fhir/Observation?patient=p1&_count=2"},
               {"relation": "next", "url": "http://localhost/fhir/Observation?patient=p1&_count=2&_offset=2"}],
      "entry": [
        {"fullUrl": "http://localhost/fhir/Patient/p1",
         "resource": {"resourceType": "Patient", "id": "p1", "birthDate": "1975"}, "search": {"mode": "include"}},
        {"fullUrl": "http://localhost/fhir/Observation/o2",
         "resource": {"resourceType": "Observation", "id": "o2", "status": "final",
                      "code": {"coding": [{"system": "http://loinc.org", "code": "72514-3"}]},
                      "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2024-05-22",
                      "valueInteger": 4},
         "search": {"mode": "match", "score": 1.50}},
        {"resource": {"resourceType": "OperationOutcome",
                      "issue": [{"severity": "information", "code": "informational", "diagnostics": "1 more page"}]},
         "search": {"mode": "outcome"}}
      ]
    }
    """#

    static let all: [(name: String, json: String)] = [
        ("Patient", patient), ("Practitioner", practitioner), ("Condition", condition), ("Observation", observation),
        ("Questionnaire", questionnaire), ("QuestionnaireResponse", questionnaireResponse), ("Procedure", procedure),
        ("MedicationAdministration", medicationAdministration), ("Medication", medication), ("Appointment", appointment),
        ("AdverseEvent", adverseEvent), ("Consent", consent), ("AuditEvent", auditEvent),
        ("CapabilityStatement", capabilityStatement), ("OperationOutcome", operationOutcome), ("Bundle", bundle),
    ]
}
