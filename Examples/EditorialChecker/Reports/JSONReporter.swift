import EditorialChecks
import Foundation
import NewsletterCore

/// `--output json`: a stable, documented object (see README): `version`, `columnKind`, and `problems`, each with
/// file, line, column, endLine, endColumn (end exclusive), severity, rule, message and fix; and, only when some input
/// could not be read or decoded, `inputErrors`, each with file, message, and line and column when known.
/// Keys are sorted so output diffs well.
struct JSONReporter {
    struct Document: Encodable {
        var version = 1
        var columnKind = "unicodeCodePoints"
        var problems: [Entry]
        var inputErrors: [InputErrorEntry]?
    }

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

    func render(_ problems: [ReportedProblem], inputErrors: [NewsletterError] = []) throws -> String {
        var document = Document(problems: problems.map { problem in
            let diagnostic = problem.diagnostic
            return Entry(
                file: problem.file,
                line: diagnostic.range.start.line,
                column: diagnostic.range.start.column,
                endLine: diagnostic.range.end.line,
                endColumn: diagnostic.range.end.column,
                severity: diagnostic.severity.rawValue,
                rule: diagnostic.ruleID,
                message: diagnostic.message,
                fix: diagnostic.fix.map { fix in
                    FixEntry(safety: fix.safety.rawValue, summary: fix.summary, edits: fix.edits.map {
                        EditEntry(line: $0.range.start.line, column: $0.range.start.column,
                                  endLine: $0.range.end.line, endColumn: $0.range.end.column, replacement: $0.replacement)
                    })
                }
            )
        })
        if !inputErrors.isEmpty { document.inputErrors = inputErrors.map(InputErrorEntry.init) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
