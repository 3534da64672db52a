import NewsletterCore
import NewsletterMarkdown
import Testing

@Test func scratch() throws {
    let text = "# T\n\n- a 🤌 [x](http://a.b)\n  more [y](http://c.d) and <http://e.f>\n\n> q [z](u)\n> r [w](v) ![i](j)\n\npara `code [c](d)` x\nline2 **b** [k][ref] ok https://bare.example/x).\n   indented [m](n) www.foo.com/a_(b)_.\n\n[ref]: http://ref.example \"T\"\n\n| a |\n|---|\n| [t](u) x https://t.example |\n\n## **🤌 REAL** REVIEWS\n[<u>link</u>](https://a.example/?a=1\\&b=2)\\\nJanuary 03, 2023\n"
    let doc = try MarkdownDocument(parsing: SourceText(text))
    for h in doc.headings { print(h) }
    for l in doc.links { print(l.kind, l.text, l.destination, l.rawDestination, l.range.map { "\($0)" } ?? "NIL", l.destinationRange.map { "\($0)" } ?? "-", l.range.map { doc.source[$0] } ?? "") }
}
