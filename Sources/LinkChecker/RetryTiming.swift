import Foundation

/// Waits between attempts: exponential backoff with jitter, and `Retry-After` parsing.
enum RetryTiming {
    /// The wait before retry number `attempt` (1 for the first retry): `base * 2^(attempt-1)`, scaled by a random
    /// factor in 0.5..<1.0 so that requests failing together do not retry together.
    static func backoff(attempt: Int, base: Duration) -> Duration {
        let factor = Double(1 << min(max(attempt - 1, 0), 16))
        return base * (factor * Double.random(in: 0.5..<1.0))
    }

    /// The delay a `Retry-After` value asks for: delta-seconds (`120`) or an HTTP date
    /// (`Wed, 21 Oct 2026 07:28:00 GMT`, also the obsolete RFC 850 and asctime forms); `nil` when unreadable.
    /// A date in the past asks for no delay.
    static func retryAfter(_ value: String, now: Date = Date()) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(trimmed) { return seconds >= 0 ? .seconds(seconds) : nil }
        for format in httpDateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: trimmed) {
                let delta = date.timeIntervalSince(now)
                return delta > 0 ? .milliseconds(Int64((delta * 1000).rounded(.up))) : .zero
            }
        }
        return nil
    }

    private static let httpDateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}
