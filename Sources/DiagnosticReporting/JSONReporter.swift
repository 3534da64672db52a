import EditorialChecks
import Foundation
import NewsletterCore

/// `--output json`: a stable, documented object (see README): `version`, `columnKind`, and `problems`, each with
/// file, line, column, endLine, endColumn (end exclusive), severity, rule, message and fix; and, only when some input
/// could not be read or decoded, `inputErrors`, each with file, message, and line and column when known.
///
/// The document is streamed: its opening, then each problem as its file finishes, then `inputErrors` (after
/// `problems`, since they are known only at the end) and `version`. Every other key is sorted, so output diffs well,
/// and a report without input errors is byte for byte the document `JSONEncoder` wrote when it was built whole.
public struct JSONReporter: DiagnosticReporter {
    private let json = PrettyJSON()
    private var problemsWritten = 0
    private var inputErrors: [InputErrorEntry] = []
    /// Unknown rule ids in configurations, in the shape of input errors.
    private var configurationWarnings: [InputErrorEntry] = []

    /// Creates a JSON reporter.
    public init() {}

    /// A file that could not be read or decoded; the exit status is then 2.
    struct InputErrorEntry: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var message: String

        init(_ error: NewsletterError) {
            file = error.path
            line = error.location?.line
            column = error.location?.column
            message = error.message
        }
    }

    /// A problem in the document's schema, as an `Encodable` value: the reference that the hand-written elements
    /// (``appendElement(_:file:first:to:)``) are tested against, byte for byte, through JSONEncoder.
    struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var severity: String
        var rule: String
        var message: String
        var fix: FixEntry?
    }

    struct FixEntry: Encodable {
        var safety: String
        var summary: String
        var edits: [EditEntry]
    }

    struct EditEntry: Encodable {
        var line: Int
        var column: Int
        var endLine: Int
        var endColumn: Int
        var replacement: String
    }

    /// Writes the opening of the object and of `problems`.
    public func begin(into output: ReportOutput) {
        output.write("{\n  \"columnKind\" : \"unicodeCodePoints\",\n  \"problems\" : [\n")
    }

    /// Writes each problem of `file` as an element of `problems`.
    public mutating func add(_ file: CheckedFile, into output: ReportOutput) throws {
        // Written as bytes into the output's own buffer, straight from the stored diagnostics' bytes: no string is
        // made per problem.
        let store = file.store
        for position in store.indices {
            let first = problemsWritten == 0
            store.withStored(at: position) { problem in
                output.append { Self.appendElement(problem, file: file.path, first: first, to: &$0) }
            }
            problemsWritten += 1
        }
    }

    /// Keeps the error for `inputErrors`, written at the end.
    public mutating func add(inputError: NewsletterError, into output: ReportOutput) {
        inputErrors.append(InputErrorEntry(inputError))
    }

    /// Keeps the warning for `configurationWarnings`, written at the end.
    public mutating func add(configurationWarning: ConfigurationWarning, into output: ReportOutput) {
        configurationWarnings.append(InputErrorEntry(configurationWarning.error))
    }

    /// Closes `problems` and writes `inputErrors` and `configurationWarnings` (when there were any) and `version`.
    public func end(_ tally: ProblemTally, into output: ReportOutput) throws {
        output.write(json.closing(depth: 1))
        if !inputErrors.isEmpty {
            output.write(",\n  \"inputErrors\" : " + (try json.encode(inputErrors, depth: 1)))
        }
        if !configurationWarnings.isEmpty {
            output.write(",\n  \"configurationWarnings\" : " + (try json.encode(configurationWarnings, depth: 1)))
        }
        output.write(",\n  \"version\" : 1\n}\n")
    }
}

extension JSONReporter.Entry {
    init(file: String, diagnostic: Diagnostic) {
        self.init(
            file: file,
            line: diagnostic.range.start.line,
            column: diagnostic.range.start.column,
            endLine: diagnostic.range.end.line,
            endColumn: diagnostic.range.end.column,
            severity: diagnostic.severity.rawValue,
            rule: diagnostic.ruleID,
            message: diagnostic.message,
            fix: diagnostic.fix.map { fix in
                JSONReporter.FixEntry(safety: fix.safety.rawValue, summary: fix.summary, edits: fix.edits.map {
                    JSONReporter.EditEntry(line: $0.range.start.line, column: $0.range.start.column,
                                           endLine: $0.range.end.line, endColumn: $0.range.end.column, replacement: $0.replacement)
                })
            }
        )
    }
}

extension JSONReporter {
    /// Appends `problem` as an element of `problems`, exactly as ``PrettyJSON/element(_:depth:first:)`` writes its
    /// ``Entry`` at depth 1 (JSONEncoder's bytes: keys sorted, two spaces per level, ` : `, slashes unescaped), written
    /// directly: encoding each of a million problems through JSONEncoder took most of a large report's time.
    static func appendElement(_ problem: StoredDiagnostic, file: String, first: Bool, to json: inout [UInt8]) {
        let range = problem.range
        json.append(literal: first ? "    {\n" : ",\n    {\n")
        appendPosition(range, edit: false, to: &json)
        json.append(literal: ",\n      \"file\" : ")
        json.append(jsonString: file)
        if let fix = problem.fix {
            json.append(literal: ",\n      \"fix\" : {\n        \"edits\" : [\n")
            for (index, edit) in fix.edits.enumerated() {
                json.append(literal: index == 0 ? "          {\n" : ",\n          {\n")
                appendPosition(edit.range, edit: true, to: &json)
                json.append(literal: ",\n            \"line\" : ")
                json.append(decimal: edit.range.start.line)
                json.append(literal: ",\n            \"replacement\" : ")
                json.append(jsonString: edit.replacement)
                json.append(literal: "\n          }")
            }
            json.append(literal: "\n        ],\n        \"safety\" : ")
            json.append(jsonString: (fix.isSafe ? FixSafety.safe : .suggestion).rawValue)
            json.append(literal: ",\n        \"summary\" : ")
            json.append(jsonString: fix.summary)
            json.append(literal: "\n      }")
        }
        json.append(literal: ",\n      \"line\" : ")
        json.append(decimal: range.start.line)
        json.append(literal: ",\n      \"message\" : ")
        json.append(jsonString: problem.message)
        json.append(literal: ",\n      \"rule\" : ")
        json.append(jsonString: problem.ruleID)
        json.append(literal: ",\n      \"severity\" : ")
        json.append(jsonString: problem.severity.rawValue)
        json.append(literal: "\n    }")
    }

    /// The keys that sort before `file` (and, in an edit, before `line`), indented for a problem or for an edit.
    private static func appendPosition(_ range: SourceRange, edit: Bool, to json: inout [UInt8]) {
        json.append(literal: edit ? "            \"column\" : " : "      \"column\" : ")
        json.append(decimal: range.start.column)
        json.append(literal: edit ? ",\n            \"endColumn\" : " : ",\n      \"endColumn\" : ")
        json.append(decimal: range.end.column)
        json.append(literal: edit ? ",\n            \"endLine\" : " : ",\n      \"endLine\" : ")
        json.append(decimal: range.end.line)
    }
}
