public import LinkChecker
public import NewsletterCore
package import NewsletterYAML
import Foundation
public import EditorialChecks
import NewsletterPatterns

extension LinkCheckConfiguration {
    /// The keys a `link_check:` section of `.newsletterlint.yml` may hold; anything else is an error.
    package static let configurationKeys = [
        "method", "max_concurrency", "per_host_concurrency", "per_host_interval", "connect_timeout", "timeout",
        "max_retries", "retry_delay", "max_retry_after", "max_redirects", "accepted_status", "user_agent", "headers",
        "hosts", "exclude", "exclude_reserved_domains", "allow_private", "allow_loopback", "allow_link_local",
        "bot_wall_hosts", "check_fragments", "check_remote_fragments", "cache", "cache_file", "cache_ttl",
    ]

    /// Reads the `link_check:` section of a configuration read from `.newsletterlint.yml` (the defaults when it has
    /// none); errors name the line and column in that file.
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` of kind `configuration` for an unknown key or a value of the wrong
    ///   kind or out of range.
    public init(_ configuration: LintConfiguration) throws(NewsletterError) {
        try self.init(yaml: configuration.linkCheck, in: configuration.source)
    }

    /// Reads a `link_check:` section on top of the defaults (``init(_:)`` is the public way in). Durations are
    /// seconds (`0.05` is 50 ms).
    ///
    /// ```yaml
    /// link_check:
    ///   max_concurrency: 32
    ///   per_host_interval: 0.1
    ///   accepted_status: "100-103, 200-299, 429"
    ///   exclude: ["^https://internal\\."]
    ///   hosts:
    ///     www.linkedin.com: { user_agent: "Mozilla/5.0", concurrency: 2 }
    /// ```
    ///
    /// - Throws: ``NewsletterCore/NewsletterError`` of kind `configuration` naming the line and column of an
    ///   unknown key or a value of the wrong kind.
    package init(yaml node: YAMLNode?, in source: SourceText? = nil) throws(NewsletterError) {
        self.init()
        guard let node else { return }
        let reader = SectionReader(source: source)
        guard let pairs = node.pairs else { throw reader.error("link_check must be a mapping", at: node) }
        for pair in pairs {
            let key = pair.key.string ?? ""
            let value = pair.value
            switch key {
            case "method":
                guard let method = value.string.flatMap(RequestMethod.init(rawValue:)) else {
                    throw reader.error("method must be one of \(RequestMethod.allCases.map(\.rawValue).joined(separator: ", "))", at: value)
                }
                requestMethod = method
            case "max_concurrency": maxConcurrency = try reader.integer(value, key)
            case "per_host_concurrency": perHostConcurrency = try reader.integer(value, key)
            case "per_host_interval": perHostInterval = try reader.seconds(value, key)
            case "connect_timeout": connectTimeout = try reader.seconds(value, key)
            case "timeout": requestTimeout = try reader.seconds(value, key)
            case "max_retries": maxRetries = try reader.integer(value, key)
            case "retry_delay": retryBaseDelay = try reader.seconds(value, key)
            case "max_retry_after": maxRetryAfter = try reader.seconds(value, key)
            case "max_redirects": maxRedirects = try reader.integer(value, key)
            case "accepted_status":
                let text = value.items == nil ? try reader.string(value, key) : try reader.strings(value, key).joined(separator: ",")
                do {
                    acceptedStatusCodes = try StatusCodeRanges.parse(text)
                } catch {
                    throw reader.error("accepted_status: \(error)", at: value)
                }
            case "user_agent": userAgent = try reader.string(value, key)
            case "headers": headers = try reader.stringMapping(value, key)
            case "hosts": hostSettings = try reader.hosts(value)
            case "exclude":
                excludePatterns = try reader.strings(value, key)
                try reader.checkPatterns(value)
            case "exclude_reserved_domains": excludeReservedDomains = try reader.bool(value, key)
            case "allow_private": allowPrivateAddresses = try reader.bool(value, key)
            case "allow_loopback": allowLoopbackAddresses = try reader.bool(value, key)
            case "allow_link_local": allowLinkLocalAddresses = try reader.bool(value, key)
            case "bot_wall_hosts": botWallHosts = try reader.strings(value, key)
            case "check_fragments": checkFragments = try reader.bool(value, key)
            case "check_remote_fragments": checkRemoteFragments = try reader.bool(value, key)
            case "cache": cacheEnabled = try reader.bool(value, key)
            case "cache_file": cacheFile = URL(fileURLWithPath: try reader.string(value, key))
            case "cache_ttl": cacheTimeToLive = try reader.seconds(value, key)
            default:
                throw reader.error(
                    "unknown link_check key '\(key)'; known keys: \(Self.configurationKeys.joined(separator: ", "))", at: pair.key
                )
            }
        }
    }

