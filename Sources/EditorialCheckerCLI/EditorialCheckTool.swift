import ArgumentParser
import EditorialChecks
import Foundation
import NewsletterCore
import NewsletterKit

/// A complete editorial checker: every subcommand (`check`, `fix`, `fix-mojibake`, `convert`, `rules`), flag,
/// output format (`text`, `json`, `sarif`, `github`) and exit code of `editorial-check`, over the formats and rules
/// you give it.
///
/// `editorial-check` is this tool with the standard formats and the built-in rules. A package that adds its own
/// builds its own checker executable in a few lines:
///
/// ```swift
/// import EditorialCheckerCLI
///
/// @main
/// struct MyChecker {
///     static func main() async {
///         await EditorialCheckTool(commandName: "my-check", version: "1.0.0")
///             .adding(format: JSONFeedAdapter())
///             .adding(rule: UTMSourceRule())
///             .run()
///     }
/// }
/// ```
///
/// The formats reach every command: `check` and `fix` pick each file's adapter from ``formats`` (by `--format-in`,
/// extension, then content), folders are searched for their extensions, and `convert` reads and writes them. The
/// rules reach `check`, `fix`, `rules`, and configuration files, which may name their ids. The network rule
/// `broken-link` is always added (skipped with `--offline`).
///
/// Exit codes: 0 no errors; 1 errors found (or warnings with `--strict`; for `fix`, errors that remain); 2 usage,
/// configuration or input errors, and a registration that failed (two formats or rules with one identifier).
public struct EditorialCheckTool: Sendable {
    /// The version of `editorial-check`.
    public static let standardVersion = "0.2.0"

    /// The name shown in help and usage, in error messages, and as the SARIF tool name.
    public var commandName: String
    /// The version printed by `--version` and written in SARIF logs.
    public var version: String
    /// The formats the tool reads and writes.
    public var formats: FormatRegistry
    /// The rules the tool runs, without `broken-link`, which the tool adds.
    public var rules: RuleRegistry
    /// Registrations by ``adding(format:)`` and `adding(rule:)` that failed, reported by ``run()``.
    private var registrationErrors: [NewsletterError] = []

    /// Creates a tool over `formats` and `rules`; with the defaults, this is `editorial-check`.
    public init(
        commandName: String = "editorial-check",
        version: String = EditorialCheckTool.standardVersion,
        formats: FormatRegistry = .standard,
        rules: RuleRegistry = .builtIn
    ) {
        self.commandName = commandName
        self.version = version
        self.formats = formats
        self.rules = rules
    }

    /// The tool with `adapter` registered after the formats it has. An identifier already taken makes ``run()``
    /// fail with exit status 2, naming the adapter.
    public func adding(format adapter: any FormatAdapter) -> EditorialCheckTool {
        registering("format adapter \(type(of: adapter))") { tool throws(NewsletterError) in try tool.formats.register(adapter) }
    }

    /// The tool with the offline rule `rule` registered after the rules it has. An identifier already taken (or not
    /// kebab-case) makes ``run()`` fail with exit status 2, naming the rule.
    public func adding(rule: any Rule) -> EditorialCheckTool {
        registering("rule \(type(of: rule))") { tool throws(NewsletterError) in try tool.rules.register(rule) }
    }

    /// The tool with the asynchronous rule `rule` registered after the rules it has; skipped by `check --offline`
    /// and by `fix`, as `broken-link` is.
    public func adding(rule: any AsyncRule) -> EditorialCheckTool {
        registering("rule \(type(of: rule))") { tool throws(NewsletterError) in try tool.rules.register(rule) }
    }

    /// A copy of the tool changed by `register`; a failure is kept, naming `what`, for ``run()`` to report.
    private func registering(
        _ what: String, _ register: (inout EditorialCheckTool) throws(NewsletterError) -> Void
    ) -> EditorialCheckTool {
        var tool = self
        do throws(NewsletterError) {
            try register(&tool)
        } catch {
            tool.registrationErrors.append(NewsletterError(.configuration, "cannot add \(what): \(error.message)"))
        }
        return tool
    }

    /// Runs the command line the process was started with and ends the process with the tool's exit status.
    ///
    /// As it owns the process, it also has the C allocator give large blocks (a mebibyte or more) pages of their own,
    /// returned as soon as they are freed, so that a large draft's memory is given back before the next is read.
    public func run() async -> Never {
        ProcessMemory.returnLargeBlocksWhenFreed()
        let status = await run(arguments: Array(CommandLine.arguments.dropFirst()))
        exit(status)
    }

    /// Runs one command line (`["check", "--offline", "drafts"]`, without the tool's name) in this process, writing
    /// to standard output and standard error, and returns the exit status instead of ending the process.
    public func run(arguments: [String]) async -> Int32 {
        if let error = registrationErrors.first {
            Terminal.writeError("error: \(error.message)\n")
            return ExitStatus.inputError.rawValue
        }
        return await Self.$running.withValue(self) {
            await Self.parseAndRun(arguments)
        }
    }

    /// The tool whose command line is running; the commands read their formats, rules, name and version from it.
    /// Task-local, so that tools run in one process at once (tests) do not see each other's.
    @TaskLocal static var running = EditorialCheckTool()

    /// Parses and runs, mapping every failure onto the documented exit codes instead of ArgumentParser's defaults
    /// (which use 64 for usage errors).
    private static func parseAndRun(_ arguments: [String]) async -> Int32 {
        do {
            var command = try EditorialCheck.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.clean.rawValue
        } catch let status as ExitStatus {
            return status.rawValue
        } catch {
            let code = EditorialCheck.exitCode(for: error)
            let message = EditorialCheck.fullMessage(for: error)
            // Help and `--version` end cleanly, on standard output, as ArgumentParser's `exit(withError:)` writes them.
            if code == .success {
                if !message.isEmpty { Terminal.write(message + "\n") }
                return code.rawValue
            }
            Terminal.writeError(message + "\n")
            return ExitStatus.inputError.rawValue
        }
    }
}
