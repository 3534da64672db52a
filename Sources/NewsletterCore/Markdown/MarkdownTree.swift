/// An immutable Markdown syntax tree: every block and inline node of a parsed text, each with its exact range of
/// UTF-8 offsets in the whole file.
///
/// Nodes are stored flat in document order (a node, then its descendants, then its next sibling), so walking the
/// whole tree is one pass over an array and a node's descendants are the indices `index + 1 ..< subtreeEnd`.
/// Parsers build trees (`NewsletterMarkdown` reads cmark-gfm's); rules and third-party code read them, through
/// ``walk(_:)``, ``children(of:)`` or ``nodes``.
public struct MarkdownTree: Sendable {
    /// One stored node; the public view is ``MarkdownNode``. Offsets are kept in 32 bits, as a ``SourceText`` holds at
    /// most 4 GiB, and the parent as a distance back: a node is 16 bytes, and a dense draft has a node for every dozen
    /// bytes or so.
    private struct Storage: Sendable {
        var kind: MarkdownNode.Kind
        /// A heading's level; a link-like node's ``MarkdownNode/LinkForm``, or ``MarkdownTree/noLinkDetails``.
        var detail: UInt8
        /// How many nodes back the parent is; 0 for the root and for a parent further back than `UInt16.max` nodes,
        /// which ``MarkdownTree/distantParents`` holds.
        var parentDistance: UInt16
        var subtreeEnd: Int32
        private var storedStart: UInt32
        private var storedEnd: UInt32

