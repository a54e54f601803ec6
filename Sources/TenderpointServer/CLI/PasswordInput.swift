import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A password read from standard input: one line, so scripts can pipe it in
/// (`printf '%s\n' "$PASSWORD" | tenderpoint user create …`) and it never appears in the
/// process list or the shell history. At a terminal the prompt goes to standard error and the
/// typing is not echoed.
enum PasswordInput {
    /// The line without its line ending; nil at end of input.
    static func readLine() -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return Swift.readLine(strippingNewline: true) }
        FileHandle.standardError.write(Data("Password: ".utf8))
        var original = termios()
        let canHide = tcgetattr(STDIN_FILENO, &original) == 0
        if canHide {
            var hidden = original
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSANOW, &hidden)
        }
        let line = Swift.readLine(strippingNewline: true)
        if canHide { tcsetattr(STDIN_FILENO, TCSANOW, &original) }
        FileHandle.standardError.write(Data("\n".utf8))
        return line
    }
}
