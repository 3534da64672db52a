import NIOCore
import NIOHTTP1
import NIOPosix

/// Answers by path:
/// - `/ok`, `/echo` (records headers), `/count/...` (20 ms delay, counts concurrency): 200
/// - `/perm1` 301 to `/perm2`, 308 to `/ok`; `/temp` 302 to `/ok`; `/loop-a` and `/loop-b` redirect to each other;
///   `/chain/N` 301 to `/chain/N-1`, `/chain/0` 200; `/redirect?to=URL` 302 to URL
/// - `/missing` 404, `/gone` 410, `/forbidden` 403, `/denied-999` 999, `/always-500` 500
/// - `/no-head` 405 to HEAD, 200 to GET; `/huge` 405 to HEAD, GET streams ``FixtureServer/hugeSize`` bytes
/// - `/rate-limited/...` 429 `Retry-After: 1` on the first request, then 200; `/rate-limited-long` 429 `Retry-After: 3600`
/// - `/unavailable/...` 503 `Retry-After: 1` on the first request, then 200; `/unavailable-long` 503 `Retry-After: 3600`;
///   `/after-unavailable` 302 to `/ok`, sent only once an `/unavailable/...` route has sent its 503
/// - `/flaky/...` 500 on the first request, then 200; `/slow` answers after 3 s; `/reset` resets the connection
/// - `/head-hangs` never answers HEAD, 200 to GET; `/down/...` 503 (no Retry-After) to everything
/// - `/page/...` 200 with an HTML body holding the anchors of ``FixtureServer/anchorPage``; `/plain` 200 text/plain
final class RouteHandler: ChannelInboundHandler, @unchecked Sendable {
    // Used on its channel's event loop only.
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let box: FixtureServer.Box
    private var head: HTTPRequestHead?

    init(box: FixtureServer.Box) { self.box = box }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head): self.head = head
        case .body: break
        case .end:
            guard let head else { return }
            self.head = nil
            route(head, context: context)
        }
    }

    private func route(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = head.uri
        let method = head.method.rawValue
        let count = box.record.withLock { record in
            record.requests[path, default: 0] += 1
            record.arrivals[path, default: []].append(.now())
            record.methods["\(method) \(path)", default: 0] += 1
            record.inFlight += 1
            record.maxInFlight = max(record.maxInFlight, record.inFlight)
            return record.requests[path]!
        }
        let isHead = head.method == .HEAD
        switch path {
        case "/ok": respond(context, 200)
        case "/echo":
            box.record.withLock { record in
                record.hosts.append(head.headers.first(name: "host") ?? "")
                record.lastHeaders = Dictionary(head.headers.map { ($0.name.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
            }
            respond(context, 200)
        case "/perm1": respond(context, 301, ["Location": "/perm2"])
        case "/perm2": respond(context, 308, ["Location": "/ok"])
        case "/temp": respond(context, 302, ["Location": "/ok"])
        case "/loop-a": respond(context, 302, ["Location": "/loop-b"])
        case "/loop-b": respond(context, 302, ["Location": "/loop-a"])
        case "/missing": respond(context, 404)
        case "/gone": respond(context, 410)
        case "/forbidden": respond(context, 403)
        case "/denied-999": respond(context, 999)
        case "/always-500": respond(context, 500)
        case "/no-head": respond(context, isHead ? 405 : 200)
        case "/rate-limited-long": respond(context, 429, ["Retry-After": "3600"])
        case "/unavailable-long": respond(context, 503, ["Retry-After": "3600"])
        case "/after-unavailable": redirectOnceUnavailable(context)
        case "/slow":
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .seconds(3)) { bound.value.0.respond(bound.value.1, 200) }
        case "/reset":
            // SO_LINGER 0 turns the close into a TCP reset.
            finish()
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            (context.channel as! any SocketOptionProvider).setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in
                bound.value.close(promise: nil)
            }
        case "/huge":
            if isHead { respond(context, 405) } else { streamHuge(context) }
        case "/head-hangs":
            // The request stays unanswered until the client gives up and closes the connection.
            if isHead { finish() } else { respond(context, 200) }
        case "/plain":
            respond(context, 200, ["Content-Type": "text/plain"], body: "id=\"intro\"")
        default:
            if path.hasPrefix("/count/") {
                let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(20)) { bound.value.0.respond(bound.value.1, 200) }
            } else if path.hasPrefix("/rate-limited/") {
                count == 1 ? respond(context, 429, ["Retry-After": "1"]) : respond(context, 200)
            } else if path.hasPrefix("/unavailable/") {
                if count == 1 {
                    // Noted before sending, so that no reaction of the client can come before the instant noted.
                    box.record.withLock { $0.unavailableSentAt = .now() }
                    respond(context, 503, ["Retry-After": "1"])
                } else {
                    respond(context, 200)
                }
            } else if path.hasPrefix("/down/") {
                respond(context, 503)
            } else if path.hasPrefix("/page/") {
                respond(context, 200, ["Content-Type": "text/html; charset=utf-8"], body: isHead ? "" : FixtureServer.anchorPage)
            } else if path.hasPrefix("/flaky/") {
                respond(context, count == 1 ? 500 : 200)
            } else if path.hasPrefix("/chain/"), let hops = Int(path.dropFirst("/chain/".count)) {
                hops == 0 ? respond(context, 200) : respond(context, 301, ["Location": "/chain/\(hops - 1)"])
            } else if path.hasPrefix("/redirect?to=") {
                respond(context, 302, ["Location": String(path.dropFirst("/redirect?to=".count))])
            } else {
                respond(context, 404)
            }
        }
    }

    /// Answers 302 to `/ok` once a 503 with `Retry-After` has been sent, looking every 5 ms.
    private func redirectOnceUnavailable(_ context: ChannelHandlerContext) {
        guard box.record.withLock({ $0.unavailableSentAt }) != nil else {
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            context.eventLoop.scheduleTask(in: .milliseconds(5)) { bound.value.0.redirectOnceUnavailable(bound.value.1) }
            return
        }
        respond(context, 302, ["Location": "/ok"])
    }

    private func finish() {
        box.record.withLock { $0.inFlight -= 1 }
    }

    private func respond(_ context: ChannelHandlerContext, _ status: Int, _ headers: [String: String] = [:], body: String = "") {
        finish()
        var responseHeaders = HTTPHeaders(headers.map { ($0.key, $0.value) })
        responseHeaders.add(name: "Content-Length", value: String(body.utf8.count))
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: responseHeaders)
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: body)))), promise: nil)
        }
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    private func streamHuge(_ context: ChannelHandlerContext) {
        finish()
        var headers = HTTPHeaders()
        headers.add(name: "Content-Length", value: String(FixtureServer.hugeSize))
        context.writeAndFlush(wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: headers))), promise: nil)
        writeChunk(context, sent: 0)
    }

    /// Writes 64 KiB at a time, the next only when the last reached the socket, so the count is what the
    /// client could have read.
    private func writeChunk(_ context: ChannelHandlerContext, sent: Int) {
        guard sent < FixtureServer.hugeSize else {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            return
        }
        let chunk = context.channel.allocator.buffer(repeating: UInt8(ascii: "x"), count: 64 * 1024)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let box = self.box
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(chunk)))).whenComplete { result in
            switch result {
            case .success:
                box.record.withLock { $0.hugeBytesSent = sent + chunk.readableBytes }
                bound.value.0.writeChunk(bound.value.1, sent: sent + chunk.readableBytes)
            case .failure:
                box.record.withLock { $0.hugeAborted = true }
            }
        }
    }
}
