import BeehiivAdapter
import Foundation
import NewsletterCore
import Testing

@Suite struct BeehiivDecodingTests {
    let adapter = BeehiivAdapter()

    @Test func headerBlockGivesTitleSubtitleAuthorDateAndAuthorLinks() throws {
        let issue = try adapter.decode(SourceText(BeehiivFixtures.canonical))
        #expect(issue.title == "Daily Digest: What's new in tiny tools?")
        #expect(issue.subtitle == "PLUS: a reader poll and three links you missed")
        #expect(issue.authors == ["Ada Writer"])
        #expect(issue.date?.text == "January 03, 2023")
        #expect(issue.date?.iso8601 == "2023-01-03")
        #expect(issue.metadata.keys == ["author_avatar", "author_url"])
        #expect(issue.metadata["author_avatar"] == .string(
            "https://media.beehiiv.com/cdn-cgi/image/fit=scale-down,format=auto/uploads/user/profile_picture/abc123/avatar.jpg"))
        #expect(issue.metadata["author_url"] == .string("https://dailydigest.example/authors/ada-writer"))
        #expect(issue.preamble == "\nHey {{first_name | friend}}, welcome back 👋 Here is what we found this week.\n\n")
    }

    @Test func sectionsKeepHeadingsAsWrittenWithPlainTitlesLevelsAndEmoji() throws {
        let issue = try adapter.decode(SourceText(BeehiivFixtures.canonical))
        #expect(issue.sections.map(\.heading) == [
            "### **🤌 Cool Tools**", "## **🔥 REAL** REVIEWS", "### **📰 News**", "### ****🎯 Focus Time****",
            "###### **📎 Small Print**", "### <mark>**💡 Idea of the Day**</mark>", "### **\u{F8FF}ü§å Ben's Picks**", "## **👋 See ya**",
        ])
        #expect(issue.sections.map(\.title) == [
            "Cool Tools", "REAL REVIEWS", "News", "Focus Time", "Small Print", "Idea of the Day", "Ben's Picks", "See ya",
        ])
        #expect(issue.sections.map(\.emoji) == ["🤌", "🔥", "📰", "🎯", "📎", "💡", "\u{F8FF}ü§å", "👋"])
        #expect(issue.sections.map(\.level) == [3, 2, 3, 3, 6, 3, 3, 2])
        #expect(issue.sections.map { "\($0.headingRange!)" } == [
            "12:1-12:21", "18:1-18:22", "22:1-22:15", "23:1-23:25", "33:1-33:25", "39:1-39:39", "43:1-43:25", "50:1-50:16",
        ])
        #expect(issue.sections.map { "\($0.range!)" } == [
            "12:1-18:1", "18:1-22:1", "22:1-23:1", "23:1-33:1", "33:1-39:1", "39:1-43:1", "43:1-50:1", "50:1-53:1",
        ])
        #expect(issue.sections[2].body == "")
        #expect(issue.sections[2].links.isEmpty)
        #expect(issue.sections[6].body == """

            ||
            |:---|
            | ### How was today's email? |
            | - [Loved it](https://dailydigest.example/poll?answer=1) |


            """)
        #expect(issue.sections.map(\.links.count) == [3, 2, 0, 2, 1, 0, 1, 1])
    }

    @Test func everyLinkInDocumentOrderWithExactRanges() throws {
        let source = SourceText(BeehiivFixtures.canonical)
        let issue = try adapter.decode(source)
        let summary = issue.links.map { link in
            "\(link.kind) \(link.text) -> \(link.destination) @ \(link.range!) dest \(link.destinationRange.map { "\($0)" } ?? "none")"
        }
        #expect(summary == [
            "image Author -> https://media.beehiiv.com/cdn-cgi/image/fit=scale-down,format=auto/uploads/user/profile_picture/abc123/avatar.jpg @ 5:1-5:125 dest 5:11-5:124",
            "inline Ada Writer -> https://dailydigest.example/authors/ada-writer @ 7:1-7:61 dest 7:14-7:60",
            "inline link -> https://flight.beehiiv.net/v2/clicks/eyJhbGciOi?utm_source=dailydigest&utm_medium=newsletter @ 14:39-14:147 dest 14:53-14:146",
            "inline Boxcar -> https://boxcar.example/?ref=PLACEHOLDER @ 15:5-15:54 dest 15:14-15:53",
            "inline a link -> https://quillpad.example/start @ 16:24-16:64 dest 16:33-16:63",
            "bareURL https://docs.example/guide/(v2)/intro -> https://docs.example/guide/(v2)/intro @ 20:21-20:58 dest 20:21-20:58",
            "bareURL www.tinytools.example/list -> http://www.tinytools.example/list @ 20:65-20:91 dest 20:65-20:91",
            "image  -> https://media.beehiiv.com/uploads/asset/file/focus.png @ 25:1-25:60 dest 25:5-25:59",
            "autolink https://focus.example/how-to -> https://focus.example/how-to @ 27:41-27:71 dest 27:42-27:70",
            "reference the terms page -> https://dailydigest.example/terms @ 35:17-35:40 dest 37:10-37:43",
            "inline Loved it -> https://dailydigest.example/poll?answer=1 @ 48:5-48:58 dest 48:16-48:57",
            "inline Share -> https://dailydigest.example/subscribe?ref={{rp_refer_url}} @ 52:1-52:68 dest 52:9-52:67",
        ])
        let escaped = issue.links[2]
        #expect(escaped.rawDestination == "https://flight.beehiiv.net/v2/clicks/eyJhbGciOi?utm_source=dailydigest\\&utm_medium=newsletter")
        #expect(source[escaped.destinationRange!] == Substring(escaped.rawDestination))
        // The emoji before `[Boxcar]` is one column but four bytes.
        #expect(source.utf8Column(of: issue.links[3].range!.start) == 8)
        #expect(issue.sections.flatMap(\.links) == Array(issue.links[2...]))
    }

    @Test func laterIssueWithoutAuthorKeepsTheLinkRowInThePreamble() throws {
        let issue = try adapter.decode(SourceText(BeehiivFixtures.laterIssue))
        #expect(issue.title == "Daily Digest #349: Small tools, big week")
        #expect(issue.subtitle == "PLUS: why your inbox is quieter")
        #expect(issue.authors.isEmpty)
        #expect(issue.date == nil)
        #expect(issue.metadata.isEmpty)
        #expect(issue.preamble == """

            [Website](https://dailydigest.example) | [Archive](https://dailydigest.example/archive) | [Sponsor us](https://dailydigest.example/sponsor)

            Daily Digest #349

            Good morning! ☕


            """)
        #expect(issue.sections.map(\.title) == ["Inbox Zero", "Star Pick"])
        #expect(issue.sections.map(\.emoji) == ["📬", "⭐️"])
        #expect(issue.links.map(\.text) == ["Website", "Archive", "Sponsor us", "https://inbox.example/zero"])
        #expect(issue.links.map { "\($0.range!)" } == ["5:1-5:39", "5:42-5:88", "5:91-5:140", "13:12-13:38"])
    }

    @Test func twoSpaceHardBreakCRLFAndByteOrderMark() throws {
        let source = SourceText(BeehiivFixtures.crlfWithTwoSpaceBreak)
        let issue = try adapter.decode(source)
        #expect(issue.title == "Spring Notes")
        #expect(issue.subtitle == nil)
        #expect(issue.authors == ["Ben Reader"])
        #expect(issue.date == PublicationDate(parsing: "February 14, 2024"))
        #expect(issue.date?.iso8601 == "2024-02-14")
        #expect(issue.metadata["author_url"] == .string("https://dailydigest.example/authors/ben"))
        #expect(issue.preamble == "\r\nHello 🌸 [friends](https://f.example)\r\n\r\n")
        #expect(issue.sections.map(\.heading) == ["### **✅ Done**", "### **‚≠êÔ∏è Next**"])
        #expect(issue.sections.map(\.body) == ["", ""])
        #expect(issue.sections.map(\.title) == ["Done", "Next"])
        #expect(issue.sections.map(\.emoji) == ["✅", "‚≠êÔ∏è"])
        #expect(issue.sections.map { "\($0.headingRange!)" } == ["10:1-10:15", "11:1-11:20"])
        #expect(issue.links.map { "\($0.text) \($0.range!)" } == [
            "Author 3:1-3:72", "Ben Reader 5:1-5:54", "friends 8:9-8:37",
        ])
        #expect(source[issue.links[2].range!] == "[friends](https://f.example)")
    }

    @Test func authorWithoutALinkStillGivesTheDate() throws {
        let issue = try adapter.decode(SourceText("# T\n\nAda Writer\\\nMarch 9, 2025\n\nHi.\n"))
        #expect(issue.authors == ["Ada Writer"])
        #expect(issue.date?.text == "March 9, 2025")
        #expect(issue.date?.iso8601 == "2025-03-09")
        #expect(issue.metadata.isEmpty)
        #expect(issue.preamble == "\nHi.\n")
    }

    @Test func emptyInputIsAnEmptyIssue() throws {
        #expect(try adapter.decode(SourceText("")) == Issue())
    }

    @Test(arguments: [
        ("Hello there.\n\n### **🤌 Picks**\nA pick.\n", nil, "Hello there.\n\n", ["Picks"]),
        ("# Only a title\n\nNo sections, just words.\n", "Only a title", "\nNo sections, just words.\n", []),
        ("# Title\n### **🔥 Hot**\nBody\n", "Title", "", ["Hot"]),
        ("\n\n", nil, "\n\n", []),
        ("# T\n\nHey friends,\\\nwelcome back.\n", "T", "\nHey friends,\\\nwelcome back.\n", []),
    ] as [(String, String?, String, [String])])
    func lenientDraftsDecode(text: String, title: String?, preamble: String, sections: [String]) throws {
        let issue = try adapter.decode(SourceText(text))
        #expect(issue.title == title)
        #expect(issue.subtitle == nil)
        #expect(issue.authors.isEmpty)
        #expect(issue.preamble == preamble)
        #expect(issue.sections.map(\.title) == sections)
    }

    @Test func deeplyNestedInputIsALimitErrorNotACrash() {
        let text = "# T\n\n" + String(repeating: "- ", count: 400) + "x\n"
        #expect(throws: NewsletterError.self) { try adapter.decode(SourceText(text, path: "deep.md")) }
    }
}

/// The title is the heading's content: its closing `#` run goes only when a space stands before it.
@Suite struct BeehiivTitleTests {
    @Test(arguments: [
        ("# Weekly Notes\n", "Weekly Notes"),
        ("# C#\n", "C#"),
        ("# Weekly Notes ##\n", "Weekly Notes"),
        ("#   Weekly Notes  #   \n", "Weekly Notes"),
        ("# 🤌 Ben’s Picks ###\n", "🤌 Ben’s Picks"),
        ("# Issue #12\n", "Issue #12"),
    ])
    func titleIsTheHeadingsContent(heading: String, title: String) throws {
        let issue = try BeehiivAdapter().decode(SourceText(heading + "\nHello.\n"))
        #expect(issue.title == title)
    }
}
