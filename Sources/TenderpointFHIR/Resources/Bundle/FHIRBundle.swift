/// `Bundle` under a name that does not clash with Foundation's `Bundle` in files importing both.
public typealias FHIRBundle = Bundle
