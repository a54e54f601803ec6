extension AuditEvent.Agent.Network {
    /// AuditEventAgentNetworkType (required binding).
    public enum NetworkType: String, FHIRValueSetCode {
        case machineName = "1"
        case ipAddress = "2"
        case telephoneNumber = "3"
        case emailAddress = "4"
        case uri = "5"
    }
}
