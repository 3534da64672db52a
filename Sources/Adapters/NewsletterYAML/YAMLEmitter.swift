public import NewsletterCore

/// Writes YAML through libyaml's emitter, choosing for every string a style that reads back as the same string.
///
/// Strings that a YAML 1.1 or 1.2 reader would take for something else (`no`, `on`, `null`, `1.0`, `''`) are
/// quoted; text with indicators (`a: b`, `#x`, leading or trailing spaces) is quoted by libyaml itself;
/// multi-line text is written as a literal block (`|`) when that reads back exactly, in double quotes otherwise;
/// emoji are written as themselves. Timestamps (`2024-02-16`) stay plain so that tools reading YAML 1.1 still see
/// dates, and the core schema reads them back as the same string.
///
/// ```swift
/// let yaml = try YAMLEmitter().string(for: ["title": .string("no"), "tags": .list([.string("a: b")])])
/// // title: 'no'
/// // tags:
/// // - 'a: b'
/// ```
public struct YAMLEmitter: Sendable {
    /// The line ending written between lines.
    public enum LineBreak: String, Sendable, Equatable {
        /// `\n`
        case lf = "\n"
        /// `\r\n`, for files written with Windows line endings.
        case crlf = "\r\n"
        /// `\r`, for files written with old Mac OS line endings.
        case cr = "\r"
    }

    /// The line ending written.
    public var lineBreak: LineBreak
    /// Spaces per nesting level, 2 to 9.
    public var indentation: Int
    /// The deepest nesting written; deeper values are an error rather than a stack overflow.
    public var maximumDepth: Int

    /// Creates an emitter.
    public init(lineBreak: LineBreak = .lf, indentation: Int = 2, maximumDepth: Int = YAMLLimits().maximumDepth) {
        self.lineBreak = lineBreak
        self.indentation = min(max(indentation, 2), 9)
        self.maximumDepth = maximumDepth
    }

    /// Writes metadata as a block mapping in its order (`{}` when empty), ending with a line break.
    public func string(for metadata: Metadata) throws(NewsletterError) -> String {
        try string(for: .mapping(metadata))
    }

