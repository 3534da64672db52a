import ArgumentParser

/// The `--output` formats; their names are part of the tool's contract.
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json, sarif, github
}
