/// The line of claims waiting for a resource: a binary heap by (rank, arrival order),
/// which is FIFO when all ranks are equal. Withdrawn claims are dropped lazily when they
/// reach the front, so `remove` is O(1) and `popFirst` amortised O(log n).
struct WaitingLine {
    private var heap = BinaryHeap<ResourceRequest>()
    /// Number of claims still waiting (withdrawn ones excluded).
    private(set) var count = 0

    mutating func push(_ request: ResourceRequest) {
        count += 1
        heap.push(request)
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
        for request in heap.elements where request.state == .waiting {
            request.state = .cancelled
            request.onGrant = nil
        }
        heap.removeAll()
        count = 0
    }

    /// The first waiting claim, without removing it (withdrawn claims at the front are
    /// dropped on the way).
    mutating func peekFirst() -> ResourceRequest? {
        while let first = heap.first, first.state != .waiting { _ = heap.popFirst() }
        return heap.first
    }

    /// Removes and returns the first waiting claim.
    mutating func popFirst() -> ResourceRequest? {
        while let first = heap.popFirst() {
            if first.state == .waiting {
                count -= 1
                return first
            }
        }
        return nil
    }
}
