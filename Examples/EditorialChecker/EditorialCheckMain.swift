import EditorialCheckerCLI

/// `editorial-check`: the checker with the standard formats (`beehiiv`, `front-matter`, `json`) and the built-in rules.
@main
struct EditorialCheckMain {
    static func main() async {
        await EditorialCheckTool().run()
    }
}
