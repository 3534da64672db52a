import ExportShapedDrafts
import Foundation

// `ExportShapedDraftFiles DIR [COUNT] [SEED] [BYTES]` writes COUNT (default 800) export-shaped drafts into DIR as
// draft-0001.md, draft-0002.md, ...; draft i is `ExportShapedDrafts.draft(seed: SEED + i, ...)` (SEED defaults to 1),
// of BYTES bytes each or, without BYTES, of a size drawn from the range of real exports. The same arguments write
// the same files, so a folder can be rebuilt anywhere instead of being kept in the repository.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let directory = arguments.first,
      let count = arguments.count > 1 ? Int(arguments[1]) : 800,
      let firstSeed = arguments.count > 2 ? UInt64(arguments[2]) : 1
else {
    FileHandle.standardError.write(Data("usage: ExportShapedDraftFiles DIR [COUNT] [SEED] [BYTES]\n".utf8))
    exit(2)
}
let fixedSize = arguments.count > 3 ? Int(arguments[3]) : nil

try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
let digits = max(4, String(count).count)
var totalBytes = 0
for index in stride(from: 1, through: count, by: 1) {
    let seed = firstSeed &+ UInt64(index - 1)
    let text = ExportShapedDrafts.draft(seed: seed, bytes: fixedSize ?? ExportShapedDrafts.typicalByteCount(seed: seed))
    let number = String(repeating: "0", count: max(0, digits - String(index).count)) + String(index)
    try Data(text.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("draft-\(number).md"))
    totalBytes += text.utf8.count
}
print("wrote \(count) drafts, \(totalBytes) bytes, to \(directory)")
