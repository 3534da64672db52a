/// Drafts written for these tests, one per format, each in the shape its format really has and each with a
/// handful of problems at known places (an emoji and an accent before some of them, to pin columns and carets).
enum FixtureDrafts {
    /// A beehiiv post exported to Markdown: title, `PLUS:` subtitle, author block, emoji section headings.
    static let beehiiv = """
        # The Harbour Notes: Knots, tides and a lighthouse

        ### PLUS: why the ferry timetable changed

        ![Author](https://media.beehiiv.com/uploads/user/profile_picture/harbour/avatar.png)

        [Ines Calder](https://harbournotes.example/authors/ines)\\
        April 02, 2026

        Hi {{first_name | sailor}}, welcome aboard. The café on the quay says hello.

        ### **⚓ Knot of the Week**

        - Bowline - **a loop that will not slip**.([diagram](https://knots.example/bowline))
        - Clove hitch - a quick knot for**posts**and rails. ([<u>link</u>](http://knots.example/clove-hitch))

        ## **🌊 Tides**

        Spring tides 🌕 peak on Friday: see [the tide table](https://tides.example/table?week=14&ref={{rp_refer_url}}).

        ## **👋 See ya**

        Reply and tell us your favourite knot.\u{20}\u{20}
        Fair winds, Ines

        """

    /// YAML front matter and a Markdown body, as static site generators keep newsletter issues.
    static let frontMatter = """
        ---
        title: "Garden Letters — Issue 7"
        description: Seeds, soil and a stubborn fig
        date: 2026-04-11
        authors:
          - Theo Marsh
        tags: [garden, figs]
        draft: false
        ---

        Hello gardeners! Our fig finally fruited.

        ## Sowing

        This week we sowed beans and**peas**by the fence. Read the [sowing chart](http://garden.example/chart).

        #### Notes on soil

        - [](https://garden.example/soil)
        - [Seed swap sign-up](https://garden.example/swap?name=%%FIRSTNAME%%)

        ## Harvest

        """

    /// The canonical JSON form, with one link that carries the range it had in its original draft and one without.
    static let json = """
        {
          "format": "newsletterkit-issue",
          "version": 1,
          "title": "Night Sky Almanac #3",
          "authors": ["Priya Nandakumar"],
          "date": "2026-05-01",
          "slug": "night-sky-almanac-3",
          "tags": ["astronomy"],
          "metadata": { "season": "spring" },
          "preamble": "Clear skies, stargazers.\\n\\n",
          "sections": [
            {
              "title": "What to See",
              "heading": "## 🔭 What to See",
              "emoji": "🔭",
              "level": 2,
              "body": "\\nJupiter rises at dusk; the [viewing guide](TODO) is coming.\\n\\n",
              "links": [
                {
                  "text": "viewing guide",
                  "url": "TODO",
                  "kind": "inline",
                  "range": { "line": 7, "column": 28, "offset": 100, "endLine": 7, "endColumn": 49, "endOffset": 121 }
                }
              ]
            },
            {
              "title": "Gear",
              "heading": "## Gear",
              "level": 2,
              "body": "\\nA [red torch](http://gear.example/red-torch) keeps your eyes dark-adapted.\\n",
              "links": [
                { "text": "red torch", "url": "http://gear.example/red-torch", "kind": "inline" }
              ]
            }
          ]
        }

        """

    /// A beehiiv draft with nothing any rule reports.
    static let clean = """
        # The Harbour Notes: Calm water

        ### PLUS: the lighthouse reopens

        [Ines Calder](https://harbournotes.example/authors/ines)\\
        April 09, 2026

        ## **⚓ Knot of the Week**

        The [bowline guide](https://knots.example/bowline) shows every step.

        """

    /// A beehiiv draft whose only problems are warnings (an empty section), for `--strict`.
    static let warningsOnly = """
        # The Harbour Notes: Fog

        ### PLUS: foghorns explained

        [Ines Calder](https://harbournotes.example/authors/ines)\\
        April 16, 2026

        ## **🌫️ Fog Report**

        ## **⚓ Knot of the Week**

        The [sheet bend guide](https://knots.example/sheet-bend) shows every step.

        """

    /// One draft per format, under the file names the goldens use.
    static let byFormat: [(format: String, file: String, text: String)] = [
        ("beehiiv", "harbour-notes.md", beehiiv),
        ("front-matter", "garden-letters.md", frontMatter),
        ("json", "night-sky.json", json),
    ]
}
