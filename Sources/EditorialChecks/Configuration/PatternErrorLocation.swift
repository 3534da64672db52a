import NewsletterCore
import NewsletterPatterns
package import NewsletterYAML

/// Configuration errors about a pattern, placed at the pattern's offending character in the file.
package enum PatternErrorLocation {
    /// `what: message` at the character the pattern error names when the YAML scalar is written as its text,
    /// else at the scalar with the character's position in the pattern.
    package static func error(_ error: PatternSyntaxError, in what: String, at node: YAMLNode, of source: SourceText) -> NewsletterError {
        if let offset = node.sourceOffset(ofTextOffset: error.utf8Offset, in: source) {
            return NewsletterError(.configuration, "\(what): \(error.message)", at: source.location(atUTF8Offset: offset), in: source)
        }
        return NewsletterError(.configuration, "\(what): \(error)", at: node.range.start, in: source)
    }
}
