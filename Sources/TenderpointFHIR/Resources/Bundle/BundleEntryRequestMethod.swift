extension Bundle.Entry.Request {
    /// HTTPVerb (required binding).
    public enum Method: String, FHIRValueSetCode {
        case get = "GET"
        case head = "HEAD"
        case post = "POST"
        case put = "PUT"
        case delete = "DELETE"
        case patch = "PATCH"
    }
}
