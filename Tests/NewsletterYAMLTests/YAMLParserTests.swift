import NewsletterCore
import NewsletterYAML
import Testing

@Suite struct YAMLParserTests {
    /// Parses the text between the first `---` line and the next, as the front-matter adapter does.
    static func frontMatter(_ text: String, path: String = "draft.md", limits: YAMLLimits = YAMLLimits()) throws(NewsletterError) -> YAMLNode? {
        let source = SourceText(text, path: path)
        let start = source.lineStarts[1]
        let closingLine = (2...source.lineCount).first { source.lineText($0) == "---" }!
        let end = source.lineStarts[closingLine - 1]
        return try YAMLParser(limits: limits).parse(source, utf8Range: start..<end)
    }

    @Test func nodesCarryWholeFileRangesStartingOnLineTwo() throws {
        let root = try #require(try Self.frontMatter("---\ntitle: Hello\ntags: [a, b]\n---\nBody\n"))
        let pairs = try #require(root.pairs)
        #expect(pairs.map(\.key.text) == ["title", "tags"])
        #expect(root.range.start == SourceLocation(offset: 4, line: 2, column: 1))
        #expect(pairs[0].key.range == SourceRange(start: SourceLocation(offset: 4, line: 2, column: 1), end: SourceLocation(offset: 9, line: 2, column: 6)))
        #expect(pairs[0].value.range == SourceRange(start: SourceLocation(offset: 11, line: 2, column: 8), end: SourceLocation(offset: 16, line: 2, column: 13)))
        #expect(pairs[1].key.range.start == SourceLocation(offset: 17, line: 3, column: 1))
        #expect(pairs[1].value.range == SourceRange(start: SourceLocation(offset: 23, line: 3, column: 7), end: SourceLocation(offset: 29, line: 3, column: 13)))
        #expect(root["tags"]?[1]?.range.start == SourceLocation(offset: 27, line: 3, column: 11))
        #expect(root["tags"]?.items?.map(\.text) == ["a", "b"])
    }

    @Test func columnsCountScalarsAfterAccentsAndEmoji() throws {
        // "café 🤌 x" is 8 scalars in 12 bytes.
        let root = try #require(try Self.frontMatter("---\nnote: café 🤌 x\nk: v\n---\n"))
        #expect(root["note"]?.range == SourceRange(start: SourceLocation(offset: 10, line: 2, column: 7), end: SourceLocation(offset: 22, line: 2, column: 15)))
        #expect(root.pair(forKey: "k")?.key.range.start == SourceLocation(offset: 23, line: 3, column: 1))
        #expect(root["k"]?.range.start == SourceLocation(offset: 26, line: 3, column: 4))
    }

    @Test func aSliceStartingMidLineShiftsColumnsOfItsFirstLineOnly() throws {
        let source = SourceText("tags: [a, b,\n  c]\n")
        let root = try #require(try YAMLParser().parse(source, utf8Range: 6..<18))
        #expect(root[0]?.range.start == SourceLocation(offset: 7, line: 1, column: 8))
        #expect(root[2]?.range.start == SourceLocation(offset: 15, line: 2, column: 3))
    }

    @Test func unicodeLineSeparatorsDoNotShiftLines() throws {
        // libyaml counts U+2028 as a line break; SourceText does not.
        let source = SourceText("a: \"x\u{2028}  y\"\nb: 1\n")
        let root = try #require(try YAMLParser().parse(source))
        #expect(root["a"]?.string == "x\u{2028}y")
        #expect(root.pair(forKey: "b")?.key.range.start == SourceLocation(offset: 13, line: 2, column: 1))
    }

    @Test func byteOrderMarkAtTheStartIsSkipped() throws {
        let source = SourceText("\u{FEFF}rules:\n  line-length: off\n")
        let root = try #require(try YAMLParser().parse(source))
        #expect(root.pair(forKey: "rules")?.key.range.start == SourceLocation(offset: 3, line: 1, column: 2))
        #expect(root["rules"]?["line-length"]?.string == "off")
    }

    @Test func emptyOrCommentOnlyTextHasNoDocument() throws {
        #expect(try YAMLParser().parse(SourceText("")) == nil)
        #expect(try YAMLParser().parse(SourceText("# only a comment\n\n")) == nil)
    }

