import Vapor
import Foundation
import TenderpointCore

/// A command that stops with one line for the person at the terminal and an exit code for
/// scripts: 2 when the input was wrong (an unknown role, a taken username, a file that already
/// exists), 1 when something else went wrong. `main.swift` prints it on standard error.
public struct CommandFailure: Error, CustomStringConvertible, Sendable {
    public let message: String
    public let exitCode: Int32

    public init(_ message: String, exitCode: Int32 = 1) {
        self.message = message
        self.exitCode = exitCode
    }

    /// Wrong input: the same command with other arguments would work.
    static func badInput(_ message: String) -> CommandFailure {
        CommandFailure(message, exitCode: 2)
    }

    /// The core's and the account rules' problems, as one line of bad input.
    static func badInput(_ problems: [Problem]) -> CommandFailure {
        badInput(problems.map { problem in
            problem.field.map { "\($0): \(problem.message)" } ?? problem.message
        }.joined(separator: "; "))
    }

    public var description: String { message }

    /// How `main.swift` reports any error a command throws: a `CommandFailure` as itself, the
    /// core's problems and mistyped command lines (a missing argument, an unknown option) as bad
    /// input, anything else as a failure with exit code 1.
    public static func from(_ error: any Error) -> CommandFailure {
        switch error {
        case let failure as CommandFailure:
            return failure
        case let problems as Problems:
            return badInput(problems.all)
        case let problem as Problem:
            return badInput([problem])
        case let usage as CommandError:
            return badInput(usage.description)
        default:
            return CommandFailure(String(describing: error))
        }
    }
}
