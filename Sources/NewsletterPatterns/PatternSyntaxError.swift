/// Why a pattern cannot be compiled, and where in it.
package struct PatternSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The UTF-8 offset in the pattern of the character the problem starts at.
    package var utf8Offset: Int
    /// The 1-based position of that character in the pattern, counted in Unicode scalars.
    package var column: Int
    /// What is wrong, lower-case first word, no final period.
    package var message: String

    package init(utf8Offset: Int, column: Int, message: String) {
        self.utf8Offset = utf8Offset
        self.column = column
        self.message = message
    }

    /// The message and the character it is about.
    package var description: String { "\(message) (at character \(column) of the pattern)" }
}
