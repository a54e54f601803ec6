import Foundation
import Vapor

/// A submitted HTML form (`application/x-www-form-urlencoded`), every value of every name in
/// the order sent, so that checkbox groups (`painAreas=neck&painAreas=chest`) read naturally
/// and a refused form can be shown again exactly as typed.
struct WebForm: Sendable, Equatable {
    /// The largest form the pages accept; the longest is a diary entry with a note.
    static let maximumBytes = 64 * 1024

    private(set) var values: [String: [String]] = [:]

    init(_ values: [String: [String]] = [:]) {
        self.values = values
    }

    init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
            values[name, default: []].append(value)
        }
    }

    /// The first value sent under `name`.
    subscript(name: String) -> String? { values[name]?.first }

    /// Every value sent under `name`.
    func all(_ name: String) -> [String] { values[name] ?? [] }

    /// The first value, trimmed; nil when absent or blank.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}

extension Request {
    private struct WebFormKey: StorageKey { typealias Value = WebForm }

    /// The request's form, read once (the CSRF check reads it first).
    func webForm() async throws -> WebForm {
        if let form = storage[WebFormKey.self] { return form }
        var form = WebForm()
        if let contentType = headers.contentType, contentType == .urlEncodedForm,
           var buffer = try await body.collect(max: WebForm.maximumBytes).get(),
           let text = buffer.readString(length: buffer.readableBytes) {
            form = WebForm(urlEncoded: text)
        }
        storage[WebFormKey.self] = form
        return form
    }
}
