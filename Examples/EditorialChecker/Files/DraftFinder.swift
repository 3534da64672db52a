import Foundation
import NewsletterCore

/// Expands the paths given on the command line into the draft files to check, in a stable order.
///
/// Files named explicitly (and `-`, standard input) are always taken, their format detected later; folders are
/// searched recursively for the extensions the registered formats claim, skipping hidden folders such as `.git`.
struct DraftFinder {
    var extensions: Set<String>

    init(formats: FormatRegistry) {
        extensions = Set(formats.adapters.flatMap(\.fileExtensions))
    }

    /// A path that could not be searched, reported like any other input error.
    struct Failure: Error, CustomStringConvertible {
        var path: String
        var reason: String
        var description: String { "\(path): error: \(reason)" }
    }

    func drafts(in paths: [String]) -> (files: [String], failures: [Failure]) {
        var files: [String] = []
        var failures: [Failure] = []
        for path in paths {
            if path == "-" {
                files.append(path)
                continue
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                failures.append(Failure(path: path, reason: "no such file or folder"))
                continue
            }
            guard isFolder.boolValue else {
                files.append(path)
                continue
            }
            guard let enumerator = FileManager.default.enumerator(
                at: URL(fileURLWithPath: path),
                includingPropertiesForKeys: [.isDirectoryKey],
                options: [.skipsHiddenFiles]
            ) else {
                failures.append(Failure(path: path, reason: "cannot read the folder"))
                continue
            }
            var found: [String] = []
            for case let url as URL in enumerator where extensions.contains(url.pathExtension.lowercased()) {
                let relative = url.path.hasPrefix(URL(fileURLWithPath: path).path)
                    ? path + url.path.dropFirst(URL(fileURLWithPath: path).path.count)
                    : url.path
                found.append(relative.replacingOccurrences(of: "//", with: "/"))
            }
            files += found.sorted()
        }
        return (files, failures)
    }
}
