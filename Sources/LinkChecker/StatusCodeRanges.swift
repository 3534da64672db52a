import Foundation

/// Reads accepted status codes written as text, for configuration files: `"100-103, 200-299, 429"`.
package enum StatusCodeRanges {
    /// Parses comma-separated codes and inclusive `low-high` ranges, each within 100-999.
    package static func parse(_ text: String) throws(StatusCodeRangesError) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            let bounds = trimmed.split(separator: "-", omittingEmptySubsequences: false)
                .map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard (1...2).contains(bounds.count), let low = bounds.first ?? nil, let high = bounds.last ?? nil,
                  low <= high, (100...999).contains(low), (100...999).contains(high)
            else { throw StatusCodeRangesError(item: trimmed) }
            ranges.append(low...high)
        }
        return ranges
    }
}

/// A status code list that does not parse; `item` is the part at fault.
package struct StatusCodeRangesError: Error, Equatable, CustomStringConvertible {
    /// The item that is not a code or range.
    package var item: String

    /// A message naming the item.
    package var description: String { "\"\(item)\" is not a status code (100-999) or range such as 200-299" }
}
