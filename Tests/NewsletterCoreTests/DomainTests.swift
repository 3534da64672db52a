import Foundation
import NewsletterCore
import Testing

@Suite struct PublicationDateTests {
    @Test(arguments: [
        ("January 03, 2023", "2023-01-03"),
        ("Jan 3, 2023", "2023-01-03"),
        ("December 31, 1999", "1999-12-31"),
        ("2024-02-16", "2024-02-16"),
        ("2024-02-16T09:30:00Z", "2024-02-16T09:30:00Z"),
        ("2024-02-16T11:30:00+02:00", "2024-02-16T09:30:00Z"),
        ("2024-02-16 11:30:00+0200", "2024-02-16T09:30:00Z"),
        ("2024-02-16T04:30:00-05", "2024-02-16T09:30:00Z"),
        ("2024-02-16T09:30:00.250Z", "2024-02-16T09:30:00Z"),
        ("2024-02-29T23:59:59z", "2024-02-29T23:59:59Z"),
        // Tabs and space separators around the date (Unicode's Zs, as `CharacterSet.whitespaces`) are not part of it.
        ("\u{3000} 2024-02-16\t\u{00A0}", "2024-02-16"),
    ])
    func parsesNewsletterDateForms(text: String, iso: String) {
        let date = PublicationDate(parsing: text)
        #expect(date.text == text)
        #expect(date.iso8601 == iso)
    }

    @Test(arguments: [
        "February 30, 2023", "Someday 03, 2023", "03/01/2023", "", "2023-13-01", "2023-02-29", "2024-02-16T09:30",
        "2024-02-16T09:30:00", "2024-02-16T24:00:00Z", "2024-02-16T09:30:00.Z", "2024-02-16T09:30:00+25:00",
        "2024-02-16x", "2\u{0662}24-02-16", "Jan \u{0663}, 2023", "January 03, 2\u{0660}23",
        // A zero-width space is a format character, not a space: it stays, and the text is not a date.
        "2024-02-16\u{200B}", "\n2024-02-16",
    ])
    func keepsUnparseableTextWithoutADate(text: String) {
        let date = PublicationDate(parsing: text)
        #expect(date.text == text)
        #expect(date.date == nil)
    }

    /// Found by FuzzFrontMatterDecode: ICU's ISO 8601 parser divided by zero on a fraction of about a hundred digits.
    @Test func readsAFractionOfAnyLengthWithoutICU() throws {
        let long = PublicationDate(parsing: "2024-02-16T09:30:00." + String(repeating: "6", count: 120) + "Z")
        let seconds = try #require(long.date).timeIntervalSince1970
        #expect(seconds > 1_708_075_800.666 && seconds < 1_708_075_800.667)
        #expect(PublicationDate(parsing: "2024-02-16T09:30:00.25" + String(repeating: "6", count: 50) + "!6660Z").date == nil)
    }

    /// A draft's first line of megabytes is not copied to find out that it is no date: past 4 KiB, blanks trimmed,
    /// a text is not one.
    @Test(arguments: [(4_075, true), (4_076, false)])
    func aTextPast4KiBIsNoDate(fractionDigits: Int, isDate: Bool) {
        let text = "  2024-02-16T09:30:00." + String(repeating: "6", count: fractionDigits) + "Z\t"
        #expect((PublicationDate(parsing: text).date != nil) == isDate)
    }

    @Test(arguments: [
        ("February 29, 2024", "2024-02-29"),
        ("Feb. 29 2024", "2024-02-29"),
        ("  march   1,   2000 ", "2000-03-01"),
        ("DECEMBER 31, 9999", "9999-12-31"),
        ("March 01, 1500", "1500-03-01"),
        ("1582-10-04", "1582-10-04"),
        ("2100-02-28", "2100-02-28"),
    ])
    func parsesLeapDaysCaseSpacingAndEarlyYears(text: String, iso: String) {
        #expect(PublicationDate(parsing: text).iso8601 == iso)
    }

