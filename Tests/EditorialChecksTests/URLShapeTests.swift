@testable import EditorialChecks
import Testing

@Suite struct URLShapeTests {
    let shape = URLShape(allowedSchemes: ["https", "http", "mailto", "tel"])

    @Test(arguments: [
        "https://docs.acme.dev/guide?a=1&b=2", "http://localhost:8080/x", "https://192.168.1.20/", "https://[::1]:8080/",
        "mailto:ada@acme.dev?subject=Hi", "tel:+44-20-7946-0000", "#top", "/about", "page.html", "https://bücher.de/",
        "https://en.wikipedia.org/wiki/Lisp_(programming_language)", "https://acme.dev./x",
        "https://0255.1.1.1/", "https://LOCALHOST/", "https://\(String(repeating: "a", count: 63)).dev/",
    ])
    func wellFormed(destination: String) {
        #expect(shape.problem(destination[...]) == nil)
    }

    @Test(arguments: [
        ("htps://acme.dev", "misspelled scheme 'htps'; did you mean 'https'?", "htps://", "https://"),
        ("Htttp://acme.dev", "misspelled scheme 'Htttp'; did you mean 'http'?", "Htttp://", "http://"),
        ("http//acme.dev", "missing ':' after 'http'", "http//", "http://"),
        ("https:/acme.dev", "'https:' must be followed by exactly '//'", "https:/", "https://"),
        ("www.acme.dev/x", "link destination 'www.acme.dev/x' has no scheme and will be read as a relative path", "", "https://"),
    ])
    func repairable(destination: String, message: String, old: String, new: String) {
        let problem = shape.problem(destination[...])
        #expect(problem?.message == message)
        #expect(problem?.prefixRepair?.old == old)
        #expect(problem?.prefixRepair?.new == new)
    }

    @Test(arguments: [
        ("https://acme..dev", "'acme..dev' is not a valid host name"),
        ("https://-acme.dev", "'-acme.dev' is not a valid host name"),
        ("https://acme_dev.com", "'acme_dev.com' is not a valid host name"),
        ("https://intranet/x", "host 'intranet' has no top-level domain"),
        ("https:///x", "'https:' must be followed by exactly '//'"),
        ("https://999.1.1.1/", "'999.1.1.1' is not a valid host name"),
        ("javascript:alert(1)", "scheme 'javascript' is not allowed; allowed schemes: https, http, mailto, tel"),
        ("mailto:ada", "'ada' is not an email address"),
        ("tel:call-me", "'call-me' is not a telephone number"),
        ("https://acme.dev/(a", "unbalanced parentheses in link destination 'https://acme.dev/(a'"),
        ("https://acme.dev/a b", "link destination 'https://acme.dev/a b' contains white space"),
        ("https://1.2.3/", "'1.2.3' is not a valid host name"),
        ("https://1.2.3.99999999999999999999/", "'1.2.3.99999999999999999999' is not a valid host name"),
        ("https://acme.123/", "'acme.123' is not a valid host name"),
        ("https://a-.dev", "'a-.dev' is not a valid host name"),
        ("https://\(String(repeating: "a", count: 64)).dev", "'\(String(repeating: "a", count: 64)).dev' is not a valid host name"),
    ])
    func unrepairable(destination: String, message: String) {
        let problem = shape.problem(destination[...])
        #expect(problem?.message == message)
        #expect(problem?.prefixRepair == nil || destination == "https:///x")
    }

    @Test(arguments: [
        ("https://acme.dev", "https"),
        ("svn+ssh://acme.dev", "svn+ssh"),
        ("https:é", "https"),
        ("https:\u{301}//acme.dev", nil),
        ("1http://acme.dev", nil),
        ("ht tp://acme.dev", nil),
        ("héttp://acme.dev", nil),
        ("acme.dev/a:b", nil),
        (":x", nil),
        ("https", nil),
    ] as [(String, String?)])
    func scheme(destination: String, scheme: String?) {
        #expect(URLShape.scheme(of: destination[...]).map(String.init) == scheme)
    }

    /// A space, tab, line break or lone parenthesis is found wherever it stands in a long destination: in the first
    /// sixteen bytes, across the blocks of sixteen read at once, or in the last few.
    @Test(arguments: [(" ", "contains white space"), ("\t", "contains white space"), ("\n", "contains white space"),
                      ("(", "unbalanced parentheses"), (")", "unbalanced parentheses")])
    func findsOneByteAnywhereInALongDestination(byte: String, wording: String) {
        let path = String(repeating: "abcdefgh", count: 8)
        let clean = "https://acme.dev/" + path
        for position in 0...clean.utf8.count {
            var destination = clean
            destination.insert(contentsOf: byte, at: destination.index(destination.startIndex, offsetBy: position))
            #expect(shape.problem(destination[...])?.message.contains(wording) == true, "\(byte.debugDescription) at \(position)")
        }
        #expect(shape.problem(("https://acme.dev/" + path)[...]) == nil)
        #expect(shape.problem(("https://acme.dev/(" + path + ")")[...]) == nil)
    }
}

