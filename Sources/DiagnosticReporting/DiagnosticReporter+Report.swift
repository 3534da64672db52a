import NewsletterCore

extension DiagnosticReporter {
    /// The whole report of `files` (in this order) and of the inputs that could not be read, as one text: what
    /// ``begin(into:)``, ``add(inputError:into:)`` for each error, ``add(_:into:)`` for each file (counted in a
    /// ``ProblemTally``) and ``end(_:into:)`` write.
    ///
    /// - Throws: what the format's writing throws (``GitHubReporter`` when it cannot hold problems back in a
    ///   temporary file, the JSON formats when a value cannot be encoded).
    public mutating func report(_ files: [CheckedFile], inputErrors: [NewsletterError] = []) throws -> String {
        var text = ""
        let output = ReportOutput { text += $0 }
        var tally = ProblemTally()
        try begin(into: output)
        for error in inputErrors { add(inputError: error, into: output) }
        for file in files {
            tally.count(file)
            try add(file, into: output)
        }
        try end(tally, into: output)
        output.flush()
        return text
    }
}
