import Foundation
import Testing

/// Runs the built `editorial-check` executable as a subprocess, the way editors and CI run it.
struct EditorialCheckProcess {
    /// What one run produced.
    struct Result {
        var status: Int32
        var standardOutput: Data
        var standardError: Data

        var output: String { String(decoding: standardOutput, as: UTF8.self) }
        var errors: String { String(decoding: standardError, as: UTF8.self) }

        /// The run as one readable text, for golden files: the command, exit status, standard output and standard error.
        func transcript(of arguments: [String]) -> String {
            """
            $ editorial-check \(arguments.joined(separator: " "))
            exit status: \(status)
            --- standard output
            \(Self.endingInNewline(output))--- standard error
            \(Self.endingInNewline(errors))
            """
        }

        /// The text with a final newline, saying so when it had none, so the next heading starts on its own line.
        private static func endingInNewline(_ text: String) -> String {
            text.isEmpty || text.hasSuffix("\n") ? text : text + "\n\\ No newline at end\n"
        }
    }

    /// The executable: `EDITORIAL_CHECK_EXECUTABLE` when set, else `editorial-check` in the build products folder
    /// that holds the running test bundle (the bundle is that folder's file on Linux, and three levels inside it on macOS).
    static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["EDITORIAL_CHECK_EXECUTABLE"] { return URL(fileURLWithPath: path) }
        let starts = [Bundle.main.executableURL, URL(fileURLWithPath: CommandLine.arguments[0])] + Bundle.allBundles.map(\.bundleURL)
        for start in starts.compactMap({ $0?.resolvingSymlinksInPath() }) {
            var folder = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("editorial-check")
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()

    /// Writing to a child that has exited raises SIGPIPE, which would end the whole test process.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    /// Runs `editorial-check arguments` in `folder` with `input` on standard input (an empty pipe when `nil`),
    /// and an environment without `NO_COLOR` plus `environment`. With a `launcher` (`setpriv`, `bash`), that program
    /// runs instead with `arguments`, which then name the tool themselves.
    static func run(
        _ arguments: [String],
        in folder: URL,
        input: Data? = nil,
        environment: [String: String] = [:],
        standardOutput: FileHandle? = nil,
        launcher: String? = nil
    ) throws -> Result {
        let executable = try #require(Self.executable, "editorial-check was not built next to the test bundle; set EDITORIAL_CHECK_EXECUTABLE")
        let process = Process()
        process.executableURL = launcher.map { URL(fileURLWithPath: $0) } ?? executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var variables = ProcessInfo.processInfo.environment
        variables["NO_COLOR"] = nil
        variables.merge(environment) { $1 }
        process.environment = variables

        // Output goes to files outside the fixture folder rather than to pipes, so a large output can never block the child.
        let outputURL = FileManager.default.temporaryDirectory.appendingPathComponent("editorial-check-stdout-\(UUID().uuidString)")
        let errorURL = FileManager.default.temporaryDirectory.appendingPathComponent("editorial-check-stderr-\(UUID().uuidString)")
        try Data().write(to: outputURL)
        try Data().write(to: errorURL)
        defer {
            try? FileManager.default.removeItem(at: outputURL)
            try? FileManager.default.removeItem(at: errorURL)
        }
        let outputHandle = try FileHandle(forWritingTo: outputURL)
        let errorHandle = try FileHandle(forWritingTo: errorURL)
        process.standardOutput = standardOutput ?? outputHandle
        process.standardError = errorHandle
        let inputPipe = Pipe()
        process.standardInput = inputPipe

        _ = ignoreBrokenPipes
        try process.run()
        // A child that exits without reading its input closes the pipe early; that is its business, not a failure here.
        try? inputPipe.fileHandleForWriting.write(contentsOf: input ?? Data())
        try? inputPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "editorial-check \(arguments) was killed by signal \(process.terminationStatus)")
        try outputHandle.close()
        try errorHandle.close()
        return Result(
            status: process.terminationStatus,
            standardOutput: try Data(contentsOf: outputURL),
            standardError: try Data(contentsOf: errorURL)
        )
    }
}
