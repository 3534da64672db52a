import Foundation
import NewsletterCore

/// Reads the canonical JSON form of an issue from a ``JSONValue`` tree, naming the JSON path and the position of
/// anything of the wrong type, and keeping fields it does not know in the issue's metadata.
///
/// Positions in the issue point into the JSON text (a section's or link's object, its heading or URL string), so
/// that diagnostics land in the file being read; the `range` fields written in the JSON, positions in an earlier
/// draft, go to `Issue.recordedPositions`, keyed by the object's range, for the encoder to write back.
struct IssueJSONDecoder {
    let source: SourceText
    /// Fields the form does not define, with their JSON path (`sections[1].color`), in the order met.
    private var unknownFields: [(path: String, member: JSONValue.Member)] = []
    /// The `range` fields met so far, keyed by the range of the object that holds them.
    private var recorded = RecordedPositions()
    /// The content of the strings holding prose (title, subtitle, preamble, headings, bodies, link texts), as written
    /// in the file, in the order met.
    private(set) var proseRanges: [Range<Int>] = []

    init(source: SourceText) {
        self.source = source
    }

    mutating func decode(_ root: JSONValue) throws(NewsletterError) -> Issue {
        guard let members = root.members else {
            throw failure("", "expected an object at the top level, found \(root.kindDescription)", at: root)
        }
        var issue = Issue()
        var isoDate: String?
        var dateText: String?
        var links: [Link]?
        for member in members {
            let path = member.key
            let value = member.value
            switch member.key {
            case "format":
                let format = try string(value, path)
                guard format == JSONAdapter.formatName else {
                    throw failure(path, "expected \(JSONWriter.quoted(JSONAdapter.formatName)), found \(JSONWriter.quoted(format))", at: value)
                }
            case "version":
                let version = try integer(value, path)
                guard version == JSONAdapter.formatVersion else {
                    throw failure(path, "this reader understands version \(JSONAdapter.formatVersion), found version \(version)", at: value)
                }
            case "title":
                issue.title = try optionalString(value, path)
                recordProse(value)
            case "subtitle":
                issue.subtitle = try optionalString(value, path)
                recordProse(value)
            case "authors": issue.authors = try strings(value, path)
            case "date": isoDate = try optionalString(value, path)
            case "dateText": dateText = try string(value, path)
            case "slug": issue.slug = try optionalString(value, path)
            case "tags": issue.tags = try strings(value, path)
            case "metadata":
                guard value.members != nil, case .mapping(let metadata) = try metadataValue(value, path) else {
                    throw mismatch(path, "an object", value)
                }
                issue.metadata = metadata
            case "preamble":
                issue.preamble = try string(value, path)
                recordProse(value)
            case "sections":
                for (index, element) in try array(value, path).enumerated() {
                    issue.sections.append(try section(element, "\(path)[\(index)]"))
                }
            case "links": links = try linkList(value, path)
            default: unknownFields.append((path, member))
            }
        }
        issue.date = publicationDate(isoDate: isoDate, text: dateText)
        issue.links = links ?? issue.sections.flatMap(\.links)
        issue.recordedPositions = recorded
        for (path, member) in unknownFields {
            guard issue.metadata[path] == nil else {
                throw failure(path, "also a key of metadata; give it once", atOffset: member.keyOffsets.lowerBound)
            }
            issue.metadata.entries.append(Metadata.Entry(key: path, value: try metadataValue(member.value, path)))
        }
        return issue
    }

    /// The date: its text is `dateText` when given, else `date`; its moment comes from the ISO 8601 `date`, refined by
    /// `dateText` when that names the same second more precisely (ISO 8601 in `date` stops at whole seconds).
    private func publicationDate(isoDate: String?, text: String?) -> PublicationDate? {
        guard let text = text ?? isoDate else { return nil }
        guard let moment = isoDate.flatMap({ PublicationDate(parsing: $0).date }) else { return PublicationDate(text: text) }
        if let precise = PublicationDate(parsing: text).date,
           precise.timeIntervalSince1970.rounded(.down) == moment.timeIntervalSince1970 {
            return PublicationDate(text: text, date: precise)
        }
        return PublicationDate(text: text, date: moment)
    }

