import NewsletterCore

/// The diagnostic shared by the spacing rules: a space belongs at this point, and inserting it is safe.
enum MissingSpace {
    static func diagnostic(_ message: String, at offset: Int, _ context: CheckContext) -> Diagnostic {
        let point = context.range(offset..<offset)
        return context.diagnostic(
            "\(message); add a space",
            at: point,
            fix: Fix(summary: "insert a space", edits: [TextEdit(range: point, replacement: " ")], safety: .safe)
        )
    }
}
