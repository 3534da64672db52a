internal import CYAML
import NewsletterCore

/// Feeds events to libyaml's emitter and collects what it writes.
///
/// libyaml 0.2.5 treats characters outside the Basic Multilingual Plane (emoji) as unprintable and escapes
/// them (`"\U0001F90C"`), which reads back as the same value but is unreadable in a draft. Each such character
/// is therefore swapped for a private-use character that the text does not contain before it reaches the
/// emitter, which gives it the same treatment as any printable letter, and swapped back in the output: every
/// quoting and layout decision stays libyaml's.
final class YAMLEventWriter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private var output: [UInt8] = []
    private var placeholders: [Unicode.Scalar: Unicode.Scalar] = [:]
    private var originals: [Unicode.Scalar: Unicode.Scalar] = [:]

    /// Starts a stream; `strings` are all the keys and values that will be written, to choose placeholders.
    init(lineBreak: YAMLEmitter.LineBreak, indentation: Int, strings: [String]) throws(NewsletterError) {
        emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) != 0 else {
            emitter.deallocate()
            throw NewsletterError(.limitExceeded, "out of memory while starting the YAML emitter")
        }
        yaml_emitter_set_output(emitter, { data, buffer, size in
            guard let data, let buffer else { return 0 }
            let writer = Unmanaged<YAMLEventWriter>.fromOpaque(data).takeUnretainedValue()
            writer.output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(self).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, Int32(indentation))
        let lineBreakKind: yaml_break_t = switch lineBreak {
        case .lf: YAML_LN_BREAK
        case .crlf: YAML_CRLN_BREAK
        case .cr: YAML_CR_BREAK
        }
        yaml_emitter_set_break(emitter, lineBreakKind)
        choosePlaceholders(for: strings)

        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event)
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// Ends the stream and returns the text written.
    func finish() throws(NewsletterError) -> String {
        var event = yaml_event_t()
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event)
        yaml_stream_end_event_initialize(&event)
        try emit(&event)
        guard yaml_emitter_flush(emitter) != 0 else { throw emitterError() }
        let text = String(decoding: output, as: UTF8.self)
        guard !originals.isEmpty else { return text }
        var restored = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { restored.append(originals[scalar] ?? scalar) }
        return String(restored)
    }

    /// Writes a scalar. A plain scalar with `plainImplicit` false is quoted by libyaml, which picks single or
    /// double quotes; a block style that cannot hold the text falls back to double quotes.
    func scalar(_ text: String, style: YAMLScalar.Style, plainImplicit: Bool, tag: String? = nil, anchor: String? = nil) throws(NewsletterError) {
        // NUL-terminated so that an empty value still has a buffer; libyaml asserts a non-null pointer.
        var value = Array(substituted(text).utf8)
        value.append(0)
        var event = yaml_event_t()
        let ok = withOptionalCString(tag) { tag in
            withOptionalCString(anchor) { anchor in
                value.withUnsafeMutableBufferPointer { buffer in
                    yaml_scalar_event_initialize(
                        &event, anchor, tag, buffer.baseAddress, Int32(buffer.count - 1),
                        tag == nil && plainImplicit ? 1 : 0, tag == nil ? 1 : 0, Self.libyamlStyle(style)
                    )
                }
            }
        }
        guard ok != 0 else { throw emitterError() }
        try emit(&event)
    }

    /// Starts a block sequence.
    func sequenceStart(tag: String? = nil, anchor: String? = nil) throws(NewsletterError) {
        var event = yaml_event_t()
        let ok = withOptionalCString(tag) { tag in
            withOptionalCString(anchor) { anchor in
                yaml_sequence_start_event_initialize(&event, anchor, tag, tag == nil ? 1 : 0, YAML_BLOCK_SEQUENCE_STYLE)
            }
        }
        guard ok != 0 else { throw emitterError() }
        try emit(&event)
    }

    /// Ends the current sequence.
    func sequenceEnd() throws(NewsletterError) {
        var event = yaml_event_t()
        yaml_sequence_end_event_initialize(&event)
        try emit(&event)
    }

    /// Starts a block mapping.
    func mappingStart(tag: String? = nil, anchor: String? = nil) throws(NewsletterError) {
        var event = yaml_event_t()
        let ok = withOptionalCString(tag) { tag in
            withOptionalCString(anchor) { anchor in
                yaml_mapping_start_event_initialize(&event, anchor, tag, tag == nil ? 1 : 0, YAML_BLOCK_MAPPING_STYLE)
            }
        }
        guard ok != 0 else { throw emitterError() }
        try emit(&event)
    }

    /// Ends the current mapping.
    func mappingEnd() throws(NewsletterError) {
        var event = yaml_event_t()
        yaml_mapping_end_event_initialize(&event)
        try emit(&event)
    }

    /// Writes `*name`.
    func alias(_ name: String) throws(NewsletterError) {
        var event = yaml_event_t()
        let ok = withOptionalCString(name) { yaml_alias_event_initialize(&event, $0) }
        guard ok != 0 else { throw emitterError() }
        try emit(&event)
    }

    private func emit(_ event: inout yaml_event_t) throws(NewsletterError) {
        // The emitter takes ownership of the event, on failure too.
        guard yaml_emitter_emit(emitter, &event) != 0 else { throw emitterError() }
    }

    private func emitterError() -> NewsletterError {
        let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "out of memory"
        return NewsletterError(.unrepresentable, "cannot write YAML: \(problem)")
    }

    private func choosePlaceholders(for strings: [String]) {
        var used = Set<Unicode.Scalar>()
        var needed: [Unicode.Scalar] = []
        for string in strings where string.utf8.contains(where: { $0 >= 0xEE }) {
            for scalar in string.unicodeScalars {
                if scalar.value > 0xFFFF {
                    if !needed.contains(scalar) { needed.append(scalar) }
                } else if (0xE000...0xF8FF).contains(scalar.value) {
                    used.insert(scalar)
                }
            }
        }
        var candidates = (UInt32(0xE000)...0xF8FF).lazy.compactMap(Unicode.Scalar.init).filter { !used.contains($0) }.makeIterator()
        for scalar in needed {
            // Past 6,400 distinct characters the rest are left to libyaml's escapes, which still read back exactly.
            guard let placeholder = candidates.next() else { break }
            placeholders[scalar] = placeholder
            originals[placeholder] = scalar
        }
    }

    private func substituted(_ text: String) -> String {
        guard !placeholders.isEmpty, text.utf8.contains(where: { $0 >= 0xF0 }) else { return text }
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { view.append(placeholders[scalar] ?? scalar) }
        return String(view)
    }

    private static func libyamlStyle(_ style: YAMLScalar.Style) -> yaml_scalar_style_t {
        switch style {
        case .plain: return YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: return YAML_LITERAL_SCALAR_STYLE
        case .folded: return YAML_FOLDED_SCALAR_STYLE
        }
    }
}

/// Calls `body` with a NUL-terminated UTF-8 copy of `string` as libyaml's `yaml_char_t *`, or with `nil`.
private func withOptionalCString<R>(_ string: String?, _ body: (UnsafeMutablePointer<UInt8>?) -> R) -> R {
    guard let string else { return body(nil) }
    var bytes = Array(string.utf8)
    bytes.append(0)
    return bytes.withUnsafeMutableBufferPointer { body($0.baseAddress) }
}
