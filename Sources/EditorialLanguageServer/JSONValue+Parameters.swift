import JSONRPC

extension JSONValue {
    /// `params.textDocument.uri`.
    var documentURI: String? { self["textDocument"]?["uri"]?.stringValue }
}
