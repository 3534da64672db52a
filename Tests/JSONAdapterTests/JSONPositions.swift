import JSONAdapter
import NewsletterCore
import Testing

extension Issue {
    /// The issue with every position taken out (its own and the recorded ones): what reading its JSON back must keep
    /// exactly, since positions then point into the JSON text.
    var withoutPositions: Issue {
        var copy = self
        copy.recordedPositions = nil
        copy.links = links.map(\.withoutPositions)
        copy.sections = sections.map { section in
            var copy = section
            copy.range = nil
            copy.headingRange = nil
            copy.links = section.links.map(\.withoutPositions)
            return copy
        }
        return copy
    }
}

extension Link {
    var withoutPositions: Link {
        var copy = self
        copy.range = nil
        copy.destinationRange = nil
        return copy
    }
}

/// Checks that an issue decoded from JSON points at its own JSON values: each section's and link's object, the text
/// of each heading and of each URL that holds no escape.
enum JSONPositions {
    static func expectPointingIntoJSON(_ issue: Issue, _ source: SourceText, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        for section in issue.sections {
            let object = try value(at: section.range, in: source)
            #expect(object["title"]?.content == .string(section.title), sourceLocation: sourceLocation)
            let heading = try #require(section.headingRange, sourceLocation: sourceLocation)
            #expect(source.slice(heading.utf8Offsets) == JSONWriter.quoted(section.heading).dropFirst().dropLast(), sourceLocation: sourceLocation)
        }
        for link in issue.links + issue.sections.flatMap(\.links) {
            let object = try value(at: link.range, in: source)
            #expect(object["url"]?.content == .string(link.destination), sourceLocation: sourceLocation)
            if JSONWriter.quoted(link.destination).utf8.count == link.destination.utf8.count + 2 {
                let destination = try #require(link.destinationRange, sourceLocation: sourceLocation)
                #expect(source.slice(destination.utf8Offsets) == link.destination, sourceLocation: sourceLocation)
            } else {
                #expect(link.destinationRange == nil, sourceLocation: sourceLocation)
            }
        }
    }

    /// The JSON object a range spans, read on its own.
    private static func value(at range: SourceRange?, in source: SourceText) throws -> JSONValue {
        let range = try #require(range)
        let text = source.slice(range.utf8Offsets)
        #expect(text.first == "{" && text.last == "}")
        return try JSONReader().read(SourceText(String(text)))
    }
}
