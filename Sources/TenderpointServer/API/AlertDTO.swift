import Foundation
import TenderpointCore
import Vapor

/// An urgent patient report as the API shows it (`GET /api/alerts`).
struct AlertDTO: Content, Equatable {
    let id: UUID
    let patientId: UUID
    let patientName: String
    /// An urgent `AdverseEventKind`: `distantSpread`, `dysphagia` or `allergicReaction`.
    let kind: AdverseEventKind
    let kindLabel: String
    let raisedAt: Date
    /// The adverse event the report became; null when the entry fell in no session's 16 weeks.
    let adverseEventId: UUID?
    let diaryEntryId: UUID?
    let acknowledged: Bool
    let acknowledgedAt: Date?
    let acknowledgedBy: RecordAuthor?
    let note: String?

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(patientId, forKey: .patientId)
        try container.encode(patientName, forKey: .patientName)
        try container.encode(kind, forKey: .kind)
        try container.encode(kindLabel, forKey: .kindLabel)
        try container.encode(raisedAt, forKey: .raisedAt)
        try container.encodeNullable(adverseEventId, forKey: .adverseEventId)
        try container.encodeNullable(diaryEntryId, forKey: .diaryEntryId)
        try container.encode(acknowledged, forKey: .acknowledged)
        try container.encodeNullable(acknowledgedAt, forKey: .acknowledgedAt)
        try container.encodeNullable(acknowledgedBy, forKey: .acknowledgedBy)
        try container.encodeNullable(note, forKey: .note)
    }
}

/// `POST /api/alerts/{id}/acknowledge`.
struct AlertAcknowledgementInput: Content {
    static let maximumNoteLength = 2000
    var note: String?

    /// The trimmed note (nil when empty), or a 422 naming `note`.
    func validatedNote() throws -> String? {
        let trimmed = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let trimmed, trimmed.count > Self.maximumNoteLength {
            throw Problems([Problem(.invalidValue, "note is longer than \(Self.maximumNoteLength) characters.", field: "note")])
        }
        return trimmed?.isEmpty == true ? nil : trimmed
    }
}
