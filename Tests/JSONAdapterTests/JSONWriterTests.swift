import JSONAdapter
import NewsletterCore
import Testing

@Suite struct JSONWriterTests {
    @Test func onlyQuotesBackslashesAndControlCharactersAreEscaped() {
        #expect(JSONWriter.quoted("a\"b\\c\n\r\t\u{8}\u{C}\u{1}\u{1B}\u{7F}é🤌/") == #""a\"b\\c\n\r\t\b\f\u0001\u001b\u007fé🤌/""#)
    }

    @Test func layoutIsTwoSpacesOneMemberPerLineWithAFinalNewline() {
        let value = JSONValue(.object([
            JSONValue.Member(key: "name", value: JSONValue(.string("x"))),
            JSONValue.Member(key: "empty", value: JSONValue(.array([]))),
            JSONValue.Member(key: "none", value: JSONValue(.object([]))),
            JSONValue.Member(key: "list", value: JSONValue(.array([JSONValue(.number("1")), JSONValue(.object([
                JSONValue.Member(key: "ok", value: JSONValue(.bool(false))),
                JSONValue.Member(key: "nothing", value: JSONValue(.null)),
            ]))]))),
        ]))
        #expect(JSONWriter.prettyPrinted(value) == """
            {
              "name": "x",
              "empty": [],
              "none": {},
              "list": [
                1,
                {
                  "ok": false,
                  "nothing": null
                }
              ]
            }

            """)
    }

    @Test func readingAndWritingPrettyTextGivesTheSameText() throws {
        let text = """
            {
              "z": "last first",
              "a": [
                -1.50e3,
                "tab\\tand \\u0001",
                {
                  "nested": true
                }
              ]
            }

            """
        #expect(JSONWriter.prettyPrinted(try JSONReader().read(SourceText(text))) == text)
    }
}
