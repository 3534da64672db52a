import Foundation
import JSONAdapter

/// Checks a JSON value against the subset of JSON Schema 2020-12 that `Schemas/newsletterkit-issue.schema.json` uses.
/// A keyword outside that subset is itself reported, so the schema cannot grow past what this check understands.
struct SchemaValidator {
    let schema: JSONValue
    /// Every instance path where a `required` list was checked, so a test can show the check reached each level.
    private(set) var requiredChecked: [String] = []
    private(set) var violations: [String] = []

    private static let annotations: Set<String> = ["$schema", "title", "description", "$defs"]

    init(schema: JSONValue) {
        self.schema = schema
    }

    mutating func validate(_ instance: JSONValue) {
        validate(instance, against: schema, path: "$")
    }

    private mutating func validate(_ instance: JSONValue, against subschema: JSONValue, path: String) {
        guard let keywords = subschema.members else {
            violations.append("\(path): the schema here is not an object")
            return
        }
        for keyword in keywords where !Self.annotations.contains(keyword.key) {
            let rule = keyword.value
            switch keyword.key {
            case "$ref":
                guard case .string(let reference) = rule.content, let target = resolve(reference) else {
                    violations.append("\(path): cannot resolve $ref")
                    continue
                }
                validate(instance, against: target, path: path)
            case "type":
                let allowed = strings(rule)
                if !allowed.contains(where: { has(instance, type: $0) }) {
                    violations.append("\(path): expected type \(allowed.joined(separator: " or ")), found \(instance.kindDescription)")
                }
            case "const":
                if !same(instance, rule) { violations.append("\(path): expected the constant \(JSONWriter.prettyPrinted(rule))") }
            case "enum":
                guard case .array(let options) = rule.content else { continue }
                if !options.contains(where: { same(instance, $0) }) { violations.append("\(path): not one of the allowed values") }
            case "required":
                guard let members = instance.members else { continue }
                requiredChecked.append(path)
                for name in strings(rule) where !members.contains(where: { $0.key == name }) {
                    violations.append("\(path): missing required \"\(name)\"")
                }
            case "properties":
                guard let members = instance.members, let properties = rule.members else { continue }
                for member in members {
                    if let property = properties.first(where: { $0.key == member.key }) {
                        validate(member.value, against: property.value, path: "\(path).\(member.key)")
                    }
                }
            case "items":
                guard case .array(let elements) = instance.content else { continue }
                for (index, element) in elements.enumerated() { validate(element, against: rule, path: "\(path)[\(index)]") }
            case "minimum", "maximum":
                guard let bound = number(rule), let value = number(instance) else { continue }
                if keyword.key == "minimum" ? value < bound : value > bound { violations.append("\(path): \(value) is out of range") }
            case "pattern":
                guard case .string(let pattern) = rule.content, case .string(let text) = instance.content else { continue }
                if text.range(of: pattern, options: .regularExpression) == nil { violations.append("\(path): \"\(text)\" does not match \(pattern)") }
            default:
                violations.append("\(path): unsupported schema keyword \(keyword.key)")
            }
        }
    }

    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var node: JSONValue? = schema
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node
    }

    private func strings(_ value: JSONValue) -> [String] {
        switch value.content {
        case .string(let text): [text]
        case .array(let items): items.compactMap { if case .string(let text) = $0.content { text } else { nil } }
        default: []
        }
    }

    private func number(_ value: JSONValue) -> Double? {
        if case .number(let text) = value.content { return Double(text) }
        return nil
    }

    private func has(_ instance: JSONValue, type: String) -> Bool {
        switch (type, instance.content) {
        case ("null", .null), ("boolean", .bool), ("number", .number), ("string", .string), ("array", .array), ("object", .object): true
        case ("integer", .number(let text)): Int(text) != nil
        default: false
        }
    }

    /// Equality of JSON values regardless of where they were written.
    private func same(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs.content, rhs.content) {
        case (.number(let left), .number(let right)): Double(left) == Double(right)
        case (.array(let left), .array(let right)): left.count == right.count && zip(left, right).allSatisfy { same($0, $1) }
        case (.object(let left), .object(let right)):
            left.count == right.count && left.allSatisfy { member in right.contains { $0.key == member.key && same($0.value, member.value) } }
        default: lhs.content == rhs.content
        }
    }
}
