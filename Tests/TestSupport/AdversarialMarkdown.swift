import Foundation

/// Markdown built to trip up a reader that places inline nodes: the shapes real exports are full of (link bars cut by
/// backslash breaks, link text wrapping onto the next line, tables of links, taglines, emoji and CJK text), and the
/// corners of CommonMark and GitHub's extensions (escapes and entities in destinations, nested brackets, images in
/// links, reference links, autolinks, bare URLs with trailing punctuation, raw HTML, code, quotes and lists, CRLF).
public struct AdversarialMarkdown {
    private var generator: SeededGenerator

    /// A generator whose documents depend only on `seed`.
    public init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    private static let words = [
        "see", "Picks", "tools", "naïve", "café", "e\u{301}te\u{301}", "🤌", "👋🏽", "漢字", "日本語", "Ben’s", "x", "API", "a_b",
        "2 * 3", "done.", "(aside)", "well:", "📰", "‚Äô", "ü§å", "one|two", "ok!", "~tilde~", "under_score_",
    ]
    private static let hosts = ["a.example", "b.example", "flight.beehiiv.net", "x.example", "café.example", "q.example"]
    private static let entities = ["&amp;", "&#39;", "&#x27;", "&copy;", "&nbsp;", "&notanentity;", "&", "&#0;"]

    private mutating func pick<T>(_ values: [T]) -> T { values.randomElement(using: &generator)! }
    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &generator) < percent }

    private mutating func url() -> String {
        var url = "https://" + pick(Self.hosts) + "/" + pick(["p", "v2/clicks/t1", "wiki/Foo_(bar)", "a-b", ""])
        if chance(30) { url += "?a=1" + pick(["\\&b=2", "&amp;b=2", "&b=2", "&utm_source=x"]) }
        if chance(10) { url += "#" + pick(["top", "section-2"]) }
        return url
    }

    private mutating func destination() -> String {
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: "<" + url() + " x>"
        case 1: url() + " \"" + pick(["A title", "with \\\"quotes\\\"", "é"]) + "\""
        case 2: url() + " '" + pick(["single", "t"]) + "'"
        case 3: "(" + url() + ")"
        case 4: ""
        default: url()
        }
    }

    private mutating func inlineText(_ count: Int, allowBreaks: Bool) -> String {
        (0..<count).map { _ in
            switch Int.random(in: 0..<14, using: &generator) {
            case 0: "*" + pick(Self.words) + "*"
            case 1: "**" + pick(Self.words) + "**"
            case 2: "~~" + pick(Self.words) + "~~"
            case 3: "`" + pick(["code", "a**b**c", "x | y", "[n](o)", "` `"]) + "`"
            case 4: pick(Self.entities)
            case 5: pick(["\\*", "\\[", "\\]", "\\\\", "\\_", "\\|", "\\&", "\\a"])
            case 6: pick(["<span>", "</span>", "<br>", "<!-- note -->", "<a href=\"x\">"])
            case 7 where allowBreaks: pick(["\n", "  \n", "\\\n"])
            default: pick(Self.words)
            }
        }.joined(separator: pick([" ", " ", " ", "", "  "]))
    }

    private mutating func link() -> String {
        switch Int.random(in: 0..<14, using: &generator) {
        case 0: "![" + inlineText(2, allowBreaks: false) + "](" + url() + ")"
        case 1: "[![" + pick(Self.words) + "](" + url() + ")](" + url() + ")"
        case 2: "<" + url() + ">"
        case 3: "<ada@" + pick(Self.hosts) + ">"
        case 4: url() + pick([".", ",", ")", "!", "", "?", ":", "'"])
        case 5: "www." + pick(Self.hosts) + pick(["/p", "", "/list!"])
        case 6: "[" + pick(["ref", "Ref One", "missing"]) + "]" + pick(["", "[]", "[ref]"])
        case 7: "[two\n" + pick(Self.words) + "](" + url() + ")"
        case 8: "[nested [brackets]](" + url() + ")"
        case 9: "[" + inlineText(3, allowBreaks: true) + "](" + destination() + ")"
        case 10: "[a](b c)"
        default: "[" + inlineText(Int.random(in: 1...3, using: &generator), allowBreaks: false) + "](" + destination() + ")"
        }
    }

    private mutating func paragraph() -> String {
        var parts: [String] = []
        for _ in 0..<Int.random(in: 1...8, using: &generator) {
            parts.append(chance(40) ? link() : inlineText(Int.random(in: 1...4, using: &generator), allowBreaks: true))
        }
        return parts.joined(separator: pick([" ", " ", "|", "", " | ", "\n"]))
    }

    private mutating func linkBar() -> String {
        (0..<Int.random(in: 2...5, using: &generator)).map { _ in "[" + pick(Self.words) + "](" + url() + ")" }
            .joined(separator: "|") + pick(["|\\\n", "\\\n", "  \n", "\n"]) + "[" + pick(Self.words) + "](" + url() + ")|[Maker](" + url() + ")"
    }

    private mutating func table() -> String {
        let columns = Int.random(in: 1...4, using: &generator)
        func row() -> String {
            let cells = (0..<Int.random(in: 1...columns + 1, using: &generator)).map { _ in
                pick([link(), pick(Self.words), "a \\| b", "`x \\| y`", "", inlineText(2, allowBreaks: false)])
            }
            return (chance(70) ? "| " : "") + cells.joined(separator: " | ") + (chance(70) ? " |" : "")
        }
        let delimiter = "|" + Array(repeating: pick(["---", ":--", ":-:", "--:"]), count: columns).joined(separator: "|") + "|"
        let header = "| " + (0..<columns).map { _ in pick(Self.words.filter { !$0.contains("|") }) }.joined(separator: " | ") + " |"
        return (chance(20) ? paragraph() + "\n" : "") + header + "\n" + delimiter + "\n"
            + (0..<Int.random(in: 0...3, using: &generator)).map { _ in row() + "\n" }.joined()
    }

    private mutating func block() -> String {
        switch Int.random(in: 0..<16, using: &generator) {
        case 0: return String(repeating: "#", count: Int.random(in: 1...6, using: &generator)) + " " + inlineText(2, allowBreaks: false) + pick(["", " " + link(), " ##"])
        case 1: return inlineText(2, allowBreaks: false) + " " + link() + "\n" + pick(["===", "---"])
        case 2: return table()
        case 3: return "> " + paragraph().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: pick(["\n> ", "\n", "\n>"]))
        case 4: return "- " + paragraph().split(separator: "\n", omittingEmptySubsequences: false).joined(separator: pick(["\n  ", "\n", "\n    "])) + "\n- " + link()
        case 5: return "1. " + link() + "\n2. [ ] " + paragraph()
        case 6: return "    indented " + link() + "\n    more**b**c"
        case 7: return "```\n" + link() + "\n**x**\n```"
        case 8: return "<div>\n" + link() + " **b**\n</div>"
        case 9: return linkBar()
        case 10: return "###### **" + pick(Self.words) + "**"
        case 11: return "[ref]: " + url() + pick(["", " \"Ref title\""]) + "\n[Ref One]: <" + url() + ">"
        case 12: return "---"
        case 13: return "> - " + link() + "\n>   " + paragraph()
        default: return paragraph()
        }
    }

    /// The next document: a few blocks separated by blank lines (or none), sometimes with CRLF line endings.
    public mutating func next() -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            text += block() + pick(["\n\n", "\n\n", "\n"])
        }
        if chance(10) { text = text.replacingOccurrences(of: "\n", with: "\r\n") }
        if chance(10) { text.removeLast() }
        return text
    }
}
