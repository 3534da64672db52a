/// Whether a metadata field counts as filled in.
enum MetadataPresence {
    /// A field that is absent or only white space is blank.
    static func isBlank(_ value: String?) -> Bool {
        value?.allSatisfy(\.isWhitespace) ?? true
    }
}
