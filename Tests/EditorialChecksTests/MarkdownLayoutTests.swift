import EditorialChecks
import NewsletterCore
import Testing

@Suite struct MarkdownLayoutTests {
    @Test func frontMatterFencesAndCommentsAreNotProse() {
        let text = "---\ntitle: x\n---\n# T\n```swift\n**a**b\n```\n<!-- a\nb -->\n~~~~\nc\n~~~\n~~~~\nend\n"
        let layout = MarkdownLayout(source: SourceText(text), format: "front-matter")
        #expect(layout.lineKinds == [
            .frontMatter, .frontMatter, .frontMatter, .markdown, .code, .code, .code, .markdown, .comment,
            .code, .code, .code, .code, .markdown, .markdown,
        ])
    }

    @Test func jsonHasNoMarkdownLines() {
        let layout = MarkdownLayout(source: SourceText("{\n\"title\": \"x\"\n}\n"), format: "json")
        #expect(layout.lineKinds == [.other, .other, .other, .other])
    }

    @Test func unclosedFrontMatterIsProse() {
        let layout = MarkdownLayout(source: SourceText("---\ntitle: x\n"), format: "front-matter")
        #expect(layout.lineKinds == [.markdown, .markdown, .markdown])
    }

    @Test(arguments: [
        ("a `b` c", [2..<5]),
        ("``a ` b`` and `c", [0..<9]),
        ("no code", []),
        ("é`ü`", [2..<6]),
    ])
    func codeSpans(line: String, expected: [Range<Int>]) {
        #expect(MarkdownLayout.codeSpans(in: line[...]) == expected)
    }
}
