import Foundation

/// The Bulk Data manifest a finished export's status URL returns (plain JSON, not a FHIR
/// resource), and what Tenderpoint keeps beside the files so a finished export outlives a
/// restart of the server.
struct FHIRExportManifest: Codable, Sendable, Equatable {
    struct Output: Codable, Sendable, Equatable {
        let type: String
        let url: String
        let count: Int
    }

    let transactionTime: String
    let request: String
    let requiresAccessToken: Bool
    let output: [Output]
    let error: [Output]
}

/// A finished export as stored in its directory (`job.json`): who asked for it, and its manifest.
struct FHIRExportRecord: Codable, Sendable {
    let owner: UUID
    let manifest: FHIRExportManifest
    /// The file names (`Patient.ndjson`) the manifest's URLs serve.
    let files: [String]

    static let fileName = "job.json"
}
