#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A temporary file that a ``DiagnosticStore`` writes its full pieces to while the draft's model is in memory, and
/// reads them back from once the model is let go (see ``DiagnosticStore/init(spillingPast:folder:)``).
///
/// The file is removed from its folder as soon as it is made and lives as long as its descriptor: nothing is left
/// behind however the process ends. Copies of a store share the file; each writes at places it alone is given.
final class DiagnosticSpillFile: Sendable {
    private let descriptor: Int32
    /// The end of what has been handed out.
    private let end = Mutex(0)

    /// A new file in `folder`; `nil` when none can be made there (no such folder, no room, no permission).
    init?(folder: String) {
        var template = Array((folder + "/newsletterkit-diagnostics.XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The folder temporary files go to: `TMPDIR`, else `/tmp`.
    static var defaultFolder: String {
        guard let value = getenv("TMPDIR"), value.pointee != 0 else { return "/tmp" }
        return String(cString: value)
    }

    /// Writes `bytes` after everything written so far and returns where they start, or `nil` when they could not
    /// all be written (a full disk): the caller then keeps them.
    func append(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let offset = end.withLock { end in
            defer { end += bytes.count }
            return end
        }
        var written = 0
        while written < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + written, bytes.count - written, off_t(offset + written))
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { return nil }
            written += result
        }
        return offset
    }

    /// The `count` bytes written at `offset`.
    ///
    /// - Precondition: They can be read: the file is this process's own, and only a failing disk fails here; the
    ///   diagnostics would otherwise be lost without a word.
    func read(count: Int, at offset: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            var done = 0
            while done < count {
                let result = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if result < 0, errno == EINTR { continue }
                precondition(result > 0, "diagnostics written to a temporary file could not be read back (errno \(errno))")
                done += result
            }
            initialized = count
        }
    }
}
