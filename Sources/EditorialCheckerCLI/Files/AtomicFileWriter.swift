import Foundation
import NewsletterCore

/// Replaces a file's contents atomically and only if nobody changed the file since it was read.
///
/// The new text goes to a temporary file in the same folder (so the rename cannot cross file systems), created
/// with the original's permissions from the start (never wider; the umask may only narrow them until they are set
/// exactly), given the original's owner and group where the process may, flushed to disk, and renamed over the
/// original. A reader sees the old file or the new one, never half of either; a failure, SIGINT, SIGTERM or SIGHUP
/// leaves the original untouched and removes the temporary file (see ``InterruptCleanup``).
///
/// A file whose permissions forbid writing to it is refused, even though the folder would allow the rename
/// (and even for root): making a draft read-only is how a user says "do not change this". So is a file with more
/// than one hard link: the rename would give this name the new text and leave every other name with the old, and
/// writing in place instead would give up atomicity.
enum AtomicFileWriter {
    /// What the file looked like when it was read; compared again just before the rename.
    struct Snapshot: Equatable {
        /// The contents' size and hash: enough to tell that the file changed since it was read, without keeping its
        /// bytes through the whole fix. The hash is seeded afresh by each process, so no text can be made to look
        /// unchanged on purpose; by accident, one change in 2^64 would.
        var byteCount: Int
        var contentHash: Int
        /// The mode bits, special bits included (`0o644`, `0o2775`).
        var permissions: Int
        var owner: uid_t
        var group: gid_t
        /// How many names the file has (hard links).
        var links: Int

        /// The file at `path` as it is now.
        init(path: String) throws(NewsletterError) {
            self = try Self.read(path: path).snapshot
        }

        /// Reads the file at `path`: its snapshot and its contents.
        static func read(path: String) throws(NewsletterError) -> (snapshot: Snapshot, contents: Data) {
            let contents = try InputFile.contents(of: path, allowStreams: false)
            return (try Snapshot(contents: contents, path: path), contents)
        }

        private init(contents: Data, path: String) throws(NewsletterError) {
            byteCount = contents.count
            var hasher = Hasher()
            contents.withUnsafeBytes { hasher.combine(bytes: $0) }
            contentHash = hasher.finalize()
            var status = stat()
            guard stat(path, &status) == 0 else {
                throw NewsletterError(.io, "cannot read the file: \(InputFile.reason(errno: errno))", path: path)
            }
            permissions = Int(status.st_mode & 0o7777)
            owner = status.st_uid
            group = status.st_gid
            links = Int(status.st_nlink)
        }
    }

    /// The file a path names, following symbolic links, so that writing through a link replaces the file it
    /// names and leaves the link a link.
    static func target(of path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    }

    /// Writes `text` over `path` (through symbolic links) if the file still matches `snapshot`, keeping its
    /// permissions, owner and group. Returns what could not be kept, as sentences for the user.
    ///
    /// - Throws: `NewsletterError` of kind `io` when the file is read-only, changed since it was read, or cannot
    ///   be written; the file is then unchanged.
    @discardableResult
    static func replace(_ path: String, with text: String, expecting snapshot: Snapshot) throws(NewsletterError) -> [String] {
        try refuseReadOnly(path, permissions: snapshot.permissions)
        try refuseHardLinked(path, links: snapshot.links)
        let contents = { (output: inout TemporaryFile.Output) throws(NewsletterError) in
            try TemporaryFile.write(text, to: output.descriptor, for: output.draft)
        }
        return try write(contents, to: target(of: path), named: path, keeping: Ownership(snapshot)) { () throws(NewsletterError) in
            guard (try? Snapshot(path: path)) == snapshot else {
                throw NewsletterError(.io, "the file changed since it was read; not overwriting it", path: path)
            }
        }
    }

    /// Writes `text` to `path`, creating it (mode 0644 less the umask) or replacing it (keeping its permissions,
    /// owner and group, and refusing a read-only file). Returns what could not be kept.
    @discardableResult
    static func create(_ path: String, with text: String) throws(NewsletterError) -> [String] {
        try create(path) { output throws(NewsletterError) in try TemporaryFile.write(text, to: output.descriptor, for: output.draft) }
    }

