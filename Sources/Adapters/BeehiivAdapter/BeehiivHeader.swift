import Foundation
import NewsletterCore
import NewsletterMarkdown

/// The header block of a beehiiv export, read leniently: `# Title`, `### Subtitle`, the `![Author](...)` avatar,
/// the author's name (a link) ending in a hard line break, and the date on the next line. Each part is optional,
/// but they come in this order, separated by blank lines.
struct BeehiivHeader {
    var title: String?
    var subtitle: String?
    var avatar: String?
    var author: String?
    var authorURL: String?
    var date: PublicationDate?
    /// The UTF-8 offset just past the header's last line, where the preamble starts.
    var end: Int

    init(document: MarkdownDocument) {
        let source = document.source
        let body = document.bodyRange
        end = body.lowerBound
        // The header is at the top: look headings up from the start instead of indexing thousands of them.
        func headingStarting(onLine line: Int) -> MarkdownHeading? {
            document.headings.prefix { $0.range.start.line <= line }.last { $0.range.start.line == line }
        }

        var line = Self.firstContentLine(source, from: end, body: body)
        if let line, let heading = headingStarting(onLine: line), heading.level == 1, !heading.isSetext {
            title = String(Self.atxContent(heading.sourceText))
            end = heading.contentStartOffset
            let next = Self.firstContentLine(source, from: end, body: body)
            if let next, let subtitleHeading = headingStarting(onLine: next),
               subtitleHeading.level == 3, !subtitleHeading.isSetext, !BeehiivSectionHeading.looksLikeSection(subtitleHeading) {
                subtitle = String(Self.atxContent(subtitleHeading.sourceText))
                end = subtitleHeading.contentStartOffset
            }
        }

        line = Self.firstContentLine(source, from: end, body: body)
        if let current = line, headingStarting(onLine: current) == nil,
           let image = Self.soleLink(on: current, in: document), image.kind == .image, image.text == "Author" {
            avatar = image.rawDestination
            end = Self.lineEnd(source, current, body: body)
            line = Self.firstContentLine(source, from: end, body: body)
        }

        guard let current = line, headingStarting(onLine: current) == nil else { return }
        let text = source.lineText(current)
        let trailingSpaces = text.reversed().prefix { $0 == " " }.count
        let breakMarker = text.hasSuffix("\\") ? 1 : trailingSpaces >= 2 ? trailingSpaces : 0
        // Only a line ending in a hard break can name the author; the next line is read only then.
        let nextLine = breakMarker > 0 && current + 1 <= source.lineCount && Self.lineEnd(source, current, body: body) < body.upperBound
            ? String(source.lineText(current + 1)) : ""
        let nextLineDate = breakMarker > 0 ? PublicationDate(parsing: nextLine) : PublicationDate(text: "")
        let nameLink = breakMarker > 0 ? Self.soleLink(on: current, in: document, trailing: breakMarker).flatMap { $0.kind == .inline ? $0 : nil } : nil
        // A hard break followed by a line: the author, when the name is a link or the next line is a date.
        if breakMarker > 0, !nextLine.allSatisfy(\.isWhitespace), nameLink != nil || nextLineDate.date != nil {
            if let nameLink {
                author = nameLink.text
                authorURL = nameLink.rawDestination
            } else {
                author = String(text.dropLast(breakMarker).trimmingCharacters(in: .whitespaces))
            }
            date = nextLineDate
            end = Self.lineEnd(source, current + 1, body: body)
        } else if let day = PublicationDate.date(parsing: text) {
            date = PublicationDate(text: String(text), date: day)
            end = Self.lineEnd(source, current, body: body)
        }
    }

    /// The first line at or after `offset` that is not blank, if any.
    private static func firstContentLine(_ source: SourceText, from offset: Int, body: Range<Int>) -> Int? {
        guard offset < body.upperBound else { return nil }
        var line = source.location(atUTF8Offset: offset).line
        while line <= source.lineCount, source.lineOffsets(line).lowerBound < body.upperBound {
            if !source.lineText(line).allSatisfy(\.isWhitespace) { return line }
            line += 1
        }
        return nil
    }

    /// The offset past a line's ending.
    private static func lineEnd(_ source: SourceText, _ line: Int, body: Range<Int>) -> Int {
        line < source.lineCount ? min(source.lineStarts[line], body.upperBound) : body.upperBound
    }

    /// The link that is the whole line (but for `trailing` characters of line break), if there is one.
    private static func soleLink(on line: Int, in document: MarkdownDocument, trailing: Int = 0) -> Link? {
        let offsets = document.source.lineOffsets(line)
        let text = document.source.lineText(line)
        let contentEnd = offsets.lowerBound + text.dropLast(trailing).utf8.count
        return document.links.first { link in
            guard let range = link.range else { return false }
            return range.start.offset == offsets.lowerBound && range.end.offset == contentEnd
        }
    }

    /// An ATX heading's text as written: the markers, the spaces after them and a closing `#` run removed.
    static func atxContent(_ heading: Substring) -> Substring {
        var content = heading
        content = content.drop { $0 == " " }
        content = content.drop { $0 == "#" }
        content = content.drop { $0 == " " || $0 == "\t" }
        while content.last == " " || content.last == "\t" { content = content.dropLast() }
        // A closing `#` run counts only when a space stands before it (`# C#` keeps its `#`).
        var closing = content
        while closing.last == "#" { closing = closing.dropLast() }
        // Compared by index: counting characters would break the whole title into graphemes, twice.
        if closing.endIndex < content.endIndex, closing.isEmpty || closing.last == " " || closing.last == "\t" {
            content = closing
            while content.last == " " || content.last == "\t" { content = content.dropLast() }
        }
        return content
    }
}
