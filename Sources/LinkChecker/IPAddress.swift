#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// An IPv4 or IPv6 address, classified by the ranges that must not be fetched on a draft's say-so.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address family and bytes in network order (4 or 16 of them).
    public let bytes: [UInt8]

    /// Parses dotted IPv4 or textual IPv6 (`::1`, `fe80::1`, `::ffff:10.0.0.1`); brackets are accepted around IPv6.
    public init?(_ text: String) {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        // A zone index (`fe80::1%eth0`) does not change the range.
        if let percent = text.firstIndex(of: "%") { text = text[..<percent] }
        var v4 = in_addr()
        if inet_pton(AF_INET, String(text), &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, String(text), &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    /// Creates an address from 4 (IPv4) or 16 (IPv6) bytes in network order.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Whether this is an IPv6 address.
    public var isIPv6: Bool { bytes.count == 16 }

    /// The textual form (`127.0.0.1`, `::1`).
    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let family = isIPv6 ? AF_INET6 : AF_INET
        let text: String? = bytes.withUnsafeBytes { raw in
            buffer.withUnsafeMutableBufferPointer { out in
                inet_ntop(family, raw.baseAddress, out.baseAddress, socklen_t(out.count)) != nil
                    ? String(cString: out.baseAddress!) : nil
            }
        }
        return text ?? bytes.map(String.init).joined(separator: ".")
    }

    /// Which kind of network the address belongs to.
    public var scope: AddressScope {
        if isIPv6 {
            // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible forms carry an IPv4 address.
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                return IPAddress(bytes: Array(bytes[12..<16]))!.scope
            }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) {
                return bytes[15] == 1 ? .loopback : .private  // ::1 loopback, :: unspecified
            }
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return .linkLocal }  // fe80::/10
            if bytes[0] & 0xFE == 0xFC { return .private }  // fc00::/7 unique local
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return .private }  // fec0::/10 site-local (deprecated)
            if bytes[0] == 0xFF { return .private }  // multicast
            if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8 { return .private }  // documentation
            if bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B {
                // NAT64 (64:ff9b::/96) embeds an IPv4 address.
                return IPAddress(bytes: Array(bytes[12..<16]))!.scope
            }
            return .public
        }
        let (a, b) = (bytes[0], bytes[1])
        switch a {
        case 127: return .loopback
        case 10, 0: return .private
        case 169 where b == 254: return .linkLocal
        case 172 where (16...31).contains(b): return .private
        case 192 where b == 168: return .private
        case 100 where (64...127).contains(b): return .private  // carrier-grade NAT
        case 192 where b == 0 && bytes[2] == 0: return .private  // IETF protocol assignments
        case 198 where b == 18 || b == 19: return .private  // benchmarking
        case 224...255: return .private  // multicast, reserved, broadcast
        default: return .public
        }
    }
}

/// The kind of network an address belongs to.
public enum AddressScope: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Reachable on the internet.
    case `public`
    /// Private, shared, reserved or multicast ranges: a local network, never the internet.
    case `private`
    /// The machine itself.
    case loopback
    /// Link-local, including cloud metadata services at 169.254.169.254.
    case linkLocal = "link_local"
}
