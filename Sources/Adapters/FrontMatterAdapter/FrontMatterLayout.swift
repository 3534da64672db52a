import NewsletterCore

/// How a front-matter draft was written, where that differs from what the adapter writes by default, so that
/// a decoded draft encodes back the same way: the byte order mark, Windows or old Mac line endings, a `...`
/// closing line, and the spelling of known keys (`description` for the subtitle, `publish_date`, `author`).
///
/// An ``NewsletterCore/Issue`` carries it in its metadata under ``FrontMatterAdapter/layoutMetadataKey``, and
/// only when something differs from the defaults, so most drafts have no such entry.
struct FrontMatterLayout: Equatable {
    var hasByteOrderMark = false
    var lineEnding = "\n"
    var closingDelimiter = "---"
    /// The key used for each known field whose spelling is not the first one (`subtitle` → `description`).
    var spellings: [String: String] = [:]

    init() {}

    /// Reads the layout entry of `metadata`, ignoring anything in it that is not understood.
    init(metadata: Metadata) {
        guard case .mapping(let entry)? = metadata[FrontMatterAdapter.layoutMetadataKey] else { return }
        if case .bool(true)? = entry["byte-order-mark"] { hasByteOrderMark = true }
        switch entry["line-ending"]?.string {
        case "crlf"?: lineEnding = "\r\n"
        case "cr"?: lineEnding = "\r"
        default: break
        }
        if entry["closing-delimiter"]?.string == "..." { closingDelimiter = "..." }
        if case .mapping(let keys)? = entry["keys"] {
            for key in keys.entries {
                if let field = FrontMatterField(rawValue: key.key), let spelling = key.value.string, field.spellings.contains(spelling) {
                    spellings[key.key] = spelling
                }
            }
        }
    }

    /// The metadata entry value, or `nil` when everything is the default.
    var metadataValue: MetadataValue? {
        var entry = Metadata()
        if hasByteOrderMark { entry["byte-order-mark"] = .bool(true) }
        if lineEnding == "\r\n" { entry["line-ending"] = .string("crlf") }
        if lineEnding == "\r" { entry["line-ending"] = .string("cr") }
        if closingDelimiter != "---" { entry["closing-delimiter"] = .string(closingDelimiter) }
        if !spellings.isEmpty {
            entry["keys"] = .mapping(Metadata(FrontMatterField.allCases.compactMap { field in
                spellings[field.rawValue].map { Metadata.Entry(key: field.rawValue, value: .string($0)) }
            }))
        }
        return entry.isEmpty ? nil : .mapping(entry)
    }

    /// The key a field is written under.
    func key(for field: FrontMatterField) -> String {
        spellings[field.rawValue] ?? field.rawValue
    }
}
