/// An element of a `BinaryHeap`: a strict order where `a.precedes(b)` puts `a` nearer the top.
protocol HeapOrdered {
    func precedes(_ other: Self) -> Bool
}

/// An array-backed binary min-heap (the smallest element by `precedes` on top).
///
/// Complexity: `push` and `popFirst` O(log n), `first` O(1). Sifting works on the
/// array's buffer directly, without bounds or uniqueness checks per step.
struct BinaryHeap<Element: HeapOrdered> {
    /// The elements in heap order (not sorted).
    private(set) var elements: [Element] = []

    init(reservingCapacity capacity: Int = 0) { elements.reserveCapacity(capacity) }

    var count: Int { elements.count }
    var isEmpty: Bool { elements.isEmpty }
    /// The top element, if any.
    var first: Element? { elements.first }

    mutating func push(_ element: Element) {
        elements.append(element)
        elements.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                guard element.precedes(heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = element
        }
    }

    /// Removes and returns the top element.
    mutating func popFirst() -> Element? {
        guard let top = elements.first else { return nil }
        let last = elements.removeLast()
        elements.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            guard count > 0 else { return }
            var parent = 0
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                let right = left + 1
                let smaller = (right < count && heap[right].precedes(heap[left])) ? right : left
                guard heap[smaller].precedes(last) else { break }
                heap[parent] = heap[smaller]
                parent = smaller
            }
            heap[parent] = last
        }
        return top
    }

    mutating func removeAll() { elements.removeAll() }
}
