import Foundation
import NewsletterCore

/// The whole of one input in memory, for a filter that writes most of it back unchanged: a regular file is
/// mapped (the system's cached pages themselves, never copied), anything else (a pipe, a terminal) is read with
/// ``InputFile/read(_:path:)``. Unmapped when dropped.
///
/// A mapped file that another program shortens while it is being read would fault; that is the price of not
/// copying it, as for every tool that maps its input.
struct InputBytes: ~Copyable {
    private enum Storage {
        case mapped(UnsafeRawBufferPointer)
        case read(Data)
    }

    private let storage: Storage

    /// The file at `path` (a named pipe or character device too, read as a stream), with the checks and the
    /// messages of ``InputFile/contents(of:allowStreams:)``.
    init(contentsOf path: String) throws(NewsletterError) {
        guard case .regular? = try? InputFile.kind(of: path) else {
            // Whatever is not a regular file gets the same checks and errors as every other command's input.
            self.init(storage: .read(try InputFile.contents(of: path, allowStreams: true)))
            return
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw NewsletterError(.io, "cannot read the file: \(InputFile.reason(errno: errno))", path: path)
        }
        defer { close(descriptor) }
        try self.init(descriptor: descriptor, path: path)
    }

    /// `descriptor` to its end: mapped when it is a regular file (standard input redirected from a file too),
    /// refusing more than `SourceText.defaultMaximumSize` bytes as ``InputFile/read(_:path:)`` does.
    init(descriptor: Int32, path: String) throws(NewsletterError) {
        var status = stat()
        // A regular file that says it is empty may still have content (files under /proc do): it is read.
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 {
            let size = Int(status.st_size)
            let limit = SourceText.defaultMaximumSize
            guard size <= limit else {
                throw NewsletterError(.limitExceeded, "input is more than the limit of \(limit) bytes", path: path)
            }
            // Populated at once: one call instead of a fault every few pages as the scan reaches them.
            if let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0), mapped != MAP_FAILED {
                self.init(storage: .mapped(UnsafeRawBufferPointer(start: mapped, count: size)))
                return
            }
        }
        self.init(storage: .read(try InputFile.read(descriptor, path: path)))
    }

    private init(storage: Storage) {
        self.storage = storage
    }

    deinit {
        if case .mapped(let bytes) = storage { munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count) }
    }

    /// Calls `body` with the bytes, valid only during the call.
    func withBytes<Result, Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        switch storage {
        case .mapped(let bytes):
            return try body(bytes)
        case .read(let data):
            let outcome = data.withUnsafeBytes { bytes in Swift.Result { () throws(Failure) in try body(bytes) } }
            return try outcome.get()
        }
    }
}
