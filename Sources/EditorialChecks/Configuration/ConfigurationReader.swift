import NewsletterCore
import NewsletterYAML
import NewsletterPatterns

/// Turns the YAML tree of a `.newsletterlint.yml` into a ``LintConfiguration``, refusing anything it does
/// not know: a typo in a key or a rule identifier is an error at its line and column, never ignored.
struct ConfigurationReader {
    let source: SourceText
    let registry: RuleRegistry

    private static let topLevelKeys = ["rules", "required_sections", "links", "link_check"]

    func read() throws(NewsletterError) -> LintConfiguration {
        var configuration = LintConfiguration(path: source.path)
        guard let root = try YAMLParser().parse(source) else { return configuration }
        for pair in try pairs(of: root, what: "the configuration") {
            switch try key(of: pair, allowed: Self.topLevelKeys, in: "the configuration") {
            case "rules": configuration.rules = try rules(pair.value)
            case "required_sections": configuration.requiredSections = try requiredSections(pair.value)
            case "links": configuration.links = try links(pair.value)
            default:
                _ = try pairs(of: pair.value, what: "'link_check'")
                configuration.linkCheck = pair.value
            }
        }
        return configuration
    }

    private func rules(_ node: YAMLNode) throws(NewsletterError) -> [String: RuleSettings] {
        var rules: [String: RuleSettings] = [:]
        let known = registry.descriptions
        for pair in try pairs(of: node, what: "'rules'") {
            guard let id = pair.key.text, let rule = known.first(where: { $0.id == id }) else {
                let name = pair.key.text ?? "?"
                throw error("unknown rule '\(name)'\(Self.suggestion(for: name, among: known.map(\.id)))", at: pair.key)
            }
            rules[id] = try settings(pair.value, for: rule)
        }
        return rules
    }

    private func settings(_ node: YAMLNode, for rule: RuleDescription) throws(NewsletterError) -> RuleSettings {
        if let enabled = node.bool { return RuleSettings(isEnabled: enabled) }
        if node.pairs == nil {
            return RuleSettings(isEnabled: true, severity: try severity(node))
        }
        var settings = RuleSettings(isEnabled: true)
        let optionNames = rule.options.map(\.name)
        for pair in try pairs(of: node, what: "rule '\(rule.id)'") {
            switch try key(of: pair, allowed: ["enabled", "severity"] + optionNames, in: "rule '\(rule.id)'") {
            case "enabled": settings.isEnabled = try bool(pair.value)
            case "severity": settings.severity = try severity(pair.value)
            case let name:
                let option = rule.options.first { $0.name == name }!
                settings.options[name] = try optionValue(pair.value, kind: option.kind, name: name)
            }
        }
        return settings
    }

    private func optionValue(_ node: YAMLNode, kind: RuleOption.Kind, name: String) throws(NewsletterError) -> MetadataValue {
        switch kind {
        case .bool: return .bool(try bool(node))
        case .integer:
            guard let value = node.integer else { throw error("'\(name)' must be an integer, not \(node.kindDescription)", at: node) }
            return .integer(value)
        case .string: return .string(try string(node))
        case .stringList: return .list(try strings(node).map(MetadataValue.string))
        }
    }

    private func requiredSections(_ node: YAMLNode) throws(NewsletterError) -> RequiredSections {
        if node.items != nil { return RequiredSections(try sections(node, allowEmptyByDefault: false)) }
        var ordered = true
        var allowEmpty = false
        var sectionsNode: YAMLNode?
        for pair in try pairs(of: node, what: "'required_sections'") {
            switch try key(of: pair, allowed: ["ordered", "allow_empty", "sections"], in: "'required_sections'") {
            case "ordered": ordered = try bool(pair.value)
            case "allow_empty": allowEmpty = try bool(pair.value)
            default: sectionsNode = pair.value
            }
        }
        guard let sectionsNode else { return RequiredSections([], isOrdered: ordered) }
        return RequiredSections(try sections(sectionsNode, allowEmptyByDefault: allowEmpty), isOrdered: ordered)
    }

