/// An immutable Markdown syntax tree: every block and inline node of a parsed text, each with its exact range of
/// UTF-8 offsets in the whole file.
///
/// Nodes are stored flat in document order (a node, then its descendants, then its next sibling), so walking the
/// whole tree is one pass over an array and a node's descendants are the indices `index + 1 ..< subtreeEnd`.
/// Parsers build trees (`NewsletterMarkdown` reads cmark-gfm's); rules and third-party code read them, through
/// ``walk(_:)``, ``children(of:)`` or ``nodes``.
public struct MarkdownTree: Sendable {
    /// One stored node; the public view is ``MarkdownNode``. Offsets are kept in 32 bits, as a ``SourceText`` holds at
    /// most 4 GiB: a node is 24 bytes, and a dense draft has a node for every dozen bytes or so.
    private struct Storage: Sendable {
        var kind: MarkdownNode.Kind
        var headingLevel: UInt8
        var parent: Int32
        var subtreeEnd: Int32
        var link: Int32
        private var storedStart: UInt32
        private var storedEnd: UInt32

        init(kind: MarkdownNode.Kind, headingLevel: UInt8, parent: Int32, subtreeEnd: Int32, link: Int32, start: Int, end: Int) {
            self.kind = kind
            self.headingLevel = headingLevel
            self.parent = parent
            self.subtreeEnd = subtreeEnd
            self.link = link
            storedStart = UInt32(start)
            storedEnd = UInt32(end)
        }

        var start: Int {
            get { Int(storedStart) }
            set { storedStart = UInt32(newValue) }
        }

        var end: Int {
            get { Int(storedEnd) }
            set { storedEnd = UInt32(newValue) }
        }
    }

    private var storage: [Storage]
    private var links: [MarkdownLinkDetails]

    /// A tree holding only a document node over `range`.
    ///
    /// - Precondition: `range` lies between 0 and ``SourceText/largestSize``, as every offset of a tree does.
    public init(emptyDocumentAt range: Range<Int>) {
        storage = [Storage(kind: .document, headingLevel: 0, parent: -1, subtreeEnd: 1, link: -1, start: range.lowerBound, end: range.upperBound)]
        links = []
    }

    /// The number of nodes, the document included.
    public var count: Int { storage.count }

    /// The document node.
    public var root: MarkdownNode { self[0] }

    /// The node at `index` in document order.
    public subscript(index: Int) -> MarkdownNode {
        let stored = storage[index]
        return MarkdownNode(
            index: index,
            kind: stored.kind,
            range: stored.start..<stored.end,
            parentIndex: stored.parent < 0 ? nil : Int(stored.parent),
            subtreeEnd: Int(stored.subtreeEnd),
            headingLevel: stored.kind == .heading ? Int(stored.headingLevel) : nil,
            link: stored.link < 0 ? nil : links[Int(stored.link)]
        )
    }

    /// The kind of the node at `index`, without building the node.
    public func kind(at index: Int) -> MarkdownNode.Kind { storage[index].kind }

    /// The range of the node at `index`, without building the node.
    public func range(at index: Int) -> Range<Int> { storage[index].start..<storage[index].end }

    /// Every node in document order.
    public var nodes: some RandomAccessCollection<MarkdownNode> { (0..<storage.count).lazy.map { self[$0] } }

    /// The direct children of `node`, in order.
    public func children(of node: MarkdownNode) -> [MarkdownNode] {
        var children: [MarkdownNode] = []
        var index = node.index + 1
        while index < node.subtreeEnd {
            children.append(self[index])
            index = Int(storage[index].subtreeEnd)
        }
        return children
    }

    /// The enclosing node of `node`, `nil` for the root.
    public func parent(of node: MarkdownNode) -> MarkdownNode? {
        node.parentIndex.map { self[$0] }
    }

    /// Whether any node enclosing `node` is of one of `kinds`.
    public func isInside(_ node: MarkdownNode, anyOf kinds: Set<MarkdownNode.Kind>) -> Bool {
        var parent = storage[node.index].parent
        while parent >= 0 {
            if kinds.contains(storage[Int(parent)].kind) { return true }
            parent = storage[Int(parent)].parent
        }
        return false
    }

