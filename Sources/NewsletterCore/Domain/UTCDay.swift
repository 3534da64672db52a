import Foundation

/// Midnight UTC of a calendar day, the moment a date without a time denotes.
enum UTCDay {
    /// The moment, or `nil` for a day the calendar does not have (`2023-02-29`, month 13).
    static func midnight(year: Int, month: Int, day: Int) -> Date? {
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
