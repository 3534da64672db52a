/// The most a ``FrameReader`` keeps of one frame, so that a client cannot make the reader hold unbounded memory.
public struct FramingLimits: Sendable, Hashable {
    /// The longest header block, in bytes, including its final blank line.
    public var maximumHeaderSize: Int
    /// The largest body a `Content-Length` may announce.
    public var maximumMessageSize: Int

    /// Creates limits.
    public init(maximumHeaderSize: Int = 4096, maximumMessageSize: Int = 96 * 1024 * 1024) {
        self.maximumHeaderSize = maximumHeaderSize
        self.maximumMessageSize = maximumMessageSize
    }
}
