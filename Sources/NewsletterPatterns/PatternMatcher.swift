/// Runs a ``PatternProgram`` over UTF-8 text by simulating all its threads in lock step (a Pike VM): each scalar
/// of the text is read once and each instruction is visited at most once per scalar, so a match costs time
/// proportional to the text's length times the program's size, whatever the pattern (no backtracking).
///
/// Threads are kept in priority order, which is the order a backtracking engine would try them, so the match found
/// is the one ICU and PCRE report: the leftmost, and among those the one the first alternatives and greedy (or
/// lazy) repetitions prefer ("leftmost-first").
struct PatternMatcher {
    private let program: PatternProgram
    private let bytes: UnsafeBufferPointer<UInt8>

    init(program: PatternProgram, bytes: UnsafeBufferPointer<UInt8>) {
        self.program = program
        self.bytes = bytes
    }

    /// The UTF-8 offsets of the first match starting at or after `start` (a scalar boundary; assertions still see
    /// the text before it); with `anyMatch`, of whichever match is found first (enough to say whether there is one).
    func firstMatch(anyMatch: Bool = false, from start: Int = 0) -> Range<Int>? {
        var current = ThreadList(capacity: program.instructions.count)
        var next = ThreadList(capacity: program.instructions.count)
        var stack: [Int] = []
        stack.reserveCapacity(program.instructions.count)
        let count = bytes.count
        var position = start
        var previous: Unicode.Scalar? = self.scalar(before: start)
        var (scalar, length) = decode(at: start)
        var found: Range<Int>?
        while true {
            if found == nil && (!program.isAnchoredAtStart || position == 0) {
                if current.count == 0, !program.isAnchoredAtStart, let firstBytes = program.firstBytes {
                    let start = position
                    while position < count && !firstBytes[Int(bytes[position])] { position += 1 }
                    if position == count { return nil }
                    if position != start {
                        (scalar, length) = decode(at: position)
                        previous = self.scalar(before: position)
                    }
                }
                addThread(to: &current, stack: &stack, pc: 0, start: position, previous: previous, next: scalar, at: position)
            }
            if current.count == 0 { break }
            let after = position + length
            let following = scalar == nil ? (nil, 0) : decode(at: after)
            let compared = scalar.map { program.ignoresCase ? ScalarCase.folded($0) : $0 }
            var index = 0
            while index < current.count {
                let pc = current.pcs[index], start = current.starts[index]
                index += 1
                switch program.instructions[pc] {
                case .scalar(let expected):
                    if compared == expected {
                        addThread(to: &next, stack: &stack, pc: pc + 1, start: start, previous: scalar, next: following.0, at: after)
                    }
                case .set(let set):
                    if let scalar, program.sets[set].contains(scalar) {
                        addThread(to: &next, stack: &stack, pc: pc + 1, start: start, previous: scalar, next: following.0, at: after)
                    }
                case .match:
                    found = start..<position
                    if anyMatch { return found }
                    // Threads after this one would only give matches a backtracking engine never reaches.
                    index = current.count
                default:
                    break
                }
            }
            if scalar == nil || (found != nil && next.count == 0) { break }
            swap(&current, &next)
            next.removeAll()
            previous = scalar
            position = after
            (scalar, length) = following
        }
        return found
    }

    /// Adds the thread at `pc` and every instruction reachable from it without consuming, in priority order.
    private func addThread(
        to list: inout ThreadList, stack: inout [Int], pc: Int, start: Int, previous: Unicode.Scalar?, next: Unicode.Scalar?, at position: Int
    ) {
        stack.append(pc)
        while let pc = stack.popLast() {
            guard !list.contains(pc) else { continue }
            list.insert(pc, start: start)
            switch program.instructions[pc] {
            case .jump(let target): stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertion(let assertion):
                if holds(assertion, previous: previous, next: next, at: position) { stack.append(pc + 1) }
            default: break
            }
        }
    }

    private func holds(_ assertion: PatternAssertion, previous: Unicode.Scalar?, next: Unicode.Scalar?, at position: Int) -> Bool {
        switch assertion {
        case .textStart: return position == 0
        case .textEnd: return position == bytes.count
        case .textEndOrFinalLineTerminator:
            guard let next else { return true }
            if next == "\r" && position + 2 == bytes.count && bytes[position + 1] == 0x0A { return true }
            return position + UTF8.width(next) == bytes.count && ScalarSet.lineTerminators.contains { $0.contains(next.value) }
        case .wordBoundary, .notWordBoundary:
            let before = previous.map(ScalarSet.Property.word.contains) ?? false
            let after = next.map(ScalarSet.Property.word.contains) ?? false
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    /// The scalar ending at `offset`, for the assertions of a thread started after a skip.
    private func scalar(before offset: Int) -> Unicode.Scalar? {
        guard offset > 0 else { return nil }
        var start = offset - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(at: start).0
    }

    /// The scalar starting at `offset` and its length in bytes; `nil` at the end. The bytes are a `String`'s, so
    /// valid UTF-8.
    private func decode(at offset: Int) -> (Unicode.Scalar?, Int) {
        guard offset < bytes.count else { return (nil, 0) }
        let lead = UInt32(bytes[offset])
        if lead < 0x80 { return (Unicode.Scalar(UInt8(lead)), 1) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = lead & (0xFF >> UInt32(length + 1))
        for index in offset + 1..<offset + length { value = value << 6 | UInt32(bytes[index] & 0x3F) }
        return (Unicode.Scalar(value), length)
    }
}

/// The threads alive at one position: a sparse set of instruction indices (membership in constant time, emptied
/// in constant time) that keeps insertion order, which is priority order.
private struct ThreadList {
    private(set) var pcs: [Int]
    private(set) var starts: [Int]
    private var slots: [Int]
    private(set) var count = 0

    init(capacity: Int) {
        pcs = [Int](repeating: 0, count: capacity)
        starts = [Int](repeating: 0, count: capacity)
        slots = [Int](repeating: 0, count: capacity)
    }

    func contains(_ pc: Int) -> Bool {
        let slot = slots[pc]
        return slot < count && pcs[slot] == pc
    }

    mutating func insert(_ pc: Int, start: Int) {
        slots[pc] = count
        pcs[count] = pc
        starts[count] = start
        count += 1
    }

    mutating func removeAll() { count = 0 }
}