        init(kind: MarkdownNode.Kind, detail: UInt8, parentDistance: UInt16, start: Int) {
            self.kind = kind
            self.detail = detail
            self.parentDistance = parentDistance
            subtreeEnd = -1
            storedStart = UInt32(start)
            storedEnd = UInt32(start)
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

    /// A node whose parent is more than `UInt16.max` nodes back (a top-level block of a long document).
    private struct DistantParent: Sendable {
        var node: UInt32
        var parent: UInt32
    }

    /// Where link details are read: as the parser recorded them while the tree is built, then from the links the
    /// adapter made of them (``shareLinks(_:)``), which the issue holds too, so they are not held twice.
    private enum LinkRecords: Sendable {
        /// The details of the entries of `linkNodes` from `first` on; those before were let go
        /// (``releaseLinkDetails()``) once the adapter made links of them.
        case parsed([MarkdownLinkDetails], first: Int)
        case shared([Link])
    }

    /// The ``Storage/detail`` of a link-like node the parser gave no details.
    private static let noLinkDetails = UInt8.max

    private var storage: [Storage]
    /// Sorted by node.
    private var distantParents: [DistantParent]
    /// The nodes the entries of `linkRecords` belong to, in order: those given details while parsed, every link-like
    /// node once shared.
    private var linkNodes: [UInt32]
    private var linkRecords: LinkRecords

    /// A tree holding only a document node over `range`.
    ///
    /// - Precondition: `range` lies between 0 and ``SourceText/largestSize``, as every offset of a tree does.
    public init(emptyDocumentAt range: Range<Int>) {
        var document = Storage(kind: .document, detail: 0, parentDistance: 0, start: range.lowerBound)
        document.end = range.upperBound
        document.subtreeEnd = 1
        storage = [document]
        distantParents = []
        linkNodes = []
        linkRecords = .parsed([], first: 0)
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
            parentIndex: parentIndex(of: index),
            subtreeEnd: Int(stored.subtreeEnd),
            headingLevel: stored.kind == .heading ? Int(stored.detail) : nil,
            link: linkDetails(of: index)
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
        var parent = parentIndex(of: node.index)
        while let index = parent {
            if kinds.contains(storage[index].kind) { return true }
            parent = parentIndex(of: index)
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
        for (index, stored) in storage.enumerated() {
            if stored.kind.isVerbatim {
                ranges.append(stored.start..<stored.end)
            } else if stored.kind.isLinkLike, stored.kind != .bareURL, let destination = linkDetails(of: index)?.destinationRange,
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

    // MARK: Reading stored nodes

    private func parentIndex(of index: Int) -> Int? {
        guard index > 0 else { return nil }
        let distance = storage[index].parentDistance
        if distance > 0 { return index - Int(distance) }
        let position = distantParents.partitioningIndex { Int($0.node) >= index }
        return Int(distantParents[position].parent)
    }

    private func linkDetails(of index: Int) -> MarkdownLinkDetails? {
        let stored = storage[index]
        guard stored.kind.isLinkLike, stored.detail != Self.noLinkDetails else { return nil }
        let position = linkNodes.partitioningIndex { Int($0) >= index }
        switch linkRecords {
        case .parsed(let details, let first):
            precondition(position >= first, "link details read after they were let go")
            return details[position - first]
        case .shared(let links):
            let link = links[position]
            return MarkdownLinkDetails(
                form: MarkdownNode.LinkForm(rawValue: stored.detail) ?? .inline,
                destinationText: link.destinationText,
                title: link.title,
                destinationRange: link.destinationRange?.utf8Offsets,
                text: link.text
            )
        }
    }

    // MARK: Building

    /// Opens a node whose end is not known yet; returns its index for ``close(_:end:)``.
    package mutating func open(_ kind: MarkdownNode.Kind, start: Int, parent: Int, headingLevel: Int = 0) -> Int {
        let index = storage.count
        let distance = index - parent
        let isNear = distance <= Int(UInt16.max)
        if !isNear { distantParents.append(DistantParent(node: UInt32(index), parent: UInt32(parent))) }
        let detail = kind.isLinkLike ? Self.noLinkDetails : kind == .heading ? UInt8(clamping: headingLevel) : 0
        storage.append(Storage(kind: kind, detail: detail, parentDistance: isNear ? UInt16(distance) : 0, start: start))
        return index
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

    /// Attaches link details to the link-like node at `index`, which comes after every node given details so far.
    ///
    /// - Precondition: The tree's links are not shared yet (``shareLinks(_:)``).
    package mutating func setLink(_ index: Int, _ details: MarkdownLinkDetails) {
        guard case .parsed(var recorded, let first) = linkRecords else { preconditionFailure("link details set on a tree whose links are shared") }
        precondition(storage[index].kind.isLinkLike && linkNodes.last.map { Int($0) < index } ?? true)
        // Emptied while appended to, so that the array is not copied.
        linkRecords = .parsed([], first: first)
        recorded.append(details)
        linkRecords = .parsed(recorded, first: first)
        linkNodes.append(UInt32(index))
        storage[index].detail = details.form.rawValue
    }

    /// Lets go of the link details recorded so far, once the adapter has made links of them: a dense draft's details
    /// are nearly as large as its links, and a body is read piece by piece, so that only a piece's are held at once.
    /// The details of those nodes are read again only once the links are shared (``shareLinks(_:)``).
    ///
    /// - Precondition: The tree's links are not shared yet.
    package mutating func releaseLinkDetails() {
        guard case .parsed(var recorded, _) = linkRecords else { preconditionFailure("link details let go on a tree whose links are shared") }
        linkRecords = .parsed([], first: linkNodes.count)
        recorded.removeAll(keepingCapacity: true)
        linkRecords = .parsed(recorded, first: linkNodes.count)
    }

    /// Reads link details from `links` from now on: the links an adapter made of this tree, one for every link-like
    /// node in document order. The issue holds them as well, and the tree no longer holds the same strings and ranges
    /// a second time (a link every 64 bytes makes them as large as the text).
    ///
    /// - Precondition: `links` has one link for each link-like node, and each link's destination range is the one
    ///   the node's details give, with its text, title and destination.
    package mutating func shareLinks(_ links: [Link]) {
        let linkLikeCount = storage.lazy.filter(\.kind.isLinkLike).count
        precondition(linkLikeCount == links.count, "a tree with \(linkLikeCount) link-like nodes shares \(links.count) links")
        // The nodes given details are nearly always all of them; otherwise every link-like node is listed now.
        if linkNodes.count == linkLikeCount {
            linkNodes = Self.fitted(linkNodes)
        } else {
            var nodes: [UInt32] = []
            nodes.reserveCapacity(linkLikeCount)
            for (index, stored) in storage.enumerated() where stored.kind.isLinkLike { nodes.append(UInt32(index)) }
            linkNodes = nodes
        }
        linkRecords = .shared(links)
    }

    private static func fitted<Element>(_ array: [Element]) -> [Element] {
        guard array.capacity - array.count > array.count / 16 else { return array }
        var fitted: [Element] = []
        fitted.reserveCapacity(array.count)
        fitted.append(contentsOf: array)
        return fitted
    }

    /// How many nodes the tree has room for before it grows.
    package var nodeCapacity: Int { storage.capacity }

    /// Makes room for `nodes` nodes in all.
    package mutating func reserveCapacity(_ nodes: Int) {
        storage.reserveCapacity(nodes)
    }
}
