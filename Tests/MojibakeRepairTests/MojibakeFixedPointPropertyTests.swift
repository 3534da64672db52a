import MojibakeRepair
import Testing
import TestSupport

/// The fixed point as a property: for inputs generated from a seed, in every shape mojibake takes, repairing
/// the repaired text again changes nothing, with and without guesses.
@Suite struct MojibakeFixedPointPropertyTests {
    /// A way of damaging correct text; each draws its own inputs from the seed.
    enum Shape: String, CaseIterable, CustomStringConvertible {
        /// A random part of a line mangled once, then parts of it mangled again, through any page.
        case partlyLayered
        /// Random runs of the characters mojibake is made of.
        case randomRuns
        /// Whole lines and single words mangled through every page, strict decoders losing bytes.
        case codePages
        /// Mangled text whose no-break spaces became spaces, and CESU-8 emoji.
        case spacesAndSurrogates
        /// Windows-1252 punctuation read as Latin-1 (C1 controls), beside UTF-8 mojibake.
        case controlPunctuation
        /// Every shape on one line, with a character dropped or replaced by U+FFFD here and there.
        case mixed

        var description: String { rawValue }
    }

    static let seeds: [UInt64] = [0x5EED_0001, 0x5EED_0002, 0x5EED_0003, 0x5EED_0004]
    static let inputsPerSeed = 600

    @Test(arguments: Shape.allCases, seeds)
    func repairingTheRepairChangesNothing(shape: Shape, seed: UInt64) {
        var generator = MojibakeDamage(seed: seed)
        var unstable: [String] = []
        for _ in 0..<Self.inputsPerSeed {
            let input = generator.input(of: shape)
            for includeGuesses in [false, true] {
                let once = Mojibake.repair(input, includeGuesses: includeGuesses).text
                let twice = Mojibake.repair(once, includeGuesses: includeGuesses).text
                if once != twice {
                    unstable.append("\(includeGuesses ? "guesses" : "safe"): \(input.debugDescription) -> \(once.debugDescription) -> \(twice.debugDescription)")
                }
            }
        }
        #expect(unstable.isEmpty, "\(unstable.count) unstable, such as \(unstable.prefix(5))")
    }
}

/// Damages correct text the ways text pipelines do, from a seed.
struct MojibakeDamage {
    private var generator: SeededGenerator

    init(seed: UInt64) {
        generator = SeededGenerator(seed: seed)
    }

    static let texts: [String] = MojibakeCorpus.fragments + MojibakeCodePageCorpus.pages.flatMap { $0.languages.joined() }
        + ["voilà le travail", "às crianças", "„Handwerk“ überall…", "Cànan nan Gàidheal", "😍 and ☺", "‘quoted’ — “yes”"]
    static let pages = CodePage.all
    static let westernPages: [CodePage] = [.windows1252Sloppy, .latin1, .macOSRoman]

    private mutating func random(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
    private mutating func pick<T>(_ items: [T]) -> T { items[random(items.count)] }

    mutating func input(of shape: MojibakeFixedPointPropertyTests.Shape) -> String {
        switch shape {
        case .partlyLayered: return partlyLayered(pages: Self.westernPages + [pick(Self.pages)])
        case .randomRuns: return randomRun()
        case .codePages: return throughCodePage()
        case .spacesAndSurrogates: return spacesAndSurrogates()
        case .controlPunctuation: return controlPunctuation()
        case .mixed:
            var parts: [String] = []
            for _ in 0..<2 + random(3) {
                switch random(5) {
                case 0: parts.append(partlyLayered(pages: Self.westernPages))
                case 1: parts.append(throughCodePage())
                case 2: parts.append(spacesAndSurrogates())
                case 3: parts.append(controlPunctuation())
                default: parts.append(pick(Self.texts))
                }
            }
            return losingCharacters(parts.joined(separator: pick([" ", "", " — ", "\u{00A0}"])))
        }
    }

    private mutating func sentence() -> String {
        (0..<1 + random(3)).map { _ in pick(Self.texts) }.joined(separator: " ")
    }

    /// A sentence mangled in part, then parts of the result mangled again.
    private mutating func partlyLayered(pages: [CodePage]) -> String {
        var scalars = Array(sentence().unicodeScalars)
        for _ in 0..<1 + random(3) where !scalars.isEmpty {
            let start = random(scalars.count)
            let end = min(scalars.count, start + 1 + random(8))
            let part = String(String.UnicodeScalarView(scalars[start..<end]))
            scalars.replaceSubrange(start..<end, with: pick(pages).misread(Array(part.utf8)).unicodeScalars)
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private mutating func randomRun() -> String {
        var alphabet: [Unicode.Scalar] = []
        for page in Self.westernPages + [pick(Self.pages)] {
            for byte in UInt8(0x80)...0xFF { if let scalar = page.character(forByte: byte) { alphabet.append(scalar) } }
        }
        alphabet += Array("caf e s ’ “ 👋🤌\u{FFFD}\u{00A0}".unicodeScalars)
        return String(String.UnicodeScalarView((0..<2 + random(10)).map { _ in pick(alphabet) }))
    }

    /// A line, or one word of it, through one page, its undefined bytes dropped or replaced.
    private mutating func throughCodePage() -> String {
        let line = sentence()
        let page = pick(Self.pages)
        let undefined: CodePage.UndefinedByte = random(2) == 0 ? .drop : .replace
        guard random(2) == 0, let word = line.split(separator: " ").randomElement(using: &generator) else {
            return page.misread(Array(line.utf8), undefined: undefined)
        }
        return line.replacingOccurrences(of: word, with: page.misread(Array(word.utf8), undefined: undefined))
    }

    /// Windows-1252 mojibake whose no-break spaces became spaces, or emoji in CESU-8 read through Windows-1252 or Latin-1.
    private mutating func spacesAndSurrogates() -> String {
        let line = sentence()
        let page = pick(Self.westernPages)
        if random(2) == 0 {
            return page.misread(Array(line.utf8)).replacingOccurrences(of: "\u{00A0}", with: random(2) == 0 ? " " : "  ")
        }
        var bytes: [UInt8] = []
        for scalar in line.unicodeScalars {
            guard scalar.value > 0xFFFF else {
                bytes += Array(String(scalar).utf8)
                continue
            }
            for unit in String(scalar).utf16 {
                bytes += [0xE0 | UInt8(unit >> 12), 0x80 | UInt8(unit >> 6 & 0x3F), 0x80 | UInt8(unit & 0x3F)]
            }
        }
        return page.misread(bytes)
    }

    /// Windows-1252 text read as Latin-1: its punctuation becomes C1 controls; sometimes beside UTF-8 mojibake.
    private mutating func controlPunctuation() -> String {
        let line = pick(["„Handwerk“ {}…", "“{}” — ‘yes’", "{} • price €5™", "Œuvre {}… ‹ok›", "parlé… {}"])
            .replacingOccurrences(of: "{}", with: pick(Self.texts))
        var scalars = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            if let byte = CodePage.windows1252.byte(for: scalar), byte >= 0x80 {
                scalars.append(Unicode.Scalar(byte))
            } else {
                scalars.append(scalar)
            }
        }
        let read = String(scalars)
        return random(2) == 0 ? read : read + " " + CodePage.latin1.misread(Array(pick(Self.texts).utf8))
    }

    /// `text` with a character dropped or replaced by U+FFFD, sometimes.
    private mutating func losingCharacters(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        for _ in 0..<random(3) where !scalars.isEmpty {
            let index = random(scalars.count)
            if random(2) == 0 { scalars.remove(at: index) } else { scalars[index] = "\u{FFFD}" }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
