import NewsletterCore

/// The front-matter keys that map to fields of ``NewsletterCore/Issue``, in the order they are written.
enum FrontMatterField: String, CaseIterable {
    case title
    case subtitle
    case date
    case authors
    case slug
    case tags

    /// The keys that mean this field, the written default first. `subject` and `publish_date` are Buttondown's,
    /// `description` is Hugo's and Astro's.
    var spellings: [String] {
        switch self {
        case .title: return ["title", "subject"]
        case .subtitle: return ["subtitle", "description"]
        case .date: return ["date", "publish_date"]
        case .authors: return ["authors", "author"]
        case .slug: return ["slug"]
        case .tags: return ["tags"]
        }
    }

    /// What a value of this field must be, for the error naming a value of another shape.
    var expectedType: String {
        switch self {
        case .title, .subtitle, .slug: return "a string"
        case .date: return "a date or a string"
        case .authors, .tags: return "a string or a list of strings"
        }
    }

    /// Whether reading `value` under this field's key gives the field a value rather than an error (`null` leaves
    /// the key in metadata, so it is accepted).
    func accepts(_ value: MetadataValue) -> Bool {
        func isScalar(_ value: MetadataValue) -> Bool {
            switch value {
            case .bool, .integer, .double, .string: true
            case .null, .list, .mapping: false
            }
        }
        if case .null = value { return true }
        switch self {
        case .title, .subtitle, .slug, .date: return isScalar(value)
        case .authors, .tags:
            if case .list(let items) = value { return items.allSatisfy(isScalar) }
            return isScalar(value)
        }
    }
}
