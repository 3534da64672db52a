import Foundation

/// The places a `#fragment` can name on an HTML page: every element's `id`, every `name` attribute (old-style
/// `<a name>` anchors), GitHub's `user-content-` ids under the name the page's script scrolls to, and the
/// GitHub-style slugs of the headings' text, as lychee checks them.
///
/// Found by a tolerant scan of the tags (comments, scripts and styles skipped), not a full HTML parse: what is
/// needed is which anchors exist, and a page cut at the size limit still yields the anchors before the cut.
struct PageAnchors: Sendable, Equatable {
    /// `id` and `name` values as written (entities decoded).
    private(set) var identifiers: Set<String> = []
    /// GitHub-style slugs of the text of `h1`-`h6` headings.
    private(set) var headingSlugs: Set<String> = []
    /// Whether the whole page was read; when not, a missing anchor may lie beyond the part read.
    let isComplete: Bool

    /// Scans `html`; `isComplete` says whether it is the whole page.
    init(html: [UInt8], isComplete: Bool) {
        self.isComplete = isComplete
        var scanner = Scanner(bytes: html)
        scanner.scan(into: &self)
    }

    /// Whether `fragment` (as written after `#`, possibly percent-encoded) names an anchor of the page.
    func contains(_ fragment: String) -> Bool {
        let decoded = fragment.removingPercentEncoding ?? fragment
        return identifiers.contains(decoded) || identifiers.contains("user-content-" + decoded)
            || headingSlugs.contains(decoded.lowercased()) || headingSlugs.contains(DocumentAnchors.slug(decoded))
    }

    /// A pass over the bytes of a page, one tag at a time.
    private struct Scanner {
        let bytes: [UInt8]
        var position = 0
        /// The text of the heading being read, when inside one.
        var heading: [UInt8]?

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func scan(into anchors: inout PageAnchors) {
            while position < bytes.count {
                let byte = bytes[position]
                guard byte == UInt8(ascii: "<") else {
                    heading?.append(byte)
                    position += 1
                    continue
                }
                if starts(with: "<!--") {
                    skip(past: "-->")
                } else if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/") {
                    position += 2
                    let name = readName()
                    skip(past: ">")
                    if Self.isHeading(name), let text = heading {
                        let slug = DocumentAnchors.slug(Self.decodeEntities(String(decoding: text, as: UTF8.self)))
                        if !slug.isEmpty { anchors.headingSlugs.insert(slug) }
                        heading = nil
                    }
                } else if position + 1 < bytes.count, Self.isLetter(bytes[position + 1]) {
                    position += 1
                    let name = readName()
                    readAttributes(into: &anchors)
                    if name == "script" || name == "style" {
                        skip(pastCaseInsensitive: "</\(name)")
                        skip(past: ">")
                    } else if Self.isHeading(name) {
                        heading = []
                    }
                } else {
                    heading?.append(byte)
                    position += 1
                }
            }
        }

        /// Reads attributes up to the end of the tag, keeping `id` and `name` values.
        private mutating func readAttributes(into anchors: inout PageAnchors) {
            while position < bytes.count {
                skipSpace()
                guard position < bytes.count else { return }
                if bytes[position] == UInt8(ascii: ">") {
                    position += 1
                    return
                }
                if bytes[position] == UInt8(ascii: "/") {
                    position += 1
                    continue
                }
                let name = readName(stoppingAt: [UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")])
                if name.isEmpty {
                    position += 1
                    continue
                }
                skipSpace()
                guard position < bytes.count, bytes[position] == UInt8(ascii: "=") else { continue }
                position += 1
                skipSpace()
                let value = readValue()
                if (name == "id" || name == "name"), !value.isEmpty { anchors.identifiers.insert(Self.decodeEntities(value)) }
            }
        }

        private mutating func readValue() -> String {
            guard position < bytes.count else { return "" }
            let quote = bytes[position]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                position += 1
                let start = position
                while position < bytes.count, bytes[position] != quote { position += 1 }
                defer { position = min(position + 1, bytes.count) }
                return String(decoding: bytes[start..<position], as: UTF8.self)
            }
            let start = position
            while position < bytes.count, !Self.isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self)
        }

        /// A tag or attribute name, lowercased.
        private mutating func readName(stoppingAt stops: [UInt8] = [UInt8(ascii: ">"), UInt8(ascii: "/")]) -> String {
            let start = position
            while position < bytes.count, !Self.isSpace(bytes[position]), !stops.contains(bytes[position]) { position += 1 }
            return String(decoding: bytes[start..<position], as: UTF8.self).lowercased()
        }

        private mutating func skipSpace() {
            while position < bytes.count, Self.isSpace(bytes[position]) { position += 1 }
        }

        private func starts(with text: String) -> Bool {
            let pattern = Array(text.utf8)
            return position + pattern.count <= bytes.count && bytes[position..<position + pattern.count].elementsEqual(pattern)
        }

        private mutating func skip(past text: String) {
            while position < bytes.count, !starts(with: text) { position += 1 }
            position = min(position + text.utf8.count, bytes.count)
        }

        private mutating func skip(pastCaseInsensitive text: String) {
            let pattern = Array(text.lowercased().utf8)
            while position + pattern.count <= bytes.count {
                if bytes[position..<position + pattern.count].map(Self.lowercased).elementsEqual(pattern) {
                    position += pattern.count
                    return
                }
                position += 1
            }
            position = bytes.count
        }

        private static func isHeading(_ name: String) -> Bool {
            name.count == 2 && name.first == "h" && ("1"..."6").contains(name.last!)
        }

        private static func isLetter(_ byte: UInt8) -> Bool {
            (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }

        private static func isSpace(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
        }

        private static func lowercased(_ byte: UInt8) -> UInt8 {
            (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
        }

        /// The character references that appear in ids and heading text often enough to matter.
        private static func decodeEntities(_ text: String) -> String {
            guard text.contains("&") else { return text }
            return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&nbsp;", with: " ")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }
}
