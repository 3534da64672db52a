import Foundation
import NewsletterCore

extension LintConfiguration {
    /// Reads a configuration from YAML text, checking rule identifiers and option names against `registry` and the
    /// configuration's own `custom_rules:`.
    ///
    /// A rule identifier that neither knows is not an error (another tool's registry may know it): it is left out and
    /// listed in ``warnings`` with the closest known identifier; with `strict`, it is an error.
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` of kind `configuration` naming the line and column of an
    ///   unknown key, a value of the wrong kind, an unsupported pattern, a custom rule missing a field or named like a
    ///   registered rule, or (with `strict`) an unknown rule; of kind `malformedInput` for text that is not YAML or
    ///   holds a key twice.
    public init(yaml source: SourceText, registry: RuleRegistry = .builtIn, strict: Bool = false) throws(NewsletterError) {
        self = try ConfigurationReader(source: source, registry: registry, strict: strict).read()
    }

    /// Reads the configuration file at `path`.
    public init(contentsOfFile path: String, registry: RuleRegistry = .builtIn, strict: Bool = false) throws(NewsletterError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NewsletterError(.io, "cannot read configuration file", path: path)
        }
        try self.init(yaml: try SourceText(data: data, path: path), registry: registry, strict: strict)
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
    public init(forDraftAt path: String, registry: RuleRegistry = .builtIn, strict: Bool = false) throws(NewsletterError) {
        guard let file = Self.file(forDraftAt: path) else {
            self.init()
            return
        }
        try self.init(contentsOfFile: file, registry: registry, strict: strict)
    }
}
