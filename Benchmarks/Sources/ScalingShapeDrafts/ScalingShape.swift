/// The input shapes whose cost once grew with the square of their size (issue 15), each a draft generated at a scale:
/// scale 1 is the size the issue measured, and scales 4 and 16 show whether time and memory grow by about 4x per step.
///
/// Every shape is plain beehiiv Markdown, made of one repeated unit, so a scale is the same text repeated more.
public enum ScalingShape: String, CaseIterable, Sendable {
    /// 16,000 mojibake tokens (`ü§å`, about 11 bytes each with their word) on one 176 KB line, per scale.
    case mojibakeLine = "mojibake-line"
    /// `[a](` 32,000 times on one line, a paragraph of them per scale: link openers that never close. One line of
    /// them all holds more markup than a stretch may (`MarkdownDocument.maximumMarkupMarkersBetweenHeadings`) from
    /// scale 5 on, and is refused before it is parsed.
    case linkOpeners = "link-openers"
    /// A table as wide as the limit allows (256 columns), every cell a link, 16 rows per scale.
    case widestTable = "widest-table"
    /// A header row of 10,000 link cells per scale: past the 256-column limit, so reading it must fail at once.
    case overWideTable = "over-wide-table"
    /// 64 KB of paragraphs with mangled words per scale, for `fix` (the 1 MB is scale 16).
    case mangledParagraphs = "mangled-paragraphs"
    /// 64 KB of `a**b**c` emphasis that runs into its words per scale: two spacing fixes each, for `fix`.
    case emphasisSpacing = "emphasis-spacing"
    /// `## Heading N` and a blank line, 64,000 per scale: a section every 12 bytes, each one empty (so the outline and
    /// `empty-section` fire on every line).
    case emptySections = "empty-sections"
    /// About 3.2 MB per scale of blocks where every offline rule fires, about 30 problems per KB
    /// (scale 16 is the 50 MB draft with a million problems and more).
    case everyRule = "every-rule"

    /// Whether `fix` is the command this shape is about (`check` runs on every shape).
    public var isAboutFixing: Bool { self == .mojibakeLine || self == .mangledParagraphs || self == .emphasisSpacing }

    /// The draft at `scale`, optionally shrunk by `divisor` (the in-process benchmark uses smaller drafts of the
    /// same shape so that each iteration stays short; the ratios between scales are what it measures).
    public func draft(scale: Int, divisor: Int = 1) -> String {
        let units = max(baseUnits * scale / max(divisor, 1), 1)
        switch self {
        case .mojibakeLine:
            return "# Notes\n\n" + String(repeating: "ü§å and ", count: units) + "\n"
        case .linkOpeners:
            let line = String(repeating: "[a](", count: max(baseUnits / max(divisor, 1), 1)) + "\n"
            return "# Notes\n\n" + Array(repeating: line, count: scale).joined(separator: "\n")
        case .widestTable:
            let row = "|" + (0..<256).map { " [c\($0)](https://acme.dev/\($0)) |" }.joined() + "\n"
            let delimiter = "|" + String(repeating: " --- |", count: 256) + "\n"
            return "# Notes\n\n" + row + delimiter + String(repeating: row, count: units) + "\n"
        case .overWideTable:
            let header = "|" + (0..<units).map { " [c\($0)](https://acme.dev/\($0)) |" }.joined() + "\n"
            return "# Notes\n\n" + header + "|" + String(repeating: " --- |", count: units) + "\n"
        case .mangledParagraphs:
            return "# Notes\n\n" + Self.repeated(Self.mangledParagraph, toBytes: units)
        case .emphasisSpacing:
            return "# Notes\n\n" + Self.repeated(Self.emphasisParagraph, toBytes: units)
        case .emptySections:
            return "# Notes\n\n" + (0..<units).map { "## Heading \($0)\n\n" }.joined()
        case .everyRule:
            return "# Notes\n\n" + Self.repeated(Self.everyRuleBlock, toBytes: units)
        }
    }

    /// Tokens, openers, rows, cells or bytes at scale 1.
    private var baseUnits: Int {
        switch self {
        case .mojibakeLine: 16_000
        case .linkOpeners: 32_000
        case .widestTable: 16
        case .overWideTable: 10_000
        case .mangledParagraphs, .emphasisSpacing: 64 * 1024
        case .emptySections: 64_000
        case .everyRule: 3_200_000
        }
    }

    /// `unit` repeated (numbered, so that links and headings differ) until the text holds at least `bytes` bytes.
    private static func repeated(_ unit: (Int) -> String, toBytes bytes: Int) -> String {
        var text = ""
        text.reserveCapacity(bytes + 1024)
        var index = 0
        while text.utf8.count < bytes {
            text += unit(index)
            index += 1
        }
        return text
    }

    /// Western text read as Windows-1252 and Mac OS Roman, and emoji read as Mac OS Roman.
    private static func mangledParagraph(_ index: Int) -> String {
        "The cafÃ© on pier \(index) served crÃ¨me brÃ»lÃ©e ü§å while the naÃ¯ve skipper‚Äôs rÃ©sumÃ© "
            + "said ‚Äúcalm‚Äù and the tide ran high. ðŸ˜€ Ã‰tÃ© is near.\n\n"
    }

    private static func emphasisParagraph(_ index: Int) -> String {
        "Tide\(index)**high**water and ebb**low**tide, calm**seas**ahead and rough**swell**behind.\n\n"
    }

    /// One block where each offline rule fires at least once: a heading that skips levels and an empty section,
    /// mojibake, links glued to words, an insecure, an empty, a malformed, a placeholder and a duplicate link, an
    /// image without alt text, non-descriptive link text, emphasis glued to words and a trailing-space break.
    private static func everyRuleBlock(_ index: Int) -> String {
        "## **Harbour \(index)**\n\n##### **Small print \(index)**\n\n"
            + "Read ü§å the notes with[a link](http://acme.dev/\(index))today, and [](https://docs.acme.dev/\(index)) "
            + "and ![](https://cdn.acme.dev/\(index).png).\n"
            + "Save from**spending**less, see [Click here!](https://acme.dev/b\(index)) and [the guide](htps://docs.acme.dev/g\(index)).\n"
            + "Share [with a friend](https://acme.dev/share?ref=PLACEHOLDER) and [again](http://acme.dev/\(index))  \n"
            + "the caf‚Äôs rÃ©sumÃ© ends here.\n\n"
    }
}
