internal import AsyncHTTPClient
internal import NIOCore
internal import NIOPosix
import Synchronization

/// Per run: resolves each host name once, applies the address policy to every resolved address, and hands out
/// the route to the host: HTTP clients pinned to the addresses it approved, in order, and the gate that paces it.
///
/// Pinning (AsyncHTTPClient's `dnsOverride`, one client per host name and address) makes the connection go to
/// the very address that was checked, while TLS still verifies the certificate for the name; a second, different
/// resolution (DNS rebinding) cannot slip a private address past the check.
actor HostDirectory {
    /// Where a request to a URL may go.
    enum Route {
        case approved(HostRoute)
        case excluded(ExclusionReason)
        case unresolved
    }

    private let configuration: LinkCheckConfiguration
    private let resolver: any HostResolver
    private var resolutions: [String: Task<HostResolution, Never>] = [:]
    /// Clients by host name and address.
    private var clients: [String: HTTPClient] = [:]
    private var gates: [String: HostGate] = [:]
    /// Approved routes by URL authority, readable without a hop onto the actor: after a host's first request,
    /// the rest find their route here.
    private let approved = Mutex<[String: HostRoute]>([:])
    /// Host names that resolved, and that failed to (with whether the failure was temporary).
    private(set) var resolvedHosts = 0
    private(set) var failedHosts = 0
    private(set) var temporaryFailures = 0

    init(configuration: LinkCheckConfiguration, resolver: any HostResolver) {
        self.configuration = configuration
        self.resolver = resolver
    }

    /// The route for `url`: resolution, the address policy, then the pinned clients and the host's gate.
    nonisolated func route(for url: WebURL) async -> Route {
        if let known = approved.withLock({ $0[url.authority] }) { return .approved(known) }
        return await decideRoute(for: url)
    }

    private func decideRoute(for url: WebURL) async -> Route {
        if let known = approved.withLock({ $0[url.authority] }) { return .approved(known) }
        let addresses: [IPAddress]
        if let literal = IPAddress(url.host) {
            addresses = [literal]
        } else if ReservedDomains.isLocalhost(url.host) {
            // RFC 6761: `localhost` is the machine itself whatever a resolver says, so it meets the loopback policy.
            addresses = [IPAddress("127.0.0.1")!, IPAddress("::1")!]
        } else {
            switch await resolution(of: url.host) {
            case .addresses(let resolved): addresses = resolved
            case .notFound, .temporaryFailure: return .unresolved
            }
        }
        // Every address must pass, not just the first: the connection may end up at any of them.
        if let refused = addresses.first(where: { !isAllowed($0) }) {
            return .excluded(exclusion(host: url.host, address: refused))
        }
        let route = HostRoute(clients: addresses.map { client(for: url.host, address: $0) }, gate: gate(for: url))
        approved.withLock { $0[url.authority] = route }
        return .approved(route)
    }

    /// Whether the host `authority` (name and port) was unhealthy at some time (see ``HostGate``).
    nonisolated func wasUnhealthy(_ authority: String) -> Bool {
        approved.withLock { $0[authority] }?.gate.wasUnhealthy ?? false
    }

    /// Shuts every client down, all at once; call once at the end of the run.
    func shutdown() async {
        let clients = Array(self.clients.values)
        self.clients = [:]
        await withTaskGroup(of: Void.self) { group in
            for client in clients { group.addTask { try? await client.shutdown() } }
        }
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
        case .specialPurpose: configuration.allowPrivateAddresses
        }
    }

    private func exclusion(host: String, address: IPAddress) -> ExclusionReason {
        switch address.scope {
        case .loopback: .loopbackAddress(host: host, address: address.description)
        case .linkLocal: .linkLocalAddress(host: host, address: address.description)
        case .specialPurpose: .specialPurposeAddress(host: host, address: address.description)
        case .private, .public: .privateAddress(host: host, address: address.description)
        }
    }

    private func client(for host: String, address: IPAddress) -> HTTPClient {
        let key = "\(host) \(address)"
        if let client = clients[key] { return client }
        var settings = HTTPClient.Configuration()
        settings.redirectConfiguration = .disallow
        settings.decompression = .disabled
        // A span per probe would cost about a tenth of the checker's CPU time and tell a tracer nothing useful.
        settings.tracing.tracer = nil
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
        clients[key] = client
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
