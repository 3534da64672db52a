/// Where ``FormatAdapter/encode(_:to:)`` writes a draft's text as it is produced, instead of returning it whole: a file,
/// standard output, a buffer.
///
/// An encoding can be many times the size of the draft it was read from (the JSON form of a draft whose headings
/// stand a line apart is about thirty times its size, every section carrying its positions), so an adapter that
/// streams keeps in memory only the part it is writing.
///
/// ```swift
/// struct StandardOutput: EncodedTextOutput {
///     mutating func write(_ utf8: UnsafeRawBufferPointer) throws(NewsletterError) {
///         FileHandle.standardOutput.write(Data(utf8))
///     }
/// }
/// var output = StandardOutput()
/// let warnings = try JSONAdapter().encode(issue, to: &output)
/// ```
public protocol EncodedTextOutput {
    /// Appends `utf8`, the next bytes of the text; they are valid only during the call.
    ///
    /// - Throws: ``NewsletterError`` (usually of kind ``NewsletterError/Kind/io``) when the bytes cannot be written;
    ///   the encoding ends there.
    mutating func write(_ utf8: UnsafeRawBufferPointer) throws(NewsletterError)
}
