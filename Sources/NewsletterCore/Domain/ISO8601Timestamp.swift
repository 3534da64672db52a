import Foundation

/// An ISO 8601 / RFC 3339 date or date-time read by hand: `2024-02-16`, `2024-02-16T09:30:00Z`,
/// `2024-02-16 11:30:00.25+02:00`.
///
/// Not through `ISO8601DateFormatter`: ICU's parser divides by zero on a fraction of about a hundred digits, which
/// a draft's `date:` field must never be able to cause; a grammar this small is also cheaper than a formatter per call.
struct ISO8601Timestamp {
    /// The most fraction digits that carry meaning; the rest are read and ignored.
    private static let fractionDigits = 9

    /// The moment `text` denotes (midnight UTC for a date alone), or `nil` when it is neither a date nor a complete
    /// date-time with seconds and a zone.
    static func date(from text: String) -> Date? {
        var reader = ByteReader(bytes: Array(text.utf8))
        guard let year = reader.number(digits: 4), reader.skip("-"),
              let month = reader.number(digits: 2), reader.skip("-"),
              let day = reader.number(digits: 2)
        else { return nil }
        guard let midnight = UTCDay.midnight(year: year, month: month, day: day) else { return nil }
        if reader.isAtEnd { return midnight }
        guard reader.skip("T") || reader.skip("t") || reader.skip(" "),
              let hour = reader.number(digits: 2), hour < 24, reader.skip(":"),
              let minute = reader.number(digits: 2), minute < 60, reader.skip(":"),
              let second = reader.number(digits: 2), second < 60
        else { return nil }
        var nanoseconds = 0
        if reader.skip(".") {
            var count = 0
            while let digit = reader.digit() {
                if count < fractionDigits { nanoseconds = nanoseconds * 10 + digit }
                count += 1
            }
            guard count > 0 else { return nil }
            for _ in count..<max(count, fractionDigits) { nanoseconds *= 10 }
        }
        guard let offset = reader.zoneOffset(), reader.isAtEnd else { return nil }
        let seconds = Double(hour * 3600 + minute * 60 + second - offset) + Double(nanoseconds) / 1_000_000_000
        return midnight.addingTimeInterval(seconds)
    }

    private struct ByteReader {
        let bytes: [UInt8]
        var index = 0

        var isAtEnd: Bool { index == bytes.count }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
            index += 1
            return true
        }

        mutating func digit() -> Int? {
            guard index < bytes.count, (0x30...0x39).contains(bytes[index]) else { return nil }
            index += 1
            return Int(bytes[index - 1] - 0x30)
        }

        mutating func number(digits: Int) -> Int? {
            var value = 0
            for _ in 0..<digits {
                guard let digit = digit() else { return nil }
                value = value * 10 + digit
            }
            return value
        }

        /// `Z`, `±hh:mm`, `±hhmm` or `±hh`, as seconds east of UTC.
        mutating func zoneOffset() -> Int? {
            if skip("Z") || skip("z") { return 0 }
            let sign: Int
            if skip("+") { sign = 1 } else if skip("-") { sign = -1 } else { return nil }
            guard let hours = number(digits: 2), hours < 24 else { return nil }
            var minutes = 0
            if !isAtEnd {
                _ = skip(":")
                guard let value = number(digits: 2), value < 60 else { return nil }
                minutes = value
            }
            return sign * (hours * 3600 + minutes * 60)
        }
    }
}
