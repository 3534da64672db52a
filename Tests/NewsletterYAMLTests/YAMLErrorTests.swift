import NewsletterCore
import NewsletterYAML
import Testing

/// Bad input: every case is an error with the file's line and column, never a crash.
@Suite struct YAMLErrorTests {
    static func parse(_ text: String, limits: YAMLLimits = YAMLLimits()) throws(NewsletterError) -> YAMLNode? {
        try YAMLParser(limits: limits).parse(SourceText(text, path: "draft.md"))
    }

    static func error(_ text: String, limits: YAMLLimits = YAMLLimits()) -> NewsletterError? {
        do {
            _ = try parse(text, limits: limits)
            return nil
        } catch {
            return error
        }
    }

    @Test func colonInsideAnUnquotedValueRendersWithCaret() throws {
        let error = try #require(Self.error("title: Daily Digest: What's new?\n"))
        #expect(error.kind == .malformedInput)
        #expect(error.description == """
            draft.md:1:20: error: mapping values are not allowed in this context
            title: Daily Digest: What's new?
                               ^
            """)
    }

    @Test func aKeyWithoutColonPointsAtTheKeyLine() throws {
        let error = try #require(Self.error("slug: a\ntitle Weekly Picks\ndate: 2024-02-16\n"))
        #expect(error == NewsletterError(
            .malformedInput, "could not find expected ':' while scanning a simple key",
            path: "draft.md", location: SourceLocation(offset: 8, line: 2, column: 1), sourceLine: "title Weekly Picks"
        ))
    }

    @Test func unclosedFlowSequenceReportsLibyamlsPosition() throws {
        let error = try #require(Self.error("tags: [a, b\nz: 1\n"))
        #expect(error == NewsletterError(
            .malformedInput, "did not find expected ',' or ']' while parsing a flow sequence",
            path: "draft.md", location: SourceLocation(offset: 13, line: 2, column: 2), sourceLine: "z: 1"
        ))
    }

    @Test func tabsForIndentationAreRejected() throws {
        let error = try #require(Self.error("tags:\n\t- a\n"))
        #expect(error == NewsletterError(
            .malformedInput, "found character that cannot start any token while scanning for the next token",
            path: "draft.md", location: SourceLocation(offset: 6, line: 2, column: 1), sourceLine: "\t- a"
        ))
        #expect(error.description == "draft.md:2:1: error: found character that cannot start any token while scanning for the next token\n\t- a\n^")
    }

    @Test func controlCharactersAreNamed() throws {
        let error = try #require(Self.error("a: b\u{1}\n"))
        #expect(error == NewsletterError(
            .malformedInput, "control characters are not allowed (U+0001)",
            path: "draft.md", location: SourceLocation(offset: 4, line: 1, column: 5), sourceLine: "a: b\u{1}"
        ))
    }

    @Test func binaryGarbageIsAnErrorAtItsFirstControlCharacter() throws {
        let bytes = (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 181 &+ 7) }
        let error = try #require(Self.error(String(decoding: bytes, as: UTF8.self)))
        #expect(error.kind == .malformedInput)
        #expect(error.message == "control characters are not allowed (U+0007)")
        #expect(error.location == SourceLocation(offset: 0, line: 1, column: 1))
    }

    @Test func duplicateKeysNameBothLocations() throws {
        let error = try #require(Self.error("title: A\ndraft: true\ntitle: B\n"))
        #expect(error == NewsletterError(
            .malformedInput, "duplicate key 'title' (first defined at 1:1)",
            path: "draft.md", location: SourceLocation(offset: 21, line: 3, column: 1), sourceLine: "title: B"
        ))
    }

    @Test func duplicateKeysAreFoundInLargeMappingsAndAcrossSpellings() throws {
        let keys = (0..<40).map { "k\($0): \($0)\n" }.joined()
        let large = try #require(Self.error(keys + "k3: again\n"))
        #expect(large.message == "duplicate key 'k3' (first defined at 4:1)")
        #expect(large.location?.line == 41)

        let spelled = try #require(Self.error("1: one\n0x1: also one\n"))
        #expect(spelled.message == "duplicate key '0x1' (first defined at 1:1)")
        #expect(spelled.location == SourceLocation(offset: 7, line: 2, column: 1))
    }

    @Test func billionLaughsIsRejectedAtTheAliasThatPassesTheLimit() throws {
        let lol = #"a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]"# + "\n"
        let levels = zip("abcdefghi", "bcdefghij").map { previous, name in
            "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }
        // Sizes: a 10, b 91, c 820, d 7381, e 66430 nodes; after e the aliases have brought in 74,718 nodes,
        // so the first *e on line 6 (key f) brings the total to 141,148, past 100,000.
        let error = try #require(Self.error(lol + levels.joined()))
        #expect(error.kind == .limitExceeded)
        #expect(error.message == "aliases expand to more than 100000 nodes, the limit (a \"billion laughs\" document?)")
        #expect(error.location == SourceLocation(offset: 249, line: 6, column: 8))
    }

    @Test func aliasExpansionLimitIsConfigurable() throws {
        let limits = YAMLLimits(maximumAliasExpansion: 5)
        let error = try #require(Self.error("a: &x [1, 2]\nb: *x\nc: *x\n", limits: limits))
        #expect(error.message == "aliases expand to more than 5 nodes, the limit (a \"billion laughs\" document?)")
        #expect(error.location == SourceLocation(offset: 22, line: 3, column: 4))
        #expect(try Self.parse("a: &x [1, 2]\nb: *x\n", limits: limits)?["b"]?.items?.count == 2)
    }

    @Test(arguments: [
        (String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000), 129),
        (String(repeating: "- ", count: 10_000) + "x", 257),
        (String(repeating: "{a: ", count: 10_000) + String(repeating: "}", count: 10_000), 513),
    ])
    func tenThousandLevelsOfNestingHitTheDepthLimit(text: String, column: Int) throws {
        let error = try #require(Self.error(text))
        #expect(error.kind == .limitExceeded)
        #expect(error.message == "YAML nesting is deeper than the limit of 128 levels")
        #expect(error.location?.line == 1)
        #expect(error.location?.column == column)
    }

    @Test func fiftyMegabytesAreRefusedBeforeParsing() throws {
        let text = "notes:\n" + String(repeating: "  - twenty-four bytes..\n", count: 50 * 1024 * 1024 / 24)
        let error = try #require(Self.error(text))
        #expect(error == NewsletterError(
            .limitExceeded, "YAML text is 52428799 bytes, more than the limit of 4194304 bytes",
            path: "draft.md", location: SourceLocation(offset: 0, line: 1, column: 1), sourceLine: "notes:"
        ))
    }

    @Test func unknownAndRecursiveAliasesAreErrors() throws {
        #expect(Self.error("a: *nope\n") == NewsletterError(
            .malformedInput, "unknown alias '*nope': no anchor '&nope' comes before it",
            path: "draft.md", location: SourceLocation(offset: 3, line: 1, column: 4), sourceLine: "a: *nope"
        ))
        #expect(Self.error("a: &r [1, *r]\n")?.message == "alias '*r' refers to a collection that contains it; recursive YAML is not supported")
    }

    @Test func aSecondDocumentIsAnError() throws {
        #expect(Self.error("a: 1\n---\nb: 2\n") == NewsletterError(
            .malformedInput, "expected one YAML document, found a second one",
            path: "draft.md", location: SourceLocation(offset: 5, line: 2, column: 1), sourceLine: "---"
        ))
    }

    @Test func aTagThatDoesNotFitItsValueIsAnError() throws {
        #expect(Self.error("n: !!int twelve\n")?.message == "'twelve' is not a valid !!int value")
    }
}
