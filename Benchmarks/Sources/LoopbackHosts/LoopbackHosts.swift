import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// HTTP servers on loopback, one per simulated host, each answering every request with 200 after a fixed latency.
/// Host i listens on 127.0.0.(i+1) (all of 127/8 is loopback), so that checkers which pace requests by host name or
/// address, as lychee does, see distinct hosts. The listen backlog is large so that bursts are queued, not refused.
public final class LoopbackHosts: Sendable {
    /// `address:port` of every host.
    public let authorities: [String]
    private let channels: [any Channel]
    private let tally: RequestTally

    /// Requests answered so far, over every host: what a checker actually sent.
    public var requestCount: Int { tally.count.load(ordering: .relaxed) }

    private init(channels: [any Channel], tally: RequestTally) {
        self.channels = channels
        self.tally = tally
        self.authorities = channels.map { "\($0.localAddress!.ipAddress!):\($0.localAddress!.port!)" }
    }

    /// Starts `count` (at most 254) servers answering after `latency`.
    public static func start(count: Int, latency: TimeAmount) async throws -> LoopbackHosts {
        precondition((1...254).contains(count), "one host per address of 127.0.0.1-127.0.0.254")
        var channels: [any Channel] = []
        let tally = RequestTally()
        for index in 0..<count {
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.backlog, value: 4096)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                        try channel.pipeline.syncOperations.addHandler(DelayedOK(latency: latency, tally: tally))
                    }
                }
                .bind(host: "127.0.0.\(index + 1)", port: 0)
                .get()
            channels.append(channel)
        }
        return LoopbackHosts(channels: channels, tally: tally)
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

/// Counts the requests of all hosts.
private final class RequestTally: Sendable {
    let count = Atomic<Int>(0)
}

/// Answers each request with an empty 200 after the latency, keeping the connection open.
private final class DelayedOK: ChannelInboundHandler, @unchecked Sendable {
    // Used on its channel's event loop only.
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let latency: TimeAmount
    private let tally: RequestTally

    init(latency: TimeAmount, tally: RequestTally) {
        self.latency = latency
        self.tally = tally
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .end = unwrapInboundIn(data) else { return }
        tally.count.add(1, ordering: .relaxed)
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
