import Foundation
import Testing

/// A temporary folder of drafts written by a test, removed when the test is done with it.
///
/// Every folder holds an empty `.newsletterlint.yml` (unless the test writes its own), so a configuration in a
/// folder above the temporary folder can never change what a test sees.
final class FixtureFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("editorial-check-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write("", to: ".newsletterlint.yml")
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// Writes UTF-8 text, creating intermediate folders.
    func write(_ text: String, to relative: String) throws {
        try write(Data(text.utf8), to: relative)
    }

    func write(_ data: Data, to relative: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func read(_ relative: String) throws -> Data {
        try Data(contentsOf: url.appendingPathComponent(relative))
    }

    func permissions(of relative: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path(relative))
        return try #require(attributes[.posixPermissions] as? Int)
    }

    func setPermissions(_ permissions: Int, of relative: String) throws {
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: path(relative))
    }

    /// The names in a folder, hidden ones included, sorted.
    func contents(of relative: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: path(relative)).sorted()
    }

    /// Runs `editorial-check` with this folder as the working folder.
    func run(
        _ arguments: [String],
        input: Data? = nil,
        environment: [String: String] = [:],
        launcher: String? = nil
    ) throws -> EditorialCheckProcess.Result {
        try EditorialCheckProcess.run(arguments, in: url, input: input, environment: environment, launcher: launcher)
    }

    func run(_ arguments: String..., input: Data? = nil, environment: [String: String] = [:]) throws -> EditorialCheckProcess.Result {
        try run(arguments, input: input, environment: environment)
    }
}
