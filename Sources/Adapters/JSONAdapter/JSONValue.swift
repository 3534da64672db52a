/// A JSON value as read from a source: objects keep their members in source order, numbers keep their text,
/// and every value knows the UTF-8 offsets it spans, so that callers can point at it in errors.
///
/// Foundation's `JSONSerialization` and `JSONDecoder` drop both member order and positions; this tree keeps them.
/// Two values are equal when both their content and their offsets are.
///
/// ```swift
/// let value = try JSONReader().read(SourceText(#"{"b": 1, "a": [true, null]}"#))
/// value.members?.map(\.key)   // ["b", "a"], as written
/// value["a"]?.offsets         // 14..<26
/// ```
package struct JSONValue: Sendable, Equatable {
    /// What a value is.
    package enum Content: Sendable, Equatable {
        /// `null`.
        case null
        /// `true` or `false`.
        case bool(Bool)
        /// A number exactly as written (`-1.50e3`); converting it, and deciding what to do when it does not fit, is the caller's choice.
        case number(String)
        /// A string with its escapes resolved.
        case string(String)
        /// An array, in order.
        case array([JSONValue])
        /// An object, its members in source order.
        case object([Member])
    }

    /// One member of an object.
    package struct Member: Sendable, Equatable {
        /// The key with its escapes resolved.
        package var key: String
        /// The UTF-8 offsets of the key, quotes included.
        package var keyOffsets: Range<Int>
        /// The value.
        package var value: JSONValue

        /// Creates a member; `keyOffsets` defaults to an empty range for members built in code.
        package init(key: String, value: JSONValue, keyOffsets: Range<Int> = 0..<0) {
            self.key = key
            self.keyOffsets = keyOffsets
            self.value = value
        }
    }

    /// What the value is.
    package var content: Content
    /// The UTF-8 offsets the value spans in its source (quotes and brackets included), or `0..<0` when built in code.
    package var offsets: Range<Int>

    /// Creates a value; `offsets` defaults to an empty range for values built in code.
    package init(_ content: Content, offsets: Range<Int> = 0..<0) {
        self.content = content
        self.offsets = offsets
    }

    /// The members, if this is an object.
    package var members: [Member]? {
        if case .object(let members) = content { return members }
        return nil
    }

    /// The value of the member named `key`, if this is an object that has one.
    package subscript(key: String) -> JSONValue? {
        members?.first { $0.key == key }?.value
    }

    /// The kind of value with an article, for messages: `a string`, `an object`, `null`.
    package var kindDescription: String {
        switch content {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
