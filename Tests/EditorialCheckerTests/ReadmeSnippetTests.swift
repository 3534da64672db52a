import Foundation
import Testing

/// The README's custom checker is the code of `Support/NotesCheck.swift`, which this target compiles.
@Suite("README custom checker")
struct ReadmeSnippetTests {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    /// The lines from `struct NotesCheck {` to the end of its block, without comments and indentation.
    static func checkerLines(of text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.split(separator: "//", maxSplits: 1, omittingEmptySubsequences: false)[0]).trimmingCharacters(in: .whitespaces)
        }
        guard let start = lines.firstIndex(of: "struct NotesCheck {") else { return [] }
        var depth = 0
        var block: [String] = []
        for line in lines[start...] {
            block.append(line)
            depth += line.filter { $0 == "{" }.count - line.filter { $0 == "}" }.count
            if depth == 0 { break }
        }
        return block
    }

    @Test("the README shows the compiled custom checker")
    func readmeMatchesCompiledCode() throws {
        let readme = try String(contentsOf: Self.testsFolder.appendingPathComponent("../../README.md"), encoding: .utf8)
        let compiled = try String(contentsOf: Self.testsFolder.appendingPathComponent("Support/NotesCheck.swift"), encoding: .utf8)
        let shown = Self.checkerLines(of: readme)
        #expect(shown.count > 5)
        #expect(shown == Self.checkerLines(of: compiled))
        #expect(readme.contains("@main\nstruct NotesCheck {"))
    }
}
