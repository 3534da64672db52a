import Foundation
import Testing

/// Files that cannot be read or are not text: a clear error naming each on standard error, the other files still
/// checked, exit status 2.
@Suite("input errors")
struct InputErrorTests {
    /// Bytes that start like a PNG image: not UTF-8 from the first byte.
    static let binary = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE])

    /// Whether permissions keep this process out; they do not for root, which CI containers often run as.
    static let permissionsApply = geteuid() != 0

    /// A folder with a good draft, a binary file, a folder named like a draft, a dangling symbolic link and a named
    /// pipe (which must not be waited on), all claiming the `.md` extension; and, where permissions apply, a draft
    /// nobody may read.
    private func folderWithBadFiles() throws -> FixtureFolder {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.beehiiv, to: "drafts/a-good.md")
        try folder.write(Self.binary, to: "drafts/b-binary.md")
        try FileManager.default.createDirectory(atPath: folder.path("drafts/c-folder.md"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path("drafts/d-gone.md"), withDestinationPath: "nowhere.md")
        try folder.write(FixtureDrafts.clean, to: "drafts/e-locked.md")
        if Self.permissionsApply { try folder.setPermissions(0o000, of: "drafts/e-locked.md") }
        try #require(mkfifo(folder.path("drafts/f-pipe.md"), 0o644) == 0)
        return folder
    }

    @Test("check reports each bad file by name and still checks the others")
    func check() throws {
        let folder = try folderWithBadFiles()
        let result = try folder.run("--offline", "--output", "github", "drafts")
        #expect(result.status == 2)
        let errors = result.errors.split(separator: "\n").map(String.init)
        #expect(errors.first == "drafts/b-binary.md:1:1: error: invalid UTF-8: the byte sequence starting with 0x89 is not a character")
        #expect(errors.contains("drafts/c-folder.md: error: cannot read the file: is a folder"))
        #expect(errors.contains("drafts/d-gone.md: error: cannot read the file: no such file"))
        if Self.permissionsApply {
            #expect(errors.contains("drafts/e-locked.md: error: cannot read the file: permission denied"))
        }
        #expect(errors.contains { $0.hasPrefix("drafts/f-pipe.md: error: cannot read the file: ") })
        #expect(!errors.contains { $0.contains("a-good.md") })
        // The input errors come first as annotations too; the good draft's six problems are all reported, the
        // readable clean one has none.
        let reported = result.output.split(separator: "\n")
        #expect(reported.count == 6 + (Self.permissionsApply ? 5 : 4))
        #expect(reported.prefix { $0.contains("title=input-error") }.count == (Self.permissionsApply ? 5 : 4))
        #expect(reported.filter { !$0.contains("title=input-error") }.allSatisfy { $0.contains("file=drafts/a-good.md,") })
    }

    @Test("a binary file named on the command line is an error and the next file is still checked")
    func binaryArgument() throws {
        let folder = try FixtureFolder()
        try folder.write(Self.binary, to: "image.md")
        try folder.write(FixtureDrafts.warningsOnly, to: "fog.md")
        let result = try folder.run("--offline", "image.md", "fog.md")
        #expect(result.status == 2)
        #expect(result.errors == "image.md:1:1: error: invalid UTF-8: the byte sequence starting with 0x89 is not a character\n")
        #expect(result.output.hasPrefix("fog.md:8:1: warning: section 'Fog Report' is empty [empty-section]\n"))
    }

    @Test("fix skips the bad files, fixes the good one and exits 2")
    func fix() throws {
        let folder = try folderWithBadFiles()
        let result = try folder.run("fix", "drafts")
        #expect(result.status == 2)
        #expect(result.output.hasPrefix("drafts/a-good.md: applied 3 fixes\n"))
        #expect(result.errors.contains("drafts/b-binary.md:1:1: error: invalid UTF-8"))
        #expect(try folder.read("drafts/a-good.md") == Data(FixCommandTests.safelyFixedBeehiiv.utf8))
        #expect(try folder.read("drafts/b-binary.md") == Self.binary)
    }

    @Test("fix-mojibake refuses a binary file on standard input or as an argument", arguments: [["-"], ["image.md"]])
    func fixMojibake(arguments: [String]) throws {
        let folder = try FixtureFolder()
        try folder.write(Self.binary, to: "image.md")
        let result = try folder.run(["fix-mojibake"] + arguments, input: Self.binary)
        #expect(result.status == 2)
        #expect(result.output == "")
        let name = arguments == ["-"] ? "<stdin>" : "image.md"
        #expect(result.errors.hasPrefix("\(name):1:1: error: invalid UTF-8: the byte sequence starting with 0x89 is not a character"))
    }
}