    /// Reads values of one section, turning wrong kinds into errors at the value's position.
    private struct SectionReader {
        var source: SourceText?

        func error(_ message: String, at node: YAMLNode) -> NewsletterError {
            guard let source else { return NewsletterError(.configuration, message, location: node.range.start) }
            return NewsletterError(.configuration, message, at: node.range.start, in: source)
        }

        func string(_ node: YAMLNode, _ key: String) throws(NewsletterError) -> String {
            guard let value = node.string else { throw error("\(key) must be a string, not \(node.kindDescription)", at: node) }
            return value
        }

        func strings(_ node: YAMLNode, _ key: String) throws(NewsletterError) -> [String] {
            guard let items = node.items else { throw error("\(key) must be a list of strings, not \(node.kindDescription)", at: node) }
            return try items.map { (item) throws(NewsletterError) in try string(item, key) }
        }

        /// Compiles each pattern of a list, throwing at the first character that is not supported.
        func checkPatterns(_ node: YAMLNode) throws(NewsletterError) {
            for item in node.items ?? [] {
                let pattern = item.string ?? ""
                do {
                    _ = try LinearPattern(pattern)
                } catch {
                    let what = "exclude pattern '\(pattern)'"
                    guard let source else { throw self.error("\(what): \(error)", at: item) }
                    throw PatternErrorLocation.error(error, in: what, at: item, of: source)
                }
            }
        }

        func bool(_ node: YAMLNode, _ key: String) throws(NewsletterError) -> Bool {
            guard let value = node.bool else { throw error("\(key) must be true or false, not \(node.kindDescription)", at: node) }
            return value
        }

        /// A whole number within the key's range (``LinkCheckConfiguration/countRanges``).
        func integer(_ node: YAMLNode, _ key: String) throws(NewsletterError) -> Int {
            let range = LinkCheckConfiguration.countRanges[key]!
            guard let value = node.integer, range.contains(value) else {
                throw error("\(key) must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: node)
            }
            return value
        }

        /// Seconds within the key's range (``LinkCheckConfiguration/secondsRanges``), checked before any conversion,
        /// so that no value (huge, negative, not a number) can overflow one.
        func seconds(_ node: YAMLNode, _ key: String) throws(NewsletterError) -> Duration {
            let range = LinkCheckConfiguration.secondsRanges[key]!
            guard let value = node.double, value.isFinite, range.contains(value) else {
                let bounds = "from \(LinkCheckConfigurationError.format(range.lowerBound)) to \(LinkCheckConfigurationError.format(range.upperBound))"
                throw error("\(key) must be a number of seconds \(bounds)", at: node)
            }
            return .microseconds(Int64((value * 1_000_000).rounded()))
        }

        func stringMapping(_ node: YAMLNode, _ key: String) throws(NewsletterError) -> [String: String] {
            guard let pairs = node.pairs else { throw error("\(key) must be a mapping of names to strings", at: node) }
            var result: [String: String] = [:]
            for pair in pairs { result[try string(pair.key, key)] = try string(pair.value, key) }
            return result
        }

        func hosts(_ node: YAMLNode) throws(NewsletterError) -> [String: HostSettings] {
            guard let pairs = node.pairs else { throw error("hosts must be a mapping of host names to settings", at: node) }
            var result: [String: HostSettings] = [:]
            for pair in pairs {
                let host = try string(pair.key, "hosts")
                guard let fields = pair.value.pairs else { throw error("hosts.\(host) must be a mapping", at: pair.value) }
                var settings = HostSettings()
                for field in fields {
                    let name = field.key.string ?? ""
                    switch name {
                    case "user_agent": settings.userAgent = try string(field.value, name)
                    case "headers": settings.headers = try stringMapping(field.value, name)
                    case "concurrency": settings.concurrency = try integer(field.value, name)
                    case "interval": settings.interval = try seconds(field.value, name)
                    default:
                        throw error("unknown key 'hosts.\(host).\(name)'; known keys: user_agent, headers, concurrency, interval", at: field.key)
                    }
                }
                result[host] = settings
            }
            return result
        }
    }
}
