import EditorialCheckerCLI
import JSONFeedAdapter
import UTMSourceRule

/// `editorial-check` with JSON Feed drafts and the `utm-source` rule added.
@main
struct FeedCheck {
    static func main() async {
        await EditorialCheckTool(commandName: "feed-check", version: "1.0.0")
            .adding(format: JSONFeedAdapter())
            .adding(rule: UTMSourceRule())
            .run()
    }
}
