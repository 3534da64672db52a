internal import CYAML
import NewsletterCore

/// Drives libyaml's event parser over one slice of a file and assembles the ``YAMLNode`` tree with an explicit
/// stack, so nesting depth costs heap, never call stack, and is checked against ``YAMLLimits/maximumDepth``.
struct YAMLTreeBuilder {
    /// A collection being built.
    private struct Frame {
        var isMapping: Bool
        var start: SourceLocation
        var tag: String?
        var anchor: String?
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
        /// Where each scalar key is, once the mapping is large enough that a linear duplicate search would be slow.
        var keyIndex: [YAMLScalar.Value: SourceLocation]?
        /// Nodes in this collection counting itself and everything aliases bring in.
        var size = 1
    }

    /// Mappings up to this many pairs look for duplicate keys by a linear scan; larger ones by a hash table.
    private static let linearKeySearchLimit = 16

    private let source: SourceText
    private let bytes: UnsafeBufferPointer<UInt8>
    private let slice: Range<Int>
    private let limits: YAMLLimits
    private var positions: YAMLPositionMap
    private var stack: [Frame] = []
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var expandedNodes = 0
    private var documentCount = 0
    private var root: YAMLNode?

    init(source: SourceText, bytes: UnsafeBufferPointer<UInt8>, slice: Range<Int>, limits: YAMLLimits) {
        self.source = source
        self.bytes = bytes
        self.slice = slice
        self.limits = limits
        self.positions = YAMLPositionMap(source: source, bytes: bytes, slice: slice)
    }

    /// Parses the slice; `nil` when it holds no document.
    mutating func build() throws(NewsletterError) -> YAMLNode? {
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) != 0 else {
            throw NewsletterError(.limitExceeded, "out of memory while starting the YAML parser", path: source.path)
        }
        defer { yaml_parser_delete(parser) }
        // libyaml keeps a pointer to the input: `bytes` stays alive for the whole of this call.
        yaml_parser_set_input_string(parser, bytes.baseAddress! + slice.lowerBound, slice.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

        let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
        defer { event.deallocate() }
        while true {
            guard yaml_parser_parse(parser, event) != 0 else { throw parserError(parser.pointee) }
            defer { yaml_event_delete(event) }
            if try handle(event.pointee) { return root }
        }
    }

