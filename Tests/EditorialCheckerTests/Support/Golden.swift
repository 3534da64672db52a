import Foundation
import Testing

/// Expected outputs kept as files under `Tests/EditorialCheckerTests/Golden/`.
///
/// When the tool's output changes on purpose, re-record them with
/// `RECORD_GOLDEN=1 swift test --filter EditorialCheckerTests` and review the diff before committing.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var isRecording: Bool {
        ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    }

    /// Expects `actual` to equal the golden file `name`, or writes it when recording.
    static func expect(_ actual: String, matches name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: file)
            return
        }
        guard let expected = try? Data(contentsOf: file) else {
            Issue.record("no golden file \(name); record it with RECORD_GOLDEN=1 swift test --filter EditorialCheckerTests", sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual == String(decoding: expected, as: UTF8.self),
            "differs from Golden/\(name); if the change is intended, re-record with RECORD_GOLDEN=1",
            sourceLocation: sourceLocation
        )
    }
}
