internal import CCmarkGFM
import Foundation
import NewsletterCore
@testable import NewsletterMarkdown
import TestSupport
import Testing

/// Our syntax tree against cmark-gfm's own on generated adversarial Markdown: the oracle is cmark-gfm's tree for the
/// same bytes, not our code. For every document, the links and images of our tree (destination, title, text) are
/// cmark-gfm's, in order; every node's range lies inside its parent's and after its previous sibling's; a link, image
/// or code span written on one line parses back, alone, to the same node; and no block was placed inexactly.
///
/// 20 seeds of 5,000 documents each run in the suite (100,000 documents); set `NEWSLETTERKIT_DIFFERENTIAL_DOCUMENTS`
/// to the number per seed for a longer run (50000 gives a million).
@Suite struct MarkdownDifferentialTests {
    static let documentsPerSeed = ProcessInfo.processInfo.environment["NEWSLETTERKIT_DIFFERENTIAL_DOCUMENTS"].flatMap(Int.init) ?? 5_000

    /// A link or image as cmark-gfm gives it.
    struct OracleLink: Equatable, CustomStringConvertible {
        var isImage: Bool
        var destination: String
        var title: String?
        var text: String
        var description: String { "\(isImage ? "!" : "")[\(text)](\(destination)\(title.map { " \"\($0)\"" } ?? ""))" }
    }

    @Test(arguments: 0..<20)
    func ourTreeAgreesWithCmarkGFM(seed: Int) throws {
        var generator = AdversarialMarkdown(seed: UInt64(seed))
        var failures: [String] = []
        for number in 0..<Self.documentsPerSeed where failures.count < 3 {
            let text = generator.next()
            if let failure = Self.disagreement(text) { failures.append("document \(seed)/\(number) \(text.debugDescription): \(failure)") }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
    }

    /// The issue's own shapes, which real exports are full of.
    @Test(arguments: [
        "[Advertise](https://a.example/)|[Jobs](https://b.example/)|\\\n[Community](https://c.example/)|[Maker](https://d.example/)\n",
        "See [two\nlines](https://a.example/x) and [other](https://a.example/y).\n",
        "- item\n  lazy [link](https://l.example/)\ncontinued [more](https://m.example/)\n",
        "> quoted [one](https://q.example/1)\nlazy [two](https://q.example/2)\n> back [three](https://q.example/3)\n",
        "| poll | votes |\n|---|---|\n| [yes](https://v.example/y) | 3 \\| 4 |\n| [no](https://v.example/n) |\n",
    ])
    func realExportShapes(text: String) {
        #expect(Self.disagreement(text) == nil)
    }

    @Test func linkRangesAfterABackslashBreakAreExact() throws {
        let text = "[Advertise](https://a.example/)|[Jobs](https://b.example/)|\\\n[Community](https://c.example/)|[Maker](https://d.example/)\n"
        let document = try MarkdownDocument(parsing: SourceText(text))
        #expect(document.links.map { String(document.source.slice($0.range!.utf8Offsets)) } == [
            "[Advertise](https://a.example/)", "[Jobs](https://b.example/)", "[Community](https://c.example/)", "[Maker](https://d.example/)",
        ])
        #expect(document.links.map { "\($0.range!.start)" } == ["1:1", "1:33", "2:1", "2:33"])
        #expect(!document.links.contains { $0.kind == .bareURL })
    }

    static func disagreement(_ text: String) -> String? {
        let source = SourceText(text)
        let document: MarkdownDocument
        do {
            document = try MarkdownDocument(parsing: source)
        } catch {
            return "did not parse: \(error)"
        }
        let ours = document.links.map {
            OracleLink(isImage: $0.kind == .image, destination: $0.destination, title: $0.title, text: $0.text)
        }
        let theirs = Self.oracleLinks(Array(text.utf8))
        if ours != theirs { return "links differ: ours \(ours), cmark-gfm \(theirs)" }
        if let inexact = document.inexactBlocks.first {
            let bytes = Array(text.utf8)
            let before = String(decoding: bytes[max(inexact.range.lowerBound, inexact.mismatchOffset - 30)..<inexact.mismatchOffset], as: UTF8.self)
            let after = String(decoding: bytes[inexact.mismatchOffset..<min(inexact.range.upperBound, inexact.mismatchOffset + 30)], as: UTF8.self)
            return "inexact block \(inexact): \(before.debugDescription) ▶ \(after.debugDescription)"
        }
        if let problem = Self.structureProblem(document.tree) { return problem }
        let bytes = Array(text.utf8)
        for node in document.tree.nodes where node.kind == .link || node.kind == .image || node.kind == .autolink || node.kind == .bareURL || node.kind == .code {
            let slice = Array(bytes[node.range])
            // Alone, a slice keeps its meaning unless it spans lines (container prefixes), resolves through a
            // definition elsewhere, or holds `\|`, which next to a table the table extension reads as `|` first.
            let hasEscapedPipe = zip(slice, slice.dropFirst()).contains { $0 == UInt8(ascii: "\\") && $1 == UInt8(ascii: "|") }
            guard !slice.contains(0x0A), !slice.contains(0x0D), node.link?.form != .reference, !hasEscapedPipe else { continue }
            if node.kind == .code {
                guard slice.first == UInt8(ascii: "`"), slice.last == UInt8(ascii: "`") else { return "code span \(node.range) is \(String(decoding: slice, as: UTF8.self))" }
                continue
            }
            let alone = Self.oracleLinks(slice)
            guard let first = alone.first, first.destination == node.link?.destination else {
                return "\(node.kind) at \(node.range) slices to \(String(decoding: slice, as: UTF8.self).debugDescription), which parses to \(alone)"
            }
        }
        return nil
    }

    /// Children inside their parent, in order, not overlapping; the root covers the text.
    static func structureProblem(_ tree: MarkdownTree) -> String? {
        var lastEnd: [Int: Int] = [:]
        for node in tree.nodes {
            guard let parentIndex = node.parentIndex else { continue }
            let parent = tree[parentIndex]
            guard node.range.lowerBound >= parent.range.lowerBound, node.range.upperBound <= parent.range.upperBound else {
                return "\(node.kind) \(node.range) outside its parent \(parent.kind) \(parent.range)"
            }
            if let end = lastEnd[parentIndex], node.range.lowerBound < end {
                return "\(node.kind) \(node.range) overlaps its previous sibling (ending at \(end))"
            }
            lastEnd[parentIndex] = node.range.upperBound
        }
        return nil
    }

    /// The links and images of cmark-gfm's tree for `bytes`, parsed with the extensions our parser uses.
    static func oracleLinks(_ bytes: [UInt8]) -> [OracleLink] {
        bytes.withUnsafeBufferPointer { buffer in
            CmarkParser.withDocument(buffer) { document in
                var links: [OracleLink] = []
                let iterator = cmark_iter_new(document)!
                defer { cmark_iter_free(iterator) }
                while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                    let node = cmark_iter_get_node(iterator)!
                    let type = cmark_node_get_type(node)
                    guard event == CMARK_EVENT_ENTER, type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
                    let title = String(cString: cmark_node_get_title(node))
                    links.append(OracleLink(
                        isImage: type == CMARK_NODE_IMAGE,
                        destination: String(cString: cmark_node_get_url(node)),
                        title: title.isEmpty ? nil : title,
                        text: plainText(node)
                    ))
                }
                return links
            }
        }
    }

    private static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: text += String(cString: cmark_node_get_literal(current))
            case CMARK_NODE_SOFTBREAK: text += " "
            case CMARK_NODE_LINEBREAK: text += "\n"
            case CMARK_NODE_HTML_INLINE: break
            default: text += plainText(current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
