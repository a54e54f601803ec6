extension Appointment {
    /// AppointmentStatus (required binding).
    public enum Status: String, FHIRValueSetCode {
        case proposed
        case pending
        case booked
        case arrived
        case fulfilled
        case cancelled
        case noshow
        case enteredInError = "entered-in-error"
        case checkedIn = "checked-in"
        case waitlist
    }
}
