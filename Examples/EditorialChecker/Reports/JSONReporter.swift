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
struct JSONReporter: StreamedReport {
    private let json = PrettyJSON()
    private var problemsWritten = 0
    private var inputErrors: [InputErrorEntry] = []
    /// Unknown rule ids in configurations, in the shape of input errors.
    private var configurationWarnings: [InputErrorEntry] = []

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

    func begin(into output: ReportOutput) {
        output.write("{\n  \"columnKind\" : \"unicodeCodePoints\",\n  \"problems\" : [\n")
    }

    mutating func add(_ file: CheckedFile, into output: ReportOutput) throws {
        for diagnostic in file.diagnostics {
            output.write(try json.element(Entry(file: file.path, diagnostic: diagnostic), depth: 1, first: problemsWritten == 0))
            problemsWritten += 1
        }
    }

    mutating func add(inputError: NewsletterError, into output: ReportOutput) {
        inputErrors.append(InputErrorEntry(inputError))
    }

    mutating func add(configurationWarning: ConfigurationWarning, into output: ReportOutput) {
        configurationWarnings.append(InputErrorEntry(configurationWarning.error))
    }

    func end(_ tally: ProblemTally, into output: ReportOutput) throws {
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
