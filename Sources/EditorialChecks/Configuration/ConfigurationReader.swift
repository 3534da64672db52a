import NewsletterCore
internal import NewsletterYAML
import NewsletterPatterns

/// Turns the YAML tree of a `.newsletterlint.yml` into a ``LintConfiguration``, refusing anything it does
/// not know: a typo in a key is an error at its line and column, never ignored. A rule identifier that neither the
/// registry nor `custom_rules:` knows is a warning (an error when `strict`), since another tool's registry may know it.
struct ConfigurationReader {
    let source: SourceText
    let registry: RuleRegistry
    var strict = false

    private static let topLevelKeys = ["rules", "required_sections", "links", "link_check", "custom_rules"]
    private static let customRuleKeys = ["name", "pattern", "scope", "message", "severity", "examples"]

    func read() throws(NewsletterError) -> LintConfiguration {
        var configuration = LintConfiguration(path: source.path)
        configuration.source = source
        guard let root = try YAMLParser().parse(source) else { return configuration }
        let pairs = try self.pairs(of: root, what: "the configuration")
        // Custom rules first, so that `rules:` may configure them wherever they are written.
        for pair in pairs where pair.key.text == "custom_rules" {
            configuration.customRules = try customRules(pair.value)
        }
        for pair in pairs {
            switch try key(of: pair, allowed: Self.topLevelKeys, in: "the configuration") {
            case "rules": (configuration.rules, configuration.warnings) = try rules(pair.value, custom: configuration.customRules)
            case "required_sections": configuration.requiredSections = try requiredSections(pair.value)
            case "links": configuration.links = try links(pair.value)
            case "custom_rules": break
            default:
                _ = try self.pairs(of: pair.value, what: "'link_check'")
                configuration.linkCheck = pair.value
            }
        }
        return configuration
    }

    private func rules(_ node: YAMLNode, custom: [CustomRule]) throws(NewsletterError) -> ([String: RuleSettings], [ConfigurationWarning]) {
        var rules: [String: RuleSettings] = [:]
        var warnings: [ConfigurationWarning] = []
        let known = registry.descriptions + custom.map(\.description)
        for pair in try pairs(of: node, what: "'rules'") {
            guard let id = pair.key.text, let rule = known.first(where: { $0.id == id }) else {
                let warning = unknownRule(pair.key.text ?? "?", at: pair.key, known: known.map(\.id))
                if strict { throw warning.error }
                warnings.append(warning)
                continue
            }
            rules[id] = try settings(pair.value, for: rule)
        }
        return (rules, warnings)
    }

    /// The warning for a rule identifier nobody knows, naming the closest known one.
    private func unknownRule(_ id: String, at node: YAMLNode, known: [String]) -> ConfigurationWarning {
        let closest = known.map { (id: $0, distance: Self.distance(id, $0)) }.min { $0.distance < $1.distance }
        var message = "unknown rule '\(id)'"
        var suggestion: String?
        if let closest {
            suggestion = closest.id
            message += Self.isClose(closest.distance, to: id)
                ? "; did you mean '\(closest.id)'?" : "; the closest known rule is '\(closest.id)'"
        }
        let location = node.range.start
        return ConfigurationWarning(
            message: message, ruleID: id, suggestion: suggestion,
            path: source.path, location: location, sourceLine: String(source.lineText(location.line))
        )
    }

    private func customRules(_ node: YAMLNode) throws(NewsletterError) -> [CustomRule] {
        var rules: [CustomRule] = []
        for pair in try pairs(of: node, what: "'custom_rules'") {
            let id = try string(pair.key)
            guard RuleDescription.isValidIdentifier(id) else {
                throw error("custom rule identifier '\(id)' is not kebab-case (lower-case words joined by '-')", at: pair.key)
            }
            guard registry.description(id: id) == nil else {
                throw error("custom rule '\(id)' has the identifier of a registered rule; choose another", at: pair.key)
            }
            rules.append(try customRule(id, pair.value, at: pair.key))
        }
        return rules
    }

