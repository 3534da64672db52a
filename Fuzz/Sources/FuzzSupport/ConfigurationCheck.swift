import Foundation
import NewsletterKit

/// The configuration reader's fuzz check: any bytes are a configuration or a `NewsletterError` with a position
/// inside the file.
public enum ConfigurationCheck {
    public static func run(_ data: Data) {
        guard let source = try? SourceText(data: data, path: ".newsletterlint.yml") else { return }
        do {
            _ = try LintConfiguration(yaml: source, registry: .builtIn)
        } catch {
            if let location = error.location {
                InvariantCheck.expect(
                    location.offset <= source.utf8Count, "configuration-error-outside-text", input: data,
                    "offset \(location.offset) in \(source.utf8Count) bytes"
                )
            }
        }
    }
}
