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
}
