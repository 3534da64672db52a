@testable import EditorialCheckerCLI
import Foundation
import NewsletterCore
import Testing

/// The writer behind `fix` and `convert -o`, called directly: a change made by someone else between `fix` reading
/// a file and replacing it cannot be timed from outside the process, so the check before the rename is tested here.
///
/// Not covered: a change made after that check and before the rename itself (a window of one system call, which
/// rename(2) offers no way to close).
@Suite("atomic file writer")
struct AtomicFileWriterTests {
    @Test("an unchanged file is replaced, keeping its permissions")
    func replacesUnchanged() throws {
        let folder = try FixtureFolder()
        try folder.write("old text\n", to: "draft.md")
        try folder.setPermissions(0o600, of: "draft.md")
        let (snapshot, contents) = try AtomicFileWriter.Snapshot.read(path: folder.path("draft.md"))
        #expect(contents == Data("old text\n".utf8))
        #expect(snapshot.byteCount == 9)
        #expect(snapshot.permissions == 0o600)

        try AtomicFileWriter.replace(folder.path("draft.md"), with: "new text\n", expecting: snapshot)
        #expect(try folder.read("draft.md") == Data("new text\n".utf8))
        #expect(try folder.permissions(of: "draft.md") == 0o600)
        #expect(try folder.contents() == [".newsletterlint.yml", "draft.md"])
    }

    /// Replacements on several threads of one process at once: each waits for the one in progress (the interrupt
    /// handler knows one temporary file), none waits forever, and each file gets its own text.
    @Test("replacements on several threads at once all complete")
    func concurrentReplacementsComplete() async throws {
        let folder = try FixtureFolder()
        let names = (0..<16).map { "draft-\($0).md" }
        for name in names { try folder.write("old \(name)\n", to: name) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for name in names {
                let path = folder.path(name)
                group.addTask {
                    let snapshot = try AtomicFileWriter.Snapshot(path: path)
                    try AtomicFileWriter.replace(path, with: "new \(name)\n", expecting: snapshot)
                }
            }
            try await group.waitForAll()
        }
        for name in names { #expect(try folder.read(name) == Data("new \(name)\n".utf8)) }
        #expect(try folder.contents() == ([".newsletterlint.yml"] + names).sorted())
    }

    /// Ways another program can change a file after `fix` read it.
    enum Change: String, CaseIterable, Sendable {
        case contents, sameSizeContents, permissions, removal
    }

    @Test("a file changed since it was read is not overwritten", arguments: Change.allCases)
    func refusesChanged(change: Change) throws {
        let folder = try FixtureFolder()
        try folder.write("as read\n", to: "draft.md")
        try folder.setPermissions(0o644, of: "draft.md")
        let snapshot = try AtomicFileWriter.Snapshot(path: folder.path("draft.md"))
        switch change {
        case .contents: try folder.write("edited by someone else\n", to: "draft.md")
        case .sameSizeContents: try folder.write("as READ\n", to: "draft.md")
        case .permissions: try folder.setPermissions(0o600, of: "draft.md")
        case .removal: try FileManager.default.removeItem(atPath: folder.path("draft.md"))
        }

        #expect(throws: NewsletterError(.io, "the file changed since it was read; not overwriting it", path: folder.path("draft.md"))) {
            try AtomicFileWriter.replace(folder.path("draft.md"), with: "fixed\n", expecting: snapshot)
        }
        switch change {
        case .contents: #expect(try folder.read("draft.md") == Data("edited by someone else\n".utf8))
        case .sameSizeContents: #expect(try folder.read("draft.md") == Data("as READ\n".utf8))
        case .permissions: #expect(try folder.read("draft.md") == Data("as read\n".utf8))
        case .removal: #expect(!FileManager.default.fileExists(atPath: folder.path("draft.md")))
        }
        #expect(try folder.contents().filter { $0.hasSuffix(".tmp") } == [])
    }

    @Test("create writes a new file with mode 0644 and keeps the mode of one it replaces")
    func create() throws {
        let folder = try FixtureFolder()
        try AtomicFileWriter.create(folder.path("new.json"), with: "{}\n")
        #expect(try folder.read("new.json") == Data("{}\n".utf8))
        #expect(try folder.permissions(of: "new.json") == 0o644)

        try folder.setPermissions(0o600, of: "new.json")
        try AtomicFileWriter.create(folder.path("new.json"), with: "[]\n")
        #expect(try folder.read("new.json") == Data("[]\n".utf8))
        #expect(try folder.permissions(of: "new.json") == 0o600)
    }

    @Test("a folder that cannot be written to leaves the file alone and names it")
    func unwritableFolder() throws {
        let folder = try FixtureFolder()
        let missingFolder = folder.path("no-such-folder/draft.md")
        #expect {
            try AtomicFileWriter.create(missingFolder, with: "text")
        } throws: { error in
            let error = error as? NewsletterError
            return error?.kind == .io && error?.path == missingFolder && error?.message.hasPrefix("cannot write the file: ") == true
        }
        #expect(try folder.contents() == [".newsletterlint.yml"])
    }
}
