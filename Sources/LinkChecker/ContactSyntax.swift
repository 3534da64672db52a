import Foundation

/// Syntax checks for `mailto:` and `tel:` links, which cannot be verified without sending something.
enum ContactSyntax {
    /// `mailto:a@b.example,c@d.example?subject=...`: every address must look deliverable.
    static func checkMailto(_ destination: String) -> LinkStatus {
        let body = destination.dropFirst("mailto:".count)
        let parts = body.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var addresses = (parts.first.map(String.init) ?? "").removingPercentEncoding ?? ""
        if addresses.isEmpty, parts.count == 2 {
            // `mailto:?to=a@b.example` puts the address in the query.
            let query = URLComponents(string: "x:?" + parts[1])?.queryItems ?? []
            addresses = query.filter { $0.name.lowercased() == "to" }.compactMap(\.value).joined(separator: ",")
        }
        let list = addresses.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !list.isEmpty else { return .invalidURL(reason: "the mailto: link has no address") }
        for address in list where !isPlausibleAddress(address) {
            return .invalidURL(reason: "\(address) is not an email address")
        }
        return .syntaxValid(scheme: "mailto")
    }

    /// `tel:+1-201-555-0123;ext=5`: digits with visual separators, at least three digits.
    static func checkTel(_ destination: String) -> LinkStatus {
        let body = destination.dropFirst("tel:".count)
        let number = (String(body.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
            .removingPercentEncoding ?? "")
        var digits = 0
        for (offset, character) in number.enumerated() {
            if character.isASCII, character.isNumber {
                digits += 1
            } else if character == "+" && offset == 0 {
                continue
            } else if !"-.() ".contains(character) {
                return .invalidURL(reason: "the phone number \(number) holds \(character)")
            }
        }
        guard digits >= 3 else { return .invalidURL(reason: "the phone number \(number) is too short") }
        return .syntaxValid(scheme: "tel")
    }

    private static func isPlausibleAddress(_ address: String) -> Bool {
        guard let at = address.lastIndex(of: "@") else { return false }
        let local = address[..<at]
        let domain = address[address.index(after: at)...]
        guard !local.isEmpty, local.count <= 64, !local.contains(where: { $0.isWhitespace || $0 == "@" && !local.hasPrefix("\"") })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let top = labels.last, top.count >= 2, top.allSatisfy(\.isLetter) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
        }
    }
}
