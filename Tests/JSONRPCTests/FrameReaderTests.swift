import Foundation
import JSONRPC
import Testing

@Suite struct FrameReaderTests {
    private func frame(_ body: String) -> [UInt8] {
        Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
    }

    private func frames(from reader: inout FrameReader) throws -> [String] {
        var bodies: [String] = []
        while let frame = try reader.nextFrame() { bodies.append(String(decoding: frame, as: UTF8.self)) }
        return bodies
    }

    @Test(arguments: [1, 2, 3, 7, 16, 1000])
    func aFrameSplitAcrossReadsComesOutWhole(chunkSize: Int) throws {
        let bytes = frame(#"{"jsonrpc":"2.0","method":"é😀"}"#) + frame("{}")
        var reader = FrameReader()
        var bodies: [String] = []
        var index = 0
        while index < bytes.count {
            reader.append(bytes[index..<min(index + chunkSize, bytes.count)])
            bodies += try frames(from: &reader)
            index += chunkSize
        }
        #expect(bodies == [#"{"jsonrpc":"2.0","method":"é😀"}"#, "{}"])
        #expect(reader.bufferedByteCount == 0)
    }

    @Test func severalFramesInOneReadComeOutInOrder() throws {
        var reader = FrameReader()
        reader.append(frame("[1]") + frame("[2]") + frame("[3]") + Array("Content-Len".utf8))
        #expect(try frames(from: &reader) == ["[1]", "[2]", "[3]"])
        reader.append(Array("gth: 2\r\n\r\n{}".utf8))
        #expect(try frames(from: &reader) == ["{}"])
    }

    @Test func headersAreCaseInsensitiveAndOthersAreIgnored() throws {
        var reader = FrameReader()
        reader.append(Array("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  2 \r\n\r\n{}".utf8))
        #expect(try frames(from: &reader) == ["{}"])
    }

    @Test(arguments: [
        ("Content-Length: abc", "Content-Length 'abc' is not a length"),
        ("Content-Length: -5", "Content-Length '-5' is not a length"),
        ("Content-Length: 99999999999999999999999", "Content-Length '99999999999999999999999' is not a length"),
        ("Content-Type: x", "no Content-Length"),
        ("garbage", "a header line without a colon"),
        ("Content-Length: 2\r\nContent-Length: 3", "two different Content-Length headers"),
    ])
    func aBadHeaderIsSkippedAndTheNextFrameIsRead(header: String, reason: String) throws {
        var reader = FrameReader()
        reader.append(Array("\(header)\r\n\r\n".utf8) + frame("{}"))
        #expect(throws: FramingError.invalidHeader(reason)) { try reader.nextFrame() }
        #expect(try frames(from: &reader) == ["{}"])
    }

    @Test func anOversizedBodyIsSkippedAsItArrivesWithoutBeingHeld() throws {
        var reader = FrameReader(limits: FramingLimits(maximumHeaderSize: 100, maximumMessageSize: 10))
        reader.append(Array("Content-Length: 1000\r\n\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 400))
        #expect(throws: FramingError.messageTooLarge(length: 1000, limit: 10)) { try reader.nextFrame() }
        #expect(try reader.nextFrame() == nil)
        #expect(reader.bufferedByteCount == 0)
        reader.append(Array(repeating: UInt8(ascii: "x"), count: 600) + frame("[7]"))
        #expect(try frames(from: &reader) == ["[7]"])
    }

    @Test func aBodyAtTheLimitIsRead() throws {
        var reader = FrameReader(limits: FramingLimits(maximumHeaderSize: 100, maximumMessageSize: 10))
        reader.append(frame("[123456,8]"))
        #expect(try frames(from: &reader) == ["[123456,8]"])
    }

    @Test func anOversizedHeaderIsDroppedUpToItsBlankLine() throws {
        var reader = FrameReader(limits: FramingLimits(maximumHeaderSize: 64, maximumMessageSize: 100))
        reader.append(Array(("X-Padding: " + String(repeating: "p", count: 200)).utf8))
        #expect(throws: FramingError.headerTooLarge(limit: 64)) { try reader.nextFrame() }
        #expect(reader.bufferedByteCount <= 3)
        reader.append(Array(String(repeating: "q", count: 500).utf8) + Array("\r\n\r".utf8))
        #expect(try reader.nextFrame() == nil)
        reader.append(Array("\n".utf8) + frame("{}"))
        #expect(try frames(from: &reader) == ["{}"])
    }

    @Test func framingWritesTheBodyLengthInBytes() {
        let data = MessageFraming.frame(body: Data("\"é\"".utf8))
        #expect(String(decoding: data, as: UTF8.self) == "Content-Length: 4\r\n\r\n\"é\"")
    }
}
