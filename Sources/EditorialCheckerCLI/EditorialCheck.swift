import ArgumentParser
import Foundation

/// `editorial-check`: lint newsletter drafts, fix what is safe to fix, convert between formats.
///
/// Exit codes (a contract scripts rely on): 0 no errors; 1 errors found (or warnings with `--strict`);
/// 2 usage, configuration or input errors.
@main
struct EditorialCheck: AsyncParsableCommand {
    static let version = "0.1.0"

    /// How many threads the checker works on, decided once here: files are checked this many at a time, each
    /// on one thread (mojibake scans inside a file stay sequential), and `fix-mojibake`, which has one text,
    /// gives it all of them.
    static let threads = ProcessInfo.processInfo.activeProcessorCount

    static let configuration = CommandConfiguration(
        commandName: "editorial-check",
        abstract: "Check newsletter drafts for mojibake, broken and placeholder links, and missing sections.",
        discussion: """
            Exit status: 0 when no errors were found, 1 when errors were found (or warnings with --strict), \
            2 for usage, configuration or input errors.
            """,
        version: version,
        subcommands: [CheckCommand.self, FixCommand.self, FixMojibakeCommand.self, ConvertCommand.self, RulesCommand.self],
        defaultSubcommand: CheckCommand.self
    )

    /// Parses and runs, mapping every failure onto the documented exit codes instead of
    /// ArgumentParser's defaults (which use 64 for usage errors).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let status as ExitStatus {
            Foundation.exit(status.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(ExitStatus.inputError.rawValue)
        }
    }
}

/// The tool's exit codes.
enum ExitStatus: Int32, Error {
    case clean = 0
    case problemsFound = 1
    case inputError = 2
}
