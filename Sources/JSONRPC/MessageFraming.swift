import Foundation

/// Writes messages as Language Server Protocol frames: a `Content-Length` header, a blank line, the JSON body.
public enum MessageFraming {
    /// The frame of `message`.
    public static func frame(_ message: Message) -> Data {
        frame(body: message.encoded())
    }

    /// The frame of a JSON body.
    public static func frame(body: Data) -> Data {
        var frame = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        frame.append(body)
        return frame
    }
}
