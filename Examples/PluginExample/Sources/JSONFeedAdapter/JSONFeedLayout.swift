import NewsletterCore

/// Where a JSON Feed writes its string values: the content of each string (between its quotes) as UTF-8 offsets,
/// the feed's own fields and each item's, in the order the file writes them.
///
/// Foundation's decoder gives values without positions; this walk over the bytes gives positions without values.
/// It trusts the decoder to have accepted the document, and only tracks nesting, strings and which string is a key.
struct JSONFeedLayout {
    /// The content range of every string value, in file order.
    var values: [Range<Int>] = []
    /// For each object directly inside the feed's `items` array, its string fields by key.
    var items: [[String: Range<Int>]] = []

    init(_ source: SourceText) {
        let bytes = Array(source.text.utf8)
        // The containers from the root to where the walk is, each with the key that holds it.
        var containers: [(isArray: Bool, key: String?)] = []
        var lastKey: String?
        var expectingValue = false
        var isItem: Bool { containers.count == 3 && containers[1].isArray && containers[1].key == "items" }
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                containers.append((bytes[index] == UInt8(ascii: "["), expectingValue ? lastKey : nil))
                if isItem && bytes[index] == UInt8(ascii: "{") { items.append([:]) }
                expectingValue = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !containers.isEmpty { containers.removeLast() }
            case UInt8(ascii: ":"):
                expectingValue = true
            case UInt8(ascii: ","):
                expectingValue = false
            case UInt8(ascii: "\""):
                var end = index + 1
                while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
                let content = index + 1..<min(end, bytes.count)
                index = end
                if expectingValue || containers.last?.isArray == true {
                    values.append(content)
                    if expectingValue, isItem, let lastKey { items[items.count - 1][lastKey] = content }
                    expectingValue = false
                } else {
                    lastKey = String(decoding: bytes[content], as: UTF8.self)
                }
            default:
                break
            }
            index += 1
        }
    }
}
