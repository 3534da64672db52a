import Foundation
import JSONAdapter
import NewsletterCore
import Testing

@Suite struct JSONReaderTests {
    private func read(_ text: String, limits: JSONReader.Limits = JSONReader.Limits()) throws(NewsletterError) -> JSONValue {
        try JSONReader(limits: limits).read(SourceText(text, path: "input.json"))
    }

    @Test func objectMembersKeepSourceOrderAndOffsets() throws {
        let value = try read(#"{"b": 1, "a": [true, null], "c": "x"}"#)
        #expect(value.members?.map(\.key) == ["b", "a", "c"])
        #expect(value.offsets == 0..<37)
        #expect(value.members?[1].keyOffsets == 9..<12)
        #expect(value["b"] == JSONValue(.number("1"), offsets: 6..<7))
        #expect(value["a"] == JSONValue(.array([JSONValue(.bool(true), offsets: 15..<19), JSONValue(.null, offsets: 21..<25)]), offsets: 14..<26))
        #expect(value["c"] == JSONValue(.string("x"), offsets: 33..<36))
        #expect(value["missing"] == nil)
    }

    @Test func stringEscapesAndSurrogatePairsAreResolved() throws {
        let value = try read(#""a\"b\\c\/d\b\f\n\r\t\u00e9\uD83E\uDD0C""#)
        #expect(value.content == .string("a\"b\\c/d\u{8}\u{C}\n\r\té🤌"))
    }

    @Test func numbersKeepTheirTextAsWritten() throws {
        let value = try read("[-0, 1.50, 2e10, -3.25E-2, 123456789012345678901234567890]")
        guard case .array(let items) = value.content else { Testing.Issue.record("expected an array"); return }
        #expect(items.map(\.content) == ["-0", "1.50", "2e10", "-3.25E-2", "123456789012345678901234567890"].map { .number($0) })
    }

    @Test func whitespaceAroundTheValueAndAByteOrderMarkAreSkipped() throws {
        let value = try read("\u{FEFF} \r\n\t{\"a\": 1}\n")
        #expect(value.offsets == 7..<15)
        #expect(value["a"]?.content == .number("1"))
    }

    static let malformed: [(text: String, message: String, line: Int, column: Int)] = [
        (#"{"a": 1,}"#, "unexpected '}' after ','; expected a key in double quotes", 1, 9),
        ("[1, 2,]", "unexpected ']'; expected a value", 1, 7),
        ("{a: 1}", "unexpected 'a'; expected a key in double quotes", 1, 2),
        ("[01]", "invalid number: a number cannot start with 0 followed by a digit", 1, 2),
        ("[1.]", "invalid number: expected a digit after '.'", 1, 2),
        ("[1e+]", "invalid number: expected a digit in the exponent", 1, 2),
        ("[-]", "invalid number: expected a digit after '-'", 1, 2),
        ("[NaN]", "unexpected 'N'; expected a value", 1, 2),
        ("[tru]", "invalid literal; expected true, false or null", 1, 2),
        (#"{"a" 1}"#, "unexpected '1'; expected ':' after the key", 1, 6),
        (#"{"a": 1 "b": 2}"#, "unexpected '\"'; expected ',' or '}'", 1, 9),
        ("\"tab\there\"", "a string cannot hold the control character U+0009; write it as an escape", 1, 5),
        (#""\x""#, "invalid escape '\\x' in a string", 1, 2),
        (#""\u12G4""#, "invalid escape: '\\u' needs four hexadecimal digits", 1, 2),
        (#""\uD83E""#, "invalid escape: \\uD83E is half of a UTF-16 surrogate pair", 1, 2),
        (#""\uDD0C""#, "invalid escape: \\uDD0C is half of a UTF-16 surrogate pair", 1, 2),
        (#"{"a": 1} x"#, "unexpected 'x' after the end of the JSON value", 1, 10),
        (#"{"a": 1, "a": 2}"#, "duplicate key \"a\"; first given at 1:2", 1, 10),
        ("{\n  \"a\": [\n    1,\n    @\n  ]\n}", "unexpected '@'; expected a value", 4, 5),
        ("", "unexpected end of input; expected a value", 1, 1),
        ("[é]", "unexpected 'é' (U+00E9); expected a value", 1, 2),
        ("\u{0}", "unexpected U+0000; expected a value", 1, 1),
    ]

    @Test(arguments: malformed)
    func malformedJSONIsReportedAtItsLineAndColumn(text: String, message: String, line: Int, column: Int) {
        let source = SourceText(text, path: "input.json")
        #expect(throws: NewsletterError(.malformedInput, message, at: source.location(line: line, scalarColumn: column), in: source)) {
            try JSONReader().read(source)
        }
    }

    static let truncated: [(text: String, message: String, column: Int)] = [
        (#"{"title": "Hel"#, "unterminated string: the input ends before its closing quote", 11),
        (#"{"sections": [{"title": "A"}"#, "unexpected end of input; expected ',' or ']' (the array opened at 1:14 is not closed)", 29),
        (#"{"title""#, "unexpected end of input; expected ':' (the object opened at 1:1 is not closed)", 9),
        (#"{"title": "#, "unexpected end of input; expected a value (the object opened at 1:1 is not closed)", 11),
        (#"{"a": 1, "#, "unexpected end of input; expected a key (the object opened at 1:1 is not closed)", 10),
        (#"["\"#, "unexpected end of input; expected an escape sequence (the array opened at 1:1 is not closed)", 4),
    ]

    @Test(arguments: truncated)
    func truncatedJSONNamesWhatWasStillOpen(text: String, message: String, column: Int) {
        let source = SourceText(text, path: "input.json")
        #expect(throws: NewsletterError(.malformedInput, message, at: source.location(line: 1, scalarColumn: column), in: source)) {
            try JSONReader().read(source)
        }
    }

    @Test(arguments: ["[", "{\"a\":"])
    func tenThousandLevelsStopAtTheDepthLimit(opener: String) {
        let text = String(repeating: opener, count: 10_000) + "1"
        let source = SourceText(text, path: "deep.json")
        // Level 129 is the first one over the limit of 128.
        let offset = 128 * opener.utf8.count
        #expect(throws: NewsletterError(
            .limitExceeded,
            "nesting is deeper than the limit of 128 levels",
            at: source.location(atUTF8Offset: offset),
            in: source
        )) {
            try JSONReader().read(source)
        }
    }

    @Test func nestingExactlyAtTheLimitIsRead() throws {
        let text = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        var value = try read(text)
        var depth = 1
        while case .array(let items) = value.content, let inner = items.first {
            value = inner
            depth += 1
        }
        #expect(depth == 128)
    }

    @Test func aSmallerDepthLimitIsHonoured() {
        let source = SourceText("[[[1]]]")
        #expect(throws: NewsletterError(.limitExceeded, "nesting is deeper than the limit of 2 levels", at: source.location(atUTF8Offset: 2), in: source)) {
            try JSONReader(limits: JSONReader.Limits(maximumDepth: 2)).read(source)
        }
    }

    @Test func inputOverTheSizeLimitIsRefusedBeforeReading() {
        let limit = 1 << 20
        let text = "[\"" + String(repeating: "a", count: limit - 3) + "\"]"
        #expect(text.utf8.count == limit + 1)
        #expect(throws: NewsletterError(.limitExceeded, "input is 1048577 bytes, more than the limit of 1048576 bytes", path: "big.json")) {
            try JSONReader(limits: JSONReader.Limits(maximumSize: limit)).read(SourceText(text, path: "big.json"))
        }
    }

    @Test func aDuplicateKeyInAnObjectWithManyKeysIsFound() {
        // Objects with many keys look keys up by hash instead of by scanning; both ways must find the first place.
        let members = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k3\": 0"]
        let text = "{" + members.joined(separator: ", ") + "}"
        let source = SourceText(text)
        let second = text.utf8.count - 8
        #expect(throws: NewsletterError(.malformedInput, "duplicate key \"k3\"; first given at 1:29", at: source.location(atUTF8Offset: second), in: source)) {
            try JSONReader().read(source)
        }
    }

    @Test func defaultLimitsAre128LevelsAnd64MiB() {
        #expect(JSONReader.Limits() == JSONReader.Limits(maximumDepth: 128, maximumSize: 67_108_864))
    }

    @Test func aLargeGeneratedArrayIsReadCompletely() throws {
        let count = 50_000
        let text = "[" + (0..<count).map { "{\"n\": \($0), \"s\": \"item \($0)\"}" }.joined(separator: ",\n") + "]"
        let value = try read(text)
        guard case .array(let items) = value.content else { Testing.Issue.record("expected an array"); return }
        #expect(items.count == count)
        #expect(items.last?["s"]?.content == .string("item 49999"))
        #expect(items.last?["n"]?.content == .number("49999"))
    }
}
