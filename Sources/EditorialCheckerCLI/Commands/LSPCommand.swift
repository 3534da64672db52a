import ArgumentParser
import EditorialLanguageServer

/// `lsp`: a Language Server Protocol server over standard input and output, with the running tool's formats and rules.
struct LSPCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run a language server for editors over standard input and output.",
        discussion: """
            Speaks the Language Server Protocol (JSON-RPC with Content-Length framing) on standard input and output; \
            problems it meets (invalid messages, changes it could not apply) are logged to standard error. Open drafts are checked as you type with the offline rules and their nearest \
            .newsletterlint.yml; code actions apply fixes, fix all safe problems, or disable a rule on a line. Links are \
            checked on save when the client enables it: initializationOptions or workspace settings \
            {"editorialCheck": {"linkChecks": true}}. Exits 0 after shutdown and exit, 1 when the client exits without \
            shutdown or the input ends.
            """
    )

    func run() async throws {
        let tool = EditorialCheckTool.running
        let options = LanguageServerOptions(name: tool.commandName, version: tool.version)
        let status = await LanguageServer(formats: tool.formats, rules: tool.rules, options: options).runOverStandardStreams()
        if status != 0 { throw ExitStatus.problemsFound }
    }
}
