extension CodeableConcept {
    /// A concept from codes in one or more systems, with optional text.
    public init(_ codings: Coding..., text: String? = nil) {
        self.init(coding: codings.isEmpty ? nil : codings, text: text)
    }
}
