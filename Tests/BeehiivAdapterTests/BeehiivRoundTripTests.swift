import BeehiivAdapter
import Foundation
import NewsletterCore
import NewsletterKitTesting
import TestSupport
import Testing

/// Issues in the beehiiv shape, together with the links their text holds, in order.
struct GeneratedIssue {
    var issue: NewsletterCore.Issue
    var linkTexts: [String]
    var linkDestinations: [String]

    private static let words = ["tools", "Ben's", "Ben’s", "REAL", "picks", "café", "API", "inbox", "weekly", "ship", "naïve", "notes"]
    private static let emoji = ["🤌", "🔥", "📰", "🎯", "💡", "⭐️", "\u{F8FF}ü§å", "‚≠êÔ∏è", "✅", "👋"]

    init<G: RandomNumberGenerator>(using generator: inout G) {
        var texts: [String] = []
        var destinations: [String] = []
        func phrase(_ count: Int) -> String {
            (0..<count).map { _ in Self.words.randomElement(using: &generator)! }.joined(separator: " ")
        }
        func capitalised(_ count: Int) -> String {
            let text = phrase(count)
            return text.prefix(1).uppercased() + text.dropFirst()
        }
        func line() -> String {
            switch Int.random(in: 0..<5, using: &generator) {
            case 0:
                let url = "https://\(Self.words.randomElement(using: &generator)!.filter(\.isLetter).lowercased()).example/p?a=1\\&b=\(Int.random(in: 0..<99, using: &generator))"
                texts.append("link")
                destinations.append(url.replacingOccurrences(of: "\\&", with: "&"))
                return "- \(capitalised(2)) - **\(phrase(2))**. ([<u>link</u>](\(url)))"
            case 1:
                let url = "https://flight.beehiiv.net/v2/clicks/t\(Int.random(in: 0..<9999, using: &generator))"
                texts.append(url)
                destinations.append(url)
                return "See \(url)."
            case 2:
                let name = capitalised(1)
                let url = "https://x.example/\(destinations.count)"
                texts.append(name)
                destinations.append(url)
                return "\(Self.emoji.randomElement(using: &generator)!) [\(name)](\(url)) \(phrase(3))"
            case 3:
                return "`code https://not.a.link/` \(phrase(2))"
            default:
                return capitalised(Int.random(in: 1...6, using: &generator)) + "."
            }
        }
        func body() -> String {
            let count = Int.random(in: 0...4, using: &generator)
            guard count > 0 else { return "" }
            return "\n" + (0..<count).map { _ in line() + "\n" }.joined() + "\n"
        }

        let hasHeader = Bool.random(using: &generator)
        var metadata = Metadata()
        var authors: [String] = []
        var date: PublicationDate?
        if hasHeader, Bool.random(using: &generator) {
            let avatar = "https://media.beehiiv.com/uploads/user/profile_picture/\(Int.random(in: 0..<999, using: &generator)).jpg"
            metadata["author_avatar"] = .string(avatar)
            texts.append("Author")
            destinations.append(avatar)
        }
        if hasHeader, Bool.random(using: &generator) {
            let name = capitalised(2)
            let url = "https://x.example/authors/\(Int.random(in: 0..<999, using: &generator))"
            authors = [name]
            metadata["author_url"] = .string(url)
            texts.append(name)
            destinations.append(url)
            let day = Date(timeIntervalSince1970: Double(Int.random(in: 0..<20_000, using: &generator)) * 86_400)
            date = PublicationDate(parsing: PublicationDate(text: "", date: day).longEnglish!)
        }
        let preamble = hasHeader ? "\nHey friends, \(phrase(4)).\n\n" : (Bool.random(using: &generator) ? "Daily Digest #\(Int.random(in: 1...999, using: &generator))\n\n" : "")
        var sections: [Section] = []
        for _ in 0..<Int.random(in: 0...12, using: &generator) {
            let emoji = Self.emoji.randomElement(using: &generator)!
            let title = capitalised(Int.random(in: 1...3, using: &generator))
            let level = [2, 3, 3, 6].randomElement(using: &generator)!
            let marks = String(repeating: "#", count: level)
            let heading: String
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: heading = "\(marks) <mark>**\(emoji) \(title)**</mark>"
            case 1: heading = "\(marks) ****\(emoji) \(title)****"
            default: heading = "\(marks) **\(emoji) \(title)**"
            }
            sections.append(Section(heading: heading, title: title, emoji: emoji, level: level, body: body()))
        }
        issue = Issue(
            title: hasHeader ? capitalised(Int.random(in: 1...8, using: &generator)) : nil,
            subtitle: hasHeader && Bool.random(using: &generator) ? "PLUS: \(phrase(3))" : nil,
            authors: authors,
            date: date,
            metadata: metadata,
            preamble: preamble,
            sections: sections
        )
        linkTexts = texts
        linkDestinations = destinations
    }
}

@Suite struct BeehiivRoundTripTests {
    let adapter = BeehiivAdapter()

    @Test(arguments: 0..<200)
    func generatedIssuesSurviveEncodeDecode(seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed))
        let generated = GeneratedIssue(using: &generator)
        let first = try adapter.encode(generated.issue)
        #expect(first.warnings.isEmpty)
        let decoded = try adapter.decode(SourceText(first.text))

        let second = try adapter.encode(decoded)
        #expect(second.text == first.text)
        #expect(try adapter.decode(SourceText(second.text)) == decoded)

        #expect(decoded.title == generated.issue.title)
        #expect(decoded.subtitle == generated.issue.subtitle)
        #expect(decoded.authors == generated.issue.authors)
        #expect(decoded.date == generated.issue.date)
        #expect(decoded.metadata == generated.issue.metadata)
        #expect(decoded.preamble == generated.issue.preamble)
        #expect(decoded.sections.map(\.heading) == generated.issue.sections.map(\.heading))
        #expect(decoded.sections.map(\.title) == generated.issue.sections.map(\.title))
        #expect(decoded.sections.map(\.emoji) == generated.issue.sections.map(\.emoji))
        #expect(decoded.sections.map(\.level) == generated.issue.sections.map(\.level))
        #expect(decoded.sections.map(\.body) == generated.issue.sections.map(\.body))
        #expect(decoded.links.map(\.text) == generated.linkTexts)
        #expect(decoded.links.map(\.destination) == generated.linkDestinations)
        verifyRoundTrip(of: adapter, encoding: generated.issue)
    }
}
