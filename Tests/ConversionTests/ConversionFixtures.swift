import NewsletterCore

/// A draft in one of the registered formats.
struct ConversionFixture: Sendable, CustomStringConvertible {
    let name: String
    /// The identifier of the draft's format.
    let format: String
    let text: String

    var description: String { name }
    var source: SourceText { SourceText(text, path: name) }
}

/// Our own drafts, one or two per format, each with every field the format holds: title, subtitle, authors, a date,
/// tags, slug and metadata where the format has them, sections of mixed levels (some empty), links of every kind,
/// and emoji both intact and mangled (`ü§å` is `🤌` read as Mac OS Roman).
enum ConversionFixtures {
    static let beehiiv = ConversionFixture(name: "bench-report.md", format: "beehiiv", text: #"""
        # The Bench Report #7: Clamps, glue and patience

        ### PLUS: a reader's jig for square boxes

        ![Author](https://media.benchreport.example/avatar.png)

        [Noor Haddad](https://benchreport.example/authors/noor)\
        February 16, 2024

        Hi {{first_name | maker}}, three clamps and one long read. Start with the [archive][archive].

        ### **🗜️ Clamps**

        - Quickgrip - **a one-hand bar clamp**. ([<u>link</u>](https://quickgrip.example/?ref=bench\&utm=mail))
        - <https://clampcompare.example/table>

        ## **ü§å Ben's Picks**

        ![A jig on a bench](https://img.benchreport.example/jig.jpg "The jig")

        ###### Small print
        ### **📭 Nothing this week**

        ## **👋 See ya**

        Read every issue at https://benchreport.example/archive.

        [archive]: https://benchreport.example/archive "Archive"

        """#)

    static let frontMatter = ConversionFixture(name: "workshop-notes.md", format: "front-matter", text: #"""
        ---
        title: 'Workshop Notes #3: Jigs'
        subtitle: A jig for every joint
        date: 2024-02-16T09:30:00Z
        authors:
        - Rowan Pike
        - Idris Vale
        slug: workshop-notes-3
        tags: [jigs, woodwork]
        draft: false
        series:
          name: Workshop Notes
          number: 3
        ---
        Intro with [the guide][guide] and our logo ![Logo](https://workshop.example/logo.png).

        # 🪚 Cuts

        The <https://saws.example/rip> autolink and a bare https://saws.example/crosscut URL.

        ### ü§å Mangled picks
        ## Empty

        ## 📚 Reading

        [Guide](https://guide.example/jigs?a=1\&b=2 "The guide")

        [guide]: https://guide.example/

        """#)

    /// A front-matter draft with the least a draft can have: one section, no date, one author as a string.
    static let frontMatterSparse = ConversionFixture(name: "sparse.md", format: "front-matter", text: #"""
        ---
        title: Quick note
        author: Sam Reed
        ---
        ## ⚡ One thing

        See https://onething.example/.

        """#)

    static let json = ConversionFixture(name: "signal-noise.json", format: "json", text: #"""
        {
          "format": "newsletterkit-issue",
          "version": 1,
          "title": "Signal & Noise — Issue 41",
          "subtitle": "Antennas, \"quiet\" radios and a café review",
          "authors": ["Ines Marlow", "Tobias Wren"],
          "date": "2025-06-01T18:45:00Z",
          "slug": "signal-noise-41",
          "tags": ["radio", "hardware"],
          "metadata": {"draft": true, "cover": {"image": "/img/41.png", "alt": "A dipole 📡"}, "weights": [1, 2.5, null]},
          "preamble": "Hello listeners! Start with the [log](https://signalnoise.example/log/40).\n\n",
          "sections": [
            {
              "title": "Antennas", "heading": "## 📡 Antennas", "emoji": "📡", "level": 2,
              "body": "\n- <https://antennas.example/dipole>\n- A [calculator][calc] for lengths.\n\n[calc]: https://calc.example/\n\n",
              "links": [
                {"text": "https://antennas.example/dipole", "url": "https://antennas.example/dipole", "kind": "autolink"},
                {"text": "calculator", "url": "https://calc.example/", "kind": "reference"}
              ]
            },
            {"title": "Empty", "heading": "### Empty", "level": 3, "body": ""},
            {
              "title": "Café Review", "heading": "#### ü§å Café Review", "emoji": "ü§å", "level": 4,
              "body": "\n![The counter](https://cafe.example/counter.jpg \"Counter\")\nMenu at https://cafe.example/menu.\n",
              "links": [
                {"text": "The counter", "url": "https://cafe.example/counter.jpg", "kind": "image", "title": "Counter"},
                {"text": "https://cafe.example/menu", "url": "https://cafe.example/menu", "kind": "bareURL"}
              ]
            }
          ],
          "links": [
            {"text": "log", "url": "https://signalnoise.example/log/40", "kind": "inline"},
            {"text": "https://antennas.example/dipole", "url": "https://antennas.example/dipole", "kind": "autolink"},
            {"text": "calculator", "url": "https://calc.example/", "kind": "reference"},
            {"text": "The counter", "url": "https://cafe.example/counter.jpg", "kind": "image", "title": "Counter"},
            {"text": "https://cafe.example/menu", "url": "https://cafe.example/menu", "kind": "bareURL"}
          ]
        }

        """#)

    static let all = [beehiiv, frontMatter, frontMatterSparse, json]
}
