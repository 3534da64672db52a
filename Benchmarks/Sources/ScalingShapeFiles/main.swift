import Foundation
import ScalingShapeDrafts

// `ScalingShapeFiles DIR [SCALE...]` writes every ``ScalingShape`` at each scale (default 1 4 16) into DIR as
// SHAPE-xSCALE.md, and prints one line per file: shape, scale, bytes, path. Benchmarks/Scripts/scaling-shapes.sh
// runs the command-line tool on them.
let arguments = Array(CommandLine.arguments.dropFirst())
guard let directory = arguments.first else {
    FileHandle.standardError.write(Data("usage: ScalingShapeFiles DIR [SCALE...]\n".utf8))
    exit(2)
}
let scales = arguments.count > 1 ? arguments.dropFirst().compactMap { Int($0) } : [1, 4, 16]
try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
for shape in ScalingShape.allCases {
    for scale in scales {
        let text = shape.draft(scale: scale)
        let path = URL(fileURLWithPath: directory).appendingPathComponent("\(shape.rawValue)-x\(scale).md").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        print("\(shape.rawValue) \(scale) \(text.utf8.count) \(path)")
    }
}
