import Foundation
@testable import MojibakeRepair
import Testing

/// The scalar table's shortcut for CJK ideographs writes exactly what the standard library's properties give, and
/// the table, filled a block at a time as scalars are met, holds what they give for every scalar.
@Suite struct ScalarTraitsTableTests {
    /// Four threads look up every scalar of the table at once, each from a different place, so that blocks are
    /// filled while other threads read them.
    @Test func theTableFilledFromSeveralThreadsAtOnceHoldsTheComputedEntries() {
        let values = Array(0..<0xA000 as Range<UInt32>) + Array(0xF800..<0x10000 as Range<UInt32>) + Array(0x1F000..<0x1FB00 as Range<UInt32>)
        let differing = Differing()
        DispatchQueue.concurrentPerform(iterations: 4) { thread in
            for offset in 0..<values.count {
                let value = values[(offset + thread * values.count / 4) % values.count]
                let computed = ScalarTraits.computeEntry(value)
                if ScalarTraits.Entry(value).bits != computed.bits || ScalarTraits.category(value) != computed.category {
                    differing.add(value)
                }
            }
        }
        #expect(differing.values.isEmpty, "\(differing.values.prefix(5).map { String($0, radix: 16) })")
    }

    @Test(arguments: [0x3400...0x4DBF, 0x4E00...0x9FFF] as [ClosedRange<UInt32>])
    func ideographEntriesAreTheComputedOnes(block: ClosedRange<UInt32>) {
        let differing = block.filter { value in
            guard let shortcut = ScalarTraits.ideographEntry(value) else { return true }
            let computed = ScalarTraits.computeEntry(value)
            return shortcut.bits != computed.bits || shortcut.category != computed.category
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { String($0, radix: 16) })")
    }

    @Test(arguments: [0x33FF, 0x4DC0, 0x4DFF, 0xA000, 0x41, 0xE9] as [UInt32])
    func otherScalarsTakeNoShortcut(value: UInt32) {
        #expect(ScalarTraits.ideographEntry(value) == nil)
    }
}

/// Scalars whose table entry differs from the computed one, gathered from several threads.
private final class Differing: @unchecked Sendable {
    private let lock = NSLock()
    private var found: [UInt32] = []

    func add(_ value: UInt32) { lock.withLock { found.append(value) } }
    var values: [UInt32] { lock.withLock { found } }
}
