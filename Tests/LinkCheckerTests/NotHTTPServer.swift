import NIOCore
import NIOPosix

/// A TCP server on 127.0.0.1 that answers every connection with an SSH greeting and closes it: a port where
/// something listens that does not speak HTTP.
final class NotHTTPServer: Sendable {
    let port: Int
    private let channel: any Channel

    private init(channel: any Channel) {
        self.channel = channel
        self.port = channel.localAddress!.port!
    }

    /// Starts the server on an ephemeral port of 127.0.0.1.
    static func start() async throws -> NotHTTPServer {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Greeter())
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
        return NotHTTPServer(channel: channel)
    }

    /// Stops accepting connections.
    func stop() async {
        try? await channel.close()
    }

    /// Sends the greeting once the request has arrived, then closes.
    private final class Greeter: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let greeting = context.channel.allocator.buffer(string: "SSH-2.0-OpenSSH_9.6 fixture\r\n")
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            context.writeAndFlush(NIOAny(greeting)).whenComplete { _ in bound.value.close(promise: nil) }
        }
    }
}
