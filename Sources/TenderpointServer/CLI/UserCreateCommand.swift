import Fluent
import Foundation
import TenderpointCore
import Vapor

/// `tenderpoint user create USERNAME --role ROLE [--patient PATIENT_ID] [--name "Display Name"]`:
/// reads the password from standard input (one line) and prints only the new account's id on
/// standard output, so a script can capture it. Bad input exits with code 2.
struct UserCreateCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "username", help: "The sign-in name (letters, digits, . _ - @).")
        var username: String
        @Option(name: "role", help: "admin, clinician, nurse, reception or patient.")
        var role: String?
        @Option(name: "patient", help: "The patient record a patient account belongs to (its id).")
        var patient: String?
        @Option(name: "name", help: "The name shown to others (default: the username).")
        var name: String?
    }

    var help: String { "Creates an account; the password is read from standard input (one line)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let request = try UserCreation.Request(username: signature.username, role: signature.role,
                                               patient: signature.patient, displayName: signature.name)
        // The arguments are checked before the password is asked for.
        guard let password = PasswordInput.readLine(), !password.isEmpty else {
            throw CommandFailure.badInput("no password on standard input: give it as one line")
        }
        let app = context.application
        try await CommandDatabase.open(app)
        let id = try await UserCreation.create(request, password: password, app: app)
        context.console.print(id.uuidString)
    }
}
