import Foundation
import LinkChecker
import LoopbackHosts
import NewsletterCore

/// `LinkCheckLoad serve HOSTS LATENCY_MS URLS_PER_HOST URL_FILE`: starts the hosts, writes the URLs (one per line)
/// and serves until standard input closes; each `count` line read prints `requests N`, the requests answered so far.
/// `LinkCheckLoad check URL_FILE MAX_CONCURRENCY PER_HOST INTERVAL_MS`: checks the URLs with LinkChecker and
/// prints `seconds=... working=... failed=...`, exiting 1 if any link failed.
/// `LinkCheckLoad trace URL_FILE MAX_CONCURRENCY PER_HOST INTERVAL_MS`: the same check, printing its timeline.
/// `LinkCheckLoad drafts FOLDER MAX_CONCURRENCY PER_HOST INTERVAL_MS`: checks the Markdown drafts of a folder as
/// `editorial-check` does, in one ``LinkCheckSession`` with up to 64 drafts at once, and prints the requests sent.
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
            // Unbuffered, so that the script sees it while the servers run.
            FileHandle.standardOutput.write(Data("ready \(servers.authorities.joined(separator: " "))\n".utf8))
            while let line = readLine() {
                if line == "count" { FileHandle.standardOutput.write(Data("requests \(servers.requestCount)\n".utf8)) }
            }
            await servers.stop()
        case "check":
            let values = Array(arguments.dropFirst())
            guard values.count == 4, let concurrency = Int(values[1]), let perHost = Int(values[2]), let interval = Int(values[3]) else {
                usage()
            }
            let urls = try String(contentsOfFile: values[0], encoding: .utf8).split(separator: "\n").map(String.init)
            let checker = try LinkChecker(configuration: configuration(concurrency: concurrency, perHost: perHost, interval: interval))
            let links = urls.map { Link(text: "", destination: $0, kind: .bareURL) }
            let start = ContinuousClock.now
            let report = await checker.check(links)
            let elapsed = ContinuousClock.now - start
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("seconds=\(String(format: "%.3f", seconds)) working=\(report.totals.working) failed=\(report.totals.failed + report.totals.warnings)")
            // A benchmark run where a link failed measured something else: fail it, as lychee does.
            if report.totals.working != links.count { exit(1) }
        case "drafts":
            let values = Array(arguments.dropFirst())
            guard values.count == 4, let concurrency = Int(values[1]), let perHost = Int(values[2]), let interval = Int(values[3]) else {
                usage()
            }
            try await checkDrafts(folder: values[0], concurrency: concurrency, perHost: perHost, interval: interval)
        case "trace":
            let values = Array(arguments.dropFirst())
            guard values.count == 4, let concurrency = Int(values[1]), let perHost = Int(values[2]), let interval = Int(values[3]) else {
                usage()
            }
            try await trace(urlFile: values[0], concurrency: concurrency, perHost: perHost, interval: interval)
        default:
            usage()
        }
    }

    /// Checks every `.md` file of `folder` within one session, up to 64 drafts at once (as `editorial-check`
    /// does when it checks links), each draft's links taken from its `](URL)` destinations.
    private static func checkDrafts(folder: String, concurrency: Int, perHost: Int, interval: Int) async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".md") }.sorted()
        let drafts = try names.map { name in
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            return text.split(separator: "](").dropFirst().compactMap { part in
                part.firstIndex(of: ")").map { Link(text: "", destination: String(part[..<$0]), kind: .inline) }
            }
        }
        let session = LinkCheckSession()
        let checker = try LinkChecker(
            configuration: configuration(concurrency: concurrency, perHost: perHost, interval: interval), session: session)
        let start = ContinuousClock.now
        let totals = await withTaskGroup(of: LinkCheckTotals.self) { group in
            var next = 0
            var working = 0
            var links = 0
            while next < min(64, drafts.count) {
                let links = drafts[next]
                group.addTask { await checker.check(links).totals }
                next += 1
            }
            for await totals in group {
                working += totals.working
                links += totals.links
                if next < drafts.count {
                    let links = drafts[next]
                    group.addTask { await checker.check(links).totals }
                    next += 1
                }
            }
            return (working, links)
        }
        _ = await session.finish()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("seconds=\(String(format: "%.3f", seconds)) drafts=\(drafts.count) links=\(totals.1) working=\(totals.0) requests=\(session.requestsSent)")
        if totals.0 != totals.1 { exit(1) }
    }

    /// Checks the URLs through the progress stream and prints when the plan was ready, when the first check
    /// started and the last finished, when the report came, and the checks in flight every 20 ms: the timeline
    /// that shows whether the slots stay full.
    private static func trace(urlFile: String, concurrency: Int, perHost: Int, interval: Int) async throws {
        let urls = try String(contentsOfFile: urlFile, encoding: .utf8).split(separator: "\n").map(String.init)
        let checker = try LinkChecker(configuration: configuration(concurrency: concurrency, perHost: perHost, interval: interval))
        let start = ContinuousClock.now
        func milliseconds() -> Int {
            let elapsed = ContinuousClock.now - start
            return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
        }
        var changes: [(milliseconds: Int, inFlight: Int)] = []
        var planned = 0
        var completed = 0
        for await event in checker.progress(urls.map { Link(text: "", destination: $0, kind: .bareURL) }) {
            switch event {
            case .planned: planned = milliseconds()
            case .started: changes.append((milliseconds(), 1))
            case .finished: changes.append((milliseconds(), -1))
            case .completed: completed = milliseconds()
            }
        }
        print("planned \(planned) ms, first start \(changes.first?.milliseconds ?? 0) ms, last finish \(changes.last?.milliseconds ?? 0) ms, report \(completed) ms")
        var samples: [String] = []
        var inFlight = 0
        var sampleTime = 0
        for change in changes {
            while change.milliseconds >= sampleTime {
                samples.append("\(sampleTime):\(inFlight)")
                sampleTime += 20
            }
            inFlight += change.inFlight
        }
        print("in flight (ms:count) \(samples.joined(separator: " "))")
    }

    private static func configuration(concurrency: Int, perHost: Int, interval: Int) -> LinkCheckConfiguration {
        var configuration = LinkCheckConfiguration()
        configuration.allowLoopbackAddresses = true
        configuration.cacheEnabled = false
        configuration.maxConcurrency = concurrency
        configuration.perHostConcurrency = perHost
        configuration.perHostInterval = .milliseconds(interval)
        return configuration
    }

    private static func usage() -> Never {
        FileHandle.standardError.write(Data("""
            usage: LinkCheckLoad serve HOSTS LATENCY_MS URLS_PER_HOST URL_FILE
                   LinkCheckLoad check URL_FILE MAX_CONCURRENCY PER_HOST INTERVAL_MS
                   LinkCheckLoad trace URL_FILE MAX_CONCURRENCY PER_HOST INTERVAL_MS
                   LinkCheckLoad drafts FOLDER MAX_CONCURRENCY PER_HOST INTERVAL_MS

            """.utf8))
        exit(2)
    }
}
