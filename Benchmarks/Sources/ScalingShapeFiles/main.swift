import Foundation
import ScalingShapeDrafts

// `ScalingShapeFiles DIR [SCALE...] [--shape NAME]` writes every ``ScalingShape`` (or the one named) at each scale
// (default 1 4 16) into DIR as SHAPE-xSCALE.md, and prints one line per file: shape, scale, bytes, path.
// Benchmarks/Scripts/scaling-shapes.sh runs the command-line tool on them; one shape at a large scale makes the
// 64 MiB inputs of the bad-input bound.
var arguments = Array(CommandLine.arguments.dropFirst())
var only: ScalingShape?
if let flag = arguments.firstIndex(of: "--shape"), flag + 1 < arguments.count {
    guard let named = ScalingShape(rawValue: arguments[flag + 1]) else {
        FileHandle.standardError.write(Data("unknown shape '\(arguments[flag + 1])'\n".utf8))
        exit(2)
    }
    only = named
    arguments.removeSubrange(flag...flag + 1)
}
guard let directory = arguments.first else {
    FileHandle.standardError.write(Data("usage: ScalingShapeFiles DIR [SCALE...] [--shape NAME]\n".utf8))
    exit(2)
}
let scales = arguments.count > 1 ? arguments.dropFirst().compactMap { Int($0) } : [1, 4, 16]
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
for shape in ScalingShape.allCases where only == nil || shape == only {
    for scale in scales {
        let text = shape.draft(scale: scale)
        let path = URL(fileURLWithPath: directory).appendingPathComponent("\(shape.rawValue)-x\(scale).md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        print("\(shape.rawValue) \(scale) \(text.utf8.count) \(path)")
    }
}
