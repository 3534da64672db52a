import Foundation
import NewsletterCore

/// The steps of writing the temporary file of an atomic replacement, each with an error naming the draft.
enum TemporaryFile {
    /// Creates the file exclusively with `permissions` (less the umask; never wider than the draft's), registered with
    /// ``InterruptCleanup`` before it exists on disk so that an interruption right after creation still removes it.
    static func create(_ path: String, permissions: Int, for draft: String) throws(NewsletterError) -> Int32 {
        InterruptCleanup.register(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(permissions & 0o777))
        guard descriptor >= 0 else {
            let code = errno
            InterruptCleanup.discard(path)
            throw NewsletterError(.io, "cannot write the file: \(InputFile.reason(errno: code))", path: draft)
        }
        return descriptor
    }

    /// Writes the text's UTF-8 straight from the string's own storage: a fixed draft is written once, never copied
    /// into a `Data` first.
    static func write(_ text: String, to descriptor: Int32, for draft: String) throws(NewsletterError) {
        var text = text
        let written = text.withUTF8 { bytes in
            Result { () throws(NewsletterError) in try write(UnsafeRawBufferPointer(bytes), to: descriptor, for: draft) }
        }
        try written.get()
    }

    /// Writes all of `bytes`, going on after a write that an interruption or a full pipe cut short.
    static func write(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, for draft: String) throws(NewsletterError) {
        var written = 0
        while written < bytes.count {
            let count = Foundation.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                throw NewsletterError(.io, "cannot write the file: \(String(cString: strerror(errno)))", path: draft)
            }
            written += count
        }
    }

    /// Encoded text written to a temporary file as it is produced.
    struct Output: EncodedTextOutput {
        let descriptor: Int32
        /// The name errors give: the file the temporary one will replace.
        let draft: String

        mutating func write(_ utf8: UnsafeRawBufferPointer) throws(NewsletterError) {
            try TemporaryFile.write(utf8, to: descriptor, for: draft)
        }
    }

    /// Gives the file the draft's owner and group. Only root may give a file away, and others only to a group they
    /// belong to: what could not be kept is returned as a sentence, and the file stays the process's.
    static func keepOwner(_ owner: uid_t, group: gid_t, of descriptor: Int32, for draft: String) -> [String] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return [] }
        if status.st_uid == owner && status.st_gid == group { return [] }
        if fchown(descriptor, owner, group) == 0 { return [] }
        var notes: [String] = []
        if status.st_uid != owner {
            notes.append("\(draft): warning: the owner (uid \(owner)) could not be kept: only root may give a file away; the fixed file belongs to uid \(status.st_uid)")
        }
        if status.st_gid != group {
            if fchown(descriptor, uid_t.max, group) != 0 {
                notes.append("\(draft): warning: the group (gid \(group)) could not be kept: \(String(cString: strerror(errno))); the fixed file has gid \(status.st_gid)")
            }
        }
        return notes
    }

    /// `EDITORIAL_CHECK_HOLD_BEFORE_RENAME=seconds` keeps the finished temporary file in place that long before the
    /// rename, so that tests can look at it and interrupt the process at that exact point.
    static func holdForTests() {
        guard let value = ProcessInfo.processInfo.environment["EDITORIAL_CHECK_HOLD_BEFORE_RENAME"],
              let seconds = Double(value), seconds > 0
        else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}
