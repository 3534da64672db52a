import NewsletterCore

/// A diagnostic read in place from a ``DiagnosticStore``: its texts are the store's own bytes, so a reporter writes it
/// without making a `String` or an array per problem.
///
/// Valid only inside the call that hands it over (``DiagnosticStore/withStored(at:_:)``), as its bytes are.
package struct StoredDiagnostic {
    /// A fix read in place: its summary, whether it is safe, and its edits.
    package struct StoredFix {
        package var summary: UnsafeBufferPointer<UInt8>
        package var isSafe: Bool
        package var edits: Edits
    }

    /// A fix's edits, each read from the store's bytes as it is reached: its range and its replacement's bytes.
    package struct Edits: Sequence {
        package struct Edit {
            package var range: SourceRange
            package var replacement: UnsafeBufferPointer<UInt8>
        }

        package struct Iterator: IteratorProtocol {
            fileprivate var reader: DiagnosticBytes.Reader
            fileprivate var remaining: Int

            package mutating func next() -> Edit? {
                guard remaining > 0 else { return nil }
                remaining -= 1
                let edit = reader.edit()
                return Edit(range: edit.range, replacement: edit.replacement)
            }
        }

        fileprivate let reader: DiagnosticBytes.Reader
        package let count: Int

        /// No edits: what a diagnostic without a fix has to iterate.
        package static var none: Edits { Edits(reader: DiagnosticBytes.Reader(bytes: UnsafeBufferPointer(start: nil, count: 0), offset: 0), count: 0) }

        init(reader: DiagnosticBytes.Reader, count: Int) {
            self.reader = reader
            self.count = count
        }

        package func makeIterator() -> Iterator { Iterator(reader: reader, remaining: count) }
    }

    package var ruleID: String
    package var severity: Severity
    /// The message's UTF-8 bytes.
    package var message: UnsafeBufferPointer<UInt8>
    package var range: SourceRange
    package var fix: StoredFix?

    /// Calls `body` with `diagnostic` read in place, for output written one diagnostic at a time.
    package static func with<Result>(_ diagnostic: Diagnostic, _ body: (StoredDiagnostic) throws -> Result) rethrows -> Result {
        try DiagnosticStore(CollectionOfOne(diagnostic)).withStored(at: 0, body)
    }
}
