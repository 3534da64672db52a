import FrontMatterAdapter
import Foundation
import NewsletterCore
import NewsletterYAML
import Testing

/// Bad drafts: each is a clear error naming the file, line and column; none crashes.
@Suite struct FrontMatterBadInputTests {
    static func error(_ text: String) -> NewsletterError? {
        do {
            _ = try FrontMatterAdapter().decode(SourceText(text, path: "draft.md"))
            return nil
        } catch {
            return error
        }
    }

    /// Minimized from a FuzzFrontMatterDecode crash: a `date:` with a fraction of about a hundred digits made ICU's
    /// ISO 8601 parser divide by zero. Now the date is read, or kept as text when it does not parse.
    @Test(arguments: [("Z", true), ("!66Z", false)])
    func aDateWithAHundredDigitFractionDecodes(ending: String, parses: Bool) throws {
        let date = "2024-02-16T09:30:00.25" + String(repeating: "6", count: 100) + ending
        let issue = try FrontMatterAdapter().decode(SourceText("---\ntitle: A\ndate: \(date)\n---\nBody\n", path: "draft.md"))
        #expect(issue.date?.text == date)
        #expect((issue.date?.date != nil) == parses)
    }

    @Test func malformedYAMLRendersWithFileLineColumnAndCaret() throws {
        let error = try #require(Self.error("---\nslug: a\ndate: 2024-02-16\ntitle: Daily Digest: What's new?\n---\nBody\n"))
        #expect(error.kind == .malformedInput)
        #expect(error.description == """
            draft.md:4:20: error: mapping values are not allowed in this context
            title: Daily Digest: What's new?
                               ^
            """)
    }

    @Test func aKeyWithoutColonIsReportedOnItsLine() throws {
        let error = try #require(Self.error("---\ntitle: A\nauthor Jane Roe\ndate: 2024-02-16\n---\n"))
        #expect(error.description == """
            draft.md:3:1: error: could not find expected ':' while scanning a simple key
            author Jane Roe
            ^
            """)
    }

    @Test func missingClosingDelimiterPointsAtTheOpeningLine() throws {
        let expected = "front matter opened here is never closed: add a line holding only '---' after the YAML"
        #expect(Self.error("---\ntitle: A\n\n# Heading\n\nBody\n") == NewsletterError(
            .malformedInput, expected, path: "draft.md", location: SourceLocation(offset: 0, line: 1, column: 1), sourceLine: "---"
        ))
        #expect(Self.error("\u{FEFF}---") == NewsletterError(
            .malformedInput, expected, path: "draft.md", location: SourceLocation(offset: 3, line: 1, column: 2), sourceLine: "\u{FEFF}---"
        ))
    }

    @Test func tabsForIndentationAreAnError() throws {
        #expect(Self.error("---\ntags:\n\t- a\n---\n") == NewsletterError(
            .malformedInput, "found character that cannot start any token while scanning for the next token",
            path: "draft.md", location: SourceLocation(offset: 10, line: 3, column: 1), sourceLine: "\t- a"
        ))
    }

    /// A known field of the wrong shape is an error at its value (or the offending item) naming the shape it must
    /// have, not a field left to metadata and reported as missing at 1:1.
    @Test(arguments: [
        ("title: [a, b]", "title must be a string, not a sequence", NewsletterCore.SourceLocation(offset: 11, line: 2, column: 8)),
        ("subject: {a: 1}", "subject must be a string, not a mapping", SourceLocation(offset: 13, line: 2, column: 10)),
        ("date: [1, 2]", "date must be a date or a string, not a sequence", SourceLocation(offset: 10, line: 2, column: 7)),
        ("slug:\n  - a", "slug must be a string, not a sequence", SourceLocation(offset: 12, line: 3, column: 3)),
        ("authors: [{name: A}]", "authors must be a string or a list of strings; item 1 is a mapping", SourceLocation(offset: 14, line: 2, column: 11)),
        ("author: {name: A}", "author must be a string or a list of strings, not a mapping", SourceLocation(offset: 12, line: 2, column: 9)),
        ("tags: [a, [b]]", "tags must be a string or a list of strings; item 2 is a sequence", SourceLocation(offset: 14, line: 2, column: 11)),
        ("tags: [a, ~]", "tags must be a string or a list of strings; item 2 is null", SourceLocation(offset: 14, line: 2, column: 11)),
    ])
    func wrongTypedFieldIsAnErrorAtTheField(field: String, message: String, location: NewsletterCore.SourceLocation) throws {
        let text = "---\n\(field)\n---\n\nHello.\n"
        let error = try #require(Self.error(text))
        #expect(error.kind == .malformedInput)
        #expect(error.message == message)
        #expect(error.location == location)
        #expect(error.path == "draft.md")
    }

    @Test func duplicateKeysNameBothLines() throws {
        #expect(Self.error("---\ntitle: A\ndraft: true\ntitle: B\n---\n") == NewsletterError(
            .malformedInput, "duplicate key 'title' (first defined at 2:1)",
            path: "draft.md", location: SourceLocation(offset: 25, line: 4, column: 1), sourceLine: "title: B"
        ))
    }

    @Test(arguments: [
        ("---\n- a\n- b\n---\n", "a sequence", NewsletterCore.SourceLocation(offset: 4, line: 2, column: 1)),
        ("---\njust a sentence\n---\n", "a string", SourceLocation(offset: 4, line: 2, column: 1)),
        ("---\n42\n---\n", "an integer", SourceLocation(offset: 4, line: 2, column: 1)),
        ("---\n# comment\n[a, b]\n---\n", "a sequence", SourceLocation(offset: 14, line: 3, column: 1)),
    ])
    func frontMatterThatIsNotAMappingIsAnError(text: String, kind: String, location: NewsletterCore.SourceLocation) throws {
        let error = try #require(Self.error(text))
        #expect(error.kind == .malformedInput)
        #expect(error.message == "front matter must be a mapping of keys to values, not \(kind)")
        #expect(error.location == location)
    }

    @Test func aYAMLBombIsRejected() throws {
        let lol = #"a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"# + "\n"
        let levels = zip("abcdefghi", "bcdefghij").map { previous, name in
            "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        let error = try #require(Self.error("---\n" + lol + levels.joined() + "---\nBody\n"))
        #expect(error.kind == .limitExceeded)
        #expect(error.message == "aliases expand to more than 100000 nodes, the limit (a \"billion laughs\" document?)")
        #expect(error.location?.line == 7)
    }

    @Test func tenThousandLevelsOfNestingAreRejected() throws {
        let nested = "deep: " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000) + "\n"
        let error = try #require(Self.error("---\n" + nested + "---\n"))
        #expect(error.kind == .limitExceeded)
        #expect(error.message == "YAML nesting is deeper than the limit of 128 levels")
        #expect(error.location == SourceLocation(offset: 137, line: 2, column: 134))
    }

    @Test func fiftyMegabytesOfFrontMatterAreRejected() throws {
        let body = String(repeating: "note: \(String(repeating: "x", count: 93))\n", count: 50 * 1024 * 1024 / 100)
        #expect(Self.error("---\n" + body + "---\n") == NewsletterError(
            .limitExceeded, "front matter is more than 4194304 bytes, the limit (is its closing '---' line missing?)",
            path: "draft.md", location: SourceLocation(offset: 0, line: 1, column: 1), sourceLine: "---"
        ))
    }

    @Test func aBlockJustUnderTheLimitParsesAndOneJustOverDoesNot() throws {
        let limits = YAMLLimits(maximumBytes: 20)
        let adapter = FrontMatterAdapter(limits: limits)
        #expect(try adapter.decode(SourceText("---\ntitle: twelve chars\n---\n")).title == "twelve chars")
        #expect(throws: NewsletterError(
            .limitExceeded, "front matter is more than 20 bytes, the limit (is its closing '---' line missing?)",
            location: SourceLocation(offset: 0, line: 1, column: 1), sourceLine: "---"
        )) {
            try adapter.decode(SourceText("---\ntitle: thirteen char\n---\n"))
        }
    }

    @Test func binaryGarbageThatIsNotUTF8IsRefusedWhenRead() throws {
        var bytes = Array("---\ntitle: ".utf8)
        bytes += (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 181 &+ 0x80) }
        #expect(throws: NewsletterError(
            .invalidEncoding, "invalid UTF-8: the byte sequence starting with 0x80 is not a character",
            path: "draft.md", location: SourceLocation(offset: 11, line: 2, column: 8)
        )) {
            try SourceText(data: Data(bytes), path: "draft.md")
        }
    }

    @Test func binaryGarbageDecodedAsTextIsAYAMLError() throws {
        let garbage = String(decoding: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 181 &+ 7) }, as: UTF8.self)
        let error = try #require(Self.error("---\ntitle: A\n" + garbage + "\n---\n"))
        #expect(error.kind == .malformedInput)
        #expect(error.message == "control characters are not allowed (U+0007)")
        #expect(error.location == SourceLocation(offset: 13, line: 3, column: 1))
    }

    @Test func aCollectionKeyIsAnErrorAtTheKey() throws {
        let error = try #require(Self.error("---\ntitle: A\n? [x, y]\n: z\n---\n"))
        #expect(error == NewsletterError(
            .unrepresentable, "a sequence used as a key cannot be kept in metadata, whose keys are strings",
            path: "draft.md", location: SourceLocation(offset: 15, line: 3, column: 3), sourceLine: "? [x, y]"
        ))
    }
}