    /// Walks the tree in document order, calling the visitor before and after each node's children.
    public func walk<Visitor: MarkdownVisitor>(_ visitor: inout Visitor) {
        var open: [Int] = []
        var index = 0
        while index < storage.count {
            while let last = open.last, index >= storage[last].subtreeEnd {
                visitor.leave(self[last], in: self)
                open.removeLast()
            }
            let node = self[index]
            if visitor.visit(node, in: self) == .visitChildren {
                open.append(index)
                index += 1
            } else {
                visitor.leave(node, in: self)
                index = node.subtreeEnd
            }
        }
        while let last = open.popLast() { visitor.leave(self[last], in: self) }
    }

    /// The ranges whose bytes are not prose, sorted by start: code blocks and spans, HTML blocks and raw HTML,
    /// and the written destinations of links and images. A fix that is not about one of these never edits them.
    public var verbatimRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        for stored in storage {
            if stored.kind.isVerbatim {
                ranges.append(stored.start..<stored.end)
            } else if stored.link >= 0, stored.kind != .bareURL, let destination = links[Int(stored.link)].destinationRange,
                      destination.lowerBound >= stored.start, destination.upperBound <= stored.end {
                ranges.append(destination)
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The ranges of prose, sorted and merged: the text nodes of paragraphs, headings and cells, outside code,
    /// HTML and link destinations. Adjacent text nodes (`[`, `text`, `](`) make one range.
    ///
    /// A rule reads them through `CheckContext.proseRanges` (EditorialChecks), which gives these for Markdown and the
    /// ranges an adapter declared (``DecodedDraft/proseRanges``) for other text kinds.
    ///
    /// ```swift
    /// // "Use `grep` and [the guide](https://a.example).\n"
    /// tree.proseRanges   // [0..<4, 10..<15, 16..<25, 45..<46]: "Use ", " and ", "the guide", "."
    /// ```
    public var proseRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        forEachProseRange { ranges.append($0) }
        return ranges
    }

    /// Calls `body` with each of ``proseRanges`` in order, without listing them: a dense draft has about as many
    /// as it has links.
    package func forEachProseRange(_ body: (Range<Int>) throws -> Void) rethrows {
        var pending: Range<Int>?
        for stored in storage where stored.kind == .text && stored.start < stored.end {
            if let last = pending, last.upperBound == stored.start {
                pending = last.lowerBound..<stored.end
            } else {
                if let last = pending { try body(last) }
                pending = stored.start..<stored.end
            }
        }
        if let last = pending { try body(last) }
    }

    // MARK: Building

    /// Opens a node whose end is not known yet; returns its index for ``close(_:end:)``.
    package mutating func open(_ kind: MarkdownNode.Kind, start: Int, parent: Int, headingLevel: Int = 0) -> Int {
        storage.append(Storage(
            kind: kind, headingLevel: UInt8(clamping: headingLevel), parent: Int32(parent), subtreeEnd: -1, link: -1, start: start, end: start
        ))
        return storage.count - 1
    }

    /// Closes the node at `index`: its subtree ends here and its range at `end`.
    package mutating func close(_ index: Int, end: Int) {
        storage[index].subtreeEnd = Int32(storage.count)
        storage[index].end = max(end, storage[index].start)
    }

    /// Changes where an open or closed node starts.
    package mutating func setStart(_ index: Int, _ start: Int) {
        storage[index].start = start
        if storage[index].end < start { storage[index].end = start }
    }

    /// Attaches link details to the node at `index`.
    package mutating func setLink(_ index: Int, _ details: MarkdownLinkDetails) {
        links.append(details)
        storage[index].link = Int32(links.count - 1)
    }

    /// Gives back the room the nodes and link details grew into beyond their counts (up to half of it, as arrays
    /// double), once the tree is complete: in a dense draft they are a large part of what is held while rules run.
    package mutating func shrinkToFit() {
        storage = Self.fitted(storage)
        links = Self.fitted(links)
    }

    private static func fitted<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity - array.count > array.count / 16 else { return array }
        var fitted: [Element] = []
        fitted.reserveCapacity(array.count)
        fitted.append(contentsOf: array)
        return fitted
    }

    /// Makes room for `nodes` more nodes.
    package mutating func reserveCapacity(_ nodes: Int) {
        storage.reserveCapacity(nodes)
    }
}