    /// Writes a value: a mapping or list as a block, a scalar on its own line.
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` of kind `limitExceeded` for a value nested deeper than
    ///   ``maximumDepth``.
    public func string(for value: MetadataValue) throws(NewsletterError) -> String {
        var strings: [String] = []
        collectStrings(value, into: &strings, depth: 0)
        let writer = try YAMLEventWriter(lineBreak: lineBreak, indentation: indentation, strings: strings)
        try write(value, to: writer, depth: 0)
        return try writer.finish()
    }

    /// Writes a parsed node back, keeping tags, anchors and aliases, and each string's style where that style
    /// reads back as the same string; numbers, booleans and nulls keep their spelling (`0x1F`, `~`).
    public func string(for node: YAMLNode) throws(NewsletterError) -> String {
        var strings: [String] = []
        collectStrings(node, into: &strings, depth: 0)
        let writer = try YAMLEventWriter(lineBreak: lineBreak, indentation: indentation, strings: strings)
        try write(node, to: writer, depth: 0)
        return try writer.finish()
    }

    /// The style to request for a string, and whether it may be plain without a tag.
    static func style(for text: String) -> (style: YAMLScalar.Style, plainImplicit: Bool) {
        let utf8 = text.utf8
        if utf8.contains(UInt8(ascii: "\n")) {
            // A literal block ending in two or more line breaks needs the `|+` indicator, after which libyaml
            // writes a `...` document end marker: that would close a front-matter block early.
            let endsWithBlankLine = utf8.count >= 2 && utf8.suffix(2).elementsEqual("\n\n".utf8)
            return endsWithBlankLine || text == "\n" ? (.doubleQuoted, false) : (.literal, false)
        }
        return (.plain, YAMLCoreSchema.isPlainSafe(text))
    }

    private func write(_ value: MetadataValue, to writer: YAMLEventWriter, depth: Int) throws(NewsletterError) {
        guard depth < maximumDepth else { throw depthError() }
        switch value {
        case .null: try writer.scalar("null", style: .plain, plainImplicit: true)
        case .bool(let flag): try writer.scalar(flag ? "true" : "false", style: .plain, plainImplicit: true)
        case .integer(let number): try writer.scalar(String(number), style: .plain, plainImplicit: true)
        case .double(let number): try writer.scalar(Self.text(of: number), style: .plain, plainImplicit: true)
        case .string(let text):
            let choice = Self.style(for: text)
            try writer.scalar(text, style: choice.style, plainImplicit: choice.plainImplicit)
        case .list(let items):
            try writer.sequenceStart()
            for item in items { try write(item, to: writer, depth: depth + 1) }
            try writer.sequenceEnd()
        case .mapping(let metadata):
            try writer.mappingStart()
            for entry in metadata.entries {
                try write(.string(entry.key), to: writer, depth: depth + 1)
                try write(entry.value, to: writer, depth: depth + 1)
            }
            try writer.mappingEnd()
        }
    }

    private func write(_ node: YAMLNode, to writer: YAMLEventWriter, depth: Int) throws(NewsletterError) {
        guard depth < maximumDepth else { throw depthError() }
        if let alias = node.alias {
            try writer.alias(alias)
            return
        }
        switch node.content {
        case .scalar(let scalar):
            guard node.tag == nil, case .string(let text) = scalar.value else {
                try writer.scalar(scalar.text, style: scalar.style, plainImplicit: true, tag: node.tag, anchor: node.anchor)
                return
            }
            let choice = Self.style(for: text)
            let style = scalar.style == .plain || choice.style == .doubleQuoted ? choice.style : scalar.style
            try writer.scalar(text, style: style, plainImplicit: choice.plainImplicit, anchor: node.anchor)
        case .sequence(let items):
            try writer.sequenceStart(tag: node.tag, anchor: node.anchor)
            for item in items { try write(item, to: writer, depth: depth + 1) }
            try writer.sequenceEnd()
        case .mapping(let pairs):
            try writer.mappingStart(tag: node.tag, anchor: node.anchor)
            for pair in pairs {
                try write(pair.key, to: writer, depth: depth + 1)
                try write(pair.value, to: writer, depth: depth + 1)
            }
            try writer.mappingEnd()
        }
    }

    /// A float's text that the core schema reads back as the same float.
    static func text(of number: Double) -> String {
        if number.isNaN { return ".nan" }
        if number.isInfinite { return number < 0 ? "-.inf" : ".inf" }
        return String(number)
    }

    private func depthError() -> NewsletterError {
        NewsletterError(.limitExceeded, "cannot write YAML nested deeper than \(maximumDepth) levels")
    }

    /// Gathers every string to be written, so that placeholders avoid characters already in use; stops at
    /// ``maximumDepth``, where writing fails anyway.
    private func collectStrings(_ value: MetadataValue, into strings: inout [String], depth: Int) {
        guard depth < maximumDepth else { return }
        switch value {
        case .string(let text): strings.append(text)
        case .list(let items): for item in items { collectStrings(item, into: &strings, depth: depth + 1) }
        case .mapping(let metadata):
            for entry in metadata.entries {
                strings.append(entry.key)
                collectStrings(entry.value, into: &strings, depth: depth + 1)
            }
        case .null, .bool, .integer, .double: break
        }
    }

    private func collectStrings(_ node: YAMLNode, into strings: inout [String], depth: Int) {
        guard depth < maximumDepth else { return }
        switch node.content {
        case .scalar(let scalar): strings.append(scalar.text)
        case .sequence(let items): for item in items { collectStrings(item, into: &strings, depth: depth + 1) }
        case .mapping(let pairs):
            for pair in pairs {
                collectStrings(pair.key, into: &strings, depth: depth + 1)
                collectStrings(pair.value, into: &strings, depth: depth + 1)
            }
        }
    }
}