    @Test(arguments: ["February 29, 2023", "February 29, 2100", "Sept 3, 2023", "Ma 3, 2023", "January 003, 2023",
                      "January 3, 20234", "January 3,2023", "January 3, 2023x", "2024-02-30", "2024-2-03", "2024-00-10"])
    func refusesImpossibleOrMisshapenDates(text: String) {
        #expect(PublicationDate(parsing: text).date == nil)
    }

    /// Dates are counted without Foundation's calendar (it cost more than the rest of a draft's header): every day in
    /// years that test the leap rules, in both forms, must give the moment the calendar gives, or none where it has none.
    @Test(arguments: [1583, 1600, 1700, 1900, 1970, 1999, 2000, 2024, 2100, 2400, 9999])
    func countsDaysAsTheGregorianCalendarDoes(year: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        for month in 1...12 {
            for day in 1...31 {
                let components = DateComponents(year: year, month: month, day: day)
                let expected = components.isValidDate(in: calendar) ? calendar.date(from: components) : nil
                let digits = { (value: Int, width: Int) in String(repeating: "0", count: width - String(value).count) + String(value) }
                let iso = "\(digits(year, 4))-\(digits(month, 2))-\(digits(day, 2))"
                #expect(PublicationDate(parsing: iso).date == expected, "\(iso)")
                let long = "\(monthNames[month - 1]) \(digits(day, 2)), \(year)"
                #expect(PublicationDate(parsing: long).date == expected, "\(long)")
            }
        }
    }

    @Test func writesTheLongEnglishFormWithTwoDigitDays() {
        #expect(PublicationDate(parsing: "2023-01-03").longEnglish == "January 03, 2023")
    }
}

@Suite struct HeadingTitleTests {
    @Test(arguments: [
        ("🤌 Ben's Picks", "🤌", "Ben's Picks"),
        ("\u{F8FF}ü§å Ben's Picks", "\u{F8FF}ü§å", "Ben's Picks"),
        ("ü§å Ben's Picks", "ü§å", "Ben's Picks"),
        ("üòÄ Smiles", "üòÄ", "Smiles"),
        ("‚≠êÔ∏è Stars", "‚≠êÔ∏è", "Stars"),
        ("⭐️ Stars", "⭐️", "Stars"),
        ("👩🏽‍💻 Dev Corner", "👩🏽‍💻", "Dev Corner"),
        ("🇵🇹 🔥 Lisbon", "🇵🇹 🔥", "Lisbon"),
        ("1️⃣ First", "1️⃣", "First"),
    ])
    func splitsLeadingEmojiMangledOrNot(plain: String, emoji: String, title: String) {
        let split = HeadingTitle.split(plain)
        #expect(split.emoji == emoji)
        #expect(split.title == title)
    }

    /// The title ends at its last character that is not white space, read from the end: ASCII and other white space
    /// (no-break, ideographic, em spaces, line separators) is dropped, characters of every length before it kept.
    @Test(arguments: [
        ("🤌 Ben's Picks \u{3000}\u{A0} ", "🤌", "Ben's Picks"),
        ("Picks\u{2003}é", nil, "Picks\u{2003}é"),
        ("🔥 Hot \u{2028}🔥", "🔥", "Hot \u{2028}🔥"),
        ("  News  \t\u{205F}", nil, "News"),
        ("🤌 \u{3000} ", "🤌", ""),
        ("\u{A0}\u{3000}", nil, ""),
        ("A 北京\u{200A}", nil, "A 北京"),
        ("Notes 𝄞", nil, "Notes 𝄞"),
    ] as [(String, String?, String)])
    func dropsTrailingWhiteSpaceOfEveryLength(plain: String, emoji: String?, title: String) {
        let split = HeadingTitle.split(plain)
        #expect(split.emoji == emoji)
        #expect(split.title == title)
    }

    @Test(arguments: ["Ångström News", "Über alles", "北京 Notes", "2024 in Review", "See ya", "ü-Bahn notes", "ÉTÉ 2024"])
    func leavesWordsAlone(plain: String) {
        let split = HeadingTitle.split(plain)
        #expect(split.emoji == nil)
        #expect(split.title == plain)
    }
}

