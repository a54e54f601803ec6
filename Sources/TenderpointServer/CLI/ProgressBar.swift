import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `patients 1200/50000 [####................] 2.4%` on standard error: redrawn in place at a
/// terminal, one line per 5% otherwise (so a log file is not flooded).
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let width = 20
    private let interactive: Bool
    private let lock = NSLock()
    private var lastReportedStep = -1

    init(label: String, interactive: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.interactive = interactive
    }

    func update(done: Int, total: Int) {
        lock.lock()
        defer { lock.unlock() }
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        if interactive {
            write("\r" + Self.line(label: label, done: done, total: total, width: width) + (done >= total ? "\n" : ""))
        } else {
            let step = Int(fraction * 20)
            guard step > lastReportedStep else { return }
            lastReportedStep = step
            write(Self.line(label: label, done: done, total: total, width: width) + "\n")
        }
    }

    static func line(label: String, done: Int, total: Int, width: Int = 20) -> String {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        return "\(label) \(done)/\(total) [\(bar)] \(String(format: "%.1f", fraction * 100))%"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
