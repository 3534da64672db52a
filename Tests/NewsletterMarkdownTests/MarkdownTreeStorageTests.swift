import NewsletterCore
import NewsletterMarkdown
import Testing

/// What the tree's compact storage must give back exactly: link details read from the links the tree shares with the
/// issue, and parents kept as a distance back, or aside when they are further back than a distance can say.
@Suite struct MarkdownTreeStorageTests {
    @Test func linkNodesGiveTheDetailsOfTheLinksTheTreeShares() throws {
        let text = """
            Read [the guide](https://a.example/g "Guide") and [terms][t], <https://b.example/x>, https://c.example/y \
            and ![logo](https://d.example/l.png).

            [t]: https://e.example/terms

            """
        let document = try MarkdownDocument(parsing: SourceText(text))
        let linkNodes = document.tree.nodes.filter(\.kind.isLinkLike)
        #expect(linkNodes.map(\.kind) == [.link, .link, .autolink, .bareURL, .image])
        #expect(linkNodes.map(\.link) == [
            MarkdownLinkDetails(form: .inline, destination: "https://a.example/g", title: "Guide", destinationRange: 17..<36, text: "the guide"),
            MarkdownLinkDetails(form: .reference, destination: "https://e.example/terms", title: nil, destinationRange: 149..<172, text: "terms"),
            MarkdownLinkDetails(form: .angle, destination: "https://b.example/x", title: nil, destinationRange: 63..<82, text: "https://b.example/x"),
            MarkdownLinkDetails(form: .bare, destination: "https://c.example/y", title: nil, destinationRange: 85..<104, text: "https://c.example/y"),
            MarkdownLinkDetails(form: .inline, destination: "https://d.example/l.png", title: nil, destinationRange: 117..<140, text: "logo"),
        ])
        #expect(document.links.map(\.destination) == linkNodes.map { $0.link?.destination })
        #expect(document.tree.verbatimRanges == [17..<36, 63..<82, 117..<140])
    }

    /// While a tree is built, details let go (once the adapter has made links of them) leave later nodes' details
    /// at their nodes; once links are shared, every link node reads its own.
    @Test func detailsRecordedAfterSomeAreLetGoStayWithTheirNodes() {
        var tree = MarkdownTree(emptyDocumentAt: 0..<30)
        func details(_ index: Int) -> MarkdownLinkDetails {
            MarkdownLinkDetails(form: .inline, destination: "https://x.example/\(index)", title: nil, destinationRange: nil, text: "link \(index)")
        }
        var nodes: [Int] = []
        for index in 0..<3 {
            let node = tree.open(.link, start: index * 10, parent: 0)
            tree.setLink(node, details(index))
            tree.close(node, end: index * 10 + 9)
            nodes.append(node)
            if index == 1 { tree.releaseLinkDetails() }
        }
        #expect(tree[nodes[2]].link == details(2))
        let links = (0..<3).map { Link(text: "link \($0)", destination: "https://x.example/\($0)", kind: .inline) }
        tree.shareLinks(links)
        #expect(nodes.map { tree[$0].link } == (0..<3).map(details))
    }

    /// 40,000 lines make a paragraph of 79,999 children: from the 65,536th on, a child's parent is further back than
    /// 16 bits count, and so is the document from the paragraph after it.
    @Test func parentsFurtherBackThanADistanceCanSayAreExact() throws {
        let lines = 40_000
        let text = String(repeating: "a\n", count: lines) + "\nlast\n"
        let tree = try MarkdownDocument(parsing: SourceText(text)).tree
        let paragraph = tree[1]
        #expect(paragraph.kind == .paragraph)
        #expect(paragraph.subtreeEnd == 2 + 2 * lines - 1)
        let children = tree.children(of: paragraph)
        #expect(children.count == 2 * lines - 1)
        #expect(children.allSatisfy { $0.parentIndex == 1 })
        let lastChild = try #require(children.last)
        #expect(lastChild.index - 1 > Int(UInt16.max))
        #expect(tree.parent(of: lastChild)?.kind == .paragraph)
        #expect(tree.isInside(lastChild, anyOf: [.paragraph]))
        let second = tree[paragraph.subtreeEnd]
        #expect(second.kind == .paragraph)
        #expect(second.parentIndex == 0)
        #expect(second.range == (2 * lines + 1)..<(2 * lines + 5))
        #expect(tree[second.index + 1].parentIndex == second.index)
        #expect(tree.children(of: tree.root).map(\.index) == [1, paragraph.subtreeEnd])
    }
}
