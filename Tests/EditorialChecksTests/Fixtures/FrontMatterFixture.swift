/// A Hugo-style draft with YAML front matter: mojibake in a front-matter value and in the body, a misspelled
/// date, no author, a `---` rule in the body, and links of every kind. Our own text.
enum FrontMatterFixture {
    static let text = #"""
    ---
    title: ü§å Weekly Notes
    description: Three tools we liked
    date: Febuary 16, 2024
    tags: [tools, reading]
    slug: weekly-notes-12
    ---

    Hello, readers. Caf√© opening hours changed.

    ## **🧰 Cool Tools**

    - Quillpad - **pads for quills**. ([Quillpad](https://quillpad.app))
    - Tabbit - **tabs**. ([Tabbit](javascript:void(0)))

    ---

    ## **Picks**

    Read [TODO](https://blog.acme.dev/post) and see ![](https://cdn.acme.dev/chart.png).

    """#
}
