import Foundation
import NewsletterCore

/// The whole of one input in memory, for a filter that writes most of it back unchanged: a regular file is
/// mapped (the system's cached pages themselves, read once, never copied), anything else (a pipe, a terminal) is
/// read into one buffer that grows as it fills. Unmapped or freed when dropped.
///
/// A mapped file that another program shortens while it is being read would fault; that is the price of not
/// copying it, as for every tool that maps its input.
struct InputBytes: ~Copyable {
    private let base: UnsafeMutableRawPointer?
    private let count: Int
    private let isMapped: Bool

    /// Reads the file at `path` (a named pipe or character device too, as a stream), with the checks and the
    /// messages of ``InputFile/contents(of:allowStreams:)``.
    init(contentsOf path: String) throws(NewsletterError) {
        if case .regular? = try? InputFile.kind(of: path) {
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw NewsletterError(.io, "cannot read the file: \(InputFile.reason(errno: errno))", path: path)
            }
            defer { close(descriptor) }
            try self.init(descriptor: descriptor, path: path)
        } else {
            // Whatever is not a regular file gets the same checks and errors as every other command's input.
            let data = try InputFile.contents(of: path, allowStreams: true)
            try self.init(copying: data, path: path)
        }
    }

    /// Reads `descriptor` to its end (mapped when it is a regular file, such as standard input redirected from
    /// a file), refusing more than `SourceText.defaultMaximumSize` bytes.
    init(descriptor: Int32, path: String) throws(NewsletterError) {
        let limit = SourceText.defaultMaximumSize
        var status = stat()
        // A regular file that says it is empty may still have content (files under /proc do): it is read.
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 {
            let size = Int(status.st_size)
            guard size <= limit else {
                throw NewsletterError(.limitExceeded, "input is more than the limit of \(limit) bytes", path: path)
            }
            // Populated at once: one call instead of a fault per few pages as the scan reaches them.
            let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0)
            if let mapped, mapped != MAP_FAILED {
                base = mapped
                count = size
                isMapped = true
                return
            }
        }
        (base, count) = try Self.read(descriptor, path: path, limit: limit)
        isMapped = false
    }

    private init(copying data: Data, path: String) throws(NewsletterError) {
        let base = malloc(max(data.count, 1))
        guard let base else { throw NewsletterError(.io, "cannot read the file: out of memory", path: path) }
        data.withUnsafeBytes { bytes in
            if let source = bytes.baseAddress { base.copyMemory(from: source, byteCount: bytes.count) }
        }
        self.base = base
        self.count = data.count
        self.isMapped = false
    }

    deinit {
        if isMapped {
            munmap(base, count)
        } else {
            free(base)
        }
    }

    /// Calls `body` with the bytes, valid only during the call.
    func withBytes<Result, Failure: Error>(_ body: (UnsafeRawBufferPointer) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Reads to the end into one buffer, doubling it as it fills: `realloc` moves large blocks by remapping
    /// their pages, not by copying them.
    private static func read(_ descriptor: Int32, path: String, limit: Int) throws(NewsletterError) -> (UnsafeMutableRawPointer?, Int) {
        var capacity = 1 << 20
        var buffer = malloc(capacity)
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                guard let grown = realloc(buffer, capacity) else {
                    free(buffer)
                    throw NewsletterError(.io, "cannot read the file: out of memory", path: path)
                }
                buffer = grown
            }
            let read = Foundation.read(descriptor, buffer.map { $0 + count }, capacity - count)
            if read < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                free(buffer)
                throw NewsletterError(.io, "cannot read the file: \(reason)", path: path)
            }
            if read == 0 { return (buffer, count) }
            count += read
            if count > limit {
                free(buffer)
                throw NewsletterError(.limitExceeded, "input is more than the limit of \(limit) bytes", path: path)
            }
        }
    }
}
