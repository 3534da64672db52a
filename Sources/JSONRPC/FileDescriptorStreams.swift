import Foundation
import Synchronization

/// Standard input and output as the byte streams a JSON-RPC peer reads and writes.
public enum FileDescriptorStreams {
    /// The bytes of `descriptor`, read on a thread of their own (a blocking `read` must not hold a task's thread)
    /// until end of file or an error, in chunks of at most `chunkSize` bytes.
    public static func bytes(of descriptor: Int32, chunkSize: Int = 64 * 1024) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .unbounded)
        let thread = Thread {
            var chunk = [UInt8](repeating: 0, count: chunkSize)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, chunkSize) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                continuation.yield(Array(chunk[0..<count]))
            }
            continuation.finish()
        }
        thread.start()
        return stream
    }
}

/// Writes whole frames to a file descriptor, one at a time, from any thread.
public final class FrameWriter: Sendable {
    private let descriptor: Int32
    private let lock = Mutex(())

    /// Creates a writer to `descriptor` (standard output for a language server).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Writes `message` as one frame; frames from different threads never interleave. A closed output drops it.
    public func write(_ message: Message) {
        let frame = MessageFraming.frame(message)
        lock.withLock { _ in
            frame.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                var written = 0
                while written < raw.count {
                    let count = Foundation.write(descriptor, base + written, raw.count - written)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { return }
                    written += count
                }
            }
        }
    }
}
