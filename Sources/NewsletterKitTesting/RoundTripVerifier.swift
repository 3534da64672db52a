public import NewsletterCore

/// Verifies a format adapter's round trip, decode, encode, decode, with the checks NewsletterKit's own adapters get;
/// failures come back as values (``RoundTripFailure``), so any test library can report them.
///
/// From a text in the adapter's format (or an issue, encoded first) it checks that
/// - decoding succeeds and every position of the issue (sections, headings, links, destinations) lies inside the
///   text with its line and column matching its offset, and each destination range holds the destination (as written
///   or decoded);
/// - encoding the issue gives no conversion warnings (the format can hold what it read), and, when asked, exactly
///   the text decoded;
/// - decoding the encoded text gives the same issue, positions aside, again with valid positions;
/// - encoding that issue gives the same text again (the written form is stable).
///
/// ```swift
/// let failures = RoundTripVerifier(adapter: JSONFeedAdapter()).failures(decoding: "{ \"version\": ... }")
/// ```
public struct RoundTripVerifier: Sendable {
    /// The adapter under test.
    public var adapter: any FormatAdapter

    /// Creates a verifier for `adapter`.
    public init(adapter: any FormatAdapter) {
        self.adapter = adapter
    }

    /// The failures of the round trip starting from `text`; with `expectingSameText`, encoding the decoded issue must
    /// give `text` back byte for byte.
    public func failures(decoding text: String, path: String = "draft", expectingSameText: Bool = false) -> [RoundTripFailure] {
        let source = SourceText(text, path: path)
        let first: Issue
        do throws(NewsletterError) {
            first = try adapter.decode(source)
        } catch {
            return [RoundTripFailure(.decoding, "the text cannot be decoded: \(error)")]
        }
        var failures = positionFailures(first, in: source, step: .decoding)
        failures += continuing(from: first, originalText: expectingSameText ? text : nil)
        return failures
    }

    /// The failures of the round trip starting from an issue built in code: encode (without warnings), then the
    /// round trip of the text written. Fields the format derives on reading (links found in a Markdown body) need not
    /// be filled in `issue`.
    public func failures(encoding issue: Issue) -> [RoundTripFailure] {
        do throws(NewsletterError) {
            let encoded = try adapter.encode(issue)
            let warnings = encoded.warnings.map { RoundTripFailure(.encoding, "warning on '\($0.field)': \($0.message)") }
            return warnings + failures(decoding: encoded.text, path: "encoded")
        } catch {
            return [RoundTripFailure(.encoding, "the issue cannot be encoded: \(error)")]
        }
    }

    /// Encode the decoded `issue`, decode, compare, encode again.
    private func continuing(from issue: Issue, originalText: String?) -> [RoundTripFailure] {
        var failures: [RoundTripFailure] = []
        do throws(NewsletterError) {
            let encoded = try adapter.encode(issue)
            for warning in encoded.warnings {
                failures.append(RoundTripFailure(.encoding, "warning on '\(warning.field)': \(warning.message)"))
            }
            if let originalText, encoded.text != originalText {
                failures.append(RoundTripFailure(.encoding, "encoding the decoded issue gave \(Self.quoted(encoded.text)), not the text decoded"))
            }
            let source = SourceText(encoded.text, path: "encoded")
            let decoded: Issue
            do throws(NewsletterError) {
                decoded = try adapter.decode(source)
            } catch {
                return failures + [RoundTripFailure(.redecoding, "the encoded text cannot be decoded: \(error)")]
            }
            failures += positionFailures(decoded, in: source, step: .redecoding)
            failures += differences(Self.content(of: issue), Self.content(of: decoded))
            let again = try adapter.encode(decoded)
            if again.text != encoded.text {
                failures.append(RoundTripFailure(.reencoding, "encoding again gave \(Self.quoted(again.text)), not \(Self.quoted(encoded.text))"))
            }
        } catch {
            failures.append(RoundTripFailure(.encoding, "the issue cannot be encoded: \(error)"))
        }
        return failures
    }

