import Foundation

/// Reading the command line before Vapor does: which command runs, and the `--demo` flag of
/// `serve`, which Vapor's own `serve` does not know and would refuse.
public enum TenderpointCommandLine {
    public static let demoFlag = "--demo"

    /// The command named by `arguments` (the executable first): `serve` when none is given or
    /// the first argument is an option, as Vapor decides.
    public static func command(in arguments: [String]) -> String {
        guard let first = arguments.dropFirst().first, !first.hasPrefix("-") else { return "serve" }
        return first
    }

    /// True for `serve --demo` (or a bare `--demo`, which serves too).
    public static func wantsDemo(_ arguments: [String]) -> Bool {
        command(in: arguments) == "serve" && arguments.dropFirst().contains(demoFlag)
    }

    /// The arguments without `serve`'s `--demo`, for Vapor to parse.
    public static func removingDemoFlag(_ arguments: [String]) -> [String] {
        guard wantsDemo(arguments) else { return arguments }
        return [arguments[0]] + arguments.dropFirst().filter { $0 != demoFlag }
    }

    /// False for `restore`, which replaces the database file and so must run without the
    /// application holding it: `main.swift` then skips `configure`, and no pool is ever made.
    /// False for help too: asking how to use a command must not create a data directory.
    public static func needsDatabase(_ arguments: [String]) -> Bool {
        command(in: arguments) != "restore" && !wantsHelp(arguments)
    }

    /// True when the command line asks only for help: `--help` or `-h` anywhere, or the `help`
    /// command (`tenderpoint help`, `tenderpoint help user`).
    public static func wantsHelp(_ arguments: [String]) -> Bool {
        let rest = arguments.dropFirst()
        return rest.first == "help" || rest.contains("--help") || rest.contains("-h")
    }

    /// `help [COMMAND…]` in the form Vapor understands, `[COMMAND…] --help`; other arguments as they are.
    public static func rewritingHelp(_ arguments: [String]) -> [String] {
        guard let executable = arguments.first, arguments.dropFirst().first == "help" else { return arguments }
        return [executable] + arguments.dropFirst(2) + ["--help"]
    }
}
