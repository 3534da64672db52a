/// A unified diff (`diff -u` style) between two texts, for `fix --dry-run`.
///
/// Lines keep their terminators so that a CRLF file shows as CRLF; the standard library's
/// `difference(from:)` finds the edit script.
struct UnifiedDiff {
    var oldName: String
    var newName: String
    var context = 3

    func render(old: String, new: String) -> String {
        let oldLines = Self.lines(old)
        let newLines = Self.lines(new)
        let difference = newLines.difference(from: oldLines)
        guard !difference.isEmpty else { return "" }

        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }

        // Walk both files in step, recording each line as kept, removed or added.
        var script: [(kind: Character, oldIndex: Int, newIndex: Int)] = []
        var oldIndex = 0
        var newIndex = 0
        while oldIndex < oldLines.count || newIndex < newLines.count {
            if oldIndex < oldLines.count && removed.contains(oldIndex) {
                script.append(("-", oldIndex, newIndex))
                oldIndex += 1
            } else if newIndex < newLines.count && inserted.contains(newIndex) {
                script.append(("+", oldIndex, newIndex))
                newIndex += 1
            } else {
                script.append((" ", oldIndex, newIndex))
                oldIndex += 1
                newIndex += 1
            }
        }

        var output = "--- \(oldName)\n+++ \(newName)\n"
        var index = 0
        while index < script.count {
            guard script[index].kind != " " else { index += 1; continue }
            var start = max(index - context, 0)
            var end = index
            // Extend the hunk while the next change is within two contexts of the last one.
            while end < script.count {
                var next = end
                while next < script.count && script[next].kind == " " { next += 1 }
                if next == script.count || next - end > 2 * context {
                    end = min(end + context, script.count)
                    break
                }
                end = next + 1
            }
            while start < index && script[start].kind != " " { start += 1 }
            let hunk = script[start..<end]
            let oldCount = hunk.filter { $0.kind != "+" }.count
            let newCount = hunk.filter { $0.kind != "-" }.count
            let oldStart = oldCount == 0 ? hunk.first!.oldIndex : hunk.first!.oldIndex + 1
            let newStart = newCount == 0 ? hunk.first!.newIndex : hunk.first!.newIndex + 1
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for entry in hunk {
                let line = entry.kind == "+" ? newLines[entry.newIndex] : oldLines[entry.oldIndex]
                output += "\(entry.kind)\(line)"
                if !line.hasSuffix("\n") { output += "\n\\ No newline at end of file\n" }
            }
            index = end
        }
        return output
    }

    private static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            if text[index] == "\n" || text[index] == "\r\n" {
                lines.append(text[start..<next])
                start = next
            }
            index = next
        }
        if start < text.endIndex { lines.append(text[start...]) }
        return lines
    }
}
