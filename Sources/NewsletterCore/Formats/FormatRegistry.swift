/// The set of formats an application understands, and the choice among them for a given draft.
///
/// A format is chosen by its identifier when the user names one, otherwise by file extension, and among
/// adapters sharing an extension (several Markdown dialects use `.md`) by sniffing the content.
/// No match, or a tie at the top, is an error that lists the candidates; nothing is picked silently.
///
/// The registry is also where an adapter's work is checked: ``decodeDraft(_:format:)`` and ``decodeDraft(_:using:)``
/// refuse a draft whose positions fall outside the text, with an error naming the adapter
/// (``NewsletterError/Kind/invalidAdapterResult``), and give an adapter's own error the file's path and, when it has
/// no position, the adapter's identifier. A checker that reads drafts through them never crashes on, or silently
/// skips, a file because of a faulty adapter.
///
/// ```swift
/// var registry = FormatRegistry()
/// try registry.register(MyAdapter())
/// let adapter = try registry.adapter(forPath: "issue-12.md", source: source)
/// let issue = try adapter.decode(source)
/// ```
public struct FormatRegistry: Sendable {
    /// The registered adapters, in registration order.
    public private(set) var adapters: [any FormatAdapter]

    /// Creates a registry with no adapters.
    public init() {
        adapters = []
    }

    /// Creates a registry holding `adapters`; their identifiers must be unique.
    public init(_ adapters: [any FormatAdapter]) throws(NewsletterError) {
        self.adapters = []
        for adapter in adapters { try register(adapter) }
    }

    /// Adds an adapter. A second adapter with the same identifier is an error, and so is an identifier that is empty
    /// or holds white space (users type it after `--format`).
    public mutating func register(_ adapter: any FormatAdapter) throws(NewsletterError) {
        let identifier = adapter.identifier
        guard !identifier.isEmpty, !identifier.contains(where: \.isWhitespace) else {
            throw NewsletterError(.configuration, "format adapter \(String(reflecting: type(of: adapter))) has the identifier '\(identifier)'; an identifier is a non-empty word without spaces")
        }
        if let existing = adapters.first(where: { $0.identifier == identifier }) {
            let types = [existing, adapter].map { String(reflecting: type(of: $0)) }
            throw NewsletterError(
                .configuration,
                "a format with identifier '\(identifier)' is already registered (\(types[0])); \(types[1]) cannot be registered under the same identifier"
            )
        }
        adapters.append(adapter)
    }

    /// The identifiers of the registered formats.
    public var identifiers: [String] { adapters.map(\.identifier) }

    /// The adapter with this identifier.
    public func adapter(identifier: String) throws(NewsletterError) -> any FormatAdapter {
        guard let adapter = adapters.first(where: { $0.identifier == identifier }) else {
            throw NewsletterError(.unknownFormat, "unknown format '\(identifier)'; known formats: \(identifiers.joined(separator: ", "))")
        }
        return adapter
    }

    /// The adapter for a file: by its extension, sniffing the content among adapters that share it, or
    /// sniffing among all adapters when the extension is unknown or there is no path.
    public func adapter(forPath path: String?, source: SourceText) throws(NewsletterError) -> any FormatAdapter {
        // The adapters are not copied into lists of candidates and of scores: this runs for every file of a folder.
        let fileExtension = path.flatMap(Self.fileExtension(of:))
        let claims = adapters.map { adapter in fileExtension.map(adapter.fileExtensions.contains) ?? false }
        let claimCount = claims.count { $0 }
        if claimCount == 1, let index = claims.firstIndex(of: true) { return adapters[index] }

        var best = FormatConfidence.none
        var winners: [any FormatAdapter] = []
        for (adapter, claims) in zip(adapters, claims) where claimCount == 0 || claims {
            let confidence = adapter.sniff(source)
            if confidence > best {
                best = confidence
                winners = [adapter]
            } else if confidence == best {
                winners.append(adapter)
            }
        }
        let name = path ?? source.path ?? "input"
        guard best > .none, !winners.isEmpty else {
            throw NewsletterError(.unknownFormat, "cannot tell the format of \(name); pass one of: \(identifiers.joined(separator: ", "))", path: path)
        }
        guard winners.count == 1 else {
            let names = winners.map(\.identifier).joined(separator: ", ")
            // Two adapters certain of one file means one of them sniffs too eagerly: say so, as the user cannot tell.
            let message = best == .certain
                ? "\(name) is claimed with certainty by more than one format: \(names); name the format explicitly"
                : "\(name) could be any of: \(names); name the format explicitly"
            throw NewsletterError(.ambiguousFormat, message, path: path)
        }
        return winners[0]
    }

