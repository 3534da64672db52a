import Foundation
import Testing

/// Input errors name their real cause: a loop of symbolic links, a file that is not a regular file; named pipes and
/// process substitutions named on the command line are read as streams; standard input is read once.
@Suite("input causes")
struct InputCauseTests {
    @Test("a loop of symbolic links says so, met in a folder walk or named directly")
    func symbolicLinkLoop() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.clean, to: "drafts/a-clean.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path("drafts/b-loop.md"), withDestinationPath: "c-loop.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path("drafts/c-loop.md"), withDestinationPath: "b-loop.md")

        let walked = try folder.run("--offline", "drafts")
        #expect(walked.status == 2)
        #expect(walked.errors == """
            drafts/b-loop.md: error: cannot read the file: a loop of symbolic links
            drafts/c-loop.md: error: cannot read the file: a loop of symbolic links

            """)
        #expect(walked.output == "0 errors, 0 warnings, 0 fixable in 1 file\n")

        let named = try folder.run("--offline", "drafts/b-loop.md")
        #expect(named.status == 2)
        #expect(named.errors == "drafts/b-loop.md: error: a loop of symbolic links\n")

        let fixed = try folder.run("fix", "drafts/b-loop.md")
        #expect(fixed.status == 2)
        #expect(fixed.errors == "drafts/b-loop.md: error: a loop of symbolic links\n")
    }

    @Test("a symbolic link back to a folder above is not followed, so the walk ends and finds each draft once")
    func folderLoop() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.warningsOnly, to: "drafts/sub/fog.md")
        try FileManager.default.createSymbolicLink(atPath: folder.path("drafts/sub/up"), withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: folder.path("drafts/itself"), withDestinationPath: ".")
        let result = try folder.run("--offline", "--format-in", "beehiiv", "drafts")
        #expect(result.status == 0)
        #expect(result.errors == "")
        #expect(result.output.hasPrefix("drafts/sub/fog.md:8:1: warning: section 'Fog Report' is empty [empty-section]\n"))
        #expect(result.output.hasSuffix("0 errors, 1 warning, 0 fixable in 1 file\n"))
    }

    @Test("a named pipe met in a folder walk is not waited on, and the error says what it is")
    func pipeInWalk() throws {
        let folder = try FixtureFolder()
        try #require(mkfifo(folder.path("pipe.md"), 0o644) == 0)
        let result = try folder.run("--offline", ".")
        #expect(result.status == 2)
        #expect(result.errors == "./pipe.md: error: cannot read the file: not a regular file (a named pipe); name it on its own to read it as a stream\n")
    }

    @Test("a socket met in a folder walk, which cannot be opened, is named for what it is")
    func socketInWalk() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.clean, to: "a-clean.md")
        let path = folder.path("b-socket.md")
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(socketDescriptor >= 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let pathBytes = Array(path.utf8CString)
        try #require(pathBytes.count <= MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes.map { UInt8(bitPattern: $0) }) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let result = try folder.run("--offline", ".")
        #expect(result.status == 2)
        #expect(result.errors == "./b-socket.md: error: cannot read the file: not a regular file (a socket)\n")
        #expect(result.output.hasSuffix("in 1 file\n"))
    }

    @Test("a named pipe named on the command line is read as a stream")
    func namedPipe() throws {
        let folder = try FixtureFolder()
        try #require(mkfifo(folder.path("pipe.md"), 0o644) == 0)
        let path = folder.path("pipe.md")
        // The writer blocks until the tool opens the pipe for reading.
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: path) {
                try? handle.write(contentsOf: Data(FixtureDrafts.warningsOnly.utf8))
                try? handle.close()
            }
        }
        writer.start()
        let result = try folder.run("--offline", "--format-in", "beehiiv", "pipe.md")
        #expect(result.status == 0)
        #expect(result.errors == "")
        #expect(result.output.hasPrefix("pipe.md:8:1: warning: section 'Fog Report' is empty [empty-section]\n"))
    }

    @Test("a process substitution is read as a stream")
    func processSubstitution() throws {
        let folder = try FixtureFolder()
        try folder.write(FixtureDrafts.warningsOnly, to: "fog.md")
        let executable = try #require(EditorialCheckProcess.executable)
        let result = try folder.run(["-c", "'\(executable.path)' --offline --format-in beehiiv <(cat fog.md)"], launcher: "/bin/bash")
        #expect(result.status == 0)
        #expect(result.errors == "")
        #expect(result.output.contains(":8:1: warning: section 'Fog Report' is empty [empty-section]\n"))
        #expect(result.output.hasSuffix("0 errors, 1 warning, 0 fixable in 1 file\n"))
    }

    @Test("an endless stream named on the command line stops at the size limit")
    func endlessStream() throws {
        let folder = try FixtureFolder()
        let result = try folder.run("--offline", "--format-in", "beehiiv", "/dev/zero")
        #expect(result.status == 2)
        #expect(result.errors == "/dev/zero: error: input is more than the limit of 67108864 bytes\n")
    }

    @Test("fix refuses a named pipe, which cannot be replaced in place")
    func fixPipe() throws {
        let folder = try FixtureFolder()
        try #require(mkfifo(folder.path("pipe.md"), 0o644) == 0)
        let result = try folder.run("fix", "pipe.md")
        #expect(result.status == 2)
        #expect(result.errors == "pipe.md: error: not a regular file (a named pipe): fix replaces files in place; pipe a stream through `fix -` instead\n")
    }

    @Test("check - - reads standard input once and says the second - is refused", arguments: [["check", "--offline"], ["fix"]])
    func standardInputOnce(command: [String]) throws {
        let folder = try FixtureFolder()
        let result = try folder.run(command + ["--format-in", "beehiiv", "-", "-"], input: Data(FixtureDrafts.warningsOnly.utf8))
        #expect(result.status == 2)
        #expect(result.errors == "-: error: standard input is read once; '-' was given more than once\n")
        if command == ["fix"] {
            #expect(result.output == FixtureDrafts.warningsOnly)
        } else {
            #expect(!result.output.contains("missing-title"))
            #expect(result.output == """
                <stdin>:8:1: warning: section 'Fog Report' is empty [empty-section]
                ## **🌫️ Fog Report**
                ^~~~~~~~~~~~~~~~~~~~
                0 errors, 1 warning, 0 fixable in 1 file

                """)
        }
    }

    @Test("a wrong-typed front-matter field is an input error at the field, not a missing field at 1:1", arguments: [
        ("title: [a, b]", "draft.md:2:8: error: title must be a string, not a sequence"),
        ("date: [1, 2]", "draft.md:2:7: error: date must be a date or a string, not a sequence"),
        ("authors: [{name: A}]", "draft.md:2:11: error: authors must be a string or a list of strings; item 1 is a mapping"),
    ])
    func wrongTypedField(field: String, error: String) throws {
        let folder = try FixtureFolder()
        try folder.write("---\n\(field)\n---\n\nHello.\n", to: "draft.md")
        let result = try folder.run("--offline", "draft.md")
        #expect(result.status == 2)
        #expect(result.errors.hasPrefix(error + "\n"))
        #expect(!result.output.contains("missing-"))
    }
}
