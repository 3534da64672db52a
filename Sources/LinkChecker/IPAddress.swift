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

    /// Which kind of network the address belongs to, after the IANA IPv4 and IPv6 special-purpose address
    /// registries (RFC 6890 and its updates) and the multicast ranges. IPv6 forms that carry an IPv4 address
    /// (IPv4-mapped `::ffff:a.b.c.d`, the deprecated IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`) are
    /// judged as that IPv4 address.
    public var scope: AddressScope {
        isIPv6 ? Self.scopeOfIPv6(bytes) : Self.scopeOfIPv4(bytes[0], bytes[1], bytes[2], bytes[3])
    }

    private static func scopeOfIPv4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> AddressScope {
        switch (a, b, c) {
        case (127, _, _): return .loopback
        case (169, 254, _): return .linkLocal
        case (10, _, _), (172, 16...31, _), (192, 168, _): return .private
        case (100, 64...127, _): return .private  // shared address space (carrier-grade NAT)
        case (0, _, _): return .specialPurpose  // "this network"
        case (192, 0, 0): return .specialPurpose  // IETF protocol assignments
        case (192, 0, 2), (198, 51, 100), (203, 0, 113): return .specialPurpose  // documentation (TEST-NET-1, 2, 3)
        case (198, 18...19, _): return .specialPurpose  // benchmarking
        case (192, 31, 196), (192, 175, 48): return .specialPurpose  // AS112
        case (192, 52, 193): return .specialPurpose  // AMT
        case (192, 88, 99): return .specialPurpose  // deprecated 6to4 relay anycast
        case (224...239, _, _): return .specialPurpose  // multicast
        case (240...255, _, _): return .specialPurpose  // reserved, and the limited broadcast address
        default: return .public
        }
    }

    private static func scopeOfIPv6(_ bytes: [UInt8]) -> AddressScope {
        let embedded = { scopeOfIPv4(bytes[12], bytes[13], bytes[14], bytes[15]) }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) {
            switch bytes[15] {
            case 1: return .loopback  // ::1
            case 0: return .specialPurpose  // :: unspecified
            default: break
            }
        }
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && (bytes[10...11] == [0xFF, 0xFF] || bytes[10...11] == [0, 0]) {
            return embedded()  // IPv4-mapped ::ffff:0:0/96 and IPv4-compatible ::/96
        }
        if bytes[0...3] == [0x00, 0x64, 0xFF, 0x9B] {
            // NAT64 64:ff9b::/96 embeds an IPv4 address; the local-use 64:ff9b:1::/48 is private.
            return bytes[4...5] == [0x00, 0x01] ? .private : embedded()
        }
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return .linkLocal }  // fe80::/10
        if bytes[0] & 0xFE == 0xFC { return .private }  // fc00::/7 unique local
        if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return .private }  // fec0::/10 site-local (deprecated)
        if bytes[0] == 0xFF { return .specialPurpose }  // multicast
        if bytes[0...7] == [0x01, 0x00, 0, 0, 0, 0, 0, 0] { return .specialPurpose }  // 100::/64 discard-only
        if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] & 0xFE == 0x00 { return .specialPurpose }  // 2001::/23 IETF
        if bytes[0...3] == [0x20, 0x01, 0x0D, 0xB8] { return .specialPurpose }  // 2001:db8::/32 documentation
        if bytes[0...1] == [0x20, 0x02] { return .specialPurpose }  // 6to4 2002::/16
        if bytes[0...5] == [0x26, 0x20, 0x00, 0x4F, 0x80, 0x00] { return .specialPurpose }  // AS112 2620:4f:8000::/48
        if bytes[0] == 0x3F && bytes[1] == 0xFF && bytes[2] & 0xF0 == 0 { return .specialPurpose }  // 3fff::/20 documentation
        if bytes[0...1] == [0x5F, 0x00] { return .specialPurpose }  // 5f00::/16 SRv6 SIDs
        return .public
    }
}

/// The kind of network an address belongs to.
public enum AddressScope: String, Sendable, Equatable, Hashable, CaseIterable {
    /// Reachable on the internet.
    case `public`
    /// Private and shared ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7): a local network.
    case `private`
    /// The other special-purpose ranges: documentation, benchmarking, protocol assignments, multicast, reserved
    /// and unspecified addresses. No public page lives there; refused unless private addresses are allowed.
    case specialPurpose = "special_purpose"
    /// The machine itself.
    case loopback
    /// Link-local, including cloud metadata services at 169.254.169.254.
    case linkLocal = "link_local"
}
