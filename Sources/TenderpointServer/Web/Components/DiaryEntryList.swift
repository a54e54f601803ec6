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
                .text(" — "), .safe(facts.joined(separator: ", ")),
                .if(!areas.isEmpty, .div(.class("muted"), .safe("Where: " + areas.joined(separator: "; ")))),
                .if(!entry.sideEffects.isEmpty, .div(.class("muted"), .safe("Side effects: " + entry.sideEffects.joined(separator: "; ")))),
                .unwrap(entry.note) { .div(.class("muted"), .safe("Note: " + $0)) })
        })
    }
}
