@testable import EditorialCheckerCLI
import Testing

/// The diff `fix --dry-run` prints, called directly on texts whose changes are known.
@Suite struct UnifiedDiffTests {
    private let diff = UnifiedDiff(oldName: "a/d.md", newName: "b/d.md")

    /// Lines "l1\n" ... "l<count>\n".
    private static func lines(_ count: Int, changing changed: [Int: String] = [:], inserting: [Int: String] = [:], removing: Set<Int> = []) -> String {
        (1...count).map { number in
            (inserting[number].map { $0 + "\n" } ?? "") + (removing.contains(number) ? "" : (changed[number] ?? "l\(number)") + "\n")
        }.joined()
    }

    @Test func equalTextsGiveNoDiff() {
        #expect(diff.render(old: Self.lines(10), new: Self.lines(10)) == "")
        #expect(diff.render(old: "", new: "") == "")
    }

    @Test func aLineChangedInPlaceShowsWithThreeLinesOfContext() {
        #expect(diff.render(old: Self.lines(20), new: Self.lines(20, changing: [10: "L10"])) == """
            --- a/d.md
            +++ b/d.md
            @@ -7,7 +7,7 @@
             l7
             l8
             l9
            -l10
            +L10
             l11
             l12
             l13

            """)
    }

    @Test func neighbouringChangesAreRemovedThenAddedAndNearOnesShareAHunk() {
        let new = Self.lines(30, changing: [5: "L5", 6: "L6", 12: "L12", 25: "L25"])
        #expect(diff.render(old: Self.lines(30), new: new) == """
            --- a/d.md
            +++ b/d.md
            @@ -2,14 +2,14 @@
             l2
             l3
             l4
            -l5
            -l6
            +L5
            +L6
             l7
             l8
             l9
             l10
             l11
            -l12
            +L12
             l13
             l14
             l15
            @@ -22,7 +22,7 @@
             l22
             l23
             l24
            -l25
            +L25
             l26
             l27
             l28

            """)
    }

    @Test func insertedAndRemovedLinesKeepTheLinesAfterThemAligned() {
        let new = Self.lines(12, inserting: [3: "title: x"], removing: [9])
        #expect(diff.render(old: Self.lines(12), new: new) == """
            --- a/d.md
            +++ b/d.md
            @@ -1,12 +1,12 @@
             l1
             l2
            +title: x
             l3
             l4
             l5
             l6
             l7
             l8
            -l9
             l10
             l11
             l12

            """)
    }

    /// Blocks longer than the look-ahead: forty lines added, thirty removed; the lines after each are kept, not shown
    /// as changed.
    @Test func longBlocksAddedAndRemovedKeepTheRestAligned() {
        let added = (1...40).map { "new \($0)\n" }.joined()
        let old = Self.lines(200)
        let new = Self.lines(200, inserting: [50: String(added.dropLast())], removing: Set(120..<150))
        let rendered = diff.render(old: old, new: new)
        let expected = "--- a/d.md\n+++ b/d.md\n@@ -47,6 +47,46 @@\n l47\n l48\n l49\n"
            + (1...40).map { "+new \($0)\n" }.joined() + " l50\n l51\n l52\n@@ -117,36 +157,6 @@\n l117\n l118\n l119\n"
            + (120..<150).map { "-l\($0)\n" }.joined() + " l150\n l151\n l152\n"
        #expect(rendered == expected)
    }

    @Test func aLastLineWithoutNewlineAndCRLFLinesAreShownAsWritten() {
        #expect(diff.render(old: "a\r\nb\r\nc", new: "a\r\nB\r\nc") == "--- a/d.md\n+++ b/d.md\n@@ -1,3 +1,3 @@\n a\r\n-b\r\n+B\r\n c\n\\ No newline at end of file\n")
    }

    @Test func aChangeOnlyInNormalizationIsAChange() {
        #expect(diff.render(old: "caf\u{E9}\n", new: "cafe\u{301}\n") == "--- a/d.md\n+++ b/d.md\n@@ -1,1 +1,1 @@\n-caf\u{E9}\n+cafe\u{301}\n")
    }

    /// Every one of 50,000 lines changed: one hunk of all the old lines, then all the new (Myers' algorithm took
    /// minutes on a tenth of this).
    @Test func everyLineChanged() {
        let old = (0..<50_000).map { "line \($0)\n" }.joined()
        let new = (0..<50_000).map { "LINE \($0)\n" }.joined()
        let rendered = diff.render(old: old, new: new)
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 + 100_000 + 1)
        #expect(lines[2] == "@@ -1,50000 +1,50000 @@")
        #expect(lines[3] == "-line 0" && lines[50_002] == "-line 49999" && lines[50_003] == "+LINE 0" && lines[100_002] == "+LINE 49999")
    }
}