    private func customRule(_ id: String, _ node: YAMLNode, at keyNode: YAMLNode) throws(NewsletterError) -> CustomRule {
        var name: String?
        var pattern: TextPattern?
        var scopes: [CustomRule.Scope] = [.prose]
        var message: String?
        var severity = Severity.warning
        var examples: (triggering: [RuleExample], nonTriggering: [RuleExample]) = ([], [])
        let what = "custom rule '\(id)'"
        guard node.pairs != nil else { throw error("\(what) must be a mapping, not \(node.kindDescription)", at: node) }
        for pair in try pairs(of: node, what: what) {
            switch try key(of: pair, allowed: Self.customRuleKeys, in: what) {
            case "name": name = try string(pair.value)
            case "pattern": pattern = try self.pattern(pair.value, what: "pattern of \(what)")
            case "scope": scopes = try self.scopes(pair.value)
            case "message": message = try string(pair.value)
            case "severity": severity = try self.severity(pair.value)
            default: examples = try self.examples(pair.value, of: what)
            }
        }
        guard let pattern else { throw error("\(what) needs a 'pattern'", at: keyNode) }
        guard let message, !message.isEmpty else { throw error("\(what) needs a 'message'", at: keyNode) }
        return CustomRule(
            id: id, pattern: pattern, scopes: scopes, message: message, severity: severity, name: name,
            nonTriggeringExamples: examples.nonTriggering, triggeringExamples: examples.triggering
        )
    }

    private func scopes(_ node: YAMLNode) throws(NewsletterError) -> [CustomRule.Scope] {
        var scopes: [CustomRule.Scope] = []
        for item in node.items ?? [node] {
            let name = try string(item)
            guard let scope = CustomRule.Scope(rawValue: name) else {
                let names = CustomRule.Scope.allCases.map(\.rawValue)
                throw error("unknown scope '\(name)'\(Self.suggestion(for: name, among: names))", at: item)
            }
            if !scopes.contains(scope) { scopes.append(scope) }
        }
        guard !scopes.isEmpty else { throw error("'scope' needs at least one of: prose, link_destination, link_text, heading", at: node) }
        return scopes
    }

    private func examples(_ node: YAMLNode, of what: String) throws(NewsletterError) -> (triggering: [RuleExample], nonTriggering: [RuleExample]) {
        var triggering: [RuleExample] = []
        var nonTriggering: [RuleExample] = []
        for pair in try pairs(of: node, what: "the examples of \(what)") {
            switch try key(of: pair, allowed: ["triggering", "non_triggering"], in: "the examples of \(what)") {
            case "triggering": triggering = try exampleList(pair.value)
            default: nonTriggering = try exampleList(pair.value)
            }
        }
        return (triggering, nonTriggering)
    }

    /// Examples written as strings (beehiiv drafts) or as mappings with `text` and `format`.
    private func exampleList(_ node: YAMLNode) throws(NewsletterError) -> [RuleExample] {
        guard let items = node.items else { throw error("examples must be a list, not \(node.kindDescription)", at: node) }
        var examples: [RuleExample] = []
        for item in items {
            var example: RuleExample
            if item.pairs == nil {
                example = RuleExample(stringLiteral: try string(item))
            } else {
                var text: String?
                var format = "beehiiv"
                for pair in try pairs(of: item, what: "an example") {
                    switch try key(of: pair, allowed: ["text", "format"], in: "an example") {
                    case "text": text = try string(pair.value)
                    default: format = try string(pair.value)
                    }
                }
                guard let text else { throw error("an example needs a 'text'", at: item) }
                example = RuleExample(stringLiteral: text)
                example.format = format
            }
            let start = item.range.start
            example.location = ExampleLocation(filePath: source.path ?? LintConfiguration.fileName, line: start.line, column: start.column)
            examples.append(example)
        }
        return examples
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
            patterns.append(try pattern(item, what: what))
        }
        return patterns
    }

    private func pattern(_ node: YAMLNode, what: String) throws(NewsletterError) -> TextPattern {
        let text = try string(node)
        do {
            return try TextPattern.compile(text)
        } catch {
            throw PatternErrorLocation.error(error, in: "\(what) '\(text)'", at: node, of: source)
        }
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
        if let best = scored.min(by: { $0.distance < $1.distance }), isClose(best.distance, to: name) {
            return "; did you mean '\(best.name)'?"
        }
        return "; expected one of: \(known.joined(separator: ", "))"
    }

    /// Whether an edit distance from `name` is small enough to be a typo.
    private static func isClose(_ distance: Int, to name: String) -> Bool {
        distance <= max(2, name.count / 4)
    }

    /// The Levenshtein distance in characters.
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
