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
    /// fractional seconds) and the English long form `January 03, 2023` (also `Jan 3, 2023`).
    public init(parsing text: String) {
        self.init(text: text, date: Self.parse(text))
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

    private static func parse(_ raw: String) -> Date? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        if let date = parseISO8601(text) { return date }
        return parseLongEnglish(text)
    }

    private static func parseISO8601(_ text: String) -> Date? {
        // Every ISO 8601 form starts with the year; skip building formatters for `January 03, 2023`.
        guard text.utf8.first.map({ (0x30...0x39).contains($0) }) == true else { return nil }
        if ASCIIDate.isASCII(text) {
            if let (year, month, day) = ASCIIDate.isoDay(text) { return utcDate(year: year, month: month, day: day) }
        } else if let match = text.wholeMatch(of: /(\d{4})-(\d{2})-(\d{2})/) {
            return utcDate(year: Int(match.1)!, month: Int(match.2)!, day: Int(match.3)!)
        }
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime], [.withInternetDateTime, .withFractionalSeconds]] {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = options
            if let date = formatter.date(from: text.replacingOccurrences(of: " ", with: "T")) { return date }
        }
        return nil
    }

    private static func parseLongEnglish(_ text: String) -> Date? {
        if ASCIIDate.isASCII(text) {
            guard let (name, day, year) = ASCIIDate.longEnglish(text) else { return nil }
            return longEnglishDate(monthName: name, day: day, year: year)
        }
        guard let match = text.wholeMatch(of: /([A-Za-z]+)\.? +(\d{1,2}),? +(\d{4})/) else { return nil }
        return longEnglishDate(monthName: match.1, day: Int(match.2)!, year: Int(match.3)!)
    }

    private static func longEnglishDate(monthName: Substring, day: Int, year: Int) -> Date? {
        let name = monthName.lowercased()
        guard name.count >= 3,
              let month = monthNames.firstIndex(where: { $0.lowercased().hasPrefix(name) && (name.count == 3 || $0.lowercased() == name) })
        else { return nil }
        return utcDate(year: year, month: month + 1, day: day)
    }

    private static func utcDate(year: Int, month: Int, day: Int) -> Date? {
        // Counted by hand where the calendar is the proleptic Gregorian one: building a Calendar for every draft cost
        // more than the rest of reading its header. Foundation's Gregorian calendar is Julian before October 1582.
        if year >= 1583 && year <= 9999 {
            guard (1...12).contains(month), day >= 1, day <= daysInMonth(month, year: year) else { return nil }
            return Date(timeIntervalSince1970: Double(daysSinceEpoch(year: year, month: month, day: day)) * 86_400)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let components = DateComponents(year: year, month: month, day: day)
        guard components.isValidDate(in: calendar) else { return nil }
        return calendar.date(from: components)
    }

    private static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
