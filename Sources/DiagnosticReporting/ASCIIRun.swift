/// A run of one ASCII character (the spaces before a caret, the `~` under a problem), written straight into a new
/// string's memory: `String(repeating:count:)` appends its string once per count, which took a tenth of the text
/// report's time.
enum ASCIIRun {
    static func of(_ character: Unicode.Scalar, count: Int) -> String {
        precondition(character.isASCII, "a run of an ASCII character")
        guard count > 0 else { return "" }
        return String(unsafeUninitializedCapacity: count) { buffer in
            buffer.initialize(repeating: UInt8(character.value))
            return count
        }
    }
}
