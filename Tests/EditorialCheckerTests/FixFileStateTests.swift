@testable import EditorialCheckerCLI
import Foundation
import NewsletterCore
import Testing

/// What `fix` does to the file around the text: a read-only or hard-linked draft is refused, the owner and group are kept (or the
/// user is told why not), the temporary file never has wider permissions than the draft and is removed when the
/// process is interrupted.
@Suite("fix and the file's state")
struct FixFileStateTests {
    static let isRoot = geteuid() == 0
    /// `setpriv` runs the tool as another user, for the cases only a user other than root meets.
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let nobody: uid_t = 65534

    @Test("a read-only draft is refused with exit status 2 and left unchanged", arguments: [0o444, 0o400, 0o440, 0o555])
    func readOnly(mode: Int) throws {
        let folder = try FixtureFolder()
        try folder.write(FixCommandTests.Tides.original, to: "tides.md")
        try folder.setPermissions(mode, of: "tides.md")
        let before = try folder.contents()
        let result = try folder.run("fix", "tides.md")
        #expect(result.status == 2)
        #expect(result.output == "")
        #expect(result.errors == "tides.md: error: the file is read-only (mode \(String(mode, radix: 8))); not changing it\n")
        #expect(try folder.read("tides.md") == FixCommandTests.Tides.original)
        #expect(try folder.permissions(of: "tides.md") == mode)
        #expect(try folder.contents() == before)
    }

    @Test("a draft with a second hard link is refused with exit status 2, both names keeping the old text")
    func hardLinked() throws {
        let folder = try FixtureFolder()
        try folder.write(FixCommandTests.Tides.original, to: "tides.md")
        try FileManager.default.linkItem(atPath: folder.path("tides.md"), toPath: folder.path("backup.md"))
        let result = try folder.run("fix", "tides.md")
        #expect(result.status == 2)
        #expect(result.errors == "tides.md: error: the file has 2 hard links; replacing it would leave the others with the old text; not changing it\n")
        #expect(try folder.read("tides.md") == FixCommandTests.Tides.original)
        #expect(try folder.read("backup.md") == FixCommandTests.Tides.original)
        var status = stat()
        #expect(stat(folder.path("tides.md"), &status) == 0 && status.st_nlink == 2)
    }

    @Test("a read-only draft with nothing to fix is no error")
    func readOnlyClean() throws {
        let folder = try FixtureFolder()
        try folder.write(FixCommandTests.Tides.fixed, to: "tides.md")
        try folder.setPermissions(0o444, of: "tides.md")
        let result = try folder.run("fix", "tides.md")
        #expect(result.status == 0)
        #expect(result.errors == "")
    }

