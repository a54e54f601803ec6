import Vapor

/// `tenderpoint user …`: account management from the command line (the first admin account
/// of a new installation is made here).
struct UserCommands: AsyncCommandGroup {
    var help: String { "Manages accounts: user create USERNAME --role ROLE [--patient PATIENT_ID] [--name NAME]." }
    var commands: [String: any AnyAsyncCommand] { ["create": UserCreateCommand()] }
}
