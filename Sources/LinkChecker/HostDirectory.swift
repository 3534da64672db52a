internal import AsyncHTTPClient
internal import NIOCore
internal import NIOPosix

/// Per run: resolves each host name once, applies the address policy to the resolved addresses, and hands out
/// the HTTP client pinned to the address it approved and the gate that paces the host.
///
/// Pinning (AsyncHTTPClient's `dnsOverride`, one client per host name) makes the connection go to the very
/// address that was checked, while TLS still verifies the certificate for the name; a second, different
/// resolution (DNS rebinding) cannot slip a private address past the check.
actor HostDirectory {
    /// Where a request to a URL may go.
    enum Route {
        case client(HTTPClient, HostGate)
        case excluded(ExclusionReason)
        case unresolved
    }

    private let configuration: LinkCheckConfiguration
    private let resolver: any HostResolver
    private var resolutions: [String: Task<HostResolution, Never>] = [:]
    private var clients: [String: HTTPClient] = [:]
    private var gates: [String: HostGate] = [:]
    /// Host names that resolved, and that failed to (with whether the failure was temporary).
    private(set) var resolvedHosts = 0
    private(set) var failedHosts = 0
    private(set) var temporaryFailures = 0

    init(configuration: LinkCheckConfiguration, resolver: any HostResolver) {
        self.configuration = configuration
        self.resolver = resolver
    }

    /// The route for `url`: resolution, the address policy, then the pinned client and the host's gate.
    func route(for url: WebURL) async -> Route {
        let address: IPAddress
        if let literal = IPAddress(url.host) {
            address = literal
        } else {
            switch await resolution(of: url.host) {
            case .addresses(let addresses):
                // Every address must pass: a name with one public and one private address could be answered
                // with either.
                if let refused = addresses.first(where: { !isAllowed($0) }) {
                    return .excluded(exclusion(host: url.host, address: refused))
                }
                address = addresses[0]
            case .notFound, .temporaryFailure:
                return .unresolved
            }
        }
        guard isAllowed(address) else { return .excluded(exclusion(host: url.host, address: address)) }
        return .client(client(for: url.host, address: address), gate(for: url))
    }

    /// Shuts every client down; call once at the end of the run.
    func shutdown() async {
        for client in clients.values { try? await client.shutdown() }
        clients = [:]
    }

    private func resolution(of host: String) async -> HostResolution {
        if let task = resolutions[host] { return await task.value }
        let resolver = self.resolver
        let task = Task { await resolver.resolve(host: host) }
        resolutions[host] = task
        let result = await task.value
        switch result {
        case .addresses: resolvedHosts += 1
        case .notFound: failedHosts += 1
        case .temporaryFailure:
            failedHosts += 1
            temporaryFailures += 1
        }
        return result
    }

    private func isAllowed(_ address: IPAddress) -> Bool {
        switch address.scope {
        case .public: true
        case .private: configuration.allowPrivateAddresses
        case .loopback: configuration.allowLoopbackAddresses
        case .linkLocal: configuration.allowLinkLocalAddresses
        }
    }

    private func exclusion(host: String, address: IPAddress) -> ExclusionReason {
        switch address.scope {
        case .loopback: .loopbackAddress(host: host, address: address.description)
        case .linkLocal: .linkLocalAddress(host: host, address: address.description)
        case .private, .public: .privateAddress(host: host, address: address.description)
        }
    }

    private func client(for host: String, address: IPAddress) -> HTTPClient {
        if let client = clients[host] { return client }
        var settings = HTTPClient.Configuration()
        settings.redirectConfiguration = .disallow
        settings.decompression = .disabled
        settings.timeout = .init(connect: TimeAmount(configuration.connectTimeout), read: TimeAmount(configuration.requestTimeout))
        var pool = HTTPClient.Configuration.ConnectionPool(
            idleTimeout: .seconds(30),
            concurrentHTTP1ConnectionsPerHostSoftLimit: max(1, configuration.settings(forHost: host)?.concurrency ?? configuration.perHostConcurrency)
        )
        // The checker retries by its own rules; the pool must report a refused connection at once.
        pool.retryConnectionEstablishment = false
        settings.connectionPool = pool
        if IPAddress(host) == nil { settings.dnsOverride = [host: address.description] }
        let client = HTTPClient(eventLoopGroup: MultiThreadedEventLoopGroup.singleton, configuration: settings)
        clients[host] = client
        return client
    }

    private func gate(for url: WebURL) -> HostGate {
        if let gate = gates[url.authority] { return gate }
        let settings = configuration.settings(forHost: url.host)
        let gate = HostGate(
            limit: settings?.concurrency ?? configuration.perHostConcurrency,
            interval: settings?.interval ?? configuration.perHostInterval
        )
        gates[url.authority] = gate
        return gate
    }
}
