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
        // Written as bytes into the output's own buffer, with no string made per problem.
        for diagnostic in file.store {
            let first = problemsWritten == 0
            output.append { Entry(file: file.path, diagnostic: diagnostic).appendElement(to: &$0, first: first) }
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

extension JSONReporter.Entry {
    /// Appends the entry as an element of `problems`, exactly as ``PrettyJSON/element(_:depth:first:)`` writes it at
    /// depth 1 (JSONEncoder's bytes: keys sorted, two spaces per level, ` : `, slashes unescaped), written directly:
    /// encoding each of a million problems through JSONEncoder took most of a large report's time. Literals and
    /// numbers are appended one by one: a literal joined to a number makes a string of its own, on the heap once it
    /// is longer than 15 bytes.
    func appendElement(to json: inout [UInt8], first: Bool) {
        json.append(literal: first ? "    {\n" : ",\n    {\n")
        Self.appendPosition(line: line, column: column, endLine: endLine, endColumn: endColumn, edit: false, to: &json)
        json.append(literal: ",\n      \"file\" : ")
        Self.appendString(file, to: &json)
        if let fix {
            json.append(literal: ",\n      \"fix\" : {\n        \"edits\" : [\n")
            for (index, edit) in fix.edits.enumerated() {
                json.append(literal: index == 0 ? "          {\n" : ",\n          {\n")
                Self.appendPosition(line: edit.line, column: edit.column, endLine: edit.endLine, endColumn: edit.endColumn, edit: true, to: &json)
                json.append(literal: ",\n            \"line\" : ")
                json.append(decimal: edit.line)
                json.append(literal: ",\n            \"replacement\" : ")
                Self.appendString(edit.replacement, to: &json)
                json.append(literal: "\n          }")
            }
            json.append(literal: "\n        ],\n        \"safety\" : ")
            Self.appendString(fix.safety, to: &json)
            json.append(literal: ",\n        \"summary\" : ")
            Self.appendString(fix.summary, to: &json)
            json.append(literal: "\n      }")
        }
        json.append(literal: ",\n      \"line\" : ")
        json.append(decimal: line)
        json.append(literal: ",\n      \"message\" : ")
        Self.appendString(message, to: &json)
        json.append(literal: ",\n      \"rule\" : ")
        Self.appendString(rule, to: &json)
        json.append(literal: ",\n      \"severity\" : ")
        Self.appendString(severity, to: &json)
        json.append(literal: "\n    }")
    }

    /// The keys that sort before `file` (and, in an edit, before `line`), indented for a problem or for an edit.
    private static func appendPosition(line: Int, column: Int, endLine: Int, endColumn: Int, edit: Bool, to json: inout [UInt8]) {
        json.append(literal: edit ? "            \"column\" : " : "      \"column\" : ")
        json.append(decimal: column)
        json.append(literal: edit ? ",\n            \"endColumn\" : " : ",\n      \"endColumn\" : ")
        json.append(decimal: endColumn)
        json.append(literal: edit ? ",\n            \"endLine\" : " : ",\n      \"endLine\" : ")
        json.append(decimal: endLine)
    }

    /// `text` as a JSON string, escaped as JSONEncoder escapes it: the quotation mark and the backslash, the controls
    /// that have a short escape (`\b`, `\f`, `\n`, `\r`, `\t`), the other controls as `\u00xx` in small hexadecimal
    /// digits, and nothing else.
    static func appendString(_ text: String, to json: inout [UInt8]) {
        json.append(UInt8(ascii: "\""))
        // Most strings hold nothing to escape: found on their bytes in place, and appended whole.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain == true {
            json.append(contentsOf: text.utf8)
            json.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                json.append(byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): json.append(literal: "\\\"")
            case UInt8(ascii: "\\"): json.append(literal: "\\\\")
            case 0x08: json.append(literal: "\\b")
            case 0x0C: json.append(literal: "\\f")
            case 0x0A: json.append(literal: "\\n")
            case 0x0D: json.append(literal: "\\r")
            case 0x09: json.append(literal: "\\t")
            default:
                json.append(literal: "\\u00")
                json.append(Self.hexDigits[Int(byte >> 4)])
                json.append(Self.hexDigits[Int(byte & 0xF)])
            }
        }
        json.append(UInt8(ascii: "\""))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