    /// Writes to `path` what `contents` writes to the output it is given, as ``create(_:with:)`` writes a text, for a
    /// text written as it is produced (a conversion many times the size of its draft) and never held whole.
    @discardableResult
    static func create(
        _ path: String, writing contents: (inout TemporaryFile.Output) throws(NewsletterError) -> Void
    ) throws(NewsletterError) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return try write(contents, to: path, named: path, keeping: nil) { () throws(NewsletterError) in }
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            throw NewsletterError(.io, "cannot write the file: not a regular file", path: path)
        }
        let existing = Ownership(permissions: Int(status.st_mode & 0o7777), owner: status.st_uid, group: status.st_gid)
        try refuseReadOnly(path, permissions: existing.permissions)
        try refuseHardLinked(path, links: Int(status.st_nlink))
        return try write(contents, to: target(of: path), named: path, keeping: existing) { () throws(NewsletterError) in }
    }

    /// The mode, owner and group a replacement keeps.
    private struct Ownership {
        var permissions: Int
        var owner: uid_t
        var group: gid_t

        init(permissions: Int, owner: uid_t, group: gid_t) {
            self.permissions = permissions
            self.owner = owner
            self.group = group
        }

        init(_ snapshot: Snapshot) {
            self.init(permissions: snapshot.permissions, owner: snapshot.owner, group: snapshot.group)
        }
    }

    /// Refuses a file nobody may write to by its permissions: for root, one without any write bit (root could
    /// write it anyway, but the user said not to); for others, one `access(2)` says they may not write.
    private static func refuseReadOnly(_ path: String, permissions: Int) throws(NewsletterError) {
        let writable = geteuid() == 0 ? permissions & 0o222 != 0 : access(path, W_OK) == 0
        guard writable else {
            throw NewsletterError(
                .io,
                "the file is read-only (mode \(String(permissions, radix: 8))); not changing it",
                path: path
            )
        }
    }

    /// Refuses a file with other names (see the type's documentation).
    private static func refuseHardLinked(_ path: String, links: Int) throws(NewsletterError) {
        guard links <= 1 else {
            throw NewsletterError(
                .io,
                "the file has \(links) hard links; replacing it would leave the others with the old text; not changing it",
                path: path
            )
        }
    }

    private static func write(
        _ contents: (inout TemporaryFile.Output) throws(NewsletterError) -> Void,
        to path: String,
        named: String,
        keeping ownership: Ownership?,
        beforeRename check: () throws(NewsletterError) -> Void
    ) throws(NewsletterError) -> [String] {
        try InterruptCleanup.oneReplacementAtATime { () throws(NewsletterError) -> [String] in
            try writeAndRename(path, named: named, with: contents, keeping: ownership, beforeRename: check)
        }
    }

    /// Writes the temporary file, then renames it over `path` (see ``write(_:to:named:keeping:beforeRename:)``).
    private static func writeAndRename(
        _ path: String,
        named: String,
        with contents: (inout TemporaryFile.Output) throws(NewsletterError) -> Void,
        keeping ownership: Ownership?,
        beforeRename check: () throws(NewsletterError) -> Void
    ) throws(NewsletterError) -> [String] {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        InterruptCleanup.listen()
        let descriptor = try TemporaryFile.create(temporary, permissions: ownership?.permissions ?? 0o644, for: named)
        var notes: [String] = []
        do throws(NewsletterError) {
            defer { close(descriptor) }
            var output = TemporaryFile.Output(descriptor: descriptor, draft: named)
            try contents(&output)
            if let ownership {
                notes = TemporaryFile.keepOwner(ownership.owner, group: ownership.group, of: descriptor, for: named)
                // After the owner: changing the owner clears the set-user-ID and set-group-ID bits.
                guard fchmod(descriptor, mode_t(ownership.permissions)) == 0 else {
                    throw NewsletterError(.io, "cannot write the file: \(String(cString: strerror(errno)))", path: named)
                }
            }
            guard fsync(descriptor) == 0 else {
                throw NewsletterError(.io, "cannot write the file: \(String(cString: strerror(errno)))", path: named)
            }
            try check()
            TemporaryFile.holdForTests()
        } catch {
            InterruptCleanup.discard(temporary)
            throw error
        }
        let failure = InterruptCleanup.publish(temporary, as: path)
        guard failure == 0 else {
            InterruptCleanup.discard(temporary)
            throw NewsletterError(.io, "cannot replace the file: \(String(cString: strerror(failure)))", path: named)
        }
        return notes
    }
}
