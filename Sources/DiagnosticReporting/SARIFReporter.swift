import EditorialChecks
import Foundation
import NewsletterCore

/// `--output sarif`: SARIF 2.1.0 as GitHub code scanning reads it: stable rule ids with descriptions,
/// results with repository-relative paths and 1-based, end-exclusive columns in Unicode code points, and fixes.
/// Files that could not be read or decoded are `toolExecutionNotifications` of the run's one invocation, which then
/// has `executionSuccessful: false`; configuration warnings are notifications of level `warning` (the execution still
/// successful). The invocation is left out when there are neither.
///
/// The log is streamed: its opening, each result as its file finishes, then the invocation (after `results`, since
/// input errors are known only at the end) and the tool with its rules. A log without input errors is byte for byte
/// the document `JSONEncoder` wrote when it was built whole.
public struct SARIFReporter: DiagnosticReporter {
    /// The tool's name in the log (`runs[0].tool.driver.name`).
    public var toolName: String
    /// The tool's version in the log.
    public var toolVersion: String
    /// Where users learn about the tool (`informationUri`).
    public var informationURI: String
    /// The rules listed in the log; results refer to them by index.
    public var rules: [RuleDescription]
    private let json = PrettyJSON()
    private let ruleIndex: [String: Int]
    private var resultsWritten = 0
    private var notifications: [Notification] = []

