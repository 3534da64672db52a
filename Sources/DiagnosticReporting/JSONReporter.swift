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
        // The elements are written into one string handed on every 64 KiB, with no string of its own per problem.
        var elements = ""
        for diagnostic in file.store {
            Entry(file: file.path, diagnostic: diagnostic).appendElement(to: &elements, first: problemsWritten == 0)
            problemsWritten += 1
            if elements.utf8.count >= 64 * 1024 {
                output.write(elements)
                elements = ""
            }
        }
        if !elements.isEmpty { output.write(elements) }
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
    func appendElement(to json: inout String, first: Bool) {
        json += first ? "    {\n" : ",\n    {\n"
        Self.appendPosition(line: line, column: column, endLine: endLine, endColumn: endColumn, edit: false, to: &json)
        json += ",\n      \"file\" : "
        Self.appendString(file, to: &json)
        if let fix {
            json += ",\n      \"fix\" : {\n        \"edits\" : [\n"
            for (index, edit) in fix.edits.enumerated() {
                json += index == 0 ? "          {\n" : ",\n          {\n"
                Self.appendPosition(line: edit.line, column: edit.column, endLine: edit.endLine, endColumn: edit.endColumn, edit: true, to: &json)
                json += ",\n            \"line\" : "
                json += String(edit.line)
                json += ",\n            \"replacement\" : "
                Self.appendString(edit.replacement, to: &json)
                json += "\n          }"
            }
            json += "\n        ],\n        \"safety\" : "
            Self.appendString(fix.safety, to: &json)
            json += ",\n        \"summary\" : "
            Self.appendString(fix.summary, to: &json)
            json += "\n      }"
        }
        json += ",\n      \"line\" : "
        json += String(line)
        json += ",\n      \"message\" : "
        Self.appendString(message, to: &json)
        json += ",\n      \"rule\" : "
        Self.appendString(rule, to: &json)
        json += ",\n      \"severity\" : "
        Self.appendString(severity, to: &json)
        json += "\n    }"
    }

    /// The keys that sort before `file` (and, in an edit, before `line`), indented for a problem or for an edit.
    private static func appendPosition(line: Int, column: Int, endLine: Int, endColumn: Int, edit: Bool, to json: inout String) {
        json += edit ? "            \"column\" : " : "      \"column\" : "
        json += String(column)
        json += edit ? ",\n            \"endColumn\" : " : ",\n      \"endColumn\" : "
        json += String(endColumn)
        json += edit ? ",\n            \"endLine\" : " : ",\n      \"endLine\" : "
        json += String(endLine)
    }

    /// `text` as a JSON string, escaped as JSONEncoder escapes it: the quotation mark and the backslash, the controls
    /// that have a short escape (`\b`, `\f`, `\n`, `\r`, `\t`), the other controls as `\u00xx` in small hexadecimal
    /// digits, and nothing else.
    static func appendString(_ text: String, to json: inout String) {
        json += "\""
        // Most strings hold nothing to escape: found on their bytes in place, and appended whole.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        }
        if plain == true {
            json += text
            json += "\""
            return
        }
        var plainStart = text.utf8.startIndex
        for index in text.utf8.indices {
            let byte = text.utf8[index]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
            json += text[plainStart..<index]
            switch byte {
            case UInt8(ascii: "\""): json += "\\\""
            case UInt8(ascii: "\\"): json += "\\\\"
            case 0x08: json += "\\b"
            case 0x0C: json += "\\f"
            case 0x0A: json += "\\n"
            case 0x0D: json += "\\r"
            case 0x09: json += "\\t"
            default: json += "\\u00" + String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16)
            }
            plainStart = text.utf8.index(after: index)
        }
        json += text[plainStart...]
        json += "\""
    }
}
