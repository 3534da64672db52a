import Foundation
import NewsletterCore

/// Expands the paths given on the command line into the draft files to check, in a stable order.
///
/// Files named explicitly (and `-`, standard input, accepted once) are always taken, their format detected later;
/// folders are searched recursively for the extensions the registered formats claim, skipping hidden folders such
/// as `.git`.
struct DraftFinder {
    var extensions: Set<String>

    init(formats: FormatRegistry) {
        extensions = Set(formats.adapters.flatMap(\.fileExtensions))
    }

    /// A draft to read: a path, and whether the user named it (a named pipe is read only when named).
    struct Found: Equatable, Sendable {
        var path: String
        var isNamed: Bool
    }

    func drafts(in paths: [String]) -> (files: [Found], failures: [NewsletterError]) {
        var files: [Found] = []
        var failures: [NewsletterError] = []
        var readsStandardInput = false
        for path in paths {
            if path == "-" {
                guard !readsStandardInput else {
                    failures.append(NewsletterError(.io, "standard input is read once; '-' was given more than once", path: "-"))
                    continue
                }
                readsStandardInput = true
                files.append(Found(path: path, isNamed: true))
                continue
            }
            let kind: InputFile.Kind
            do {
                kind = try InputFile.kind(of: path)
            } catch {
                failures.append(NewsletterError(.io, error.message == "no such file" ? "no such file or folder" : error.message, path: path))
                continue
            }
            guard kind == .folder else {
                files.append(Found(path: path, isNamed: true))
                continue
            }
            var walkFailures: [NewsletterError] = []
            guard let enumerator = FileManager.default.enumerator(
                at: URL(fileURLWithPath: path),
                includingPropertiesForKeys: [.isDirectoryKey],
                options: [.skipsHiddenFiles],
                errorHandler: { url, error in
                    let code = ((error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError)?.code
                    let reason = code.map { InputFile.reason(errno: Int32($0)) } ?? "cannot read the folder"
                    walkFailures.append(NewsletterError(.io, "cannot read the folder: \(reason)", path: url.path))
                    return true
                }
            ) else {
                failures.append(NewsletterError(.io, "cannot read the folder", path: path))
                continue
            }
            var found: [String] = []
            // The folder's own path is made once, not again for every file found in it.
            let root = URL(fileURLWithPath: path).path
            for case let url as URL in enumerator where extensions.contains(url.pathExtension.lowercased()) {
                let filePath = url.path
                let relative = filePath.hasPrefix(root) ? path + filePath.dropFirst(root.count) : filePath
                found.append(Self.hasDoubleSlash(relative) ? relative.replacingOccurrences(of: "//", with: "/") : relative)
            }
            files += found.sorted().map { Found(path: $0, isNamed: false) }
            failures += walkFailures
        }
        return (files, failures)
    }

    /// Whether `path` holds `//`: looked for on its bytes, since Foundation's replacement copies every path it is
    /// given, and most paths have none.
    private static func hasDoubleSlash(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") && previous == byte { return true }
            previous = byte
        }
        return false
    }
}
