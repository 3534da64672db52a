/// A growable run of plain values whose memory is kept from use to use: the close look's scratch space.
///
/// The close look fills and empties a dozen buffers for every run it examines. Swift arrays would check
/// each one for uniqueness on every write and empty it through generic range replacement; this type owns
/// its memory outright (it cannot be copied), so that appending is a store and emptying is setting a count.
/// Elements are plain values (no references; checked when the buffer is made), so nothing needs destroying
/// and memory can be written without initialising it first.
struct ScratchBuffer<Element>: ~Copyable {
    private var storage: UnsafeMutablePointer<Element>
    private var capacity: Int
    /// The number of elements in use.
    private(set) var count = 0

    init(capacity: Int = 32) {
        precondition(_isPOD(Element.self), "scratch buffers hold plain values")
        self.capacity = max(capacity, 1)
        self.storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    var isEmpty: Bool { count == 0 }
    var indices: Range<Int> { 0..<count }

    /// The elements in use, valid until the buffer next grows.
    var elements: UnsafeMutableBufferPointer<Element> { UnsafeMutableBufferPointer(start: storage, count: count) }

    // Indices are checked in debug builds (which the tests run), like an unsafe buffer's: the close look
    // indexes these buffers in its innermost loops.
    // Addressors, so that reading one field of a large element (a finding) loads that field, not a copy of
    // the element.
    subscript(index: Int) -> Element {
        @inline(__always) unsafeAddress {
            assert(index >= 0 && index < count, "index out of range")
            return UnsafePointer(storage + index)
        }
        @inline(__always) unsafeMutableAddress {
            assert(index >= 0 && index < count, "index out of range")
            return storage + index
        }
    }

    subscript(range: Range<Int>) -> Slice<UnsafeMutableBufferPointer<Element>> {
        assert(range.lowerBound >= 0 && range.upperBound <= count, "range out of bounds")
        return elements[range]
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (storage + count).initialize(to: element)
        count += 1
    }

    mutating func append(contentsOf newElements: some Collection<Element>) {
        let newCount = count + newElements.count
        if newCount > capacity { grow(to: newCount) }
        var index = count
        for element in newElements {
            (storage + index).initialize(to: element)
            index += 1
        }
        count = newCount
    }

    mutating func insert(_ element: Element, at index: Int) {
        precondition(index >= 0 && index <= count, "index out of range")
        if count == capacity { grow(to: count + 1) }
        (storage + index + 1).moveInitialize(from: storage + index, count: count - index)
        (storage + index).initialize(to: element)
        count += 1
    }

    /// Empties the buffer, keeping its memory.
    @inline(__always)
    mutating func removeAll() { count = 0 }

    /// Makes the buffer hold `newCount` elements; the caller writes every element it then reads.
    @inline(__always)
    mutating func resize(to newCount: Int) {
        if newCount > capacity { grow(to: newCount) }
        count = newCount
    }

    private mutating func grow(to minimum: Int) {
        let newCapacity = max(minimum, capacity * 2)
        let newStorage = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        newStorage.initialize(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }
}
