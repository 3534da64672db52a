@testable import EditorialChecks
import Testing

@Suite struct SectionTitleKeyTests {
    @Test(arguments: [
        "Ben's Picks", "**🤌 Ben’s Picks**", "<mark>**BEN'S PICKS**</mark>", "ü§å Ben‚Äôs picks:", "\u{F8FF}ü§å Ben’s Picks",
        "🤌\u{FE0F} ben's picks!", "Ben's  Picks 🔥", "*Ben's* __Picks__",
    ])
    func variantsShareOneKey(title: String) {
        #expect(SectionTitleKey.key(title) == "ben's picks")
    }

    @Test func differentTitlesDiffer() {
        #expect(SectionTitleKey.key("REAL REVIEWS") == "real reviews")
        #expect(SectionTitleKey.key("Picks of the week") == "picks of the week")
    }
}
