import CmarkBaselineParser
import Foundation

// `CmarkFileParsing PATH...` reads every file named, and every `.md` file in a folder named (recursively, in path
// order), and parses each with cmark-gfm alone (`BareCmarkParser`: the library's options and extensions), one after
// another: the whole-process baseline of Scripts/folder-check.sh, which measures `editorial-check check --offline`
// on the same bytes.
let arguments = Array(CommandLine.arguments.dropFirst())
guard !arguments.isEmpty else {
    FileHandle.standardError.write(Data("usage: CmarkFileParsing PATH...\n".utf8))
    exit(2)
}

var files: [String] = []
for path in arguments {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
        FileHandle.standardError.write(Data("CmarkFileParsing: no such file or folder: \(path)\n".utf8))
        exit(2)
    }
    guard isFolder.boolValue else {
        files.append(path)
        continue
    }
    let found = FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".md") } ?? []
    files += found.sorted().map { path + "/" + $0 }
}

var bytes = 0
var blocks = 0
for file in files {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("CmarkFileParsing: cannot read \(file)\n".utf8))
        exit(2)
    }
    bytes += data.count
    blocks += BareCmarkParser.parse([UInt8](data))
}
print("parsed \(files.count) files, \(bytes) bytes, \(blocks) top-level blocks")
