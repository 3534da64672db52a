import Foundation
import LinkChecker
import LoopbackHosts
import NewsletterCore

/// `LinkCheckLoad serve HOSTS LATENCY_MS URLS_PER_HOST URL_FILE`: starts the hosts, writes the URLs (one per line)
/// and serves until standard input closes.
/// `LinkCheckLoad check URL_FILE MAX_CONCURRENCY PER_HOST INTERVAL_MS`: checks the URLs with LinkChecker and
/// prints `seconds=... max_rss_kib=... working=... failed=...`.
@main
struct LinkCheckLoad {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        switch arguments.first {
        case "serve":
            let values = Array(arguments.dropFirst())
            guard values.count == 4, let hosts = Int(values[0]), let latency = Int64(values[1]), let perHost = Int(values[2]) else {
                usage()
            }
            let servers = try await LoopbackHosts.start(count: hosts, latency: .milliseconds(latency))
            try servers.urls(perHost: perHost).joined(separator: "\n").appending("\n")
                .write(toFile: values[3], atomically: true, encoding: .utf8)
            print("ready", servers.ports.map(String.init).joined(separator: " "))
            fflush(stdout)
            while readLine() != nil {}
            await servers.stop()
        case "check":
            let values = Array(arguments.dropFirst())
            guard values.count == 4, let concurrency = Int(values[1]), let perHost = Int(values[2]), let interval = Int(values[3]) else {
                usage()
            }
            let urls = try String(contentsOfFile: values[0], encoding: .utf8).split(separator: "\n").map(String.init)
            var configuration = LinkCheckConfiguration()
            configuration.allowLoopbackAddresses = true
            configuration.cacheEnabled = false
            configuration.maxConcurrency = concurrency
            configuration.perHostConcurrency = perHost
            configuration.perHostInterval = .milliseconds(interval)
            let checker = try LinkChecker(configuration: configuration)
            let links = urls.map { Link(text: "", destination: $0, kind: .bareURL) }
            let start = ContinuousClock.now
            let report = await checker.check(links)
            let elapsed = ContinuousClock.now - start
            var usage = rusage()
            getrusage(RUSAGE_SELF, &usage)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("seconds=\(String(format: "%.3f", seconds)) max_rss_kib=\(usage.ru_maxrss) working=\(report.totals.working) failed=\(report.totals.failed + report.totals.warnings)")
        default:
            usage()
        }
    }

    private static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: LinkCheckLoad serve HOSTS LATENCY_MS URLS_PER_HOST URL_FILE
                   LinkCheckLoad check URL_FILE MAX_CONCURRENCY PER_HOST INTERVAL_MS

            """.utf8))
        exit(2)
    }
}
