import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A real HTTP server on 127.0.0.1 (ephemeral port) with one route per behaviour the checker must handle;
/// it counts what it receives so that tests can assert what went over the wire.
package final class FixtureServer: Sendable {
    /// What the server saw.
    package struct Record: Sendable {
        /// Requests per path, every method.
        package var requests: [String: Int] = [:]
        /// Requests per "METHOD path".
        package var methods: [String: Int] = [:]
        /// Requests being answered now, and the most at once.
        package var inFlight = 0
        package var maxInFlight = 0
        /// `Host` headers of `/echo` requests, and every header of the last one (names lowercased).
        package var hosts: [String] = []
        package var lastHeaders: [String: String] = [:]
        /// Body bytes the `/huge` route managed to hand to the socket before the client went away.
        package var hugeBytesSent = 0
        /// Whether the `/huge` route saw its connection end before the whole body was sent.
        package var hugeAborted = false
        /// When each request arrived, per path.
        package var arrivals: [String: [NIODeadline]] = [:]
        /// When the first 503 of an `/unavailable/...` route was sent.
        package var unavailableSentAt: NIODeadline?
    }

    /// Holds the record; shared by the server and its connection handlers.
    final class Box: Sendable {
        let record = Mutex(Record())
    }

    /// The body of the `/page/...` routes: an `id`, a `name`, a heading for GitHub-style anchors, and an `id`
    /// that appears only in text (which must not count).
    package static let anchorPage = """
        <!doctype html><html><head><title>Fixture</title></head><body>
        <h1 id="top">Top</h1><a name="legacy-anchor"></a>
        <div class="markdown-body"><h2><a id="user-content-getting-started" href="#getting-started">Getting started</a></h2></div>
        <p>Write id="not-an-element" in text.</p>
        </body></html>
        """

    /// The size of the `/huge` body: far more than a check may read.
    package static let hugeSize = 512 * 1024 * 1024

    package let port: Int
    private let channel: any Channel
    private let box: Box

    private init(channel: any Channel, box: Box) {
        self.channel = channel
        self.port = channel.localAddress!.port!
        self.box = box
    }

    /// `http://127.0.0.1:port` + `path`.
    package func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// A copy of what was seen so far.
    package var seen: Record { box.record.withLock { $0 } }

    /// Starts a server on an ephemeral port of 127.0.0.1.
    package static func start() async throws -> FixtureServer {
        let box = Box()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(RouteHandler(box: box))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return FixtureServer(channel: channel, box: box)
    }

    /// Stops accepting connections.
    package func stop() async {
        try? await channel.close()
    }
}
