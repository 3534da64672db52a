import Foundation
import Synchronization

/// What a fuzz target does when an input breaks a property that is not a crash (a fix that is not idempotent,
/// a position outside the text).
///
/// By default the input is written to `FUZZ_VIOLATIONS` (a folder, `fuzz-violations` when unset) under the
/// property's name and a hash of the input, with a line on standard error giving the running count, and fuzzing
/// goes on, so that one long run counts how many inputs break a property. With `FUZZ_TRAP=1` the target traps instead, so that libFuzzer stops and can minimize the input
/// (`-minimize_crash=1`).
public enum InvariantCheck {
    private static let trap = ProcessInfo.processInfo.environment["FUZZ_TRAP"] == "1"
    private static let folder = ProcessInfo.processInfo.environment["FUZZ_VIOLATIONS"] ?? "fuzz-violations"
    private static let counts = Mutex<[String: Int]>([:])

    /// Records (or traps on) `input` when `condition` is false.
    public static func expect(
        _ condition: @autoclosure () -> Bool,
        _ property: String,
        input: Data,
        _ detail: @autoclosure () -> String = ""
    ) {
        guard !condition() else { return }
        if trap {
            fatalError("invariant '\(property)' broken: \(detail())")
        }
        let count = counts.withLock { counts in
            if counts.isEmpty { atexit { InvariantCheck.printTotals() } }
            counts[property, default: 0] += 1
            return counts[property]!
        }
        // The first inputs of each property are kept, then one at each power of two, with the running count: one
        // broken property must not fill the disk or the log.
        guard count <= 20 || count & (count - 1) == 0 else { return }
        let name = "\(property)-\(String(hash(input), radix: 16))"
        let url = URL(fileURLWithPath: folder).appendingPathComponent(name)
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try? input.write(to: url)
        FileHandle.standardError.write(Data("INVARIANT \(property) broken (\(detail())); \(count) so far; input saved as \(url.path)\n".utf8))
    }

    /// One `INVARIANT-TOTAL property count` line per broken property, when the process exits (libFuzzer ends a timed
    /// run with `exit`), so that the script reports exact counts.
    private static func printTotals() {
        let totals = counts.withLock { $0 }
        for (property, count) in totals.sorted(by: { $0.key < $1.key }) {
            FileHandle.standardError.write(Data("INVARIANT-TOTAL \(property) \(count)\n".utf8))
        }
    }

    /// FNV-1a, so that the same input always gets the same file name.
    private static func hash(_ data: Data) -> UInt64 {
        data.reduce(0xCBF2_9CE4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
    }
}
