@testable import DiagnosticReporting
import EditorialChecks
import NewsletterCore
import Foundation
import TestSupport
import Testing

/// The SARIF log writes each result by hand, and must write exactly the bytes `JSONEncoder` (through `PrettyJSON`)
/// wrote for it: every escape, every optional part, every indent.
@Suite("SARIF results written by hand")
struct SARIFResultEncodingTests {
    /// The result written from the stored diagnostic, and the one JSONEncoder writes for its `Result`.
    static func written(_ diagnostic: Diagnostic, path: String, ruleIndex: Int?, first: Bool) throws -> (String, String) {
        var uri: [UInt8] = []
        uri.append(jsonString: path)
        var written: [UInt8] = []
        StoredDiagnostic.with(diagnostic) { SARIFReporter.appendResult($0, uri: uri, ruleIndex: ruleIndex, first: first, to: &written) }
        let location = SARIFReporter.ArtifactLocation(uri: path)
        let result = SARIFReporter.Result(
            ruleId: diagnostic.ruleID,
            ruleIndex: ruleIndex,
            level: ["error": "error", "warning": "warning", "info": "note"][diagnostic.severity.rawValue]!,
            message: SARIFReporter.Message(text: diagnostic.message),
            locations: [SARIFReporter.Location(physicalLocation: SARIFReporter.PhysicalLocation(
                artifactLocation: location, region: SARIFReporter.Region(diagnostic.range)
            ))],
            fixes: diagnostic.fix.map { fix in
                [SARIFReporter.Fix(description: SARIFReporter.Message(text: fix.summary), artifactChanges: [SARIFReporter.ArtifactChange(
                    artifactLocation: location,
                    replacements: fix.edits.map {
                        SARIFReporter.Replacement(deletedRegion: SARIFReporter.Region($0.range), insertedContent: SARIFReporter.Content(text: $0.replacement))
                    }
                )])]
            }
        )
        let encoded = try PrettyJSON().element(result, depth: 3, first: first)
        return (String(decoding: written, as: UTF8.self), encoded)
    }

    @Test(arguments: JSONProblemEncodingTests.awkwardTexts.indices)
    func agreesWithJSONEncoder(textIndex: Int) throws {
        let text = JSONProblemEncodingTests.awkwardTexts[textIndex]
        for edits in [nil, 0, 1, 3] as [Int?] {
            for (first, ruleIndex) in [(true, 0), (false, 17), (false, nil)] as [(Bool, Int?)] {
                let diagnostic = JSONProblemEncodingTests.diagnostic(text: text, fix: edits, number: textIndex)
                let (written, encoded) = try Self.written(diagnostic, path: "notes/\(text).md", ruleIndex: ruleIndex, first: first)
                #expect(written == encoded, "\(text.debugDescription) \(String(describing: edits))")
            }
        }
    }

    @Test func agreesWithJSONEncoderOnGeneratedText() throws {
        for (number, text) in JSONProblemEncodingTests.generatedTexts(seed: 27).enumerated() {
            let diagnostic = JSONProblemEncodingTests.diagnostic(text: text, fix: number % 3 == 0 ? nil : number % 4, number: number)
            let (written, encoded) = try Self.written(diagnostic, path: "notes/\(text).md", ruleIndex: number % 5 == 0 ? nil : number, first: number % 2 == 0)
            #expect(written == encoded)
        }
    }
}
