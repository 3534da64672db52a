@testable import DiagnosticReporting
import Testing

/// The byte test that lets clean text skip escaping agrees with the escapes themselves, scalar by scalar.
@Suite struct VisibleTextTests {
    @Test(arguments: [false, true])
    func byteTestAgreesWithEscapes(keepingLineBreaks: Bool) {
        let scalars = (0...0x3000 as ClosedRange<UInt32>).compactMap(Unicode.Scalar.init) + ["🤌", "\u{10FFFF}"]
        let disagreeing = scalars.filter { scalar in
            let alone = String(scalar), between = "a" + String(scalar) + "’"
            let escaped = VisibleText.escape(scalar, keepingLineBreaks: keepingLineBreaks) != nil
            return VisibleText.needsEscaping(alone, keepingLineBreaks: keepingLineBreaks) != escaped
                || VisibleText.needsEscaping(between, keepingLineBreaks: keepingLineBreaks) != escaped
        }
        #expect(disagreeing.isEmpty, "\(disagreeing.prefix(5).map { String($0.value, radix: 16) })")
    }

    @Test func escapingKeepsCleanTextAndEscapesControls() {
        #expect(VisibleText.escaping("“quoted” – ⭐️ 서울") == "“quoted” – ⭐️ 서울")
        #expect(VisibleText.escaping("a\u{202E}b\u{85}c\u{1B}") == "a\\u{202E}b\\u{85}c\\u{1B}")
        #expect(VisibleText.escaping("a\nb", keepingLineBreaks: true) == "a\nb")
        #expect(VisibleText.escaping("a\nb") == "a\\u{A}b")
    }
}
