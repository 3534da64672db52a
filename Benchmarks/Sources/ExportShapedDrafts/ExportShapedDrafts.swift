import Foundation

/// Generated drafts shaped like real beehiiv posts exported to Markdown, the same text for the same seed on every run.
///
/// Each draft has the export's header block (title, `### PLUS:` subtitle, then an author avatar, linked name, `\` or
/// two-space hard break and date, or instead a `|`-separated link bar), a greeting, and sections whose headings take
/// the forms exports use (bold with an emoji, emoji glued to the title, part-bold capitals, `<mark>`, `######`), most
/// with a `######` tagline directly under them. Section bodies mix the exports' shapes: tool lists with tracking
/// redirects, `\&` escapes and spaces lost around bold and links; link round-ups of several kilobytes on one line;
/// prose with link text wrapping onto the next line, links after hard breaks, bare URLs and `<...>` autolinks;
/// sponsor blocks with `\` breaks; images; polls as one-column tables; link bars broken by `\`; emoji (also as
/// mojibake), accents and CJK. The footer holds `?ref=PLACEHOLDER` links and merge tags.
public enum ExportShapedDrafts {
    /// The draft for `seed`, at least `bytes` UTF-8 bytes long (a footer of a few hundred bytes follows the last
    /// section that reaches the size).
    public static func draft(seed: UInt64, bytes: Int) -> String {
        var composer = DraftComposer(seed: seed)
        return composer.draft(bytes: bytes)
    }

    /// A size for the draft of `seed` in the range of real exports: 6 KB to 120 KB, median about 27 KB
    /// (evenly spread in logarithm, so that a folder of drafts holds a few long issues among many ordinary ones).
    public static func typicalByteCount(seed: UInt64) -> Int {
        var random = DraftRandom(seed: seed ^ 0x5349_5A45)
        let fraction = Double(random.below(1 << 20)) / Double(1 << 20)
        return Int(6_000 * pow(20, fraction))
    }
}