    /// Which fields differ between what was encoded and what was read back.
    private func differences(_ written: Issue, _ read: Issue) -> [RoundTripFailure] {
        guard written != read else { return [] }
        var fields: [String] = []
        if written.title != read.title { fields.append("title (\(String(describing: written.title)) became \(String(describing: read.title)))") }
        if written.subtitle != read.subtitle { fields.append("subtitle") }
        if written.authors != read.authors { fields.append("authors (\(written.authors) became \(read.authors))") }
        if written.date != read.date { fields.append("date") }
        if written.slug != read.slug { fields.append("slug") }
        if written.tags != read.tags { fields.append("tags (\(written.tags) became \(read.tags))") }
        if written.metadata != read.metadata { fields.append("metadata") }
        if written.preamble != read.preamble { fields.append("preamble (\(Self.quoted(written.preamble)) became \(Self.quoted(read.preamble)))") }
        if written.sections.count != read.sections.count {
            fields.append("sections (\(written.sections.count) became \(read.sections.count))")
        } else {
            for (index, (a, b)) in zip(written.sections, read.sections).enumerated() where a != b {
                fields.append("sections[\(index)] ('\(a.title)' became '\(b.title)')")
            }
        }
        if written.links != read.links { fields.append("links (\(written.links.count) became \(read.links.count))") }
        if fields.isEmpty { fields.append("the issue") }
        return [RoundTripFailure(.redecoding, "reading the encoded text back changed " + fields.joined(separator: ", "))]
    }

    /// Every position of `issue` inside `source`, consistent, and destinations where they are written.
    private func positionFailures(_ issue: Issue, in source: SourceText, step: RoundTripFailure.Step) -> [RoundTripFailure] {
        var failures: [RoundTripFailure] = []
        func check(_ range: SourceRange?, _ what: String) {
            guard let range else { return }
            let inBounds = range.start.offset >= 0 && range.start.offset <= range.end.offset && range.end.offset <= source.utf8Count
            guard inBounds,
                  range.start == source.location(atUTF8Offset: range.start.offset),
                  range.end == source.location(atUTF8Offset: range.end.offset)
            else {
                failures.append(RoundTripFailure(step, "\(what) has the range \(range.start)-\(range.end), which is not a range of the text"))
                return
            }
        }
        for (index, section) in issue.sections.enumerated() {
            check(section.range, "sections[\(index)]")
            check(section.headingRange, "sections[\(index)].heading")
        }
        let links = issue.links.map { ("links", $0) } + issue.sections.enumerated().flatMap { index, section in
            section.links.map { ("sections[\(index)].links", $0) }
        }
        var counts: [String: Int] = [:]
        for (list, link) in links {
            let index = counts[list, default: 0]
            counts[list] = index + 1
            let what = "\(list)[\(index)]"
            check(link.range, what)
            check(link.destinationRange, "\(what).destination")
            // Markdown writes the raw destination there, a JSON string the destination itself.
            if let range = link.destinationRange, range.end.offset <= source.utf8Count, range.start.offset <= range.end.offset {
                let written = source.slice(range.utf8Offsets)
                if written != link.rawDestination[...] && written != link.destination[...] {
                    failures.append(RoundTripFailure(
                        step, "\(what).destination: the text at its range is \(Self.quoted(String(written))), not \(Self.quoted(link.rawDestination))"
                    ))
                }
            }
        }
        return failures
    }

    /// The issue as content: positions and the record of how the text was written (escapes, earlier positions) left out.
    private static func content(of issue: Issue) -> Issue {
        var copy = issue
        copy.recordedPositions = nil
        copy.escapedTexts = []
        copy.links = issue.links.map(withoutPositions)
        copy.sections = issue.sections.map { section in
            var copy = section
            copy.range = nil
            copy.headingRange = nil
            copy.links = section.links.map(withoutPositions)
            return copy
        }
        return copy
    }

    private static func withoutPositions(_ link: Link) -> Link {
        var copy = link
        copy.range = nil
        copy.destinationRange = nil
        return copy
    }

    private static func quoted(_ text: String) -> String {
        let limit = 200
        let shown = text.count > limit ? String(text.prefix(limit)) + "..." : text
        return "\"" + shown.unicodeScalars.map { $0.escaped(asASCII: false) }.joined() + "\""
    }
}
