import Benchmark
import LinkChecker
import LoopbackHosts
import NewsletterCore

/// 1,000 unique URLs over 20 loopback hosts answering after 50 ms, checked with 64 requests in flight and the
/// per-host limits lifted: the floor is ceil(1000/64) * 50 ms = 800 ms. The floor itself is measured in the
/// same run (1,000 sleeps of 50 ms, 64 at a time) so that the ratio does not depend on the machine.
private let hostCount = 20
private let urlsPerHost = 50
private let latency = Duration.milliseconds(50)
private let concurrency = 64

nonisolated(unsafe) private var hosts: LoopbackHosts?

private func links() -> [Link] {
    (hosts?.urls(perHost: urlsPerHost) ?? []).map { Link(text: "", destination: $0, kind: .bareURL) }
}

private func checker(perHost: Int, interval: Duration) throws -> LinkChecker {
    var configuration = LinkCheckConfiguration()
    configuration.allowLoopbackAddresses = true
    configuration.cacheEnabled = false
    configuration.maxConcurrency = concurrency
    configuration.perHostConcurrency = perHost
    configuration.perHostInterval = interval
    return try LinkChecker(configuration: configuration)
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .peakMemoryResident, .mallocCountTotal],
        maxDuration: .seconds(30),
        maxIterations: 5
    )
    let setUp: Benchmark.BenchmarkSetupHook = {
        if hosts == nil { hosts = try await LoopbackHosts.start(count: hostCount, latency: .milliseconds(50)) }
    }

    Benchmark("Floor: 1000 waits of 50 ms, 64 at a time", closure: { benchmark async in
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<((hostCount * urlsPerHost + concurrency - 1) / concurrency) {
                for _ in 0..<concurrency { group.addTask { try? await Task.sleep(for: latency) } }
                await group.waitForAll()
            }
        }
    }, setup: setUp)

    Benchmark("LinkChecker: 1000 URLs, 20 hosts, 64 in flight, per-host limits lifted", closure: { benchmark async throws in
        let report = await try checker(perHost: concurrency, interval: .zero).check(links())
        precondition(report.totals.working == hostCount * urlsPerHost, "every URL must work: \(report.totals)")
    }, setup: setUp)

    Benchmark("LinkChecker: 1000 URLs, 20 hosts, 64 in flight, 10 per host, 50 ms apart (lychee defaults)", closure: { benchmark async throws in
        let report = await try checker(perHost: 10, interval: .milliseconds(50)).check(links())
        precondition(report.totals.working == hostCount * urlsPerHost, "every URL must work: \(report.totals)")
    }, setup: setUp)
}