    private mutating func section(_ value: JSONValue, _ path: String) throws(NewsletterError) -> Section {
        var title: String?
        var heading: String?
        var emoji: String?
        var level: Int?
        var body = ""
        var links: [Link] = []
        var recordedRanges = RecordedPositions.Ranges()
        var titleRange: SourceRange?
        var headingRange: SourceRange?
        for member in try object(value, path) {
            func memberPath() -> String { "\(path).\(member.key)" }
            switch member.key {
            case "title":
                title = try string(member.value, memberPath())
                titleRange = contentRange(of: member.value)
            case "heading":
                heading = try string(member.value, memberPath())
                headingRange = contentRange(of: member.value)
                recordProse(member.value)
            case "emoji": emoji = try optionalString(member.value, memberPath())
            case "level":
                let number = try integer(member.value, memberPath())
                guard (1...6).contains(number) else {
                    throw failure(memberPath(), "expected a heading level from 1 to 6, found \(number)", at: member.value)
                }
                level = number
            case "body":
                body = try string(member.value, memberPath())
                recordProse(member.value)
            case "links": links = try linkList(member.value, memberPath())
            case "range": recordedRanges.range = try self.range(member.value, memberPath())
            case "headingRange": recordedRanges.innerRange = try self.range(member.value, memberPath())
            default: unknownFields.append((memberPath(), member))
            }
        }
        guard let title else { throw failure(path, "missing \"title\"", at: value) }
        guard let level else { throw failure(path, "missing \"level\"", at: value) }
        // A tool writing sections by hand may leave out the heading; the ATX heading a Markdown writer would use stands in.
        let written = heading ?? String(repeating: "#", count: level) + " " + (emoji.map { $0 + " " } ?? "") + title
        let range = record(recordedRanges, forObject: value)
        return Section(
            heading: written, title: title, emoji: emoji, level: level, body: body, links: links,
            range: range, headingRange: headingRange ?? titleRange
        )
    }

    private mutating func linkList(_ value: JSONValue, _ path: String) throws(NewsletterError) -> [Link] {
        var links: [Link] = []
        for (index, element) in try array(value, path).enumerated() {
            links.append(try link(element, "\(path)[\(index)]"))
        }
        return links
    }

    private mutating func link(_ value: JSONValue, _ path: String) throws(NewsletterError) -> Link {
        var text = ""
        var destination: String?
        var rawDestination: String?
        // A link object that does not say how a text writes it is data alone.
        var kind = Link.Kind.dataField
        var title: String?
        var recordedRanges = RecordedPositions.Ranges()
        var destinationRange: SourceRange?
        for member in try object(value, path) {
            func memberPath() -> String { "\(path).\(member.key)" }
            switch member.key {
            case "text":
                text = try string(member.value, memberPath())
                recordProse(member.value)
            case "url":
                destination = try string(member.value, memberPath())
                destinationRange = unescapedContentRange(of: member.value)
            case "rawDestination": rawDestination = try string(member.value, memberPath())
            case "kind":
                let name = try string(member.value, memberPath())
                guard let known = Link.Kind(rawValue: name) else {
                    let names = Link.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw failure(memberPath(), "expected one of \(names), found \(JSONWriter.quoted(name))", at: member.value)
                }
                kind = known
            case "title": title = try optionalString(member.value, memberPath())
            case "range": recordedRanges.range = try self.range(member.value, memberPath())
            case "destinationRange": recordedRanges.innerRange = try self.range(member.value, memberPath())
            default: unknownFields.append((memberPath(), member))
            }
        }
        guard let destination else { throw failure(path, "missing \"url\"", at: value) }
        return Link(
            text: text, destination: destination, rawDestination: rawDestination, title: title, kind: kind,
            range: record(recordedRanges, forObject: value), destinationRange: destinationRange
        )
    }

    /// The range of a section's or link's object in the JSON text, under which its recorded ranges are kept.
    private mutating func record(_ ranges: RecordedPositions.Ranges, forObject value: JSONValue) -> SourceRange {
        let range = source.range(utf8Offsets: value.offsets)
        if ranges.range != nil || ranges.innerRange != nil { recorded.byDecodedRange[range] = ranges }
        return range
    }

    /// Notes a string value's content as prose; `null` and empty strings hold none.
    private mutating func recordProse(_ value: JSONValue) {
        guard case .string = value.content, value.offsets.count > 2 else { return }
        proseRanges.append(value.offsets.lowerBound + 1..<value.offsets.upperBound - 1)
    }

    /// The text of a string value inside its quotes, as written (escapes included).
    private func contentRange(of value: JSONValue) -> SourceRange {
        source.range(utf8Offsets: value.offsets.lowerBound + 1..<value.offsets.upperBound - 1)
    }

    /// The text of a string value inside its quotes when it holds no escape, else `nil`: an edit at this range
    /// then replaces exactly the decoded text, never half of an escape.
    private func unescapedContentRange(of value: JSONValue) -> SourceRange? {
        // Every escape is longer than the text it stands for, so equal lengths mean there is none.
        guard case .string(let text) = value.content, text.utf8.count == value.offsets.count - 2 else { return nil }
        return contentRange(of: value)
    }

    private static let rangeFields = ["line", "column", "offset", "endLine", "endColumn", "endOffset"]

