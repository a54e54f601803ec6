/// AdministrativeGender (required binding).
public enum AdministrativeGender: String, FHIRValueSetCode {
    case male
    case female
    case other
    case unknown
}
