/// A compiled pattern: instructions, the sets they refer to, and what the matcher may use to skip ahead.
struct PatternProgram: Sendable {
    private(set) var instructions: [PatternInstruction] = []
    private(set) var sets: [ScalarSet] = []
    /// Whether scalars are compared case-folded (`(?i)`).
    let ignoresCase: Bool
    /// Whether every match starts at the start of the text (`^...`), so only one start is ever tried.
    let isAnchoredAtStart: Bool
    /// The bytes a match can start with, when that is known: where no thread is alive the matcher jumps to the
    /// next such byte instead of starting a thread at every position. `nil` when a match may be empty.
    private(set) var firstBytes: [Bool]?

    init(_ node: PatternNode, ignoresCase: Bool) {
        self.ignoresCase = ignoresCase
        isAnchoredAtStart = Self.isAnchored(node)
        emit(node)
        instructions.append(.match)
        firstBytes = startingBytes()
    }

    private mutating func emit(_ node: PatternNode) {
        switch node {
        case .empty: break
        case .scalar(let scalar): instructions.append(.scalar(scalar))
        case .set(let set):
            sets.append(set)
            instructions.append(.set(sets.count - 1))
        case .assertion(let assertion): instructions.append(.assertion(assertion))
        case .concatenation(let nodes): for node in nodes { emit(node) }
        case .alternation(let branches):
            var jumps: [Int] = []
            for branch in branches.dropLast() {
                let split = instructions.count
                instructions.append(.match)
                emit(branch)
                jumps.append(instructions.count)
                instructions.append(.match)
                instructions[split] = .split(split + 1, instructions.count)
            }
            emit(branches[branches.count - 1])
            for jump in jumps { instructions[jump] = .jump(instructions.count) }
        case .repetition(let node, let minimum, let maximum, let isGreedy):
            emitRepetition(node, minimum: minimum, maximum: maximum, isGreedy: isGreedy)
        }
    }

    /// The sizes here are the ones ``PatternParser`` counts against ``PatternLimits/maximumProgramSize``.
    private mutating func emitRepetition(_ node: PatternNode, minimum: Int, maximum: Int?, isGreedy: Bool) {
        func split(preferring preferred: Int, over other: Int) -> PatternInstruction {
            isGreedy ? .split(preferred, other) : .split(other, preferred)
        }
        guard let maximum else {
            if minimum == 0 {
                // loop: split body, exit; body; jump loop
                let loop = instructions.count
                instructions.append(.match)
                emit(node)
                instructions.append(.jump(loop))
                instructions[loop] = split(preferring: loop + 1, over: instructions.count)
            } else {
                for _ in 0..<minimum - 1 { emit(node) }
                // body; split body, exit
                let body = instructions.count
                emit(node)
                instructions.append(split(preferring: body, over: instructions.count + 1))
            }
            return
        }
        for _ in 0..<minimum { emit(node) }
        var optionalSplits: [Int] = []
        for _ in minimum..<maximum {
            optionalSplits.append(instructions.count)
            instructions.append(.match)
            emit(node)
        }
        for position in optionalSplits { instructions[position] = split(preferring: position + 1, over: instructions.count) }
    }

    private static func isAnchored(_ node: PatternNode) -> Bool {
        switch node {
        case .assertion(.textStart): true
        case .concatenation(let nodes): nodes.first.map(isAnchored) ?? false
        case .alternation(let branches): branches.allSatisfy(isAnchored)
        case .repetition(let node, let minimum, _, _): minimum > 0 && isAnchored(node)
        default: false
        }
    }

    /// The lead bytes of every scalar the first consuming instruction may take, if no match is reachable without one.
    private func startingBytes() -> [Bool]? {
        var bytes = [Bool](repeating: false, count: 256)
        var seen = Set<Int>()
        var pending = [0]
        func addNonASCIILeads() {
            for byte in 0xC2...0xF4 { bytes[byte] = true }
        }
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch instructions[pc] {
            case .match: return nil
            // A superset is enough: whether the condition holds is decided when the thread starts.
            case .assertion: pending.append(pc + 1)
            case .jump(let target): pending.append(target)
            case .split(let first, let second): pending += [first, second]
            case .scalar(let scalar):
                let lead = Int(String(scalar).utf8.first!)
                bytes[lead] = true
                if ignoresCase {
                    bytes[Int(String(ScalarCase.upper(scalar)).utf8.first!)] = true
                    addNonASCIILeads()
                }
            case .set(let index):
                let set = sets[index]
                for byte in 0..<UInt8(128) where set.containsASCII(byte) { bytes[Int(byte)] = true }
                if ignoresCase || set.mayContainNonASCII { addNonASCIILeads() }
            }
        }
        return bytes
    }
}
