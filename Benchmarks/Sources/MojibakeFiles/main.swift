import Foundation
import MojibakeCorpusFiles
import MojibakeRepair

// `MojibakeFiles write DIR` writes clean.txt and mangled.txt (5 MB each) and single-line.txt (10 MB of mangled
// tokens without a line feed) into DIR;
// `MojibakeFiles texts DIR BYTES` writes clean.txt and mangled.txt of about BYTES each into DIR (the inputs of
// Scripts/fix-mojibake-throughput.sh);
// `MojibakeFiles time FILE...` repairs each file repeatedly for three seconds and prints, tab-separated,
// the file name, MB/s of wall-clock time, MB/s of CPU time and the number of edits (on every processor, as
// `editorial-check fix-mojibake` repairs one text; `time-sequential` on the calling thread only; `time-primary` as
// `time-sequential` with Windows-1252, Latin-1 and Mac OS Roman only, so that the other pages' cost shows);
// `MojibakeFiles repair-json IN OUT` repairs each string of the JSON array in IN, writing the array of results;
// `MojibakeFiles spans FILE...` prints every span found with the default and with each region's code pages, and the
// repaired text's length, one line each, so that two versions of the scanner can be compared with diff.
let arguments = CommandLine.arguments.dropFirst()
let size = 5 * 1024 * 1024

switch arguments.first {
case "write":
    guard let directory = arguments.dropFirst().first else { fatalError("usage: MojibakeFiles write DIR") }
    let mangled = NewsletterTextGenerator.mangled(byteCount: size)
    try NewsletterTextGenerator.clean(byteCount: size).write(toFile: directory + "/clean.txt", atomically: true, encoding: .utf8)
    try mangled.text.write(toFile: directory + "/mangled.txt", atomically: true, encoding: .utf8)
    try NewsletterTextGenerator.singleMangledLine(byteCount: 2 * size)
        .write(toFile: directory + "/single-line.txt", atomically: true, encoding: .utf8)
    print(String(format: "wrote clean.txt, mangled.txt (%.1f%% of characters mangled) and single-line.txt", mangled.mangledShare * 100))
case "texts":
    let rest = Array(arguments.dropFirst())
    guard rest.count == 2, let byteCount = Int(rest[1]) else { fatalError("usage: MojibakeFiles texts DIR BYTES") }
    try NewsletterTextGenerator.clean(byteCount: byteCount).write(toFile: rest[0] + "/clean.txt", atomically: true, encoding: .utf8)
    try NewsletterTextGenerator.mangled(byteCount: byteCount).text.write(toFile: rest[0] + "/mangled.txt", atomically: true, encoding: .utf8)
case "time", "time-sequential", "time-primary":
    let parallelism: Mojibake.Parallelism = arguments.first == "time"
        ? .concurrent(threads: ProcessInfo.processInfo.activeProcessorCount) : .sequential
    let codePages = arguments.first == "time-primary" ? Array(Mojibake.defaultCodePages.prefix(3)) : Mojibake.defaultCodePages
    // Wall-clock MB/s, and MB/s of this process's CPU time, which a machine shared with other jobs distorts less.
    for path in arguments.dropFirst() {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let megabytes = Double(text.utf8.count) / 1_000_000
        var runs = 0
        var edits = 0
        let wallClock = ContinuousClock()
        let start = wallClock.now
        let cpuStart = clock_t(clock())
        while wallClock.now - start < .seconds(3) {
            edits = Mojibake.repair(text, codePages: codePages, parallelism: parallelism).edits.count
            runs += 1
        }
        let elapsed = wallClock.now - start
        let cpuSeconds = Double(clock_t(clock()) - cpuStart) / Double(CLOCKS_PER_SEC)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print(String(
            format: "%@\t%.1f\t%.1f\t%d",
            (path as NSString).lastPathComponent, megabytes * Double(runs) / seconds, megabytes * Double(runs) / cpuSeconds, edits
        ))
    }
case "repair-json":
    let paths = Array(arguments.dropFirst())
    guard paths.count == 2 else { fatalError("usage: MojibakeFiles repair-json IN OUT") }
    let inputs = try JSONDecoder().decode([String].self, from: Data(contentsOf: URL(fileURLWithPath: paths[0])))
    try JSONEncoder().encode(inputs.map { Mojibake.repair($0).text }).write(to: URL(fileURLWithPath: paths[1]))
case "spans":
    for path in arguments.dropFirst() {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // A scan follows at most eight pages: the defaults, then the three western pages with each region's.
        let western = Array(Mojibake.defaultCodePages.prefix(3))
        let regions: [(String, [CodePage])] = [
            ("default", Mojibake.defaultCodePages),
            ("cyrillic", western + [.windows1251Sloppy, .koi8R, .cp866, .cp437]),
            ("central-european", western + [.windows1250Sloppy, .iso8859_2, .windows1257Sloppy, .windows1254Sloppy, .windows1253Sloppy]),
        ]
        for (label, pages) in regions {
            for span in Mojibake.scan(text, codePages: pages) {
                print(
                    label, span.utf8Range, span.original.debugDescription, span.replacement.debugDescription,
                    span.misreadings.map(\.identifier), span.damage, span.confidence, span.candidates.map(\.debugDescription)
                )
            }
            for includeGuesses in [false, true] {
                let repaired = Mojibake.repair(text, includeGuesses: includeGuesses, codePages: pages)
                // FNV-1a, stable from run to run unlike `hashValue`.
                let digest = repaired.text.utf8.reduce(UInt64(0xCBF2_9CE4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
                print(label, "repaired", includeGuesses, repaired.text.utf8.count, repaired.edits.count, digest)
            }
        }
    }
default:
    fatalError("usage: MojibakeFiles write DIR | texts DIR BYTES | time FILE... | time-sequential FILE... | time-primary FILE... | repair-json IN OUT | spans FILE...")
}
