import DiagnosticReporting
import EditorialChecks
import Foundation
import NewsletterCore
import Testing

/// The report formats written a file at a time: exact text, valid single JSON documents, and windows of long lines.
@Suite("streamed reports")
struct StreamedReportTests {
    static let harbour = SourceText("# Notes\n\nSee [tides](http://tides.example) today.\n", path: "harbour.md")
    static let fog = SourceText("# Fog\n\nRead [x](https://fog.example/{{ref}}).\n", path: "fog.md")

    static func diagnostic(_ source: SourceText, _ offsets: Range<Int>, _ rule: String, _ severity: Severity, fix: String? = nil) -> Diagnostic {
        let range = source.range(utf8Offsets: offsets)
        return Diagnostic(
            ruleID: rule, severity: severity, message: "\(rule) here", range: range,
            fix: fix.map { Fix(summary: "use \($0)", edits: [TextEdit(range: range, replacement: $0)], safety: .suggestion) }
        )
    }

    static let files = [
        CheckedFile(path: "harbour.md", source: harbour, diagnostics: [
            diagnostic(harbour, 21..<25, "insecure-link", .info, fix: "https"),
        ]),
        CheckedFile(path: "empty.md", source: SourceText(""), diagnostics: []),
        CheckedFile(path: "fog.md", source: fog, diagnostics: [diagnostic(fog, 16..<43, "placeholder-link", .error)]),
    ]

    /// Runs a report over `files` (and input errors after the first file), collecting what it writes.
    static func written(_ report: some DiagnosticReporter, files: [CheckedFile] = files, inputErrors: [NewsletterError] = []) throws -> String {
        var report = report
        let collected = Collected()
        // A tiny threshold, so that the pieces are handed on between and inside files.
        let output = ReportOutput(threshold: 16) { collected.text += $0 }
        var tally = ProblemTally()
        try report.begin(into: output)
        for (index, file) in files.enumerated() {
            tally.count(file.diagnostics)
            try report.add(file, into: output)
            if index == 0 { for error in inputErrors { report.add(inputError: error, into: output) } }
        }
        try report.end(tally, into: output)
        output.flush()
        return collected.text
    }

    final class Collected { var text = "" }

