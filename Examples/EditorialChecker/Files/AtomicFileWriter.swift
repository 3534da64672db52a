import Foundation
import NewsletterCore

/// Replaces a file's contents atomically and only if nobody changed the file since it was read.
///
/// The new text goes to a temporary file in the same folder (so the rename cannot cross file systems),
/// gets the original's permissions, and is renamed over the original. A reader sees the old file or the
/// new one, never half of either; a failure leaves the original untouched and removes the temporary file.
enum AtomicFileWriter {
    /// What the file looked like when it was read; compared again just before the rename.
    struct Snapshot: Equatable {
        var contents: Data
        var permissions: Int

        init(path: String) throws(NewsletterError) {
            contents = try AtomicFileWriter.contents(of: path)
            let attributes = try? FileManager.default.attributesOfItem(atPath: AtomicFileWriter.target(of: path))
            permissions = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o644
        }
    }

    /// Reads a file, with errors that say what the path is when it is not a readable file.
    static func contents(of path: String) throws(NewsletterError) -> Data {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw NewsletterError(.io, "cannot read the file: is a folder", path: path)
        }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw NewsletterError(.io, "cannot read the file: \(reason(error))", path: path)
        }
    }

    /// The file a path names, following symbolic links, so that writing through a link replaces the file it
    /// names and leaves the link a link.
    static func target(of path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// Writes `text` over `path` (through symbolic links) if the file still matches `snapshot`, keeping its permissions.
    static func replace(_ path: String, with text: String, expecting snapshot: Snapshot) throws(NewsletterError) {
        try write(text, to: target(of: path), permissions: snapshot.permissions) { () throws(NewsletterError) in
            guard (try? Snapshot(path: path)) == snapshot else {
                throw NewsletterError(.io, "the file changed since it was read; not overwriting it", path: path)
            }
        }
    }

    /// Writes `text` to `path`, creating it (mode 0644) or replacing it (keeping its permissions).
    static func create(_ path: String, with text: String) throws(NewsletterError) {
        let existing = (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? NSNumber
        try write(text, to: path, permissions: existing?.intValue ?? 0o644) { () throws(NewsletterError) in }
    }

    private static func write(
        _ text: String,
        to path: String,
        permissions: Int,
        beforeRename check: () throws(NewsletterError) -> Void
    ) throws(NewsletterError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try Data(text.utf8).write(to: temporary, options: .withoutOverwriting)
            try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        } catch {
            throw NewsletterError(.io, "cannot write the file: \(reason(error))", path: path)
        }
        try check()
        guard rename(temporary.path, path) == 0 else {
            throw NewsletterError(.io, "cannot replace the file: \(String(cString: strerror(errno)))", path: path)
        }
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch (nsError.domain, nsError.code) {
        case (NSCocoaErrorDomain, NSFileReadNoPermissionError), (NSCocoaErrorDomain, NSFileWriteNoPermissionError): return "permission denied"
        case (NSCocoaErrorDomain, NSFileReadNoSuchFileError), (NSCocoaErrorDomain, NSFileNoSuchFileError): return "no such file"
        default: return nsError.localizedDescription
        }
    }
}
