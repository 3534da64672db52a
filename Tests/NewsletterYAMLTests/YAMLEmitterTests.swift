import NewsletterCore
import NewsletterYAML
import Testing

@Suite struct YAMLEmitterTests {
    static let trickyStrings = [
        "no", "No", "yes", "on", "off", "y", "n", "true", "TRUE", "false", "null", "Null", "~", "",
        "1.0", "42", "-7", "0x1F", "0o17", "1_000", "0b101", "1:30", ".5", "1e3", ".inf", "-.inf", ".nan", "<<", "=",
        "a: b", "#x", "x #y", " leading", "trailing ", "  both  ", "- dash", "? question", ": colon", "key:", "@at", "`tick",
        "---", "...", "[a]", "{a}", "* star", "&amp", "!bang", "%pct", "| pipe", "> gt", "'single'", "\"double\"", "it's",
        "multi\nline\ntext", "ends with newline\n", "two trailing\n\n", "\n", "\nleading newline", "  indented\nblock",
        "trailing space \nnext", "tab\there", "line1\r\nline2", "lone\rreturn", "nul\u{0}byte", "\u{FEFF}bom", "bell\u{7}",
        "🤌 Ben's Picks", "é and 👋🏽 family 👨‍👩‍👧", "\u{E000}private use beside 🤌", "\u{F8FF}ü§å mangled", "ﬁ ligature",
        "2024-02-16", "2024-02-16T09:30:00Z", "Daily Digest: What's new?", "https://example.org/a?b=c#d", "{{first_name | friend}}",
    ]

    @Test(arguments: trickyStrings)
    func stringsReadBackExactlyAsValuesKeysAndItems(text: String) throws {
        let value = MetadataValue.mapping(Metadata([
            Metadata.Entry(key: "k", value: .string(text)),
            Metadata.Entry(key: text, value: .list([.string(text), .string("after")])),
        ]))
        let yaml = try YAMLEmitter().string(for: value)
        #expect(try YAMLParser().parseMetadataValue(SourceText(yaml)) == value, "\(yaml)")
    }

    @Test(arguments: [
        ("no", "title: 'no'\n"),
        ("1.0", "title: '1.0'\n"),
        ("null", "title: 'null'\n"),
        ("", "title: ''\n"),
        ("a: b", "title: 'a: b'\n"),
        ("#x", "title: '#x'\n"),
        (" leading", "title: ' leading'\n"),
        ("trailing ", "title: 'trailing '\n"),
        ("it's", "title: it's\n"),
        ("line one\nline two", "title: |-\n  line one\n  line two\n"),
        ("line one\nline two\n", "title: |\n  line one\n  line two\n"),
        ("two trailing\n\n", "title: \"two trailing\\n\\n\"\n"),
        ("🤌 Ben's Picks", "title: 🤌 Ben's Picks\n"),
        ("tab\there", "title: \"tab\\there\"\n"),
        ("2024-02-16", "title: 2024-02-16\n"),
        ("Plain words", "title: Plain words\n"),
    ])
    func stringsGetTheSimplestStyleThatReadsBack(text: String, yaml: String) throws {
        #expect(try YAMLEmitter().string(for: ["title": .string(text)]) == yaml)
    }

    @Test func nonStringValuesArePlainAndReadBack() throws {
        let metadata: Metadata = [
            "none": .null, "b": .bool(true), "i": .integer(-3), "d": .double(1.0), "e": .double(1e20), "small": .double(2.5e-7),
            "inf": .double(-.infinity),
        ]
        let yaml = try YAMLEmitter().string(for: metadata)
        #expect(yaml == "none: null\nb: true\ni: -3\nd: 1.0\ne: 1e+20\nsmall: 2.5e-07\ninf: -.inf\n")
        #expect(try YAMLParser().parseMetadataValue(SourceText(yaml)) == .mapping(metadata))
    }

    @Test func nestedValuesAreBlocksInOrder() throws {
        let metadata: Metadata = [
            "authors": .list([.string("Ana"), .string("Ben")]),
            "seo": .mapping(["noindex": .bool(false), "keywords": .list([])]),
            "empty": .mapping([:]),
        ]
        #expect(try YAMLEmitter().string(for: metadata) == "authors:\n- Ana\n- Ben\nseo:\n  noindex: false\n  keywords: []\nempty: {}\n")
        #expect(try YAMLEmitter(indentation: 4).string(for: ["seo": .mapping(["noindex": .bool(false)])]) == "seo:\n    noindex: false\n")
    }

    @Test func windowsLineEndingsAreWrittenThroughout() throws {
        let metadata: Metadata = ["a": .string("x"), "b": .list([.string("1")]), "c": .string("one\ntwo")]
        #expect(try YAMLEmitter(lineBreak: .crlf).string(for: metadata) == "a: x\r\nb:\r\n- '1'\r\nc: |-\r\n  one\r\n  two\r\n")
    }

    @Test func emptyMetadataIsAnEmptyFlowMapping() throws {
        #expect(try YAMLEmitter().string(for: Metadata()) == "{}\n")
    }

    @Test func valuesDeeperThanTheLimitAreAnError() throws {
        var value = MetadataValue.string("bottom")
        for _ in 0..<200 { value = .list([value]) }
        #expect(throws: NewsletterError(.limitExceeded, "cannot write YAML nested deeper than 128 levels")) {
            try YAMLEmitter().string(for: value)
        }
    }

    @Test func parsedNodesAreWrittenBackWithSpellingTagsAnchorsAndAliases() throws {
        let text = "a: &x 0x1F\nb: *x\nc: 'single'\nd: ~\ne: \"double\"\nf: !!str 12\ng: 'no'\nh: |\n  block\n"
        let root = try #require(try YAMLParser().parse(SourceText(text)))
        #expect(try YAMLEmitter().string(for: root) == text)
    }
}