    @Test("convert -o refuses to replace a read-only file")
    func convertReadOnly() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.json, to: "night-sky.json")
        try folder.write("kept\n", to: "out.md")
        try folder.setPermissions(0o444, of: "out.md")
        let result = try folder.run("convert", "night-sky.json", "--to", "front-matter", "-o", "out.md")
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix("out.md: error: the file is read-only (mode 444); not changing it\n"))
        #expect(try folder.read("out.md") == Data("kept\n".utf8))
    }

    @Test("run as root, fix keeps another user's owner and group", .enabled(if: isRoot), arguments: [0o644, 0o600, 0o2664])
    func ownerKept(mode: Int) throws {
        let folder = try FixtureFolder()
        try folder.write(FixCommandTests.Tides.original, to: "tides.md")
        #expect(chown(folder.path("tides.md"), Self.nobody, Self.nobody) == 0)
        try folder.setPermissions(mode, of: "tides.md")
        let result = try folder.run("fix", "tides.md")
        #expect(result.status == 0)
        #expect(result.errors == "")
        #expect(try folder.read("tides.md") == FixCommandTests.Tides.fixed)
        let status = try Self.status(folder.path("tides.md"))
        #expect(status.st_uid == Self.nobody)
        #expect(status.st_gid == Self.nobody)
        #expect(Int(status.st_mode & 0o7777) == mode)
    }

    @Test("a user who may not give the file back to its owner is told so", .enabled(if: isRoot && setpriv != nil))
    func ownerNotKept() throws {
        let folder = try FixtureFolder()
        try folder.write(FixCommandTests.Tides.original, to: "tides.md")
        try folder.setPermissions(0o666, of: "tides.md")
        try folder.setPermissions(0o777, of: ".")
        let result = try folder.run(
            ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", try Self.executablePath(), "fix", "tides.md"],
            launcher: Self.setpriv
        )
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors == """
            tides.md: warning: the owner (uid 0) could not be kept: only root may give a file away; the fixed file belongs to uid 65534
            tides.md: warning: the group (gid 0) could not be kept: Operation not permitted; the fixed file has gid 65534

            """)
        #expect(try folder.read("tides.md") == FixCommandTests.Tides.fixed)
        #expect(try folder.permissions(of: "tides.md") == 0o666)
    }

    @Test("a user without write permission is refused even though the folder allows the rename", .enabled(if: isRoot && setpriv != nil))
    func notWritableForUser() throws {
        let folder = try FixtureFolder()
        try folder.write(FixCommandTests.Tides.original, to: "tides.md")
        try folder.setPermissions(0o644, of: "tides.md")
        try folder.setPermissions(0o777, of: ".")
        let result = try folder.run(
            ["--reuid=\(Self.nobody)", "--regid=\(Self.nobody)", "--clear-groups", try Self.executablePath(), "fix", "tides.md"],
            launcher: Self.setpriv
        )
        #expect(result.status == 2)
        #expect(result.errors == "tides.md: error: the file is read-only (mode 644); not changing it\n")
        #expect(try folder.read("tides.md") == FixCommandTests.Tides.original)
    }

    @Test("the temporary file is created with the draft's mode, never wider", arguments: [0o600, 0o640, 0o400])
    func temporaryFileMode(mode: Int) throws {
        let folder = try FixtureFolder()
        let descriptor = try TemporaryFile.create(folder.path(".t.tmp"), permissions: mode, for: "t.md")
        defer { close(descriptor) }
        defer { InterruptCleanup.discard(folder.path(".t.tmp")) }
        // Right after creation, before anything is written or any mode is set: at most the draft's mode.
        let status = try Self.status(folder.path(".t.tmp"))
        #expect(Int(status.st_mode & 0o777) & ~mode == 0)
        #expect(status.st_size == 0)
    }

    /// Starts `fix tides.md` holding its finished temporary file `hold` seconds before the rename, with the given
    /// signal dispositions (Perl sets them, since a child inherits ignored signals from whoever started it), and
    /// returns once the temporary file holds the whole fixed text.
    private func startHeldFix(in folder: FixtureFolder, hold: Int, dispositions: String) throws -> (Process, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        let executable = try #require(EditorialCheckProcess.executable)
        process.arguments = ["-e", "\(dispositions); exec @ARGV or die", executable.path, "fix", "tides.md"]
        process.currentDirectoryURL = folder.url
        process.environment = ProcessInfo.processInfo.environment.merging(["EDITORIAL_CHECK_HOLD_BEFORE_RENAME": "\(hold)"]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var temporary: String?
        for _ in 0..<2_000 where temporary == nil {
            temporary = try folder.contents().first { $0.hasPrefix(".tides.md.") && $0.hasSuffix(".tmp") }
            if let name = temporary, try Self.status(folder.path(name)).st_size != FixCommandTests.Tides.fixed.count { temporary = nil }
            if temporary == nil { usleep(10_000) }
        }
        if temporary == nil { process.terminate() }
        return (process, try #require(temporary, "no temporary file appeared"))
    }

    @Test("SIGINT, SIGTERM and SIGHUP remove the temporary file and leave the draft as it was", arguments: [SIGINT, SIGTERM, SIGHUP])
    func interrupted(signalNumber: Int32) throws {
        let folder = try FixtureFolder()
        try folder.write(FixCommandTests.Tides.original, to: "tides.md")
        try folder.setPermissions(0o600, of: "tides.md")
        let before = try folder.contents()
        let (process, name) = try startHeldFix(in: folder, hold: 60, dispositions: #"$SIG{$_} = "DEFAULT" for qw(INT TERM HUP)"#)
        defer { if process.isRunning { process.terminate() } }
        // The temporary file, while it exists, has the draft's mode and owner.
        #expect(try folder.permissions(of: name) == 0o600)
        #expect(try Self.status(folder.path(name)).st_uid == Self.status(folder.path("tides.md")).st_uid)

        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signalNumber)
        #expect(try folder.contents() == before)
        #expect(try folder.read("tides.md") == FixCommandTests.Tides.original)
    }

    @Test("a signal ignored when the tool started stays ignored, as under nohup")
    func ignoredSignal() throws {
        let folder = try FixtureFolder()
        try folder.write(FixCommandTests.Tides.original, to: "tides.md")
        let before = try folder.contents()
        let (process, _) = try startHeldFix(in: folder, hold: 1, dispositions: #"$SIG{HUP} = "IGNORE""#)
        kill(process.processIdentifier, SIGHUP)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0)
        #expect(try folder.contents() == before)
        #expect(try folder.read("tides.md") == FixCommandTests.Tides.fixed)
    }

    static func executablePath() throws -> String {
        try #require(EditorialCheckProcess.executable).path
    }

    static func status(_ path: String) throws -> stat {
        var status = stat()
        try #require(lstat(path, &status) == 0, "cannot stat \(path)")
        return status
    }
}
