import Foundation
import JSONRPC
import NewsletterCore

/// A draft open in the editor: its latest text and version, kept in sync by `didChange`.
struct OpenDocument: Sendable {
    let uri: String
    /// The file's path for `file:` URIs (for the format's extension and the nearest configuration); `nil` otherwise.
    let path: String?
    private(set) var source: SourceText
    private(set) var version: Int

    init(uri: String, text: String, version: Int) {
        self.uri = uri
        self.path = Self.path(ofURI: uri)
        self.source = SourceText(text, path: path)
        self.version = version
    }

    /// The path of a `file:` URI, percent-decoded.
    static func path(ofURI uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }

    /// Applies `didChange` content changes in order: a change with a range replaces it (positions clamped into the
    /// text, ends put in order), one without replaces the whole text.
    ///
    /// - Throws: `ResponseError.invalidParams` for a change without text; the document is unchanged then.
    mutating func apply(_ changes: [JSONValue], version: Int?, encoding: PositionEncoding) throws(ResponseError) {
        var source = self.source
        for change in changes {
            guard let text = change["text"]?.stringValue else { throw .invalidParams("a content change without text") }
            guard let range = change["range"], range != .null else {
                source = SourceText(text, path: path)
                continue
            }
            guard let offsets = ProtocolPositions(source: source, encoding: encoding).offsets(of: range) else {
                throw .invalidParams("a content change with a range that is not a range")
            }
            var edited = source.text
            let utf8 = edited.utf8
            // Offsets come from `SourceText`, which never splits a character, so they are character boundaries.
            let lower = utf8.index(utf8.startIndex, offsetBy: offsets.lowerBound)
            let upper = utf8.index(utf8.startIndex, offsetBy: offsets.upperBound)
            edited.replaceSubrange(lower..<upper, with: text)
            source = SourceText(edited, path: path)
        }
        self.source = source
        self.version = version ?? self.version + 1
    }
}
