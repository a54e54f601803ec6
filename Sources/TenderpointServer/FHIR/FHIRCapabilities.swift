import TenderpointFHIR

/// The CapabilityStatement at `/fhir/metadata`: exactly the types, interactions, search
/// parameters and operations the server answers, built from the providers themselves so the
/// statement cannot drift from the code.
enum FHIRCapabilities {
    static let exportDefinition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export"
    static let patientExportDefinition = "http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export"

    static func statement(baseURL: String) -> CapabilityStatement {
        let resources = FHIRProviders.all.map { provider -> CapabilityStatement.Rest.Resource in
            var resource = provider.capability
            if provider.type == .patient {
                resource.operation = [CapabilityStatement.Rest.Operation(
                    name: "export", definition: patientExportDefinition,
                    documentation: "Bulk Data export of every patient's record (GET /fhir/Patient/$export with Prefer: respond-async).")]
            }
            return resource
        }
        return CapabilityStatement(
            id: "tenderpoint",
            url: baseURL + "/metadata",
            version: "1",
            name: "Tenderpoint",
            title: "Tenderpoint FHIR R4 server",
            status: .active,
            date: FHIRDateTime("2026-11-25")!,
            publisher: "Tenderpoint",
            description: "Read and search of a pain clinic's records (fibromyalgia and myofascial pain, botulinum toxin), and Bulk Data export.",
            kind: .instance,
            instantiates: ["http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data"],
            software: CapabilityStatement.Software(name: "Tenderpoint"),
            implementation: CapabilityStatement.Implementation(description: "Tenderpoint", url: baseURL),
            fhirVersion: FHIRVersion.release,
            format: ["json", FHIRVersion.mimeType],
            rest: [CapabilityStatement.Rest(
                mode: .server,
                documentation: """
                    Read (GET /fhir/{type}/{id}) and search (GET /fhir/{type}?…) return application/fhir+json. Searches page with \
                    _count (default \(FHIRSearchRequest.defaultCount), at most \(FHIRSearchRequest.maximumCount)) and _offset, in a \
                    stable order; the searchset Bundle has total and self/next/previous links. Commas separate alternatives, a \
                    repeated parameter must match each time. Any other parameter is refused with 400 and an OperationOutcome. \
                    Errors are OperationOutcomes. A patient signed in sees only their own record.
                    """,
                security: CapabilityStatement.Rest.Security(
                    cors: false,
                    description: """
                        Bearer tokens from POST /api/auth/token (Authorization: Bearer TOKEN) on everything except /fhir/metadata. \
                        The roles of the REST API apply; every read and search is audited.
                        """),
                resource: resources,
                operation: [CapabilityStatement.Rest.Operation(
                    name: "export", definition: exportDefinition,
                    documentation: """
                        Bulk Data export (GET /fhir/$export with Prefer: respond-async): NDJSON files of every patient's record, the \
                        practitioners and the questionnaires. Parameters _outputFormat and _type; _since is not supported. Clinicians only.
                        """)])])
    }
}
