import Testing
import NewsletterCore
@testable import NewsletterMarkdown

struct SyntaxTreeDebugTests {
    @Test func dump() throws {
        let text = (try? String(contentsOfFile: "/tmp/dbg/in.md", encoding: .utf8)) ?? ""
        let document = try MarkdownDocument(parsing: SourceText(text))
        var out = ""
        for node in document.tree.nodes {
            var depth = 0
            var p = node.parentIndex
            while let q = p { depth += 1; p = document.tree[q].parentIndex }
            out += String(repeating: "  ", count: depth) + "\(node.kind) \(node.range) \(String(document.source.slice(node.range)).debugDescription) \(node.link.map { "-> \($0.destination)" } ?? "")\n"
        }
        out += "inexact: \(document.inexactBlocks)\n"
        try out.write(toFile: "/tmp/dbg/out.txt", atomically: true, encoding: .utf8)
    }
}
