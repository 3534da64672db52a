import DiagnosticReporting
import EditorialChecks
import JSONRPC
import NewsletterCore

/// Diagnostics as LSP `Diagnostic` objects: the rule id as `code`, `editorial-check` as `source`, the severity
/// mapped (error 1, warning 2, info 3), the message as the text reporter writes it, notes with a place as related
/// information.
enum ProtocolDiagnostics {
    static let source = "editorial-check"

    static func severity(_ severity: Severity) -> Int {
        switch severity {
        case .error: 1
        case .warning: 2
        case .info: 3
        }
    }

    static func json(_ diagnostic: Diagnostic, positions: ProtocolPositions, uri: String) -> JSONValue {
        var members: [String: JSONValue] = [
            "range": positions.range(diagnostic.range),
            "severity": .integer(severity(diagnostic.severity)),
            "code": .string(diagnostic.ruleID),
            "source": .string(source),
            "message": .string(message(diagnostic)),
        ]
        let related = diagnostic.notes.compactMap { note -> JSONValue? in
            guard let range = note.range else { return nil }
            return ["location": ["uri": .string(uri), "range": positions.range(range)], "message": .string(VisibleText.escaping(note.message))]
        }
        if !related.isEmpty { members["relatedInformation"] = .array(related) }
        return .object(members)
    }

    /// The message, and the notes without a place on lines of their own (those with one are related information).
    static func message(_ diagnostic: Diagnostic) -> String {
        ([VisibleText.escaping(diagnostic.message)] + diagnostic.notes.filter { $0.range == nil }.map { "note: " + VisibleText.escaping($0.message) })
            .joined(separator: "\n")
    }

    /// An error that kept a file from being checked (not decodable, too large, invalid configuration), at its place
    /// when it has one in `source`, else at the start.
    static func json(_ error: NewsletterError, positions: ProtocolPositions?) -> JSONValue {
        let start: JSONValue = ["line": 0, "character": 0]
        var range: JSONValue = ["start": start, "end": start]
        if let location = error.location, let positions {
            let at = positions.source.location(atUTF8Offset: location.offset)
            range = positions.range(SourceRange(start: at, end: at))
        } else if let location = error.location {
            let position: JSONValue = ["line": .integer(max(location.line - 1, 0)), "character": .integer(max(location.column - 1, 0))]
            range = ["start": position, "end": position]
        }
        return [
            "range": range,
            "severity": 1,
            "code": .string(error.kind.rawValue),
            "source": .string(source),
            "message": .string(VisibleText.escaping(error.message)),
        ]
    }
}
