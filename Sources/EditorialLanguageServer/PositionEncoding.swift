import JSONRPC
import NewsletterCore

/// The unit of LSP positions' `character`, negotiated at `initialize`: LSP 3.17's `general.positionEncodings`, or
/// the older `offsetEncoding` that clangd introduced and Neovim 0.7 sends; UTF-16 when the client names neither.
enum PositionEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case utf32 = "utf-32"

    var unit: ColumnUnit {
        switch self {
        case .utf8: .utf8
        case .utf16: .utf16
        case .utf32: .unicodeScalars
        }
    }

    /// The first encoding of the client's list (its order of preference) that the server knows; every one is known.
    static func negotiated(capabilities: JSONValue?) -> PositionEncoding {
        let offered = capabilities?["general"]?["positionEncodings"]?.arrayValue ?? capabilities?["offsetEncoding"]?.arrayValue ?? []
        for name in offered {
            if let name = name.stringValue, let encoding = PositionEncoding(rawValue: name.lowercased()) { return encoding }
        }
        return .utf16
    }
}
