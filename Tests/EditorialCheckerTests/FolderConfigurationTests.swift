import Foundation
import Testing

/// The configuration is looked up and read once per folder of drafts (`FolderConfigurations`); every draft must still
/// get the configuration nearest to it, and a configuration that fails must fail every draft of its folder alone.
@Suite("configuration per folder")
struct FolderConfigurationTests {
    /// A clean draft but for one placeholder link, reported by `placeholder-link` at 10:21.
    static let draft = """
        # The Harbour Notes: Calm water

        ### PLUS: the lighthouse reopens

        [Ines Calder](https://harbournotes.example/authors/ines)\\
        April 09, 2026

        ## **⚓ Knot of the Week**

        The [bowline guide](https://knots.example/bowline?ref=PLACEHOLDER) shows every step.

        """

    @Test("drafts of two folders each get their own folder's configuration")
    func eachFolderItsOwnConfiguration() throws {
        let folder = try FixtureFolder()
        try folder.write("rules:\n  placeholder-link:\n    enabled: false\n", to: "quiet/.newsletterlint.yml")
        for path in ["quiet/one.md", "quiet/two.md", "loud/one.md", "loud/two.md"] {
            try folder.write(Self.draft, to: path)
        }
        let result = try folder.run("check", "--offline", "--output", "github", "quiet", "loud")
        #expect(result.status == 1)
        #expect(result.errors == "")
        #expect(Self.sortedLines(result.output) == [
            "::error file=loud/one.md,line=10,col=21,endLine=10,endColumn=66,title=placeholder-link::link destination contains the placeholder 'PLACEHOLDER'",
            "::error file=loud/two.md,line=10,col=21,endLine=10,endColumn=66,title=placeholder-link::link destination contains the placeholder 'PLACEHOLDER'",
        ])
    }

    @Test("a configuration that fails is reported for every draft of its folder, and the other folders are checked")
    func failingConfigurationFailsItsFolderOnly() throws {
        let folder = try FixtureFolder()
        try folder.write("rulez: {}\n", to: "broken/.newsletterlint.yml")
        for path in ["broken/one.md", "broken/two.md", "loud/one.md"] {
            try folder.write(Self.draft, to: path)
        }
        let result = try folder.run("check", "--offline", "--output", "github", "broken", "loud")
        #expect(result.status == 2)
        let configuration = folder.url.resolvingSymlinksInPath().appendingPathComponent("broken/.newsletterlint.yml").path
        let error = """
            \(configuration):1:1: error: unknown key 'rulez' in the configuration; did you mean 'rules'?
            rulez: {}
            ^

            """
        #expect(result.errors == error + error)
        let reported = "::error file=\(configuration),line=1,col=1,title=input-error::unknown key 'rulez' in the configuration; did you mean 'rules'?"
        #expect(Self.sortedLines(result.output) == [
            "::error file=loud/one.md,line=10,col=21,endLine=10,endColumn=66,title=placeholder-link::link destination contains the placeholder 'PLACEHOLDER'",
            reported,
            reported,
        ].sorted())
    }

    /// The lines of a report in sorted order: drafts are checked in parallel, and the order of their reports is not
    /// what these tests are about.
    static func sortedLines(_ output: String) -> [String] {
        output.split(separator: "\n").map(String.init).sorted()
    }
}
