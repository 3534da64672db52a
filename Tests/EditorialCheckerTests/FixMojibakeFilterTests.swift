import Foundation
import Testing

/// `fix-mojibake` on inputs of several megabytes, read in pieces of whole lines, repaired on several threads and
/// written as they are done: the output is exact whatever the cut, through each way input arrives (a named file,
/// standard input redirected from a file, a pipe).
@Suite("fix-mojibake as a filter")
struct FixMojibakeFilterTests {
    enum Delivery: CaseIterable { case namedFile, redirectedFile, pipe }

    /// Runs `fix-mojibake` on `input` as `delivery` says, with `options`.
    static func run(_ input: Data, _ delivery: Delivery, options: [String] = []) throws -> EditorialCheckProcess.Result {
        let folder = try FixtureFolder()
        try input.write(to: folder.url.appendingPathComponent("notes.txt"))
        switch delivery {
        case .namedFile:
            return try folder.run(["fix-mojibake"] + options + ["notes.txt"])
        case .redirectedFile:
            let executable = try #require(EditorialCheckProcess.executable)
            return try folder.run(
                ["-c", #"exec "$0" fix-mojibake "$@" < notes.txt"#, executable.path] + options, launcher: "/bin/sh"
            )
        case .pipe:
            return try folder.run(["fix-mojibake"] + options, input: input)
        }
    }

    /// Every line starts and ends with mojibake, so that wherever a piece ends a repair stands on both sides.
    @Test(arguments: Delivery.allCases)
    func mangledTextAtEveryPieceBoundary(delivery: Delivery) throws {
        let mangled = "CafÃ© on the quay üëã Todayâ€™s naÃ¯ve\n" + "Todayâ€™s tide table, CafÃ©\r\n" + "Nothing to repair — café, naïve, 🌊\n\n"
        let repaired = "Café on the quay 👋 Today’s naïve\n" + "Today’s tide table, Café\r\n" + "Nothing to repair — café, naïve, 🌊\n\n"
        let count = 3_500_000 / mangled.utf8.count
        let result = try Self.run(Data(String(repeating: mangled, count: count).utf8), delivery)
        #expect(result.status == 0)
        #expect(result.errors == "")
        #expect(result.standardOutput == Data(String(repeating: repaired, count: count).utf8))
    }

    @Test(arguments: Delivery.allCases)
    func cleanTextIsWrittenUnchanged(delivery: Delivery) throws {
        let text = Data(String(repeating: "Nothing to repair — café, naïve, Ben’s “picks” 🌊 北京\r\nplain words\n", count: 40_000).utf8)
        let result = try Self.run(text, delivery)
        #expect(result.status == 0)
        #expect(result.standardOutput == text)
    }

    /// Nine megabytes: dozens of pieces, more than the buffers that go round, so each buffer is filled again.
    @Test(arguments: Delivery.allCases)
    func moreInputThanTheBuffersHold(delivery: Delivery) throws {
        let block = String(repeating: "plain words and café, Ben’s picks\n", count: 999)
        let count = 9_000_000 / (block.utf8.count + 40)
        let input = String(repeating: block + "The cafÃ© reopens on Todayâ€™s tide.\n", count: count)
        let result = try Self.run(Data(input.utf8), delivery)
        #expect(input.utf8.count > 8 << 20)
        #expect(result.status == 0)
        #expect(result.standardOutput == Data(String(repeating: block + "The café reopens on Today’s tide.\n", count: count).utf8))
    }

    @Test(arguments: Delivery.allCases)
    func largeFileWithoutFinalNewline(delivery: Delivery) throws {
        let lines = String(repeating: "plain words and café\n", count: 150_000)
        let result = try Self.run(Data((lines + "The cafÃ© reopens.").utf8), delivery)
        #expect(result.status == 0)
        #expect(result.standardOutput == Data((lines + "The café reopens.").utf8))
    }

    @Test(arguments: Delivery.allCases)
    func emptyInput(delivery: Delivery) throws {
        let result = try Self.run(Data(), delivery)
        #expect(result.status == 0)
        #expect(result.standardOutput == Data())
        #expect(result.errors == "")
    }

    /// An invalid byte deep in a later piece: the lines before its line are written, repaired, as a filter
    /// writes what it has done; then the error names the byte's line and column.
    @Test(arguments: Delivery.allCases)
    func invalidUTF8InALaterPiece(delivery: Delivery) throws {
        let line = Data("CafÃ© and café\r\n".utf8)
        var input = Data()
        for _ in 0..<200_000 { input += line }
        input += Data("the byte ".utf8) + Data([0xE2, 0x80, 0x41]) + Data(" is cut\n".utf8)
        for _ in 0..<1_000 { input += line }
        let result = try Self.run(input, delivery)
        #expect(result.status == 2)
        #expect(result.standardOutput == Data(String(repeating: "Café and café\r\n", count: 200_000).utf8))
        let name = delivery == .namedFile ? "notes.txt" : "<stdin>"
        #expect(result.errors.prefix { $0 != "\n" } == "\(name):200001:10: error: invalid UTF-8: the byte sequence starting with 0xE2 is not a character")
    }

    /// Positions across pieces count lines as the rest of the tool does: `\n`, `\r\n` and a lone `\r` end one.
    @Test(arguments: Delivery.allCases)
    func verbosePositionsAcrossPieces(delivery: Delivery) throws {
        var input = ""
        var expected = ""
        var errors = ""
        var line = 1
        for block in 0..<4 {
            let filler = ["plain café line\n", "windows café line\r\n", "old mac café line\r"][block % 3]
            input += String(repeating: filler, count: 60_000)
            expected += String(repeating: filler, count: 60_000)
            line += 60_000
            input += "a CafÃ© here\n"
            expected += "a Café here\n"
            errors += "\(delivery == .namedFile ? "notes.txt" : "<stdin>"):\(line):6: UTF-8 read as Windows-1252\n"
            line += 1
        }
        let result = try Self.run(Data(input.utf8), delivery, options: ["--verbose"])
        #expect(result.status == 0)
        #expect(result.output == expected)
        #expect(result.errors == errors)
    }
}
