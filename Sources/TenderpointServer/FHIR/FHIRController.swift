import Foundation
import TenderpointCore
import TenderpointFHIR
import Vapor

/// The FHIR R4 API under `/fhir`: `metadata`, read and search of every type `FHIRProviders`
/// lists, Bulk Data export (`FHIRExportController`), and an OperationOutcome for everything
/// else. Reads and searches go through the same access table and audit trail as `/api`.
struct FHIRController: RouteCollection {
    /// FHIR's id rule, `[A-Za-z0-9\-\.]{1,64}`.
    static func isValidID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { byte in
            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }

    func boot(routes: any RoutesBuilder) throws {
        let fhir = routes.grouped("fhir").grouped(FHIRErrorMiddleware())
        fhir.get("metadata", use: metadata)
        let authenticated = fhir.grouped(BearerAuthenticator())
        try authenticated.register(collection: FHIRExportController())
        // One constant path per type: `Patient/$export` makes `Patient` a constant node of the
        // router, which a `:type` parameter beside it would never reach.
        for provider in FHIRProviders.all {
            let type = PathComponent(stringLiteral: provider.type.rawValue)
            authenticated.get(type) { request in try await self.search(request: request, provider: provider) }
            authenticated.get(type, ":id") { request in try await self.read(request: request, provider: provider) }
        }
        fhir.get(use: notFound)
        fhir.get("**", use: notFound)
        for method in [HTTPMethod.POST, .PUT, .PATCH, .DELETE] {
            fhir.on(method, "**", use: notAllowed)
        }
    }

    @Sendable
    func metadata(request: Request) async throws -> Response {
        FHIRResponse.resource(FHIRCapabilities.statement(baseURL: FHIRContext.baseURL(of: request)))
    }

    func read(request: Request, provider: any FHIRResourceProvider) async throws -> Response {
        let user = try request.requireUser()
        let type = provider.type.rawValue
        switch provider.access {
        case .clinicData(let permission):
            try await request.authorizeWithoutPatientData(permission, resource: type)
        case .patientRecord(let permission, _):
            // The role first, so a role that may never see this type learns nothing of which ids exist.
            if !AccessTable.allows(user.role, permission) { try await request.authorize(permission, resource: type) }
        }
        let id = request.parameters.get("id") ?? ""
        guard Self.isValidID(id), let found = try await provider.read(id: id, in: FHIRContext(request: request)) else {
            throw FHIRError.notFound(provider.type, id)
        }
        if case .patientRecord(let permission, _) = provider.access {
            try await request.authorize(permission, patient: found.patient, resource: type)
        }
        await request.auditRead(type, id: found.resource.id, patient: found.patient, detail: "FHIR read")
        return FHIRResponse.resource(found.resource)
    }

    func search(request: Request, provider: any FHIRResourceProvider) async throws -> Response {
        let user = try request.requireUser()
        let type = provider.type.rawValue
        let context = FHIRContext(request: request)
        let search = try FHIRSearchRequest.parse(query: request.url.query, supported: provider.parameters, timeZone: context.timeZone)
        var compartment: UUID?
        switch provider.access {
        case .clinicData(let permission):
            try await request.authorizeWithoutPatientData(permission, resource: type)
        case .patientRecord(let read, let searchPermission):
            if user.role == .patient {
                // A patient searches their own compartment; naming another patient is refused (and audited).
                for clause in search.clauses("patient") {
                    for case .reference(let id) in clause.values where UUID(uuidString: id) != user.patientID {
                        try await request.authorize(read, patient: UUID(uuidString: id), resource: type)
                    }
                }
                try await request.authorize(read, patient: user.patientID, resource: type)
                compartment = user.patientID
            } else {
                try await request.authorize(searchPermission, resource: type)
            }
        }
        let result = try await provider.search(search, compartment: compartment, in: context)

        let detail = "FHIR search: \(result.matches.count) of \(result.total)"
        let patients = Array(Set(result.matches.compactMap(\.patient)))
        if patients.isEmpty {
            await request.auditRead(type, patient: compartment, action: .search, detail: detail)
        } else {
            // One record per patient whose data the page shows, so each patient's trail has it.
            for patient in patients.sorted(by: { $0.uuidString < $1.uuidString }) {
                await request.auditRead(type, patient: patient, action: .search, detail: detail)
            }
        }
        return FHIRResponse.resource(Self.bundle(type: provider.type, search: search, result: result, baseURL: context.baseURL))
    }

    /// A `searchset` Bundle with the total and the `self`, `next` and `previous` links.
    static func bundle(type: FHIRResourceType, search: FHIRSearchRequest, result: FHIRSearchResult, baseURL: String) -> FHIRBundle {
        let url = "\(baseURL)/\(type.rawValue)?"
        var links = [FHIRBundle.Link(relation: "self", url: url + search.linkQuery(offset: search.offset))]
        if search.count > 0, search.offset + search.count < result.total {
            links.append(FHIRBundle.Link(relation: "next", url: url + search.linkQuery(offset: search.offset + search.count)))
        }
        if search.offset > 0, search.count > 0 {
            links.append(FHIRBundle.Link(relation: "previous", url: url + search.linkQuery(offset: max(0, search.offset - search.count))))
        }
        return FHIRBundle(
            id: UUID().uuidString,
            meta: Meta(lastUpdated: FHIRInstant(Date())),
            type: .searchset,
            total: result.total,
            link: links,
            entry: result.matches.map { found in
                FHIRBundle.Entry(fullUrl: "\(baseURL)/\(found.resource.resourceType.rawValue)/\(found.resource.id ?? "")",
                                 resource: found.resource, search: FHIRBundle.Entry.Search(mode: .match))
            })
    }

    @Sendable
    func notFound(request: Request) async throws -> Response {
        let first = request.url.path.split(separator: "/").dropFirst().first.map(String.init) ?? ""
        if !first.isEmpty, !first.hasPrefix("$"), FHIRProviders.provider(named: first) == nil {
            throw FHIRError(.notFound, .notSupported, "Resource type \"\(first)\" is not served; see /fhir/metadata.")
        }
        throw FHIRError(.notFound, .notFound, "\(request.url.path) is not part of this FHIR API; see /fhir/metadata.")
    }

    @Sendable
    func notAllowed(request: Request) async throws -> Response {
        var error = FHIRError(.methodNotAllowed, .notSupported, "This FHIR API is read-only: \(request.method) is not supported; see /fhir/metadata.")
        error.headers.replaceOrAdd(name: .allow, value: "GET")
        throw error
    }
}
