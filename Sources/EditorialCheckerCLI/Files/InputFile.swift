import Foundation
import NewsletterCore

/// Reads drafts with POSIX calls, so that an error names the real cause (a loop of symbolic links, a named pipe
/// where a file was expected) instead of Foundation's generic "the operation could not be completed".
///
/// A named pipe or a character device (`<(cat draft.md)` is `/dev/fd/63`, a pipe) is read as a stream when the user
/// named it; met in a folder walk it is refused, since opening it could wait forever for a writer.
enum InputFile {
    /// What a path names, after following symbolic links.
    enum Kind: Equatable {
        case regular
        case folder
        /// A named pipe or character device: readable once, front to back.
        case stream(String)
        /// A socket or block device, which is never a draft.
        case other(String)
    }

    /// The kind of file `path` names, following symbolic links.
    static func kind(of path: String) throws(NewsletterError) -> Kind {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw NewsletterError(.io, reason(errno: errno), path: path)
        }
        return kind(status)
    }

    private static func kind(_ status: stat) -> Kind {
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .regular
        case S_IFDIR: return .folder
        case S_IFIFO: return .stream("a named pipe")
        case S_IFCHR: return .stream("a character device")
        case S_IFSOCK: return .other("a socket")
        case S_IFBLK: return .other("a block device")
        default: return .other("not a file")
        }
    }

    /// Reads a whole file; `allowStreams` also reads named pipes and character devices (as far as the size limit).
    ///
    /// - Throws: `NewsletterError` of kind `io` naming the cause: `is a folder`, `not a regular file (a named pipe)`,
    ///   `a loop of symbolic links`, `no such file`, `permission denied`; `limitExceeded` past 64 MiB.
    static func contents(of path: String, allowStreams: Bool) throws(NewsletterError) -> Data {
        let (descriptor, status) = try openLooking(path, allowStreams: allowStreams)
        defer { close(descriptor) }
        return try read(descriptor, path: path, expectedSize: status.map(expectedSize(of:)) ?? expectedSize(of: descriptor))
    }

    /// Refuses what is not a file to read: a folder, a socket, a device; a named pipe or character device unless
    /// `allowStreams`.
    private static func checkReadable(_ path: String, allowStreams: Bool) throws(NewsletterError) {
        let kind: Kind
        do {
            kind = try self.kind(of: path)
        } catch {
            throw NewsletterError(.io, "cannot read the file: \(error.message)", path: path)
        }
        try refuseUnreadable(kind, path: path, allowStreams: allowStreams)
    }

    private static func refuseUnreadable(_ kind: Kind, path: String, allowStreams: Bool) throws(NewsletterError) {
        switch kind {
        case .regular: break
        case .folder: throw NewsletterError(.io, "cannot read the file: is a folder", path: path)
        case .stream(let what) where !allowStreams:
            throw NewsletterError(.io, "cannot read the file: not a regular file (\(what)); name it on its own to read it as a stream", path: path)
        case .stream: break
        case .other(let what): throw NewsletterError(.io, "cannot read the file: not a regular file (\(what))", path: path)
        }
    }

    /// Opens `path` to read it, after ``contents(of:allowStreams:)``'s checks of what it is.
    ///
    /// What is read only if it is a regular file (a folder's drafts) is opened first, without waiting for a writer or
    /// taking a terminal, and looked at through the descriptor: one look-up of the path, not two, for each draft of a
    /// folder. What may be read as a stream is looked at first, since opening a pipe to look would end it for its
    /// writer.
    static func open(_ path: String, allowStreams: Bool) throws(NewsletterError) -> Int32 {
        try openLooking(path, allowStreams: allowStreams).descriptor
    }

    /// ``open(_:allowStreams:)``, with what the descriptor was found to be when it was looked at after opening.
    private static func openLooking(_ path: String, allowStreams: Bool) throws(NewsletterError) -> (descriptor: Int32, status: stat?) {
        guard !allowStreams else {
            try checkReadable(path, allowStreams: true)
            return (try open(path, flags: 0), nil)
        }
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY)
        guard descriptor >= 0 else {
            let code = errno
            // A socket cannot be opened (ENXIO): looked at by its path, to say what it is.
            if code == ENXIO { try checkReadable(path, allowStreams: false) }
            throw NewsletterError(.io, "cannot read the file: \(reason(errno: code))", path: path)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let cause = reason(errno: errno)
            close(descriptor)
            throw NewsletterError(.io, "cannot read the file: \(cause)", path: path)
        }
        do {
            try refuseUnreadable(kind(status), path: path, allowStreams: false)
        } catch {
            close(descriptor)
            throw error
        }
        return (descriptor, status)
    }

    private static func open(_ path: String, flags: Int32) throws(NewsletterError) -> Int32 {
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC | flags)
        guard descriptor >= 0 else {
            throw NewsletterError(.io, "cannot read the file: \(reason(errno: errno))", path: path)
        }
        return descriptor
    }

    /// Reads to the end, refusing more than `SourceText.defaultMaximumSize` bytes so that `/dev/zero` cannot fill memory.
    ///
    /// The bytes are read straight into the result: a regular file into a buffer of its size (one more byte, to meet
    /// the end without growing it), a stream into one that doubles as it fills.
    static func read(_ descriptor: Int32, path: String) throws(NewsletterError) -> Data {
        try read(descriptor, path: path, expectedSize: expectedSize(of: descriptor))
    }

    /// Reads to the end into a buffer of `expectedSize` and one byte (a stream's, of 64 KiB, when nil), growing it
    /// as it fills; refuses more than `SourceText.defaultMaximumSize` bytes.
    private static func read(_ descriptor: Int32, path: String, expectedSize: Int?) throws(NewsletterError) -> Data {
        let limit = SourceText.defaultMaximumSize
        var data = buffer(count: expectedSize.map { $0 + 1 } ?? 1 << 16)
        var count = 0
        while true {
            if count == data.count {
                let grown = min(data.count * 2, limit + 1)
                if grown >= hugePageInputSize {
                    var larger = hugePageBuffer(count: grown)
                    larger.withUnsafeMutableBytes { target in data.withUnsafeBytes { target.copyMemory(from: $0) } }
                    data = larger
                } else {
                    data.count = grown
                }
            }
            let read = try data.withUnsafeMutableBytes { bytes in
                Result { () throws(NewsletterError) in
                    try readSome(descriptor, into: UnsafeMutableRawBufferPointer(rebasing: bytes[count...]), path: path)
                }
            }.get()
            if read == 0 {
                data.count = count
                return data
            }
            count += read
            if count > limit {
                throw NewsletterError(.limitExceeded, "input is more than the limit of \(limit) bytes", path: path)
            }
        }
    }

    /// The size of a regular file, at most `SourceText.defaultMaximumSize` (more is refused while reading); nil for a
    /// stream, whose size is known only at its end.
    private static func expectedSize(of descriptor: Int32) -> Int? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return expectedSize(of: status)
    }

    private static func expectedSize(of status: stat) -> Int? {
        guard status.st_mode & S_IFMT == S_IFREG, status.st_size > 0 else { return nil }
        return min(Int(status.st_size), SourceText.defaultMaximumSize)
    }

    /// Memory to read `count` bytes into: in huge pages from a few megabytes.
    private static func buffer(count: Int) -> Data {
        count >= hugePageInputSize ? hugePageBuffer(count: count) : Data(count: count)
    }

    /// One `read` into `space`, again when interrupted: the bytes read, 0 at the end.
    static func readSome(_ descriptor: Int32, into space: UnsafeMutableRawBufferPointer, path: String) throws(NewsletterError) -> Int {
        while true {
            let read = Foundation.read(descriptor, space.baseAddress, space.count)
            if read >= 0 { return read }
            if errno != EINTR {
                throw NewsletterError(.io, "cannot read the file: \(String(cString: strerror(errno)))", path: path)
            }
        }
    }

    /// From this size a file is read into memory asked for in huge pages.
    private static let hugePageInputSize = 8 << 20
    private static let hugePageSize = 2 << 20

    /// A buffer of `count` bytes to read into (nothing past what is read is ever looked at), aligned to and advised
    /// into 2 MiB pages where the system grants them (Linux's transparent huge pages in `madvise` mode): reading a
    /// large file then faults a page per 2 MiB rather than per 4 KiB, which took a fifth of `fix-mojibake`'s CPU on
    /// 50 MB. Elsewhere it is ordinary memory.
    private static func hugePageBuffer(count: Int) -> Data {
        var memory: UnsafeMutableRawPointer?
        let rounded = (count + hugePageSize - 1) / hugePageSize * hugePageSize
        guard posix_memalign(&memory, hugePageSize, rounded) == 0, let memory else { return Data(count: count) }
        #if os(Linux)
        _ = madvise(memory, rounded, MADV_HUGEPAGE)
        #endif
        return Data(bytesNoCopy: memory, count: count, deallocator: .free)
    }

    /// Words for the `errno` of a failed `stat` or `open`; a dangling symbolic link is "no such file", a loop says so.
    static func reason(errno code: Int32) -> String {
        switch code {
        case ELOOP: "a loop of symbolic links"
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case ENOTDIR: "a part of the path is not a folder"
        case ENAMETOOLONG: "the path is too long"
        default: String(cString: strerror(code))
        }
    }
}
