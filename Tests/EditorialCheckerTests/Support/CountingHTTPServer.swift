import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// An HTTP server on 127.0.0.1 (ephemeral port) answering every request with an empty 200 after 20 ms, counting
/// requests per path and the most in flight at once: what a run of `editorial-check` sent over the wire.
final class CountingHTTPServer: Sendable {
    struct Record: Sendable {
        var requests: [String: Int] = [:]
        var inFlight = 0
        var maxInFlight = 0
    }

    final class Box: Sendable {
        let record = Mutex(Record())
    }

    let port: Int
    private let channel: any Channel
    private let box: Box

    private init(channel: any Channel, box: Box) {
        self.channel = channel
        self.port = channel.localAddress!.port!
        self.box = box
    }

    /// What was seen so far.
    var seen: Record { box.record.withLock { $0 } }

    /// `http://127.0.0.1:port` + `path`.
    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    static func start() async throws -> CountingHTTPServer {
        let box = Box()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    try channel.pipeline.syncOperations.addHandler(Handler(box: box))
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return CountingHTTPServer(channel: channel, box: box)
    }

    func stop() async {
        try? await channel.close()
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        // Used on its channel's event loop only.
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart

        private let box: Box
        private var path = ""

        init(box: Box) { self.box = box }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            switch unwrapInboundIn(data) {
            case .head(let head):
                path = head.uri
            case .body:
                break
            case .end:
                let path = self.path
                box.record.withLock { record in
                    record.requests[path, default: 0] += 1
                    record.inFlight += 1
                    record.maxInFlight = max(record.maxInFlight, record.inFlight)
                }
                let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(20)) {
                    let (handler, context) = bound.value
                    handler.box.record.withLock { $0.inFlight -= 1 }
                    var headers = HTTPHeaders()
                    headers.add(name: "Content-Length", value: "0")
                    context.write(handler.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
                    context.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
                }
            }
        }
    }
}
