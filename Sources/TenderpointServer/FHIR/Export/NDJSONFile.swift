import Foundation
import TenderpointFHIR

/// One NDJSON file of an export: each resource is written as one line of compact FHIR JSON as
/// soon as it is made, through a small buffer, so an export holds no more than a page of rows.
final class NDJSONFile {
    static let bufferSize = 256 * 1024

    let url: URL
    private(set) var count = 0
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        self.url = url
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(Self.bufferSize)
    }

    func write(_ resource: AnyResource) throws {
        buffer += try FHIRJSON.encodeBytes(resource)
        buffer.append(UInt8(ascii: "\n"))
        count += 1
        if buffer.count >= Self.bufferSize { try flush() }
    }

    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func close() throws {
        try flush()
        try handle.close()
    }
}
