import Foundation
import NewsletterCore

extension LintConfiguration {
    /// Reads a configuration from YAML text, checking rule identifiers and option names against `registry`.
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` of kind `configuration` naming the line and column of an
    ///   unknown key, an unknown rule, or a value of the wrong kind; of kind `malformedInput` for text that is not YAML.
    public init(yaml source: SourceText, registry: RuleRegistry = .builtIn) throws(NewsletterError) {
        self = try ConfigurationReader(source: source, registry: registry).read()
    }

    /// Reads the configuration file at `path`.
    public init(contentsOfFile path: String, registry: RuleRegistry = .builtIn) throws(NewsletterError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NewsletterError(.io, "cannot read configuration file", path: path)
        }
        try self.init(yaml: try SourceText(data: data, path: path), registry: registry)
    }

    /// The `.newsletterlint.yml` that applies to a draft: the first found in the draft's folder or any folder
    /// above it, as SwiftLint finds `.swiftlint.yml`; `nil` when there is none.
    public static func file(forDraftAt path: String) -> String? {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var folder = URL(fileURLWithPath: absolute).standardizedFileURL.deletingLastPathComponent()
        while true {
            let candidate = folder.appendingPathComponent(fileName).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The configuration for a draft: read from the nearest `.newsletterlint.yml` (see ``file(forDraftAt:)``),
    /// or the defaults when there is none.
    public init(forDraftAt path: String, registry: RuleRegistry = .builtIn) throws(NewsletterError) {
        guard let file = Self.file(forDraftAt: path) else {
            self.init()
            return
        }
        try self.init(contentsOfFile: file, registry: registry)
    }
}
