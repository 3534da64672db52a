import CFuzzerDriver
import Foundation

/// What every fuzz target's entry point does: write its seed corpus when asked, or hand over to libFuzzer.
///
/// - `FUZZ_WRITE_SEEDS=folder`: write the target's seed corpus (generated, never real newsletters) and exit.
/// - otherwise the arguments go to libFuzzer unchanged (`-max_total_time=60 corpus/ seeds/` and so on).
public enum Fuzzing {
    /// The callback type libFuzzer calls with each input.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Runs a target; `seeds` gives its seed corpus as named inputs.
    public static func main(
        _ argc: Int32,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        seeds: () -> [(name: String, data: Data)],
        test: TestOneInput
    ) -> Int32 {
        if let folder = ProcessInfo.processInfo.environment["FUZZ_WRITE_SEEDS"] {
            return write(seeds(), to: folder)
        }
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }

    /// The input libFuzzer passes, as `Data` (libFuzzer may pass a null pointer for the empty input).
    public static func data(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Data {
        guard let bytes, count > 0 else { return Data() }
        return Data(bytes: bytes, count: count)
    }

    private static func write(_ seeds: [(name: String, data: Data)], to folder: String) -> Int32 {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for seed in seeds {
                try seed.data.write(to: URL(fileURLWithPath: folder).appendingPathComponent(seed.name))
            }
            print("wrote \(seeds.count) seeds to \(folder)")
            return 0
        } catch {
            FileHandle.standardError.write(Data("cannot write seeds to \(folder): \(error)\n".utf8))
            return 1
        }
    }
}
