/// The line of claims waiting for a resource: a binary heap by (rank, arrival order),
/// which is FIFO when all ranks are equal. Withdrawn claims are dropped lazily when they
/// reach the front, so `remove` is O(1) and `popFirst` amortised O(log n).
struct WaitingLine {
    private var heap: [ResourceRequest] = []
    /// Number of claims still waiting (withdrawn ones excluded).
    private(set) var count = 0

    mutating func push(_ request: ResourceRequest) {
        count += 1
        heap.append(request)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) >> 1
            guard request.precedes(heap[parent]) else { break }
            heap[child] = heap[parent]
            child = parent
        }
        heap[child] = request
    }

    /// Marks a waiting claim as withdrawn; it no longer counts.
    mutating func withdraw(_ request: ResourceRequest) {
        precondition(request.state == .waiting)
        request.state = .cancelled
        request.onGrant = nil
        count -= 1
    }

    /// Withdraws every waiting claim and empties the line.
    mutating func withdrawAll() {
        for request in heap where request.state == .waiting {
            request.state = .cancelled
            request.onGrant = nil
        }
        heap.removeAll()
        count = 0
    }

    /// Removes and returns the first waiting claim.
    mutating func popFirst() -> ResourceRequest? {
        while let first = popHeap() {
            if first.state == .waiting {
                count -= 1
                return first
            }
        }
        return nil
    }

    private mutating func popHeap() -> ResourceRequest? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return first }
        var parent = 0
        let n = heap.count
        while true {
            let left = 2 * parent + 1
            if left >= n { break }
            let right = left + 1
            let smaller = (right < n && heap[right].precedes(heap[left])) ? right : left
            guard heap[smaller].precedes(last) else { break }
            heap[parent] = heap[smaller]
            parent = smaller
        }
        heap[parent] = last
        return first
    }
}
