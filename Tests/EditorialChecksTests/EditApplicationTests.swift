@testable import EditorialChecks
import NewsletterCore
import Testing

@Suite struct EditApplicationTests {
    let source = SourceText("ab🤌cd\nef")

    func edit(_ offsets: Range<Int>, _ replacement: String) -> TextEdit {
        TextEdit(range: source.range(utf8Offsets: offsets), replacement: replacement)
    }

    func fix(_ edits: TextEdit...) -> Fix {
        Fix(summary: "test", edits: edits, safety: .safe)
    }

    @Test func editsApplyFromAnyOrderAndKeepOtherBytes() {
        // "🤌" is bytes 2..<6; replace it, insert before "e" (offset 9) and delete "d" (offset 7).
        let text = EditApplication.apply([edit(9..<9, "X"), edit(2..<6, "!"), edit(7..<8, "")], to: source.text)
        #expect(text == "ab!c\nXef")
    }

    @Test(arguments: [
        (0..<2, 1..<3, true),   // overlapping bytes
        (0..<2, 2..<4, false),  // adjacent
        (2..<2, 2..<2, true),   // two insertions at one point
        (2..<2, 2..<4, true),   // insertion where a replacement starts
        (3..<3, 2..<6, true),   // insertion inside a replacement
        (6..<6, 2..<6, false),  // insertion right after a replacement
    ])
    func conflicts(lhs: Range<Int>, rhs: Range<Int>, expected: Bool) {
        #expect(EditApplication.conflict(lhs, rhs) == expected)
        #expect(EditApplication.conflict(rhs, lhs) == expected)
    }

    @Test func compatibleKeepsTheEarlierOfTwoOverlappingFixes() {
        let first = fix(edit(0..<2, "A"))
        let overlapping = fix(edit(1..<3, "B"), edit(8..<9, "C"))
        let later = fix(edit(7..<8, "D"))
        #expect(EditApplication.compatible([later, overlapping, first]) == [first, later])
    }
}
