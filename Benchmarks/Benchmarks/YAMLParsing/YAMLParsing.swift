import Benchmark
import NewsletterCore
import NewsletterYAML
import Yams

/// A front-matter block in the shape Hugo and Buttondown drafts use: scalars of every kind, lists, a nested mapping.
private let frontMatter = """
    title: "Weekly Picks #42: Tools, Reads & One Good Idea"
    subtitle: "PLUS: the editor's notes on shipping small"
    description: A short tour of what we read, built and broke this week.
    date: 2024-02-16T09:30:00Z
    publish_date: 2024-02-16
    slug: weekly-picks-42
    draft: false
    weight: 42
    rating: 4.5
    authors:
      - Ana Lima
      - Ben Okafor
    tags: [tools, reading, swift, newsletters]
    categories:
      - engineering
      - writing
    seo:
      noindex: false
      canonical: https://example.org/weekly-picks-42
      keywords: [picks, tools, "small software"]
    cover:
      image: /images/cover-42.png
      alt: A desk with three notebooks 📓
      caption: >
        Folded text that goes on
        for two lines.
    notes: |
      First line of a literal block.
      Second line, kept as written.
    aliases: [/p/42, /weekly/42]
    series: ~
    toc: true

    """

/// A larger document: the same block nested under 50 keys.
private let largeFrontMatter = (0..<50).map { index in
    "section\(index):\n" + frontMatter.split(separator: "\n").map { "  \($0)\n" }.joined()
}.joined()

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        warmupIterations: 100,
        maxDuration: .seconds(3),
        maxIterations: 1_000_000
    )

    for (name, yaml) in [("front matter", frontMatter), ("50 sections", largeFrontMatter)] {
        // NewsletterYAML reads the block in place inside the whole draft, as the front-matter adapter does.
        let source = SourceText("---\n" + yaml + "---\nBody.\n", path: "draft.md")
        let range = 4..<(4 + yaml.utf8.count)
        precondition((try? YAMLParser().parse(source, utf8Range: range)) != nil && (try? Yams.compose(yaml: yaml)) != nil)

        Benchmark("NewsletterYAML parse, \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try YAMLParser().parse(source, utf8Range: range))
            }
        }
        Benchmark("NewsletterYAML parse to MetadataValue, \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try YAMLParser().parseMetadataValue(source, utf8Range: range))
            }
        }
        Benchmark("Yams compose (Node tree), \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Yams.compose(yaml: yaml))
            }
        }
        Benchmark("Yams load (Any), \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Yams.load(yaml: yaml))
            }
        }
    }
}