    @Test("JSON is the document JSONEncoder wrote whole, problems in file order")
    func json() throws {
        let text = try Self.written(JSONReporter())
        #expect(text == """
            {
              "columnKind" : "unicodeCodePoints",
              "problems" : [
                {
                  "column" : 13,
                  "endColumn" : 17,
                  "endLine" : 3,
                  "file" : "harbour.md",
                  "fix" : {
                    "edits" : [
                      {
                        "column" : 13,
                        "endColumn" : 17,
                        "endLine" : 3,
                        "line" : 3,
                        "replacement" : "https"
                      }
                    ],
                    "safety" : "suggestion",
                    "summary" : "use https"
                  },
                  "line" : 3,
                  "message" : "insecure-link here",
                  "rule" : "insecure-link",
                  "severity" : "info"
                },
                {
                  "column" : 10,
                  "endColumn" : 37,
                  "endLine" : 3,
                  "file" : "fog.md",
                  "line" : 3,
                  "message" : "placeholder-link here",
                  "rule" : "placeholder-link",
                  "severity" : "error"
                }
              ],
              "version" : 1
            }

            """)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document.keys.sorted() == ["columnKind", "problems", "version"])
    }

    @Test("JSON without problems has the empty array JSONEncoder writes")
    func emptyJSON() throws {
        #expect(try Self.written(JSONReporter(), files: []) == "{\n  \"columnKind\" : \"unicodeCodePoints\",\n  \"problems\" : [\n\n  ],\n  \"version\" : 1\n}\n")
    }

    @Test("JSON input errors come after the problems, and the document stays valid")
    func jsonInputErrors() throws {
        let errors = [
            NewsletterError(.io, "no such file or folder", path: "missing.md"),
            NewsletterError(.invalidEncoding, "invalid UTF-8", path: "bad.md", location: SourceLocation(offset: 4, line: 2, column: 3)),
        ]
        let text = try Self.written(JSONReporter(), inputErrors: errors)
        #expect(text.hasSuffix("""
              ],
              "inputErrors" : [
                {
                  "file" : "missing.md",
                  "message" : "no such file or folder"
                },
                {
                  "column" : 3,
                  "file" : "bad.md",
                  "line" : 2,
                  "message" : "invalid UTF-8"
                }
              ],
              "version" : 1
            }

            """))
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect((document["problems"] as? [[String: Any]])?.compactMap { $0["file"] as? String } == ["harbour.md", "fog.md"])
        #expect((document["inputErrors"] as? [[String: Any]])?.compactMap { $0["file"] as? String } == ["missing.md", "bad.md"])
    }

    @Test("SARIF is one valid log: results in file order, then the invocation and the tool")
    func sarif() throws {
        let rules = RuleRegistry.builtIn.descriptions
        let errors = [NewsletterError(.io, "no such file or folder", path: "missing.md")]
        let text = try Self.written(SARIFReporter(toolVersion: "9.9.9", rules: rules), inputErrors: errors)
        #expect(text.hasPrefix("""
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "columnKind" : "unicodeCodePoints",
                  "results" : [
                    {
                      "fixes" : [

            """))
        #expect(text.hasSuffix("\n      }\n    }\n  ],\n  \"version\" : \"2.1.0\"\n}\n"))
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(log.keys.sorted() == ["$schema", "runs", "version"])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run.keys.sorted() == ["columnKind", "invocations", "results", "tool"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.compactMap { $0["ruleId"] as? String } == ["insecure-link", "placeholder-link"])
        #expect(results.compactMap { $0["ruleIndex"] as? Int } == ["insecure-link", "placeholder-link"].compactMap { id in rules.firstIndex { $0.id == id } })
        let notifications = try #require((run["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["version"] as? String == "9.9.9")
        #expect((driver["rules"] as? [Any])?.count == rules.count)
    }

    @Test("SARIF without results or input errors has an empty results array and no invocation")
    func emptySARIF() throws {
        let text = try Self.written(SARIFReporter(toolVersion: "9.9.9", rules: []), files: [])
        #expect(text == """
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "columnKind" : "unicodeCodePoints",
                  "results" : [

                  ],
                  "tool" : {
                    "driver" : {
                      "informationUri" : "https://github.com/newsletterkit/NewsletterKit",
                      "name" : "editorial-check",
                      "rules" : [

                      ],
                      "version" : "9.9.9"
                    }
                  }
                }
              ],
              "version" : "2.1.0"
            }

            """)
    }

    @Test("GitHub writes input errors first, then errors, warnings and notices, each in file order")
    func github() throws {
        let warned = CheckedFile(path: "a.md", source: Self.fog, diagnostics: [
            Self.diagnostic(Self.fog, 16..<43, "emphasis-spacing", .warning),
        ])
        let text = try Self.written(GitHubReporter(), files: [warned] + Self.files,
                                    inputErrors: [NewsletterError(.io, "no such file or folder", path: "missing.md")])
        #expect(text == """
            ::error file=missing.md,title=input-error::no such file or folder
            ::error file=fog.md,line=3,col=10,endLine=3,endColumn=37,title=placeholder-link::placeholder-link here
            ::warning file=a.md,line=3,col=10,endLine=3,endColumn=37,title=emphasis-spacing::emphasis-spacing here
            ::notice file=harbour.md,line=3,col=13,endLine=3,endColumn=17,title=insecure-link::insecure-link here

            """)
    }

    @Test("text writes each problem, then the summary of every file")
    func text() throws {
        let text = try Self.written(TextReporter(colors: false))
        #expect(text == """
            harbour.md:3:13: info: insecure-link here [insecure-link]
            See [tides](http://tides.example) today.
                        ^~~~
              suggestion: use https
            fog.md:3:10: error: placeholder-link here [placeholder-link]
            Read [x](https://fog.example/{{ref}}).
                     ^~~~~~~~~~~~~~~~~~~~~~~~~~~
            1 error, 0 warnings, 1 info, 0 fixable in 3 files

            """)
    }

    // MARK: long lines

    /// The text output for one problem at `offsets` of `line` (the draft's third line).
    static func rendered(line: String, _ offsets: Range<Int>) -> [Substring] {
        let source = SourceText("# Notes\n\n" + line + "\nend\n")
        let base = "# Notes\n\n".utf8.count
        let diagnostic = diagnostic(source, base + offsets.lowerBound..<base + offsets.upperBound, "mojibake", .error)
        return TextReporter(colors: false).render(diagnostic, file: "long.md", source: source).split(separator: "\n").dropFirst().map { $0 }
    }

    static let alphabet = String(repeating: "abcdefghij", count: 30)

    @Test("a long line is shown from its start when the problem is near it")
    func longLineStart() {
        let lines = Self.rendered(line: Self.alphabet, 0..<5)
        #expect(lines == [Substring(Self.alphabet.prefix(117) + "..."), "^~~~~"])
    }

    @Test("a long line is shown as a window around a problem in its middle")
    func longLineMiddle() {
        let lines = Self.rendered(line: Self.alphabet, 150..<155)
        let window = Self.alphabet.dropFirst(110).prefix(114)
        #expect(lines == [Substring("..." + window + "..."), Substring(String(repeating: " ", count: 43) + "^~~~~")])
        #expect(lines[0].count == 120)
    }

    @Test("a long line is shown up to its end when the problem is near it, with more before")
    func longLineEnd() {
        let lines = Self.rendered(line: Self.alphabet, 298..<300)
        #expect(lines == [Substring("..." + Self.alphabet.suffix(117)), Substring(String(repeating: " ", count: 118) + "^~")])
    }

    @Test("a problem running past the window is underlined to the window's end")
    func longRange() {
        let lines = Self.rendered(line: Self.alphabet, 150..<290)
        #expect(lines[1] == Substring(String(repeating: " ", count: 43) + "^" + String(repeating: "~", count: 73)))
    }

    @Test("escapes and wide characters in a window keep the caret under the problem")
    func longLineEscapes() {
        let line = String(repeating: "a", count: 200) + "\u{1B}🤌" + String(repeating: "b", count: 200)
        // The problem is the first b: 200 bytes of a, 1 of ESC, 4 of the emoji before it.
        let lines = Self.rendered(line: line, 205..<206)
        // 40 cells before it: the emoji (2), the escape `\u{1B}` (6) and 32 a; then 74 cells of b.
        #expect(lines == [
            Substring("..." + String(repeating: "a", count: 32) + "\\u{1B}🤌" + String(repeating: "b", count: 74) + "..."),
            Substring(String(repeating: " ", count: 43) + "^"),
        ])
    }

    @Test("an input error on a long line shows a window of it, caret under the column")
    func longInputErrorLine() {
        let line = String(repeating: "| --- ", count: 100)
        let error = NewsletterError(.limitExceeded, "too wide", path: "t.md", location: SourceLocation(offset: 9, line: 4, column: 301), sourceLine: line)
        // 40 cells before the column, 74 from it, and `...` on both sides.
        let window = line.dropFirst(260).prefix(114)
        #expect(VisibleText.describe(error) == "t.md:4:301: error: too wide\n..." + window + "...\n" + String(repeating: " ", count: 43) + "^")
    }

    @Test("a short line is shown whole, as before")
    func shortLine() {
        let lines = Self.rendered(line: "Caf\u{1B} 🤌 x", 10..<11)
        #expect(lines == ["Caf\\u{1B} 🤌 x", Substring(String(repeating: " ", count: 13) + "^")])
    }
}
