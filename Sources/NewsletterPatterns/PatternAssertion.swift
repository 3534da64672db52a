/// A condition on the position between two characters, consuming none.
enum PatternAssertion: Sendable, Equatable {
    /// `^`, `\A`: the start of the text.
    case textStart
    /// `\z`: the end of the text.
    case textEnd
    /// `$`, `\Z`: the end of the text, or just before a line terminator that ends it (as ICU and PCRE read `$`).
    case textEndOrFinalLineTerminator
    /// `\b`: between a word character and a non-word character (or the text's edge).
    case wordBoundary
    /// `\B`: not at a word boundary.
    case notWordBoundary
}
