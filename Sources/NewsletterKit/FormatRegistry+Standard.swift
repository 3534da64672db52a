extension FormatRegistry {
    /// The formats NewsletterKit ships: `beehiiv` and `json`.
    public static var standard: FormatRegistry {
        // Three distinct identifiers: registering them cannot fail.
        try! FormatRegistry([BeehiivAdapter(), JSONAdapter()])
    }
}
