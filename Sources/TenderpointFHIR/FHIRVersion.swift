/// The FHIR release these types implement.
public enum FHIRVersion {
    public static let release = "4.0.1"
    public static let mimeType = "application/fhir+json"
}
