/// What a ``MarkdownVisitor`` wants after seeing a node.
public enum MarkdownWalkAction: Sendable {
    /// Go on into the node's children.
    case visitChildren
    /// Skip the node's children and go on with its next sibling.
    case skipChildren
}

/// Code that walks a ``MarkdownTree`` in document order, as a rule or an adapter reads it.
///
/// ```swift
/// struct LinkCounter: MarkdownVisitor {
///     var count = 0
///     mutating func visit(_ node: MarkdownNode, in tree: MarkdownTree) -> MarkdownWalkAction {
///         if node.kind.isLinkLike { count += 1 }
///         return node.kind.isVerbatim ? .skipChildren : .visitChildren
///     }
/// }
/// var counter = LinkCounter()
/// tree.walk(&counter)
/// ```
public protocol MarkdownVisitor {
    /// Called for every node before its children.
    mutating func visit(_ node: MarkdownNode, in tree: MarkdownTree) -> MarkdownWalkAction
    /// Called for every visited node after its children (also when they were skipped).
    mutating func leave(_ node: MarkdownNode, in tree: MarkdownTree)
}

extension MarkdownVisitor {
    /// Does nothing: most visitors look only at nodes on the way in.
    public mutating func leave(_ node: MarkdownNode, in tree: MarkdownTree) {}
}
