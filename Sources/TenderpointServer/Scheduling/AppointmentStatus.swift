import TenderpointCore

/// The core's appointment status (its rules: what counts as an injection, what occupies time).
typealias AppointmentStatus = TenderpointCore.AppointmentStatus
