@testable import EditorialChecks
import Testing

/// The placeholders of a draft's destinations, kept only for the links that have one, are given back by link index,
/// on either side of every 64-link word of the bits that say which links have one.
@Suite struct DestinationPlaceholdersTests {
    @Test(arguments: [0, 1, 63, 64, 65, 130])
    func givesBackEachLinksPlaceholder(count: Int) {
        let marked: Set<Int> = [0, 62, 63, 64, 65, 127, 128, 129]
        func placeholder(_ index: Int) -> String? { marked.contains(index) ? "{{name-\(index)}}" : nil }
        let placeholders = DestinationPlaceholders(count: count, placeholder: placeholder)
        #expect((0..<count).map { placeholders[$0] } == (0..<count).map(placeholder))
    }
}
