/// Checks that a draft an adapter returned points into the text it was read from, so that no rule, fix or reporter
/// is handed a position outside the text (a range ending before it starts would trap, one past the end would be
/// clamped and silently report or edit the wrong bytes).
///
/// Only what costs a constant per part is checked: offsets within the text and in order, a line that holds its
/// offset. Columns are not recounted; a wrong column misplaces a caret, nothing more.
struct DraftValidation {
    let source: SourceText
    let adapter: String

    func check(_ draft: DecodedDraft) throws(NewsletterError) {
        // Parts are read in place, by index: copying every link (five strings) would cost more than the checks.
        let issue = draft.issue
        for index in issue.sections.indices {
            try check(issue.sections[index].range, "sections[\(index)].range")
            try check(issue.sections[index].headingRange, "sections[\(index)].headingRange")
            try check(issue.sections[index].linkList, "sections[\(index)].links")
        }
        try check(issue.links, "links")
        if let tree = draft.markdown {
            try check(tree.root.range, "the Markdown syntax tree")
        }
        var previousEnd = 0
        for (index, range) in (draft.declaredProseRanges ?? []).enumerated() {
            try check(range, "proseRanges[\(index)]")
            guard range.lowerBound >= previousEnd else {
                throw failure("proseRanges[\(index)] (\(range.lowerBound)..<\(range.upperBound)) starts before the previous range ends; prose ranges must be sorted and must not overlap")
            }
            previousEnd = range.upperBound
        }
        for (index, escaped) in issue.escapedTexts.enumerated() {
            try check(escaped.sourceStart..<escaped.sourceStart, "escapedTexts[\(index)].sourceStart")
            for (escapeIndex, escape) in escaped.escapes.enumerated() {
                try check(escape.source, "escapedTexts[\(index)].escapes[\(escapeIndex)].source")
            }
        }
        if let offset = draft.metadataInsertionOffset {
            try check(offset..<offset, "metadataInsertionOffset")
        }
    }

    private func check(_ links: some RandomAccessCollection<Link>, _ part: @autoclosure () -> String) throws(NewsletterError) {
        for (offset, index) in links.indices.enumerated() {
            try check(links[index].range, "\(part())[\(offset)].range")
            try check(links[index].destinationRange, "\(part())[\(offset)].destinationRange")
        }
    }

    private func check(_ range: SourceRange?, _ part: @autoclosure () -> String) throws(NewsletterError) {
        guard let range else { return }
        try check(range.start.offset..<max(range.start.offset, range.end.offset), part())
        guard range.start.offset <= range.end.offset else {
            throw failure("\(part()) ends (offset \(range.end.offset)) before it starts (offset \(range.start.offset))")
        }
        try check(range.start, part() + ".start")
        try check(range.end, part() + ".end")
    }

    private func check(_ location: SourceLocation, _ part: @autoclosure () -> String) throws(NewsletterError) {
        let lineIndex = location.line - 1
        guard lineIndex >= 0, lineIndex < source.lineCount, location.column >= 1,
              source.lineStarts[lineIndex] <= location.offset,
              lineIndex + 1 == source.lineCount || location.offset < source.lineStarts[lineIndex + 1]
        else {
            throw failure("\(part()) is at line \(location.line), column \(location.column), which does not hold offset \(location.offset)")
        }
    }

    private func check(_ offsets: Range<Int>, _ part: @autoclosure () -> String) throws(NewsletterError) {
        guard offsets.lowerBound >= 0, offsets.upperBound <= source.utf8Count else {
            throw failure("\(part()) (offsets \(offsets.lowerBound)..<\(offsets.upperBound)) is outside the text, which has \(source.utf8Count) bytes")
        }
    }

    private func failure(_ message: String) -> NewsletterError {
        NewsletterError(.invalidAdapterResult, "format adapter '\(adapter)' returned a draft whose \(message)", path: source.path)
    }
}
