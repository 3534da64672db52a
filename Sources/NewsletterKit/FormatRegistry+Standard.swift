extension FormatRegistry {
    /// The formats NewsletterKit ships: `beehiiv`, `front-matter` and `json`.
    public static var standard: FormatRegistry {
        // Three distinct identifiers: registering them cannot fail.
        try! FormatRegistry([BeehiivAdapter(), FrontMatterAdapter(), JSONAdapter()])
    }
}
