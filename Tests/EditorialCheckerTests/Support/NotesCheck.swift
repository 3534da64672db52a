import EditorialCheckerCLI

// The README's custom checker, compiled here so that the README cannot show code that does not build
// (`ReadmeSnippetTests` holds the two equal). `@main` is left out: a test bundle has its own entry point.
struct NotesCheck {
    static func main() async {
        await EditorialCheckTool(commandName: "notes-check", version: "1.0.0")
            .adding(format: NotesAdapter())
            .adding(rule: ShoutingTitleRule())
            .run()
    }
}
