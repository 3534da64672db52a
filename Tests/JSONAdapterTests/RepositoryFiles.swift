import Foundation
import NewsletterCore

/// Files checked into the repository (schema, example drafts), found from this source file's location.
enum RepositoryFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func source(_ relativePath: String) throws -> SourceText {
        try SourceText(data: Data(contentsOf: root.appendingPathComponent(relativePath)), path: relativePath)
    }
}