    /// Handles one event; `true` at the end of the stream.
    private mutating func handle(_ event: yaml_event_t) throws(NewsletterError) -> Bool {
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documentCount += 1
            if documentCount > 1 {
                throw error(.malformedInput, "expected one YAML document, found a second one", at: positions.location(event.start_mark))
            }
        case YAML_SCALAR_EVENT:
            try addScalar(event)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            try push(isMapping: false, event: event, tag: data.tag, anchor: data.anchor)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            try push(isMapping: true, event: event, tag: data.tag, anchor: data.anchor)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try pop(event)
        case YAML_ALIAS_EVENT:
            try addAlias(event)
        default:
            break
        }
        return false
    }

    private mutating func addScalar(_ event: yaml_event_t) throws(NewsletterError) {
        let data = event.data.scalar
        let buffer = UnsafeBufferPointer(start: data.value, count: data.length)
        let text = String(decoding: buffer, as: UTF8.self)
        let range = positions.range(event.start_mark, event.end_mark)
        let tag = data.tag.map { String(cString: $0) }
        let style = Self.style(data.style)
        let value = try resolve(buffer, text: text, style: style, tag: tag, at: range.start)
        let node = YAMLNode(.scalar(YAMLScalar(text: text, style: style, value: value)), range: range, tag: tag,
                            anchor: data.anchor.map { String(cString: $0) })
        if let anchor = node.anchor { anchors[anchor] = (node, 1) }
        try add(node, size: 1)
    }

    private mutating func addAlias(_ event: yaml_event_t) throws(NewsletterError) {
        let name = String(cString: event.data.alias.anchor)
        let range = positions.range(event.start_mark, event.end_mark)
        guard let target = anchors[name] else {
            if stack.contains(where: { $0.anchor == name }) {
                throw error(.malformedInput, "alias '*\(name)' refers to a collection that contains it; recursive YAML is not supported", at: range.start)
            }
            throw error(.malformedInput, "unknown alias '*\(name)': no anchor '&\(name)' comes before it", at: range.start)
        }
        expandedNodes += target.size
        guard expandedNodes <= limits.maximumAliasExpansion else {
            throw error(
                .limitExceeded,
                "aliases expand to more than \(limits.maximumAliasExpansion) nodes, the limit (a \"billion laughs\" document?)",
                at: range.start
            )
        }
        var node = target.node
        node.range = range
        node.anchor = nil
        node.alias = name
        try add(node, size: target.size)
    }

    private mutating func push(isMapping: Bool, event: yaml_event_t, tag: UnsafeMutablePointer<UInt8>?, anchor: UnsafeMutablePointer<UInt8>?) throws(NewsletterError) {
        let start = positions.location(event.start_mark)
        guard stack.count < limits.maximumDepth else {
            throw error(.limitExceeded, "YAML nesting is deeper than the limit of \(limits.maximumDepth) levels", at: start)
        }
        stack.append(Frame(isMapping: isMapping, start: start, tag: tag.map { String(cString: $0) }, anchor: anchor.map { String(cString: $0) }))
    }

    private mutating func pop(_ event: yaml_event_t) throws(NewsletterError) {
        let frame = stack.removeLast()
        let end = positions.location(event.end_mark)
        let range = SourceRange(start: frame.start, end: end.offset >= frame.start.offset ? end : frame.start)
        let node = YAMLNode(frame.isMapping ? .mapping(frame.pairs) : .sequence(frame.items), range: range, tag: frame.tag, anchor: frame.anchor)
        if let anchor = frame.anchor { anchors[anchor] = (node, frame.size) }
        try add(node, size: frame.size)
    }

    /// Adds a finished node to the collection being built, or makes it the root.
    private mutating func add(_ node: YAMLNode, size: Int) throws(NewsletterError) {
        guard !stack.isEmpty else {
            root = node
            return
        }
        let top = stack.count - 1
        stack[top].size += size
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return
        }
        if let key = stack[top].pendingKey {
            stack[top].pairs.append(YAMLPair(key: key, value: node))
            stack[top].pendingKey = nil
        } else {
            try checkUnique(node, inFrame: top)
            stack[top].pendingKey = node
        }
    }

    /// Scalar keys are compared by resolved value (`1` and `0x1` are the same key); collection keys are not compared.
    private mutating func checkUnique(_ key: YAMLNode, inFrame top: Int) throws(NewsletterError) {
        guard case .scalar(let scalar) = key.content else { return }
        var firstLocation: SourceLocation?
        if stack[top].keyIndex == nil && stack[top].pairs.count < Self.linearKeySearchLimit {
            firstLocation = stack[top].pairs.first { $0.key.scalar?.value == scalar.value }?.key.range.start
        } else {
            if stack[top].keyIndex == nil {
                var index: [YAMLScalar.Value: SourceLocation] = [:]
                for pair in stack[top].pairs {
                    if let value = pair.key.scalar?.value { index[value] = pair.key.range.start }
                }
                stack[top].keyIndex = index
            }
            firstLocation = stack[top].keyIndex?.updateValue(key.range.start, forKey: scalar.value)
        }
        if let firstLocation {
            throw error(.malformedInput, "duplicate key '\(scalar.text)' (first defined at \(firstLocation))", at: key.range.start)
        }
    }

    private func resolve(
        _ buffer: UnsafeBufferPointer<UInt8>,
        text: String,
        style: YAMLScalar.Style,
        tag: String?,
        at location: SourceLocation
    ) throws(NewsletterError) -> YAMLScalar.Value {
        guard let tag else {
            return style == .plain ? YAMLCoreSchema.resolvePlain(buffer, text: text) : .string(text)
        }
        let resolved: YAMLScalar.Value?
        switch tag {
        case YAMLCoreSchema.integerTag: resolved = YAMLCoreSchema.integer(buffer).map { .integer($0) }
        case YAMLCoreSchema.floatTag: resolved = (YAMLCoreSchema.float(buffer) ?? YAMLCoreSchema.integer(buffer).map(Double.init)).map { .float($0) }
        case YAMLCoreSchema.boolTag: resolved = YAMLCoreSchema.bool(buffer).map { .bool($0) }
        case YAMLCoreSchema.nullTag: resolved = YAMLCoreSchema.isNull(buffer) ? .null : nil
        default: return .string(text)
        }
        guard let resolved else {
            let shortTag = tag.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!")
            throw error(.malformedInput, "'\(text)' is not a valid \(shortTag) value", at: location)
        }
        return resolved
    }

    private func parserError(_ parser: yaml_parser_t) -> NewsletterError {
        guard parser.error != YAML_MEMORY_ERROR, let problem = parser.problem.map({ String(cString: $0) }) else {
            return NewsletterError(.limitExceeded, "out of memory while parsing YAML", path: source.path)
        }
        var positions = positions
        let context = parser.context.map { String(cString: $0) }
        var message = context.map { "\(problem) \($0)" } ?? problem
        let location: SourceLocation
        if parser.error == YAML_READER_ERROR {
            // Reader errors carry a byte offset and the offending character instead of a mark.
            location = positions.location(atSliceOffset: parser.problem_offset)
            if parser.problem_value >= 0 { message += " (U+\(String(UInt32(parser.problem_value), radix: 16, uppercase: true).leftPadded(to: 4)))" }
        } else if context == "while scanning a simple key" {
            // libyaml puts the problem mark where it gave up, at the start of the next line; the key itself is
            // where the missing ':' belongs.
            location = positions.location(parser.context_mark)
        } else {
            location = positions.location(parser.problem_mark)
        }
        return NewsletterError(.malformedInput, message, at: location, in: source)
    }

    private func error(_ kind: NewsletterError.Kind, _ message: String, at location: SourceLocation) -> NewsletterError {
        NewsletterError(kind, message, at: location, in: source)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
