import Foundation
import NewsletterCore
import NewsletterYAML
import Testing

@Suite struct YAMLTimestampTests {
    @Test(arguments: [
        ("2024-02-16", 1_708_041_600.0),
        ("2024-02-16T09:30:00Z", 1_708_075_800),
        ("2024-02-16t09:30:00.5Z", 1_708_075_800.5),
        ("2024-02-16 09:30:00 +01:00", 1_708_072_200),
        ("2024-2-6T9:30:00-5", 1_707_229_800),
        ("2024-02-16 09:30:00", 1_708_075_800),
    ])
    func timestampsDenoteMoments(text: String, secondsSince1970: Double) throws {
        let root = try #require(try YAMLParser().parse(SourceText("date: \(text)\n")))
        let scalar = try #require(root["date"]?.scalar)
        #expect(scalar.timestamp == Date(timeIntervalSince1970: secondsSince1970))
        #expect(scalar.text == text)
    }

    @Test(arguments: ["2024-02-30", "'2024-02-16'", "2024-02-16T25:00:00Z", "16.02.2024"])
    func otherTextIsNoTimestamp(text: String) throws {
        let root = try #require(try YAMLParser().parse(SourceText("date: \(text)\n")))
        #expect(root["date"]?.scalar?.timestamp == nil)
    }
}