    private mutating func range(_ value: JSONValue, _ path: String) throws(NewsletterError) -> SourceRange {
        var numbers = [Int?](repeating: nil, count: Self.rangeFields.count)
        for member in try object(value, path) {
            func memberPath() -> String { "\(path).\(member.key)" }
            guard let slot = Self.rangeFields.firstIndex(of: member.key) else {
                unknownFields.append((memberPath(), member))
                continue
            }
            let number = try integer(member.value, memberPath())
            let smallest = member.key.hasSuffix("ffset") ? 0 : 1
            guard number >= smallest, number <= SourceLocation.largestCoordinate else {
                throw failure(
                    memberPath(), "expected an integer from \(smallest) to \(SourceLocation.largestCoordinate), found \(number)",
                    at: member.value
                )
            }
            numbers[slot] = number
        }
        let found = numbers.compactMap(\.self)
        guard found.count == numbers.count else {
            let missing = Self.rangeFields[numbers.firstIndex { $0 == nil }!]
            throw failure(path, "missing \"\(missing)\"", at: value)
        }
        let start = SourceLocation(offset: found[2], line: found[0], column: found[1])
        let end = SourceLocation(offset: found[5], line: found[3], column: found[4])
        guard start.offset <= end.offset else { throw failure(path, "the range ends before it starts", at: value) }
        return SourceRange(start: start, end: end)
    }

    // MARK: Values

    private func metadataValue(_ value: JSONValue, _ path: @autoclosure () -> String) throws(NewsletterError) -> MetadataValue {
        switch value.content {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .string(let text): return .string(text)
        case .number(let text):
            if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let integer = Int(text) { return .integer(integer) }
            // Integers beyond Int's range read as doubles, as JSONSerialization reads them; beyond Double's range is an error.
            guard let number = Double(text), number.isFinite else {
                throw failure(path(), "the number \(text) is too large to hold", at: value)
            }
            return .double(number)
        case .array(let elements):
            var items: [MetadataValue] = []
            for (index, element) in elements.enumerated() { items.append(try metadataValue(element, "\(path())[\(index)]")) }
            return .list(items)
        case .object(let members):
            var entries: [Metadata.Entry] = []
            for member in members {
                entries.append(Metadata.Entry(key: member.key, value: try metadataValue(member.value, "\(path()).\(member.key)")))
            }
            return .mapping(Metadata(entries))
        }
    }

    private func string(_ value: JSONValue, _ path: @autoclosure () -> String) throws(NewsletterError) -> String {
        guard case .string(let text) = value.content else { throw mismatch(path(), "a string", value) }
        return text
    }

    private func optionalString(_ value: JSONValue, _ path: @autoclosure () -> String) throws(NewsletterError) -> String? {
        if case .null = value.content { return nil }
        guard case .string(let text) = value.content else { throw mismatch(path(), "a string or null", value) }
        return text
    }

    private func strings(_ value: JSONValue, _ path: @autoclosure () -> String) throws(NewsletterError) -> [String] {
        var result: [String] = []
        for (index, element) in try array(value, path()).enumerated() { result.append(try string(element, "\(path())[\(index)]")) }
        return result
    }

    private func integer(_ value: JSONValue, _ path: @autoclosure () -> String) throws(NewsletterError) -> Int {
        guard case .number(let text) = value.content else { throw mismatch(path(), "an integer", value) }
        guard let number = Int(text) else { throw failure(path(), "expected an integer, found \(text)", at: value) }
        return number
    }

    private func array(_ value: JSONValue, _ path: @autoclosure () -> String) throws(NewsletterError) -> [JSONValue] {
        guard case .array(let elements) = value.content else { throw mismatch(path(), "an array", value) }
        return elements
    }

    private func object(_ value: JSONValue, _ path: @autoclosure () -> String) throws(NewsletterError) -> [JSONValue.Member] {
        guard let members = value.members else { throw mismatch(path(), "an object", value) }
        return members
    }

    private func mismatch(_ path: @autoclosure () -> String, _ expected: String, _ value: JSONValue) -> NewsletterError {
        failure(path(), "expected \(expected), found \(value.kindDescription)", at: value)
    }

    private func failure(_ path: String, _ message: String, at value: JSONValue) -> NewsletterError {
        failure(path, message, atOffset: value.offsets.lowerBound)
    }

    /// `path: message` at the given offset: `sections[3].links[0].url: expected a string, found a number`.
    private func failure(_ path: String, _ message: String, atOffset offset: Int) -> NewsletterError {
        NewsletterError(.malformedInput, path.isEmpty ? message : "\(path): \(message)", at: source.location(atUTF8Offset: offset), in: source)
    }
}
