import NIOCore
import NIOHTTP1
import NIOPosix

/// HTTP servers on 127.0.0.1, one port per simulated host, each answering every request with 200 after a fixed
/// latency. The listen backlog is large so that a burst of connections is queued, not refused.
public final class LoopbackHosts: Sendable {
    /// The ports, one per host.
    public let ports: [Int]
    private let channels: [any Channel]

    private init(channels: [any Channel]) {
        self.channels = channels
        self.ports = channels.map { $0.localAddress!.port! }
    }

    /// Starts `count` servers answering after `latency`.
    public static func start(count: Int, latency: TimeAmount) async throws -> LoopbackHosts {
        var channels: [any Channel] = []
        for _ in 0..<count {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.backlog, value: 4096)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        try channel.pipeline.syncOperations.addHandler(DelayedOK(latency: latency))
                    }
                }
                .bind(host: "127.0.0.1", port: 0)
                .get()
            channels.append(channel)
        }
        return LoopbackHosts(channels: channels)
    }

    /// `urlsPerHost` distinct URLs on every host, interleaved host by host as links in a document would be.
    public func urls(perHost urlsPerHost: Int) -> [String] {
        (0..<urlsPerHost).flatMap { index in ports.map { "http://127.0.0.1:\($0)/page/\(index)" } }
    }

    /// Closes every server.
    public func stop() async {
        for channel in channels { try? await channel.close() }
    }
}

/// Answers each request with an empty 200 after the latency, keeping the connection open.
private final class DelayedOK: ChannelInboundHandler, @unchecked Sendable {
    // Used on its channel's event loop only.
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let latency: TimeAmount

    init(latency: TimeAmount) { self.latency = latency }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: latency) {
            let (handler, context) = bound.value
            var headers = HTTPHeaders()
            headers.add(name: "Content-Length", value: "0")
            context.write(handler.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
            context.writeAndFlush(handler.wrapOutboundOut(.end(nil)), promise: nil)
        }
    }
}
