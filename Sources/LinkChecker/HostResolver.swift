#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif
import Dispatch

/// Turns host names into addresses; the checker decides on these addresses and connects to them, so that a
/// name cannot be resolved once for the safety check and again, differently, for the connection.
public protocol HostResolver: Sendable {
    /// Resolves `host` (a name, never an IP literal).
    func resolve(host: String) async -> HostResolution
}

/// The outcome of resolving one host name.
public enum HostResolution: Sendable, Equatable {
    /// The addresses, in the resolver's order of preference; never empty.
    case addresses([IPAddress])
    /// The name definitely does not exist (or has no address).
    case notFound
    /// Resolution failed for a reason that says nothing about the name: no network, no DNS server answering.
    case temporaryFailure(String)
}

/// Resolves with the system's `getaddrinfo` on a dispatch queue, so that blocking look-ups do not hold up
/// Swift concurrency's cooperative threads.
public struct SystemHostResolver: HostResolver {
    /// Creates the resolver.
    public init() {}

    /// Resolves `host` with `getaddrinfo` (TCP, any family).
    public func resolve(host: String) async -> HostResolution {
        await withCheckedContinuation { continuation in
            Self.queue.async { continuation.resume(returning: Self.lookUp(host)) }
        }
    }

    private static let queue = DispatchQueue(label: "LinkChecker.SystemHostResolver", attributes: .concurrent)

    private static func lookUp(_ host: String) -> HostResolution {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        defer { if let list { freeaddrinfo(list) } }
        guard status == 0 else {
            // glibc's EAI_NODATA (-5, "no address for this name") is only declared under _GNU_SOURCE.
            if status == EAI_NONAME || status == -5 { return .notFound }
            return .temporaryFailure(String(cString: gai_strerror(status)))
        }
        var addresses: [IPAddress] = []
        var entry = list
        while let current = entry?.pointee {
            if let address = current.ai_addr {
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin_addr
                        addresses.append(IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) })!)
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        var raw = pointer.pointee.sin6_addr
                        addresses.append(IPAddress(bytes: withUnsafeBytes(of: &raw) { Array($0) })!)
                    }
                default:
                    break
                }
            }
            entry = current.ai_next
        }
        var seen = Set<IPAddress>()
        let unique = addresses.filter { seen.insert($0).inserted }
        return unique.isEmpty ? .notFound : .addresses(unique)
    }
}
