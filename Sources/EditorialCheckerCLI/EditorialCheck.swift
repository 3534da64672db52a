import ArgumentParser
import Foundation

/// The root command: lint newsletter drafts, fix what is safe to fix, convert between formats. Its name and version
/// are those of the ``EditorialCheckTool`` running it (`editorial-check` for ours).
///
/// Exit codes (a contract scripts rely on): 0 no errors; 1 errors found (or warnings with `--strict`);
/// 2 usage, configuration or input errors.
struct EditorialCheck: AsyncParsableCommand {
    /// How many threads the checker works on, decided once here: files are checked this many at a time, each
    /// on one thread (mojibake scans inside a file stay sequential), and `fix-mojibake`, which has one text,
    /// gives it all of them.
    static let threads = ProcessInfo.processInfo.activeProcessorCount

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: EditorialCheckTool.running.commandName,
            abstract: "Check newsletter drafts for mojibake, broken and placeholder links, and missing sections.",
            discussion: """
                Exit status: 0 when no errors were found, 1 when errors were found (or warnings with --strict), \
                2 for usage, configuration or input errors.
                """,
            version: EditorialCheckTool.running.version,
            subcommands: [CheckCommand.self, FixCommand.self, FixMojibakeCommand.self, ConvertCommand.self, RulesCommand.self, LSPCommand.self],
            defaultSubcommand: CheckCommand.self
        )
    }
}

/// The tool's exit codes.
enum ExitStatus: Int32, Error {
    case clean = 0
    case problemsFound = 1
    case inputError = 2
}
