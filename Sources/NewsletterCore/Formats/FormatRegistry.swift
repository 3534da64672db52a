/// The set of formats an application understands, and the choice among them for a given draft.
///
/// A format is chosen by its identifier when the user names one, otherwise by file extension, and among
/// adapters sharing an extension (several Markdown dialects use `.md`) by sniffing the content.
/// No match, or a tie at the top, is an error that lists the candidates; nothing is picked silently.
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

    /// Adds an adapter. A second adapter with the same identifier is an error.
    public mutating func register(_ adapter: any FormatAdapter) throws(NewsletterError) {
        guard !adapters.contains(where: { $0.identifier == adapter.identifier }) else {
            throw NewsletterError(.configuration, "a format with identifier '\(adapter.identifier)' is already registered")
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
        let fileExtension = path.flatMap(Self.fileExtension(of:))
        let byExtension = fileExtension.map { ext in adapters.filter { $0.fileExtensions.contains(ext) } } ?? []
        let candidates = byExtension.isEmpty ? adapters : byExtension
        if candidates.count == 1, !byExtension.isEmpty { return candidates[0] }

        let scored = candidates.map { (adapter: $0, confidence: $0.sniff(source)) }
        let best = scored.map(\.confidence).max() ?? .none
        let winners = scored.filter { $0.confidence == best }.map(\.adapter)
        let name = path ?? source.path ?? "input"
        guard best > .none, !winners.isEmpty else {
            throw NewsletterError(.unknownFormat, "cannot tell the format of \(name); pass one of: \(identifiers.joined(separator: ", "))", path: path)
        }
        guard winners.count == 1 else {
            let names = winners.map(\.identifier).joined(separator: ", ")
            throw NewsletterError(.ambiguousFormat, "\(name) could be any of: \(names); name the format explicitly", path: path)
        }
        return winners[0]
    }

    /// Decodes a draft, choosing the adapter by `format` when given, otherwise from the path and content.
    public func decode(_ source: SourceText, format: String? = nil) throws(NewsletterError) -> (issue: Issue, format: String) {
        let adapter = try self.adapter(for: source, format: format)
        return (try adapter.decode(source), adapter.identifier)
    }

    /// Reads a draft with its Markdown syntax tree (see ``FormatAdapter/decodeDraft(_:)``), in the format given or
    /// detected as ``decode(_:format:)`` does.
    public func decodeDraft(_ source: SourceText, format: String? = nil) throws(NewsletterError) -> (draft: DecodedDraft, format: String) {
        let adapter = try self.adapter(for: source, format: format)
        return (try adapter.decodeDraft(source), adapter.identifier)
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
        let name = path.split(separator: "/").last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}