    /// Creates a SARIF reporter for a tool and the rules it runs (`RuleRegistry.descriptions`).
    public init(
        toolName: String = "editorial-check",
        toolVersion: String,
        informationURI: String = "https://github.com/newsletterkit/NewsletterKit",
        rules: [RuleDescription]
    ) {
        self.toolName = toolName
        self.toolVersion = toolVersion
        self.informationURI = informationURI
        self.rules = rules
        ruleIndex = Dictionary(rules.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// Writes the opening of the log, of its one run and of `results`.
    public func begin(into output: ReportOutput) {
        output.write("""
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "columnKind" : "unicodeCodePoints",
                  "results" : [

            """)
    }

    /// Writes each problem of `file` as a result.
    public mutating func add(_ file: CheckedFile, into output: ReportOutput) throws {
        // Written as bytes into the output's own buffer, straight from the stored diagnostics' bytes: encoding each of
        // a million results through JSONEncoder took over a minute.
        var uri: [UInt8] = []
        uri.append(jsonString: Self.uri(file.path))
        let store = file.store
        for position in store.indices {
            let first = resultsWritten == 0
            store.withStored(at: position) { problem in
                let index = ruleIndex[problem.ruleID]
                output.append { Self.appendResult(problem, uri: uri, ruleIndex: index, first: first, to: &$0) }
            }
            resultsWritten += 1
        }
    }

    /// Keeps the warning as a notification of level `warning` of the run's invocation, written at the end; the
    /// execution still counts as successful.
    public mutating func add(configurationWarning: ConfigurationWarning, into output: ReportOutput) {
        add(configurationWarning.error, level: "warning")
    }

    /// Keeps the error as a notification of the run's invocation, written at the end.
    public mutating func add(inputError error: NewsletterError, into output: ReportOutput) {
        add(error, level: "error")
    }

    private mutating func add(_ error: NewsletterError, level: String) {
        notifications.append(Notification(
            level: level,
            message: Message(text: error.message),
            locations: error.path.map { path in
                [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: Self.uri(path)),
                    region: error.location.map { Region(line: $0.line, column: $0.column) }
                ))]
            }
        ))
    }

    /// Closes `results` and writes the invocation (when some input failed), the tool with its rules, and `version`.
    public func end(_ tally: ProblemTally, into output: ReportOutput) throws {
        output.write(json.closing(depth: 3))
        if !notifications.isEmpty {
            let failed = notifications.contains { $0.level == "error" }
            let invocations = [Invocation(executionSuccessful: !failed, toolExecutionNotifications: notifications)]
            output.write(",\n      \"invocations\" : " + (try json.encode(invocations, depth: 3)))
        }
        let tool = Tool(driver: Driver(
            name: toolName,
            version: toolVersion,
            informationUri: informationURI,
            rules: rules.map {
                ReportingDescriptor(id: $0.id, name: $0.name, shortDescription: Message(text: $0.summary),
                                    fullDescription: Message(text: $0.rationale),
                                    defaultConfiguration: Configuration(level: Self.level($0.defaultSeverity), enabled: $0.isEnabledByDefault))
            }
        ))
        output.write(",\n      \"tool\" : " + (try json.encode(tool, depth: 3)))
        output.write("\n    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n")
    }

    /// Appends `problem` as an element of `results`, exactly as ``PrettyJSON/element(_:depth:first:)`` writes its
    /// ``Result`` at depth 3 (JSONEncoder's bytes: keys sorted, two spaces per level, ` : `, slashes unescaped);
    /// `uri` is the file's, written as a JSON string already.
    static func appendResult(_ problem: StoredDiagnostic, uri: [UInt8], ruleIndex: Int?, first: Bool, to json: inout [UInt8]) {
        json.append(literal: first ? "        {\n" : ",\n        {\n")
        if let fix = problem.fix {
            json.append(literal: "          \"fixes\" : [\n            {\n              \"artifactChanges\" : [\n                {\n")
            json.append(literal: "                  \"artifactLocation\" : {\n                    \"uri\" : ")
            json.append(contentsOf: uri)
            json.append(literal: "\n                  },\n                  \"replacements\" : [\n")
            for (index, edit) in fix.edits.enumerated() {
                json.append(literal: index == 0 ? "                    {\n" : ",\n                    {\n")
                json.append(literal: "                      \"deletedRegion\" : {\n")
                appendRegion(edit.range, indent: 24, to: &json)
                json.append(literal: "\n                      },\n                      \"insertedContent\" : {\n                        \"text\" : ")
                json.append(jsonString: edit.replacement)
                json.append(literal: "\n                      }\n                    }")
            }
            json.append(literal: "\n                  ]\n                }\n              ],\n              \"description\" : {\n                \"text\" : ")
            json.append(jsonString: fix.summary)
            json.append(literal: "\n              }\n            }\n          ],\n")
        }
        json.append(literal: "          \"level\" : ")
        json.append(jsonString: level(problem.severity))
        json.append(literal: ",\n          \"locations\" : [\n            {\n              \"physicalLocation\" : {\n")
        json.append(literal: "                \"artifactLocation\" : {\n                  \"uri\" : ")
        json.append(contentsOf: uri)
        json.append(literal: "\n                },\n                \"region\" : {\n")
        appendRegion(problem.range, indent: 18, to: &json)
        json.append(literal: "\n                }\n              }\n            }\n          ],\n          \"message\" : {\n            \"text\" : ")
        json.append(jsonString: problem.message)
        json.append(literal: "\n          },\n          \"ruleId\" : ")
        json.append(jsonString: problem.ruleID)
        if let ruleIndex {
            json.append(literal: ",\n          \"ruleIndex\" : ")
            json.append(decimal: ruleIndex)
        }
        json.append(literal: "\n        }")
    }

    /// A region's four members, each on a line of its own at `indent` spaces, without the braces.
    private static func appendRegion(_ range: SourceRange, indent: Int, to json: inout [UInt8]) {
        let members: [(StaticString, Int)] = [
            ("\"endColumn\" : ", range.end.column), ("\"endLine\" : ", range.end.line),
            ("\"startColumn\" : ", range.start.column), ("\"startLine\" : ", range.start.line),
        ]
        for (index, (key, value)) in members.enumerated() {
            if index > 0 { json.append(literal: ",\n") }
            json.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent))
            json.append(literal: key)
            json.append(decimal: value)
        }
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
    struct Message: Encodable { var text: String }

    /// A result in the log's schema, as an `Encodable` value: the reference that the hand-written results
    /// (``appendResult(_:uri:ruleIndex:first:to:)``) are tested against, byte for byte, through JSONEncoder.
    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var fixes: [Fix]?
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region?
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
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

    struct Fix: Encodable {
        var description: Message
        var artifactChanges: [ArtifactChange]
    }

    struct ArtifactChange: Encodable {
        var artifactLocation: ArtifactLocation
        var replacements: [Replacement]
    }

    struct Replacement: Encodable {
        var deletedRegion: Region
        var insertedContent: Content
    }

    struct Content: Encodable { var text: String }
}
