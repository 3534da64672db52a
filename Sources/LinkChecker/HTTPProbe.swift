internal import AsyncHTTPClient
internal import NIOCore
internal import NIOHTTP1
internal import NIOPosix
internal import NIOSSL
#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// One HTTP request whose body is read only when a fragment must be looked up on an HTML page, and then only up
/// to a bound: otherwise the status and the headers that matter are all a check needs.
struct HTTPProbe {
    /// The start of an HTML page, read to look up fragments.
    struct Page: Equatable {
        var bytes: [UInt8]
        /// Whether the whole page was read (it was within the bound).
        var isComplete: Bool
    }

    /// What one request produced.
    enum Outcome: Equatable {
        /// The server answered; `page` holds the start of an HTML body when it was asked for.
        case response(statusCode: Int, location: String?, retryAfter: String?, page: Page?)
        /// The request failed before an answer.
        case failure(Failure)
    }

    /// Why a request got no answer.
    enum Failure: Equatable {
        case timeout
        case refused
        /// No route to the address (host or network unreachable).
        case unreachable
        /// Reset or closed early; worth retrying.
        case reset(String)
        case tls(String)
        case cancelled
        case other(String)

        /// Whether another attempt may succeed (timeouts and resets, never refusals).
        var isRetryable: Bool {
            switch self {
            case .timeout, .reset: true
            case .refused, .unreachable, .tls, .cancelled, .other: false
            }
        }

        /// Whether the host's next address may do better: this one took no connection at all.
        var triesNextAddress: Bool {
            self == .refused || self == .unreachable
        }
    }

    /// Sends `method` for `url` through `client` and returns once the response head is in. A body known to be
    /// empty (the answer to `HEAD`, a 204 or 304, `Content-Length: 0`) is read to its end, which costs no wait
    /// and lets the connection go back to the pool for the next request; any other body is dropped unread, which
    /// makes AsyncHTTPClient cancel the rest of it (and close that connection).
    static func send(
        _ method: String,
        url: String,
        headers: [(String, String)],
        client: HTTPClient,
        timeout: Duration,
        readingHTMLUpTo pageLimit: Int? = nil
    ) async -> Outcome {
        var request = HTTPClientRequest(url: url)
        request.method = HTTPMethod(rawValue: method)
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        do {
            let response = try await client.execute(request, timeout: TimeAmount(timeout))
            let code = response.status.code
            var page: Page?
            let contentType = response.headers.first(name: "content-type")?.lowercased() ?? ""
            if let pageLimit, method == "GET", (200...299).contains(code), contentType.contains("html") {
                page = await read(response.body, upTo: pageLimit)
            } else if method == "HEAD" || code == 204 || code == 304 || response.headers.first(name: "content-length") == "0" {
                // A failure here changes nothing about the answer already in hand.
                _ = try? await response.body.collect(upTo: 0)
            }
            return .response(
                statusCode: Int(code),
                location: response.headers.first(name: "location"),
                retryAfter: response.headers.first(name: "retry-after"),
                page: page
            )
        } catch {
            return .failure(classify(error))
        }
    }

    /// Reads `body` up to `limit` bytes; what is left is dropped unread (and its connection closed). A body that
    /// breaks off gives what arrived, as an incomplete page.
    private static func read(_ body: HTTPClientResponse.Body, upTo limit: Int) async -> Page {
        var bytes: [UInt8] = []
        do {
            for try await chunk in body {
                let room = limit - bytes.count
                guard chunk.readableBytes <= room else {
                    bytes += chunk.readableBytesView.prefix(room)
                    return Page(bytes: bytes, isComplete: false)
                }
                bytes += chunk.readableBytesView
            }
        } catch {
            return Page(bytes: bytes, isComplete: false)
        }
        return Page(bytes: bytes, isComplete: true)
    }

    /// Maps the errors of AsyncHTTPClient, SwiftNIO and NIOSSL onto the checker's failure kinds, worded for the
    /// people who read reports: never a library's internal names, error codes or source paths.
    static func classify(_ error: any Error) -> Failure {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .deadlineExceeded, .readTimeout, .writeTimeout, .getConnectionFromPoolTimeout:
                return .timeout
            case .tlsHandshakeTimeout:
                return .tls("the TLS handshake timed out")
            case .remoteConnectionClosed:
                return .reset("the server closed the connection without answering")
            case .cancelled:
                return Task.isCancelled ? .cancelled : .reset("the request was cancelled")
            // AsyncHTTPClient no longer throws `chunkedSpecifiedMultipleTimes` or `httpEndReceivedAfterHeadWith1xx`
            // (both deprecated): it corrects the one and accepts the other.
            case .bodyLengthMismatch, .identityCodingIncorrectlyPresent, .contentLengthMissing:
                return .other("the answer is not valid HTTP")
            case .uncleanShutdown:
                return .reset("the server broke off the TLS connection")
            default:
                return .other("the request failed")
            }
        }
        if error is HTTPParserError { return .other("the answer is not HTTP") }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return classify(first.error) }
            return .other("no connection could be made")
        }
        if let error = error as? IOError { return classify(errno: error.errnoCode) }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout: return .timeout
            case .eof, .ioOnClosedChannel, .outputClosed, .alreadyClosed: return .reset("the connection closed early")
            default: return .other("the connection failed")
            }
        }
        if let error = error as? NIOSSLError {
            if case .uncleanShutdown = error { return .reset("the server broke off the TLS connection") }
            return .tls(tlsReason(String(describing: error)))
        }
        if let error = error as? NIOSSLExtraError {
            if error == .failedToValidateHostname || error == .serverHostnameImpossibleToMatch {
                return .tls("the server's certificate is not for this host name")
            }
            return .tls(tlsReason(String(describing: error)))
        }
        if let error = error as? BoringSSLError { return .tls(tlsReason(String(describing: error))) }
        if error is CancellationError { return .cancelled }
        return .other("the connection failed")
    }

    /// A reason for a failed TLS handshake, from the reason codes in BoringSSL's error text.
    private static func tlsReason(_ text: String) -> String {
        let reasons: [(codes: [String], reason: String)] = [
            (["WRONG_VERSION_NUMBER", "HTTP_REQUEST", "PACKET_LENGTH_TOO_LONG", "RECORD_TOO_LARGE", "DECODE_ERROR"],
             "the server does not speak TLS"),
            (["CERTIFICATE_VERIFY_FAILED", "CERTIFICATE_VERIFY"], "the server's certificate is not trusted"),
            (["UNSUPPORTED_PROTOCOL", "PROTOCOL_VERSION"], "the server offers no TLS version the checker accepts"),
            (["NO_SHARED_CIPHER", "HANDSHAKE_FAILURE"], "the server and the checker have no TLS cipher in common"),
        ]
        return reasons.first { entry in entry.codes.contains { text.contains($0) } }?.reason ?? "the TLS handshake failed"
    }

    private static func classify(errno code: CInt) -> Failure {
        switch code {
        case ECONNREFUSED: .refused
        case ECONNRESET, EPIPE, ECONNABORTED: .reset("the connection was reset")
        case ETIMEDOUT: .timeout
        case EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL: .unreachable
        default: .other(String(cString: strerror(code)).lowercased())
        }
    }
}

extension TimeAmount {
    /// The same span in NIO's unit.
    init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        self = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
