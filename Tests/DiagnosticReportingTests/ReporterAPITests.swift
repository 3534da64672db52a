import DiagnosticReporting
import EditorialChecks
import Foundation
import NewsletterCore
import Testing

/// The reporters as a library user sees them: only public API, one call per report, exact outputs.
@Suite("reporter API")
struct ReporterAPITests {
    /// A draft with an emoji and an escape character before the problem, so that columns, cells and escapes differ.
    static let source = SourceText("# Picks\n\n🤌 \u{1B}[31m see [here](http://example.com/x)\n", path: "picks.md")

    static func diagnostic(_ needle: String, _ rule: String, _ severity: Severity, fix replacement: String? = nil) -> Diagnostic {
        let text = source.text
        let start = text.utf8.distance(from: text.utf8.startIndex, to: text.range(of: needle)!.lowerBound.samePosition(in: text.utf8)!)
        let range = source.range(utf8Offsets: start..<start + needle.utf8.count)
        return Diagnostic(
            ruleID: rule, severity: severity, message: "\(rule) at '\(needle)'", range: range,
            fix: replacement.map { Fix(summary: "write '\($0)'", edits: [TextEdit(range: range, replacement: $0)], safety: .safe) }
        )
    }

    static let file = CheckedFile(path: "picks.md", source: source, diagnostics: [
        diagnostic("here", "non-descriptive-link-text", .warning),
        diagnostic("http", "insecure-link", .error, fix: "https"),
    ])
    static let unreadable = NewsletterError(.io, "cannot read the file: permission denied", path: "locked.md")

