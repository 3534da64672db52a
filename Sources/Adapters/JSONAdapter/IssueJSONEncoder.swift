import Foundation
import NewsletterCore

/// Builds the canonical JSON form of an issue (see the JSONForm article), collecting what JSON cannot hold as warnings.
///
/// The `range` fields say where each part was in the draft the issue was first read from: the issue's own ranges
/// when it was read from that draft, or the ranges recorded in `Issue.recordedPositions` when it was read from a
/// format that stores them (its own ranges then point into that format's text, such as an earlier JSON file).
struct IssueJSONEncoder {
    private(set) var warnings: [ConversionWarning] = []
    private var recorded: RecordedPositions?

    /// How much written text is gathered before it is handed to the output: a few system calls per megabyte.
    static let flushSize = 1 << 16

    /// Writes the issue's JSON form to `output`, pretty-printed as `JSONWriter` prints a value, ending in a newline.
    /// Sections and links are written one at a time as each is built, and the text handed over whenever
    /// ``flushSize`` bytes are gathered, so that a draft of a million sections holds neither the tree of them all
    /// nor the whole text, which can be thirty times the draft.
    ///
    /// - Throws: `NewsletterError` of kind `unrepresentable` for a section level outside 1 to 6, before anything is
    ///   written; what `output` throws.
    mutating func write(_ issue: Issue, to output: inout some EncodedTextOutput) throws(NewsletterError) {
        if let index = issue.sections.firstIndex(where: { !(1...6).contains($0.level) }) {
            throw NewsletterError(
                .unrepresentable, "sections[\(index)].level: \(issue.sections[index].level) is not a heading level (1 to 6)"
            )
        }
        recorded = issue.recordedPositions
        var fields: [(String, JSONValue)] = [
            ("format", string(JSONAdapter.formatName)),
            ("version", integer(JSONAdapter.formatVersion)),
            ("title", optional(issue.title)),
            ("subtitle", optional(issue.subtitle)),
            ("authors", JSONValue(.array(issue.authors.map(string)))),
            ("date", optional(issue.date?.iso8601)),
        ]
        if let date = issue.date, date.text != date.iso8601 {
            fields.append(("dateText", string(date.text)))
        }
        fields += [
            ("slug", optional(issue.slug)),
            ("tags", JSONValue(.array(issue.tags.map(string)))),
            ("metadata", metadata(issue.metadata, path: "metadata")),
            ("preamble", string(issue.preamble)),
        ]
        var text: [UInt8] = []
        text.reserveCapacity(Self.flushSize * 2)
        text.append(UInt8(ascii: "{"))
        for (position, (key, value)) in fields.enumerated() {
            JSONWriter.writeMember(key, value, indent: 2, first: position == 0, into: &text)
        }
        JSONWriter.writeKey("sections", indent: 2, first: false, into: &text)
        try writeArray(issue.sections, into: &text, output: &output) { encoder, section, index in
            encoder.section(section, path: "sections[\(index)]")
        }
        JSONWriter.writeKey("links", indent: 2, first: false, into: &text)
        try writeArray(issue.links, into: &text, output: &output) { encoder, link, index in
            encoder.link(link, path: "links[\(index)]")
        }
        JSONWriter.writeEnd("}", indent: 0, into: &text)
        text.append(UInt8(ascii: "\n"))
        try Self.hand(&text, to: &output)
    }

    /// Writes `elements` as the value of a member at indentation 2, one at a time, handing the text over as it grows.
    private mutating func writeArray<Element>(
        _ elements: [Element], into text: inout [UInt8], output: inout some EncodedTextOutput,
        value: (inout IssueJSONEncoder, Element, Int) -> JSONValue
    ) throws(NewsletterError) {
        guard !elements.isEmpty else {
            text += "[]".utf8
            return
        }
        text.append(UInt8(ascii: "["))
        for (index, element) in elements.enumerated() {
            JSONWriter.writeElement(value(&self, element, index), indent: 4, first: index == 0, into: &text)
            if text.count >= Self.flushSize { try Self.hand(&text, to: &output) }
        }
        JSONWriter.writeEnd("]", indent: 2, into: &text)
    }

    /// Hands `text` to `output` and empties it, keeping its memory for what comes next.
    private static func hand(_ text: inout [UInt8], to output: inout some EncodedTextOutput) throws(NewsletterError) {
        let written = text.withUnsafeBytes { bytes in Result { () throws(NewsletterError) in try output.write(bytes) } }
        text.removeAll(keepingCapacity: true)
        try written.get()
    }

