import NewsletterCore

/// `--output github`: GitHub Actions workflow commands, errors first because GitHub shows only a
/// limited number of annotations per step. Files that could not be read or decoded come first of all, as errors
/// titled `input-error`.
struct GitHubReporter {
    func render(_ problems: [ReportedProblem], inputErrors: [NewsletterError] = []) -> String {
        inputErrors.map { render($0) }.joined() + problems.enumerated()
            .sorted { ($1.element.diagnostic.severity, $0.offset) < ($0.element.diagnostic.severity, $1.offset) }
            .map { render($0.element) }
            .joined()
    }

    private func render(_ problem: ReportedProblem) -> String {
        let diagnostic = problem.diagnostic
        let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
        let properties = [
            "file=\(Self.escapeProperty(problem.file))",
            "line=\(diagnostic.range.start.line)",
            "col=\(diagnostic.range.start.column)",
            "endLine=\(diagnostic.range.end.line)",
            "endColumn=\(diagnostic.range.end.column)",
            "title=\(Self.escapeProperty(diagnostic.ruleID))",
        ].joined(separator: ",")
        return "::\(command) \(properties)::\(Self.escapeData(VisibleText.escaping(diagnostic.message, keepingLineBreaks: true)))\n"
    }

    private func render(_ error: NewsletterError) -> String {
        var properties: [String] = []
        if let path = error.path { properties.append("file=\(Self.escapeProperty(path))") }
        if let location = error.location { properties += ["line=\(location.line)", "col=\(location.column)"] }
        properties.append("title=input-error")
        return "::error \(properties.joined(separator: ","))::\(Self.escapeData(VisibleText.escaping(error.message, keepingLineBreaks: true)))\n"
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text)
            .replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }
}