    @Test("text: compiler style, the caret under the problem after an emoji and an escaped control character")
    func text() throws {
        var reporter = TextReporter()
        #expect(try reporter.report([Self.file, CheckedFile(path: "empty.md", source: SourceText(""), diagnostics: [])]) == """
            picks.md:3:14: warning: non-descriptive-link-text at 'here' [non-descriptive-link-text]
            🤌 \\u{1B}[31m see [here](http://example.com/x)
                               ^~~~
            picks.md:3:20: error: insecure-link at 'http' [insecure-link]
            🤌 \\u{1B}[31m see [here](http://example.com/x)
                                     ^~~~
              fix: write 'https'
            1 error, 1 warning, 1 fixable in 2 files

            """)
    }

    @Test("text: colours only when asked, one diagnostic rendered on its own")
    func colouredText() {
        let rendered = TextReporter(colors: true).render(Self.file.diagnostics[1], file: "picks.md", source: Self.source)
        #expect(rendered == """
            \u{1B}[1mpicks.md:3:20:\u{1B}[0m \u{1B}[1;31merror\u{1B}[0m: insecure-link at 'http' [insecure-link]
            🤌 \\u{1B}[31m see [here](http://example.com/x)
                                     \u{1B}[1;32m^~~~\u{1B}[0m
              \u{1B}[1;32mfix\u{1B}[0m: write 'https'

            """)
    }

    @Test("a diagnostic placed outside its source (a third-party adapter's bug) is shown, not a crash")
    func rangeOutsideSource() throws {
        let outside = SourceRange(start: SourceLocation(offset: 5000, line: 99, column: 40), end: SourceLocation(offset: 5004, line: 99, column: 44))
        let diagnostic = Diagnostic(ruleID: "stray", severity: .error, message: "stray", range: outside)
        #expect(TextReporter().render(diagnostic, file: "picks.md", source: Self.source) == "picks.md:99:40: error: stray [stray]\n\n^\n")
        var reporter = JSONReporter()
        #expect(try reporter.report([CheckedFile(path: "picks.md", source: Self.source, diagnostics: [diagnostic])]).contains("\"line\" : 99"))
    }

    @Test("json: the documented object, input errors after the problems, and a valid document")
    func json() throws {
        var reporter = JSONReporter()
        let text = try reporter.report([Self.file], inputErrors: [Self.unreadable])
        #expect(text == """
            {
              "columnKind" : "unicodeCodePoints",
              "problems" : [
                {
                  "column" : 14,
                  "endColumn" : 18,
                  "endLine" : 3,
                  "file" : "picks.md",
                  "line" : 3,
                  "message" : "non-descriptive-link-text at 'here'",
                  "rule" : "non-descriptive-link-text",
                  "severity" : "warning"
                },
                {
                  "column" : 20,
                  "endColumn" : 24,
                  "endLine" : 3,
                  "file" : "picks.md",
                  "fix" : {
                    "edits" : [
                      {
                        "column" : 20,
                        "endColumn" : 24,
                        "endLine" : 3,
                        "line" : 3,
                        "replacement" : "https"
                      }
                    ],
                    "safety" : "safe",
                    "summary" : "write 'https'"
                  },
                  "line" : 3,
                  "message" : "insecure-link at 'http'",
                  "rule" : "insecure-link",
                  "severity" : "error"
                }
              ],
              "inputErrors" : [
                {
                  "file" : "locked.md",
                  "message" : "cannot read the file: permission denied"
                }
              ],
              "version" : 1
            }

            """)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test("sarif: the tool named by the caller, its rules indexed, and a valid document")
    func sarif() throws {
        let rules = [RuleDescription(id: "insecure-link", name: "Insecure link", summary: "Links use https.", rationale: "Mail clients warn.", category: .links, defaultSeverity: .error)]
        var reporter = SARIFReporter(toolName: "notes-check", toolVersion: "1.2.3", informationURI: "https://notes.example/check", rules: rules)
        let text = try reporter.report([Self.file])
        #expect(text == """
            {
              "$schema" : "https://json.schemastore.org/sarif-2.1.0.json",
              "runs" : [
                {
                  "columnKind" : "unicodeCodePoints",
                  "results" : [
                    {
                      "level" : "warning",
                      "locations" : [
                        {
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "picks.md"
                            },
                            "region" : {
                              "endColumn" : 18,
                              "endLine" : 3,
                              "startColumn" : 14,
                              "startLine" : 3
                            }
                          }
                        }
                      ],
                      "message" : {
                        "text" : "non-descriptive-link-text at 'here'"
                      },
                      "ruleId" : "non-descriptive-link-text"
                    },
                    {
                      "fixes" : [
                        {
                          "artifactChanges" : [
                            {
                              "artifactLocation" : {
                                "uri" : "picks.md"
                              },
                              "replacements" : [
                                {
                                  "deletedRegion" : {
                                    "endColumn" : 24,
                                    "endLine" : 3,
                                    "startColumn" : 20,
                                    "startLine" : 3
                                  },
                                  "insertedContent" : {
                                    "text" : "https"
                                  }
                                }
                              ]
                            }
                          ],
                          "description" : {
                            "text" : "write 'https'"
                          }
                        }
                      ],
                      "level" : "error",
                      "locations" : [
                        {
                          "physicalLocation" : {
                            "artifactLocation" : {
                              "uri" : "picks.md"
                            },
                            "region" : {
                              "endColumn" : 24,
                              "endLine" : 3,
                              "startColumn" : 20,
                              "startLine" : 3
                            }
                          }
                        }
                      ],
                      "message" : {
                        "text" : "insecure-link at 'http'"
                      },
                      "ruleId" : "insecure-link",
                      "ruleIndex" : 0
                    }
                  ],
                  "tool" : {
                    "driver" : {
                      "informationUri" : "https://notes.example/check",
                      "name" : "notes-check",
                      "rules" : [
                        {
                          "defaultConfiguration" : {
                            "enabled" : true,
                            "level" : "error"
                          },
                          "fullDescription" : {
                            "text" : "Mail clients warn."
                          },
                          "id" : "insecure-link",
                          "name" : "Insecure link",
                          "shortDescription" : {
                            "text" : "Links use https."
                          }
                        }
                      ],
                      "version" : "1.2.3"
                    }
                  }
                }
              ],
              "version" : "2.1.0"
            }

            """)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test("github: input errors first, then errors before warnings, messages escaped")
    func github() throws {
        var reporter = GitHubReporter()
        #expect(try reporter.report([Self.file], inputErrors: [Self.unreadable]) == """
            ::error file=locked.md,title=input-error::cannot read the file: permission denied
            ::error file=picks.md,line=3,col=20,endLine=3,endColumn=24,title=insecure-link::insecure-link at 'http'
            ::warning file=picks.md,line=3,col=14,endLine=3,endColumn=18,title=non-descriptive-link-text::non-descriptive-link-text at 'here'

            """)
    }

    @Test("a report is handed on while files are added, before it ends")
    func streamed() throws {
        var pieces: [String] = []
        let output = ReportOutput(threshold: 1) { pieces.append($0) }
        var reporter = JSONReporter()
        reporter.begin(into: output)
        try reporter.add(Self.file, into: output)
        let beforeEnd = pieces.joined()
        #expect(beforeEnd.hasPrefix("{\n  \"columnKind\" : \"unicodeCodePoints\",\n  \"problems\" : [\n    {\n"))
        #expect(beforeEnd.contains("\"rule\" : \"insecure-link\""))
        var tally = ProblemTally()
        tally.count(Self.file.diagnostics)
        try reporter.end(tally, into: output)
        output.flush()
        var whole = JSONReporter()
        #expect(pieces.joined() == (try whole.report([Self.file])))
    }

    @Test("the tally counts severities, safe fixes and files")
    func tally() {
        var tally = ProblemTally()
        tally.count(Self.file.diagnostics)
        tally.count([])
        #expect(tally == {
            var expected = ProblemTally()
            expected.errors = 1
            expected.warnings = 1
            expected.fixable = 1
            expected.checkedFiles = 2
            return expected
        }())
        #expect(tally.contains(atLeast: .error))
        #expect(tally.contains(atLeast: .warning))
        var clean = ProblemTally()
        clean.count([Self.diagnostic("see", "note", .info)])
        #expect(!clean.contains(atLeast: .warning))
        #expect(TextReporter().summary(clean) == "0 errors, 0 warnings, 1 info, 0 fixable in 1 file")
    }

    @Test("visible text escapes controls and bidirectional overrides, keeping tabs", arguments: [
        ("a\u{1B}[31mb", false, "a\\u{1B}[31mb"),
        ("tab\there", false, "tab\there"),
        ("line\nbreak\r", false, "line\\u{A}break\\u{D}"),
        ("line\nbreak\r", true, "line\nbreak\r"),
        ("abc\u{202E}def\u{2066}", false, "abc\\u{202E}def\\u{2066}"),
        ("café 🤌", false, "café 🤌"),
    ])
    func visibleText(text: String, keepingLineBreaks: Bool, expected: String) {
        #expect(VisibleText.escaping(text, keepingLineBreaks: keepingLineBreaks) == expected)
    }

    @Test("an input error is described compiler style, its line escaped and the caret under the column")
    func describedError() {
        let error = NewsletterError(
            .malformedInput, "unexpected '}'", path: "bad\u{7}.json",
            location: SourceLocation(offset: 3, line: 1, column: 4), sourceLine: "\u{1B}{ }}"
        )
        #expect(VisibleText.describe(error) == "bad\\u{7}.json:1:4: error: unexpected '}'\n\\u{1B}{ }}\n        ^")
    }
}
