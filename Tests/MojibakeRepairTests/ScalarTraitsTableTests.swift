@testable import MojibakeRepair
import Testing

/// The scalar table's shortcut for CJK ideographs writes exactly what the standard library's properties give.
@Suite struct ScalarTraitsTableTests {
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
