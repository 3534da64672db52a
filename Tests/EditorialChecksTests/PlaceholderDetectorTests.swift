@testable import EditorialChecks
import Testing

@Suite struct PlaceholderDetectorTests {
    let detector = PlaceholderDetector(extraPatterns: [TextPattern("\\bFIXME\\b")!])

    @Test(arguments: [
        ("https://acme.dev/?ref=PLACEHOLDER", "PLACEHOLDER"),
        ("{{rp_refer_url}}", "{{rp_refer_url}}"),
        ("https://acme.dev/?e={{email}}&x=1", "{{email}}"),
        ("*|UNSUB|*", "*|UNSUB|*"),
        ("https://acme.dev/%%user%%", "%%user%%"),
        ("https://acme.dev/[[id]]", "[[id]]"),
        ("https://acme.dev/TODO", "TODO"),
        ("https://acme.dev/post?status=TBD", "TBD"),
        ("https://acme.dev/XXX/", "XXX"),
        ("https://www.example.com/a", "example.com"),
        ("https://example.org", "example.org"),
        ("https://acme.dev/%7B%7Bsubscriber_id%7D%7D", "{{subscriber_id}}"),
        ("https://acme.dev/FIXME", "FIXME"),
        ("#", "#"),
        ("", ""),
        ("  ", ""),
    ])
    func placeholders(destination: String, found: String) {
        #expect(detector.placeholder(inDestination: destination) == found)
    }

    @Test(arguments: [
        "https://acme.dev/todos", "https://acme.dev/XXXL", "https://acme.dev/a%20b", "https://notexample.com/",
        "https://acme.dev/placeholder-images", "#section", "mailto:ada@acme.dev",
    ])
    func realDestinations(destination: String) {
        #expect(detector.placeholder(inDestination: destination) == nil)
    }
}
