public import NewsletterCore

extension YAMLNode {
    /// The node as a metadata value: scalars by their resolved value (timestamps stay strings with their text),
    /// sequences as lists, mappings as ``NewsletterCore/Metadata`` in source order.
    ///
    /// Integers in non-decimal notation (`0x1F`) and floats become numbers, so their spelling is not kept.
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` of kind `unrepresentable` for a mapping key that is a
    ///   sequence or a mapping, which metadata (string keys) cannot hold; it points at the key, with the path and
    ///   line text taken from `source` when given.
    public func metadataValue(in source: SourceText? = nil) throws(NewsletterError) -> MetadataValue {
        switch content {
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let value): return .bool(value)
            case .integer(let value): return .integer(value)
            case .float(let value): return .double(value)
            case .string(let value): return .string(value)
            }
        case .sequence(let items):
            var values: [MetadataValue] = []
            values.reserveCapacity(items.count)
            for item in items { values.append(try item.metadataValue(in: source)) }
            return .list(values)
        case .mapping:
            return .mapping(try metadata(in: source))
        }
    }

    /// The pairs of a mapping node as metadata in source order; an empty ``NewsletterCore/Metadata`` for a node
    /// that is not a mapping.
    ///
    /// - Throws: As ``metadataValue(in:)``.
    public func metadata(in source: SourceText? = nil) throws(NewsletterError) -> Metadata {
        guard case .mapping(let pairs) = content else { return Metadata() }
        var entries: [Metadata.Entry] = []
        entries.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.text else {
                let message = "\(pair.key.kindDescription) used as a key cannot be kept in metadata, whose keys are strings"
                guard let source else { throw NewsletterError(.unrepresentable, message, location: pair.key.range.start) }
                throw NewsletterError(.unrepresentable, message, at: pair.key.range.start, in: source)
            }
            entries.append(Metadata.Entry(key: key, value: try pair.value.metadataValue(in: source)))
        }
        return Metadata(entries)
    }
}
