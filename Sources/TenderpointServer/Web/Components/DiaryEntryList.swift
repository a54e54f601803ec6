import Foundation
import Plot
import TenderpointCore

/// Diary entries as a list a patient reads: time, pain, fatigue, sleep, where, side effects.
enum DiaryEntryList {
    static func render(_ entries: [DiaryEntryDTO], timeZone: TimeZone, showDate: Bool) -> Node<HTML.BodyContext> {
        .ul(.class("entries"), .forEach(entries) { entry in
            var facts = ["pain \(entry.painNRS)"]
            if let fatigue = entry.fatigue { facts.append("fatigue \(fatigue)") }
            if let sleep = entry.sleepQuality { facts.append("sleep \(sleep)") }
            let areas = entry.painAreas.map { WPIArea(rawValue: $0)?.name ?? $0 }
            return .li(
                .strong(.safe(showDate ? WebFormat.dateTime(entry.recordedAt, in: timeZone) : WebFormat.time(entry.recordedAt, in: timeZone))),
                lateMark(entry, timeZone: timeZone),
                .text(" — "), .safe(facts.joined(separator: ", ")),
                .if(!areas.isEmpty, .div(.class("muted"), .safe("Where: " + areas.joined(separator: "; ")))),
                .if(!entry.sideEffects.isEmpty, .div(.class("muted"), .safe("Side effects: " + sideEffects(entry)))),
                .unwrap(entry.note) { .div(.class("muted"), .safe("Note: " + $0)) })
        })
    }

    /// "entered later" beside an entry made more than a day after the moment it describes.
    private static func lateMark(_ entry: DiaryEntryDTO, timeZone: TimeZone) -> Node<HTML.BodyContext> {
        guard entry.enteredLater else { return .empty }
        let when = entry.enteredAt.map { " " + WebFormat.dateTime($0, in: timeZone) } ?? ""
        return .group(.text(" "), .span(.class("badge"), .safe("entered later" + (when.isEmpty ? "" : ":" + when))))
    }

    /// Identifiers as their labels; the patient's own words as written.
    private static func sideEffects(_ entry: DiaryEntryDTO) -> String {
        entry.sideEffects.map { AdverseEventPatientReport.kind(named: $0)?.label ?? $0 }.joined(separator: "; ")
    }
}
