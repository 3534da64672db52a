import NewsletterKitTesting
import Testing
import UTMSourceRule

/// The rule's examples are its tests, verified as NewsletterKit verifies its own rules.
@Test func utmSourceExamples() {
    verifyExamples(of: UTMSourceRule())
}
