import TenderpointFHIR
import Vapor

/// Responses in FHIR JSON (`application/fhir+json`), written by `FHIRJSON` so decimals keep their
/// precision and empty elements are left out.
enum FHIRResponse {
    static let contentType = HTTPMediaType(type: "application", subType: "fhir+json", parameters: ["charset": "utf-8"])

    /// Any resource (`AnyResource` too), written with `FHIRJSON`.
    static func resource<R: Encodable>(_ resource: R, status: HTTPResponseStatus = .ok, headers: HTTPHeaders = [:]) -> Response {
        var headers = headers
        headers.contentType = contentType
        do {
            let bytes = try FHIRJSON.encodeBytes(resource)
            return Response(status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: bytes)))
        } catch {
            // The types are ours: a resource that cannot be written is a bug, reported without its content.
            let fallback = #"{"resourceType":"OperationOutcome","issue":[{"severity":"fatal","code":"exception","diagnostics":"A resource could not be written."}]}"#
            return Response(status: .internalServerError, headers: headers, body: .init(string: fallback))
        }
    }
}