    @Test(arguments: [
        ("true", YAMLScalar.Value.bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)), ("false", .bool(false)),
        ("no", .string("no")), ("yes", .string("yes")), ("on", .string("on")), ("off", .string("off")), ("y", .string("y")),
        ("null", .null), ("Null", .null), ("~", .null), ("", .null), ("nil", .string("nil")),
        ("42", .integer(42)), ("-17", .integer(-17)), ("+3", .integer(3)), ("012", .integer(12)), ("0o17", .integer(15)), ("0x1F", .integer(31)),
        ("1.0", .float(1.0)), (".5", .float(0.5)), ("1e3", .float(1000)), ("-2.5E-1", .float(-0.25)), ("-.inf", .float(-.infinity)),
        ("2024-02-16", .string("2024-02-16")), ("1_000", .string("1_000")), ("0b101", .string("0b101")), ("1:30", .string("1:30")),
        ("99999999999999999999", .string("99999999999999999999")), ("'true'", .string("true")), ("\"12\"", .string("12")),
        ("!!str 12", .string("12")), ("!!int \"12\"", .integer(12)), ("!!float 1", .float(1)), ("!!bool 'false'", .bool(false)),
    ])
    func scalarsResolveByTheCoreSchema(written: String, expected: YAMLScalar.Value) throws {
        let root = try #require(try YAMLParser().parse(SourceText("k: \(written)\n")))
        #expect(root["k"]?.scalar?.value == expected)
    }

    @Test func notANumberResolvesToNaN() throws {
        let root = try #require(try YAMLParser().parse(SourceText("k: .NaN\n")))
        guard case .float(let value) = root["k"]?.scalar?.value else { Issue.record("not a float"); return }
        #expect(value.isNaN)
    }

    @Test func scalarsKeepTextAndStyle() throws {
        let root = try #require(try YAMLParser().parse(SourceText("a: 'it''s'\nb: \"tab\\there\"\nc: |\n  one\n  two\nd: >\n  folded\n  text\n")))
        #expect(root["a"]?.scalar == YAMLScalar(text: "it's", style: .singleQuoted, value: .string("it's")))
        #expect(root["b"]?.scalar == YAMLScalar(text: "tab\there", style: .doubleQuoted, value: .string("tab\there")))
        #expect(root["c"]?.scalar == YAMLScalar(text: "one\ntwo\n", style: .literal, value: .string("one\ntwo\n")))
        #expect(root["d"]?.scalar == YAMLScalar(text: "folded text\n", style: .folded, value: .string("folded text\n")))
    }

    @Test(arguments: [
        ("2024-02-16", true), ("2024-02-16T09:30:00Z", true), ("2024-02-16 09:30:00 +01:00", true), ("2024-02-16t9:30:00.25-5", true),
        ("2024-2-16", false), ("2024-02-16x", false), ("2024-02-16T09:30", false), ("'2024-02-16'", false), ("2024-02-16 at noon", false),
    ])
    func timestampsAreRecognisableButStayStrings(written: String, isTimestamp: Bool) throws {
        let root = try #require(try YAMLParser().parse(SourceText("date: \(written)\n")))
        let scalar = try #require(root["date"]?.scalar)
        #expect(scalar.isTimestamp == isTimestamp)
        #expect(scalar.value == .string(scalar.text))
    }

    @Test func tagsAnchorsAndAliasesAreKept() throws {
        let root = try #require(try YAMLParser().parse(SourceText("base: &b {x: 1}\ncopy: *b\nn: !!str 7\n")))
        #expect(root["base"]?.anchor == "b")
        let copy = try #require(root["copy"])
        #expect(copy.alias == "b")
        #expect(copy.range == SourceRange(start: SourceLocation(offset: 22, line: 2, column: 7), end: SourceLocation(offset: 24, line: 2, column: 9)))
        #expect(copy["x"]?.integer == 1)
        #expect(copy.pair(forKey: "x")?.key.range.start == SourceLocation(offset: 10, line: 1, column: 11))
        #expect(root["n"]?.tag == "tag:yaml.org,2002:str")
    }

    @Test func nodeAccessorsGiveTypedValues() throws {
        let root = try #require(try YAMLParser().parse(SourceText("s: text\nb: false\ni: 3\nf: 2.5\nn: ~\nl: [1]\n")))
        #expect(root["s"]?.string == "text")
        #expect(root["b"]?.bool == false)
        #expect(root["i"]?.integer == 3)
        #expect(root["i"]?.double == 3)
        #expect(root["f"]?.double == 2.5)
        #expect(root["n"]?.isNull == true)
        #expect(root["l"]?.kindDescription == "a sequence")
        #expect(root["i"]?.string == nil)
        #expect(root["missing"] == nil)
        #expect(root["l"]?[5] == nil)
    }

    @Test func metadataValuesKeepOrderAndResolvedValues() throws {
        let source = SourceText("z: 1\na: [x, 2.5, true, ~]\nm:\n  inner: 2024-02-16\n")
        let value = try YAMLParser().parseMetadataValue(source)
        #expect(value == .mapping([
            "z": .integer(1),
            "a": .list([.string("x"), .double(2.5), .bool(true), .null]),
            "m": .mapping(["inner": .string("2024-02-16")]),
        ]))
    }

    @Test func aCollectionAsAKeyCannotBecomeMetadata() throws {
        let source = SourceText("? [a, b]\n: value\n", path: "x.yml")
        #expect(throws: NewsletterError(.unrepresentable, "a sequence used as a key cannot be kept in metadata, whose keys are strings",
                                        at: SourceLocation(offset: 2, line: 1, column: 3), in: source)) {
            try YAMLParser().parseMetadataValue(source)
        }
    }

    @Test func theCatalogExampleHolds() throws {
        let source = SourceText("---\ntitle: Weekly Picks\ndraft: no\n---\nBody\n", path: "draft.md")
        let root = try YAMLParser().parse(source, utf8Range: 4..<34)
        #expect(root?["draft"]?.string == "no")
        #expect(root?.pair(forKey: "draft")?.key.range.start.description == "3:1")
        #expect(try YAMLEmitter().string(for: ["draft": .string("no")]) == "draft: 'no'\n")
    }
}