    private func sections(_ node: YAMLNode, allowEmptyByDefault: Bool) throws(NewsletterError) -> [RequiredSection] {
        guard let items = node.items else { throw error("'sections' must be a list, not \(node.kindDescription)", at: node) }
        var sections: [RequiredSection] = []
        for item in items {
            if let title = item.text, item.scalar != nil {
                sections.append(RequiredSection(title, allowsEmpty: allowEmptyByDefault))
                continue
            }
            var section = RequiredSection("", allowsEmpty: allowEmptyByDefault)
            var hasTitle = false
            for pair in try pairs(of: item, what: "a required section") {
                switch try key(of: pair, allowed: ["title", "aliases", "allow_empty"], in: "a required section") {
                case "title":
                    section.title = try string(pair.value)
                    hasTitle = true
                case "aliases": section.aliases = try strings(pair.value)
                default: section.allowsEmpty = try bool(pair.value)
                }
            }
            guard hasTitle else { throw error("a required section needs a 'title'", at: item) }
            sections.append(section)
        }
        return sections
    }

    private func links(_ node: YAMLNode) throws(NewsletterError) -> LinkPolicy {
        var policy = LinkPolicy()
        for pair in try pairs(of: node, what: "'links'") {
            switch try key(of: pair, allowed: ["exclude", "placeholder_patterns", "allowed_schemes"], in: "'links'") {
            case "exclude": policy.exclude = try patterns(pair.value, what: "exclude pattern")
            case "placeholder_patterns": policy.placeholderPatterns = try patterns(pair.value, what: "placeholder pattern")
            default: policy.allowedSchemes = try strings(pair.value).map { $0.lowercased() }
            }
        }
        return policy
    }

    private func patterns(_ node: YAMLNode, what: String) throws(NewsletterError) -> [TextPattern] {
        var patterns: [TextPattern] = []
        for item in node.items ?? [node] {
            let text = try string(item)
            do {
                patterns.append(try TextPattern.compile(text))
            } catch {
                throw PatternErrorLocation.error(error, in: "\(what) '\(text)'", at: item, of: source)
            }
        }
        return patterns
    }

    private func pairs(of node: YAMLNode, what: String) throws(NewsletterError) -> [YAMLPair] {
        if node.isNull { return [] }
        guard let pairs = node.pairs else { throw error("\(what) must be a mapping, not \(node.kindDescription)", at: node) }
        return pairs
    }

    private func key(of pair: YAMLPair, allowed: [String], in what: String) throws(NewsletterError) -> String {
        guard let key = pair.key.text, allowed.contains(key) else {
            let name = pair.key.text ?? "?"
            throw error("unknown key '\(name)' in \(what)\(Self.suggestion(for: name, among: allowed))", at: pair.key)
        }
        return key
    }

    private func bool(_ node: YAMLNode) throws(NewsletterError) -> Bool {
        guard let value = node.bool else { throw error("expected true or false, not \(node.kindDescription)", at: node) }
        return value
    }

    private func string(_ node: YAMLNode) throws(NewsletterError) -> String {
        guard let value = node.text, node.scalar != nil, !node.isNull else {
            throw error("expected a string, not \(node.kindDescription)", at: node)
        }
        return value
    }

    private func strings(_ node: YAMLNode) throws(NewsletterError) -> [String] {
        guard let items = node.items else { return [try string(node)] }
        var values: [String] = []
        for item in items { values.append(try string(item)) }
        return values
    }

    private func severity(_ node: YAMLNode) throws(NewsletterError) -> Severity {
        guard let text = node.string, let severity = Severity(rawValue: text) else {
            throw error("expected a severity (error, warning, info) or true/false, not '\(node.text ?? node.kindDescription)'", at: node)
        }
        return severity
    }

    private func error(_ message: String, at node: YAMLNode) -> NewsletterError {
        NewsletterError(.configuration, message, at: node.range.start, in: source)
    }

    /// `; did you mean 'x'?` for the closest known name, or a list of the names when nothing is close.
    private static func suggestion(for name: String, among known: [String]) -> String {
        let scored = known.map { (name: $0, distance: distance(name, $0)) }
        if let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= max(2, name.count / 4) {
            return "; did you mean '\(best.name)'?"
        }
        return "; expected one of: \(known.joined(separator: ", "))"
    }

    private static func distance(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs), b = Array(rhs)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in 1...b.count {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }
}