    /// A section, its level already known to be 1 to 6.
    private mutating func section(_ section: Section, path: String) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("title", string(section.title)),
            ("heading", string(section.heading)),
            ("emoji", optional(section.emoji)),
            ("level", integer(section.level)),
            ("body", string(section.body)),
            ("links", links(section.links, path: "\(path).links")),
        ]
        let ranges = draftRanges(range: section.range, innerRange: section.headingRange)
        append(ranges.range, as: "range", to: &fields, path: path)
        append(ranges.innerRange, as: "headingRange", to: &fields, path: path)
        return object(fields)
    }

    private mutating func links(_ links: [Link], path: String) -> JSONValue {
        var elements: [JSONValue] = []
        for (index, link) in links.enumerated() { elements.append(self.link(link, path: "\(path)[\(index)]")) }
        return JSONValue(.array(elements))
    }

    private mutating func link(_ link: Link, path: String) -> JSONValue {
        var fields: [(String, JSONValue)] = [("text", string(link.text)), ("url", string(link.destination))]
        if link.rawDestination != link.destination { fields.append(("rawDestination", string(link.rawDestination))) }
        fields += [("kind", string(link.kind.rawValue)), ("title", optional(link.title))]
        let ranges = draftRanges(range: link.range, innerRange: link.destinationRange)
        append(ranges.range, as: "range", to: &fields, path: path)
        append(ranges.innerRange, as: "destinationRange", to: &fields, path: path)
        return object(fields)
    }

    /// A part's ranges in the draft it was first read from (see the type's comment).
    private func draftRanges(range: SourceRange?, innerRange: SourceRange?) -> RecordedPositions.Ranges {
        guard let recorded else { return RecordedPositions.Ranges(range: range, innerRange: innerRange) }
        return recorded[range] ?? RecordedPositions.Ranges()
    }

    /// Adds a range; one that no source could have produced (a line, column or offset below its start),
    /// possible only for an issue built in code, is left out with a warning, since reading it back would fail.
    private mutating func append(_ range: SourceRange?, as key: String, to fields: inout [(String, JSONValue)], path: String) {
        guard let range else { return }
        let locations = [range.start, range.end]
        guard locations.allSatisfy({ $0.line >= 1 && $0.column >= 1 && $0.offset >= 0 }) else {
            warnings.append(ConversionWarning(
                field: "\(path).\(key)",
                message: "\(range) is not a position in a source (lines and columns start at 1, offsets at 0); left out"
            ))
            return
        }
        fields.append((key, object([
            ("line", integer(range.start.line)),
            ("column", integer(range.start.column)),
            ("offset", integer(range.start.offset)),
            ("endLine", integer(range.end.line)),
            ("endColumn", integer(range.end.column)),
            ("endOffset", integer(range.end.offset)),
        ])))
    }

    /// Metadata as an object in its order; a key given twice (possible for metadata built in code) is written once.
    private mutating func metadata(_ metadata: Metadata, path: String) -> JSONValue {
        var seen: Set<String> = []
        var members: [JSONValue.Member] = []
        for entry in metadata.entries {
            let entryPath = "\(path).\(entry.key)"
            guard seen.insert(entry.key).inserted else {
                warnings.append(ConversionWarning(field: entryPath, message: "the key is given more than once; JSON keeps the first value only"))
                continue
            }
            members.append(JSONValue.Member(key: entry.key, value: value(entry.value, path: entryPath)))
        }
        return JSONValue(.object(members))
    }

    private mutating func value(_ value: MetadataValue, path: String) -> JSONValue {
        switch value {
        case .null: return JSONValue(.null)
        case .bool(let flag): return JSONValue(.bool(flag))
        case .integer(let number): return integer(number)
        case .double(let number):
            guard number.isFinite else {
                warnings.append(ConversionWarning(field: path, message: "\(number) is not a number JSON can hold; written as null"))
                return JSONValue(.null)
            }
            // Swift prints the shortest text that reads back as the same Double, and always with a '.' or an exponent,
            // so the value reads back as a double rather than an integer.
            return JSONValue(.number(number.description))
        case .string(let text): return string(text)
        case .list(let items):
            var elements: [JSONValue] = []
            for (index, item) in items.enumerated() { elements.append(self.value(item, path: "\(path)[\(index)]")) }
            return JSONValue(.array(elements))
        case .mapping(let nested): return metadata(nested, path: path)
        }
    }

    private func object(_ fields: [(String, JSONValue)]) -> JSONValue {
        JSONValue(.object(fields.map { JSONValue.Member(key: $0.0, value: $0.1) }))
    }

    private func string(_ text: String) -> JSONValue { JSONValue(.string(text)) }

    private func optional(_ text: String?) -> JSONValue { text.map(string) ?? JSONValue(.null) }

    private func integer(_ number: Int) -> JSONValue { JSONValue(.number(String(number))) }
}
