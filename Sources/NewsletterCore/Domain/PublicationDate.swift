import Foundation

/// A publication date: the text as written, and the moment it denotes where the text parses.
///
/// Keeping the text means a draft is written back exactly as it was (`January 03, 2023` stays that way),
/// while the parsed value lets formats with their own date syntax (YAML timestamps, ISO 8601 in JSON) convert it.
public struct PublicationDate: Sendable, Equatable, Codable {
    /// The date exactly as written in the source.
    public var text: String
    /// The parsed moment (midnight UTC for a date without a time), or `nil` when the text does not parse.
    public var date: Date?

    /// Creates a date from its text and, if known, the parsed value.
    public init(text: String, date: Date? = nil) {
        self.text = text
        self.date = date
    }

    /// Parses the forms newsletters use: ISO 8601 (`2024-02-16`, `2024-02-16T09:30:00Z`, with an offset or
    /// fractional seconds) and the English long form `January 03, 2023` (also `Jan 3, 2023`). A text of more than
    /// 4 KiB, blanks trimmed, is not read as a date.
    public init(parsing text: String) {
        self.init(text: text, date: Self.date(parsing: text[...]))
    }

    /// The date as `yyyy-MM-dd` when it falls on midnight UTC, or full ISO 8601 with `Z` otherwise.
    public var iso8601: String? {
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .nanosecond], from: date)
        let day = String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        if parts.hour == 0 && parts.minute == 0 && parts.second == 0 && parts.nanosecond == 0 { return day }
        return day + String(format: "T%02d:%02d:%02dZ", parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }

    /// The date in the long English form beehiiv exports use: `January 03, 2023`.
    public var longEnglish: String? {
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return "\(Self.monthNames[month - 1]) \(String(format: "%02d", day)), \(year)"
    }

    private static let monthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]
    /// Lower-cased once: the header of every draft of a folder is read for a date.
    private static let lowercasedMonthNames = monthNames.map { $0.lowercased() }

    /// The longest text, blanks trimmed, read as a date. The longest form with nine digits of fraction and an offset is
    /// under 40 bytes, and fractions of hundreds of digits are still read (the digits past nine ignored); a longer
    /// text, such as a draft's first line of megabytes, is not a date, and is not copied to find that out.
    package static let longestDateText = 4096

    /// The date `raw` denotes in one of the forms of ``init(parsing:)``, without copying a text too long to be one.
    package static func date(parsing raw: Substring) -> Date? {
        let trimmed = trimmingBlanks(raw)
        guard trimmed.utf8.count <= longestDateText else { return nil }
        let text = String(trimmed)
        if let date = ISO8601Timestamp.date(from: text) { return date }
        return parseLongEnglish(text)
    }

    /// `raw` without leading and trailing tabs and space separators (Unicode's Zs: what `CharacterSet.whitespaces`
    /// holds), read by scalar: Foundation's trimming bridges the string first, which cost more than the parse on the
    /// first line of every draft, a date or not.
    private static func trimmingBlanks(_ raw: Substring) -> Substring {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || (!scalar.isASCII && scalar.properties.generalCategory == .spaceSeparator)
        }
        let scalars = raw.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isBlank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isBlank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return Substring(scalars[start..<end])
    }

    private static func parseLongEnglish(_ text: String) -> Date? {
        guard let (monthName, day, year) = LongEnglishDate.fields(of: text) else { return nil }
        let name = monthName.lowercased()
        guard name.count >= 3,
              let month = lowercasedMonthNames.firstIndex(where: { $0.hasPrefix(name) && (name.count == 3 || $0 == name) })
        else { return nil }
        return UTCDay.midnight(year: year, month: month + 1, day: day)
    }
}
