import Foundation

/// A scratch folder of drafts and configuration files, removed when the test ends.
final class DraftFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lsp-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relativePath` (folders made as needed) and returns the file's URI.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> String {
        let file = path + "/" + relativePath
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return uri(relativePath)
    }

    func uri(_ relativePath: String) -> String { URL(fileURLWithPath: path + "/" + relativePath).absoluteString }
}
