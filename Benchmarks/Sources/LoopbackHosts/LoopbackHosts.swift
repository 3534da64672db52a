import NIOCore
import NIOHTTP1
import NIOPosix

/// HTTP servers on loopback, one per simulated host, each answering every request with 200 after a fixed latency.
/// Host i listens on 127.0.0.(i+1) (all of 127/8 is loopback), so that checkers which pace requests by host name or
/// address, as lychee does, see distinct hosts. The listen backlog is large so that bursts are queued, not refused.
public final class LoopbackHosts: Sendable {
    /// `address:port` of every host.
    public let authorities: [String]
    private let channels: [any Channel]

    private init(channels: [any Channel]) {
        self.channels = channels
        self.authorities = channels.map { "\($0.localAddress!.ipAddress!):\($0.localAddress!.port!)" }
    }

    /// Starts `count` (at most 254) servers answering after `latency`.
    public static func start(count: Int, latency: TimeAmount) async throws -> LoopbackHosts {
        precondition((1...254).contains(count), "one host per address of 127.0.0.1-127.0.0.254")
        var channels: [any Channel] = []
        for index in 0..<count {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.backlog, value: 4096)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        try channel.pipeline.syncOperations.addHandler(DelayedOK(latency: latency))
                    }
                }
                .bind(host: "127.0.0.\(index + 1)", port: 0)
                .get()
            channels.append(channel)
        }
        return LoopbackHosts(channels: channels)
    }

    /// `urlsPerHost` distinct URLs on every host, interleaved host by host as links in a document would be.
    public func urls(perHost urlsPerHost: Int) -> [String] {
        (0..<urlsPerHost).flatMap { index in authorities.map { "http://\($0)/page/\(index)" } }
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
