import EditorialChecks
import Foundation
import NewsletterCore

/// `--output sarif`: SARIF 2.1.0 as GitHub code scanning reads it: stable rule ids with descriptions,
/// results with repository-relative paths and 1-based, end-exclusive columns in Unicode code points, and fixes.
/// Files that could not be read or decoded are `toolExecutionNotifications` of the run's one invocation, which then
/// has `executionSuccessful: false`; the invocation is left out when every file was read.
struct SARIFReporter {
    var toolVersion: String
    var rules: [RuleDescription]

    func render(_ problems: [ReportedProblem], inputErrors: [NewsletterError] = []) throws -> String {
        let ruleIndex = Dictionary(uniqueKeysWithValues: rules.enumerated().map { ($0.element.id, $0.offset) })
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(
                name: "editorial-check",
                version: toolVersion,
                informationUri: "https://github.com/newsletterkit/NewsletterKit",
                rules: rules.map {
                    ReportingDescriptor(id: $0.id, name: $0.name, shortDescription: Message(text: $0.summary),
                                        fullDescription: Message(text: $0.rationale),
                                        defaultConfiguration: Configuration(level: Self.level($0.defaultSeverity), enabled: $0.isEnabledByDefault))
                }
            )),
            results: problems.map { problem in
                let diagnostic = problem.diagnostic
                let location = ArtifactLocation(uri: Self.uri(problem.file))
                return Result(
                    ruleId: diagnostic.ruleID,
                    ruleIndex: ruleIndex[diagnostic.ruleID],
                    level: Self.level(diagnostic.severity),
                    message: Message(text: diagnostic.message),
                    locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: location, region: Region(diagnostic.range)))],
                    fixes: diagnostic.fix.map { fix in
                        [Fix(description: Message(text: fix.summary), artifactChanges: [ArtifactChange(
                            artifactLocation: location,
                            replacements: fix.edits.map { Replacement(deletedRegion: Region($0.range), insertedContent: Content(text: $0.replacement)) }
                        )])]
                    }
                )
            },
            invocations: inputErrors.isEmpty ? nil : [Invocation(
                executionSuccessful: false,
                toolExecutionNotifications: inputErrors.map { error in
                    Notification(
                        level: "error",
                        message: Message(text: error.message),
                        locations: error.path.map { path in
                            [Location(physicalLocation: PhysicalLocation(
                                artifactLocation: ArtifactLocation(uri: Self.uri(path)),
                                region: error.location.map { Region(line: $0.line, column: $0.column) }
                            ))]
                        }
                    )
                }
            )]
        )])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    private static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI as code scanning expects: forward slashes, no leading `./`, spaces and `%` escaped.
    private static func uri(_ path: String) -> String {
        let relative = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
        return relative.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? relative
    }

    private struct Log: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }

    private struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
        var invocations: [Invocation]?
    }

    private struct Invocation: Encodable {
        var executionSuccessful: Bool
        var toolExecutionNotifications: [Notification]
    }

    private struct Notification: Encodable {
        var level: String
        var message: Message
        var locations: [Location]?
    }

    private struct Tool: Encodable { var driver: Driver }

    private struct Driver: Encodable {
        var name: String
        var version: String
        var informationUri: String
        var rules: [ReportingDescriptor]
    }

    private struct ReportingDescriptor: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var fullDescription: Message
        var defaultConfiguration: Configuration
    }

    private struct Configuration: Encodable {
        var level: String
        var enabled: Bool
    }
    private struct Message: Encodable { var text: String }

    private struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var fixes: [Fix]?
    }

    private struct Location: Encodable { var physicalLocation: PhysicalLocation }

    private struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    private struct ArtifactLocation: Encodable { var uri: String }

    private struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var endLine: Int?
        var endColumn: Int?

        /// A point, for an input error: where the file stops being readable.
        init(line: Int, column: Int) {
            startLine = line
            startColumn = column
        }

        init(_ range: SourceRange) {
            startLine = range.start.line
            startColumn = range.start.column
            endLine = range.end.line
            endColumn = range.end.column
        }
    }

    private struct Fix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    private struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    private struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Content
    }

    private struct Content: Encodable { var text: String }
}
