@testable import EditorialCheckerCLI
import EditorialChecks
import Foundation
import NewsletterCore
import TestSupport
import Testing

/// The safety of `fix` as a property over generated drafts and file states: whatever the draft, mode, owner and
/// shape of symbolic links, afterwards the file holds exactly its old bytes (nothing to fix, or refused) or exactly
/// the old bytes with the fixes applied (the library's own fix of the same bytes, whose edits touch nothing else);
/// its permissions, owner and group, and every link, are as before (a file with a second hard link is refused, since
/// replacing it would split the link); and no temporary file is left in any folder.
@Suite("fix safety property")
struct FixSafetyPropertyTests {
    /// How the path given to `fix` reaches the draft.
    enum LinkShape: CaseIterable, Sendable {
        /// `draft.md` is the file.
        case direct
        /// `draft.md` → `real.md` beside it.
        case link
        /// `draft.md` → `hop.md` → `real.md`.
        case chain
        /// `draft.md` → `sub/real.md`, a file in another folder.
        case intoFolder
        /// `draft.md` → the absolute path of `real.md`.
        case absolute
        /// `draft.md` and `sub/real.md` are two names (hard links) of one file.
        case hardLink
    }

    /// One generated case.
    struct Case: CustomTestStringConvertible, Sendable {
        var seed: UInt64
        var draft: String
        var mode: Int
        var ownedByNobody: Bool
        var shape: LinkShape

        var testDescription: String { "seed \(seed): mode \(String(mode, radix: 8)), \(ownedByNobody ? "nobody's" : "own"), \(shape)" }
    }

    /// Lines with and without fixable problems: missing spaces around bold text, trailing spaces, mojibake, a
    /// placeholder (an error no fix removes), and clean prose.
    static let lines = [
        "Plain prose that nothing flags.",
        "Tools for**builders**every week.",
        "Two trailing spaces end this line.  ",
        "Ben‚Äôs pick of the week ü§å is here.",
        "Caf√© notes and ‚Äúquotes‚Äù.",
        "Read [the guide](https://guide.example/start?ref={{rp_refer_url}}).",
        "A [clean link](https://clean.example/page) in a sentence.",
        "Tabs\tand\u{A0}no-break spaces stay as they are.",
    ]

    static let modes = [0o644, 0o600, 0o640, 0o664, 0o444, 0o400, 0o755, 0o2664]

    static let cases: [Case] = (0..<48).map { index in
        var random = SeededGenerator(seed: UInt64(index))
        var body = ""
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            body += lines.randomElement(using: &random)! + (Bool.random(using: &random) ? "\n\n" : "\r\n\r\n")
        }
        let draft = "# Weekly Notes\n\n### PLUS: the short one\n\n## **🤌 Picks**\n\n" + body
        return Case(
            seed: UInt64(index),
            draft: draft,
            mode: modes[index % modes.count],
            ownedByNobody: geteuid() == 0 && Bool.random(using: &random),
            shape: LinkShape.allCases[index % LinkShape.allCases.count]
        )
    }

    @Test("after fix the file is the old bytes or the old bytes fixed, with its state and links unchanged", arguments: cases)
    func fixIsSafe(_ testCase: Case) throws {
        let folder = try FixtureFolder()
        try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: true)
        let real: String
        switch testCase.shape {
        case .direct:
            real = "draft.md"
        case .link, .chain, .absolute:
            real = "real.md"
        case .intoFolder, .hardLink:
            real = "sub/real.md"
        }
        try folder.write(testCase.draft, to: real)
        switch testCase.shape {
        case .direct: break
        case .link, .intoFolder: try FileManager.default.createSymbolicLink(atPath: folder.path("draft.md"), withDestinationPath: real)
        case .chain:
            try FileManager.default.createSymbolicLink(atPath: folder.path("hop.md"), withDestinationPath: real)
            try FileManager.default.createSymbolicLink(atPath: folder.path("draft.md"), withDestinationPath: "hop.md")
        case .absolute: try FileManager.default.createSymbolicLink(atPath: folder.path("draft.md"), withDestinationPath: folder.path(real))
        case .hardLink: try FileManager.default.linkItem(atPath: folder.path(real), toPath: folder.path("draft.md"))
        }
        if testCase.ownedByNobody { #expect(lchown(folder.path(real), 65534, 65534) == 0) }
        try folder.setPermissions(testCase.mode, of: real)
        let before = try FolderState(folder)
        let old = try folder.read(real)

        let result = try folder.run("fix", "draft.md")

        let fixed = try Self.libraryFix(testCase.draft)
        let refused = testCase.mode & 0o222 == 0 || testCase.shape == .hardLink
        let changes = fixed != testCase.draft
        let after = try folder.read(real)
        if refused && changes {
            #expect(result.status == 2)
            #expect(after == old)
        } else {
            #expect(result.status != 2, "\(result.errors)")
            #expect(after == Data(fixed.utf8))
        }
        #expect(try FolderState(folder) == before)
    }

    /// What the library makes of the draft with the tool's default settings: the old bytes with the fixes applied.
    static func libraryFix(_ draft: String) throws -> String {
        let workspace = try Workspace(options: try DraftOptions.parse([]))
        let decoded = try workspace.decode(SourceText(draft), path: "draft.md")
        let adapter = try workspace.formats.adapter(identifier: decoded.format)
        return try EditorialChecker(registry: workspace.rules).fix(decoded.source, format: decoded.format, decode: adapter.decodeDraft).text
    }

    /// Everything about the fixture's folders except file contents: names (so a temporary file left behind shows),
    /// and for each entry its type, mode, owner, group, number of hard links and link destination.
    struct FolderState: Equatable {
        var entries: [String: String]

        init(_ folder: FixtureFolder) throws {
            entries = [:]
            for relative in [".", "sub"] {
                for name in try folder.contents(of: relative) {
                    let path = folder.path("\(relative)/\(name)")
                    var status = stat()
                    try #require(lstat(path, &status) == 0)
                    let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "-"
                    entries["\(relative)/\(name)"] = "\(String(status.st_mode, radix: 8)) \(status.st_uid):\(status.st_gid) \(status.st_nlink) \(destination)"
                }
            }
        }
    }
}