@Suite struct MetadataTests {
    @Test func keepsInsertionOrderAndEditsInPlace() {
        var metadata: Metadata = ["draft": .bool(true), "layout": .string("post")]
        metadata["series"] = .list([.string("a"), .integer(2)])
        metadata["draft"] = .bool(false)
        metadata["layout"] = nil
        #expect(metadata.keys == ["draft", "series"])
        #expect(metadata["draft"] == .bool(false))
    }

    @Test func valuesEncodeAsPlainJSON() throws {
        let value = MetadataValue.list([.null, .bool(true), .integer(3), .double(1.5), .string("no")])
        let data = try JSONEncoder().encode(value)
        #expect(String(decoding: data, as: UTF8.self) == #"[null,true,3,1.5,"no"]"#)
        #expect(try JSONDecoder().decode(MetadataValue.self, from: data) == value)
    }
}

/// A section is stored with `Codable` under the names of its public properties, whatever it holds them as.
@Suite struct SectionCodingTests {
    @Test func aSectionEncodesItsPublicParts() throws {
        let link = Link(text: "one", destination: "https://one.example", kind: .inline)
        let section = Section(heading: "## Picks", title: "Picks", level: 2, body: "Read [one](https://one.example).\n", links: [link])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(section), as: UTF8.self)
        let linkJSON = String(decoding: try encoder.encode(link), as: UTF8.self)
        #expect(json == ###"{"body":"Read [one](https://one.example).\n","heading":"## Picks","level":2,"links":["### + linkJSON + ###"],"title":"Picks"}"###)
        #expect(try JSONDecoder().decode(Section.self, from: Data(json.utf8)) == section)
    }

    @Test func aSectionReadFromPartsEqualsOneBuiltWhole() {
        let links = [Link(text: "a", destination: "https://a.example", kind: .inline), Link(text: "b", destination: "https://b.example", kind: .inline)]
        let text = "## B\nSee [b](https://b.example).\n"
        let part = Section(
            headingText: text.prefix(4), title: "B", emoji: nil, level: 2, bodyText: text.dropFirst(5), linkList: links[1...], range: nil,
            headingRange: nil
        )
        var whole = Section(heading: "## B", title: "B", level: 2, body: "See [b](https://b.example).\n", links: [links[1]])
        #expect(part == whole)
        #expect(part.links == [links[1]])
        whole.links.append(links[0])
        whole.body = ""
        #expect(whole.linkList.count == 2 && whole.bodyText.isEmpty)
        #expect(part != whole)
    }
}

/// Issues stored with `Codable` before `escapedTexts` existed still decode; new ones round-trip whole.
@Suite struct IssueCodingTests {
    @Test func anIssueStoredWithoutEscapedTextsDecodes() throws {
        let original = Issue(title: "Notes", authors: ["Ada"], preamble: "Hi")
        var stored = try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(original)) as? [String: Any])
        #expect(stored.removeValue(forKey: "escapedTexts") != nil)
        let issue = try JSONDecoder().decode(Issue.self, from: JSONSerialization.data(withJSONObject: stored))
        #expect(issue == original)
    }

    /// The preamble is stored as a part of a text, and written under its public name as before.
    @Test func anIssueEncodesItsPublicPartsUnderTheirNames() throws {
        let text = "# Notes\nHello, readers.\n"
        var issue = Issue(title: "Notes", tags: ["weekly"])
        issue.preambleText = text.dropFirst(8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(issue), as: UTF8.self)
        #expect(json == #"{"authors":[],"escapedTexts":[],"links":[],"metadata":{},"preamble":"Hello, readers.\n","sections":[],"tags":["weekly"],"title":"Notes"}"#)
        #expect(try JSONDecoder().decode(Issue.self, from: Data(json.utf8)) == issue)
        #expect(issue == Issue(title: "Notes", tags: ["weekly"], preamble: "Hello, readers.\n"))
    }

    @Test func anIssueWithEscapedTextsRoundTrips() throws {
        let issue = Issue(title: "Café", escapedTexts: [EscapedText(text: "é", sourceStart: 12, escapes: [.init(decoded: 0..<2, source: 12..<18)])])
        #expect(try JSONDecoder().decode(Issue.self, from: JSONEncoder().encode(issue)) == issue)
    }
}