    /// Decodes a draft, choosing the adapter by `format` when given, otherwise from the path and content.
    ///
    /// The issue is checked as ``decodeDraft(_:using:)`` checks it.
    public func decode(_ source: SourceText, format: String? = nil) throws(NewsletterError) -> (issue: Issue, format: String) {
        let adapter = try self.adapter(for: source, format: format)
        let issue: Issue
        do {
            issue = try adapter.decode(source)
        } catch {
            throw Self.attributed(error, to: adapter, source: source)
        }
        try DraftValidation(source: source, adapter: adapter.identifier).check(DecodedDraft(issue: issue))
        return (issue, adapter.identifier)
    }

    /// Reads a draft with its Markdown syntax tree (see ``FormatAdapter/decodeDraft(_:)``), in the format given or
    /// detected as ``decode(_:format:)`` does, checked as ``decodeDraft(_:using:)`` checks it.
    public func decodeDraft(_ source: SourceText, format: String? = nil) throws(NewsletterError) -> (draft: DecodedDraft, format: String) {
        let adapter = try self.adapter(for: source, format: format)
        return (try decodeDraft(source, using: adapter), adapter.identifier)
    }

    /// Reads a draft with an adapter already chosen, and checks what it returns.
    ///
    /// An error the adapter throws comes back with the file's path and, when it has no position in the file, the
    /// adapter's identifier in its message (`feed.json: error: format 'json-feed': no items`). A draft whose
    /// positions do not fit the text (an offset past its end, a range that ends before it starts, a line that does
    /// not hold its offset, prose ranges out of order) is refused with an error of kind
    /// ``NewsletterError/Kind/invalidAdapterResult`` naming the adapter and the part:
    ///
    /// ```text
    /// feed.json: error: format adapter 'json-feed' returned a draft whose links[0].range (offsets 40..<900) is outside the text, which has 120 bytes
    /// ```
    public func decodeDraft(_ source: SourceText, using adapter: any FormatAdapter) throws(NewsletterError) -> DecodedDraft {
        let draft: DecodedDraft
        do {
            draft = try adapter.decodeDraft(source)
        } catch {
            throw Self.attributed(error, to: adapter, source: source)
        }
        try DraftValidation(source: source, adapter: adapter.identifier).check(draft)
        return draft
    }

    /// An adapter's error with the file's path, and the adapter's identifier when the error has no position: an
    /// error that says where it is is about the input; one that does not is the adapter's to explain.
    private static func attributed(_ error: NewsletterError, to adapter: any FormatAdapter, source: SourceText) -> NewsletterError {
        var error = error
        if error.path == nil { error.path = source.path }
        if error.location == nil {
            error.message = error.message.isEmpty
                ? "format '\(adapter.identifier)' failed without saying why"
                : "format '\(adapter.identifier)': \(error.message)"
        }
        return error
    }

    private func adapter(for source: SourceText, format: String?) throws(NewsletterError) -> any FormatAdapter {
        if let format { return try adapter(identifier: format) }
        return try adapter(forPath: source.path, source: source)
    }

    /// Converts a draft from one format to another through ``Issue``, with the fields the target cannot hold as warnings.
    public func convert(_ source: SourceText, from: String? = nil, to target: String) throws(NewsletterError) -> EncodedIssue {
        let decoded = try decode(source, format: from)
        return try adapter(identifier: target).encode(decoded.issue)
    }

    private static func fileExtension(of path: String) -> String? {
        // Found on the path's bytes (both marks are ASCII): looking for them by character costs more than the rest.
        let utf8 = path.utf8
        let nameStart = utf8.lastIndex(of: UInt8(ascii: "/")).map(utf8.index(after:)) ?? utf8.startIndex
        guard let dot = utf8[nameStart...].lastIndex(of: UInt8(ascii: ".")), dot != nameStart else { return nil }
        return path[utf8.index(after: dot)...].lowercased()
    }
}
