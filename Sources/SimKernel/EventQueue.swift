/// The future-event list: a binary min-heap ordered by (time, priority class, insertion
/// sequence), which makes same-time events FIFO within a class — heap order alone is not
/// stable, the sequence number is what makes it so.
///
/// The heap holds plain 24-byte keys; the actions live in a slab beside it, addressed by
/// slot, so sifting moves no reference-counted values. Complexity: `push` and `popMin`
/// are O(log n); `peekTime` is O(1).
struct EventQueue {
    /// A pending event as `popMin` returns it.
    struct Entry {
        let time: SimTime
        let action: EventAction
        /// Present only for cancellable events.
        let handle: EventHandle?
    }

    /// Heap key. `order` packs the priority class (high 16 bits) above the insertion
    /// sequence (low 48 bits) so that one integer comparison breaks ties.
    private struct Key: HeapOrdered {
        let time: SimTime
        let order: UInt64
        let slot: Int32

        @inline(__always)
        func precedes(_ other: Key) -> Bool {
            time < other.time || (time == other.time && order < other.order)
        }
    }

    private struct Payload {
        let action: EventAction
        let handle: EventHandle?
    }

    private var heap = BinaryHeap<Key>(reservingCapacity: 1_024)
    private var slab: [Payload?] = []
    private var freeSlots: [Int32] = []

    /// Number of entries, including cancelled ones not yet popped.
    var count: Int { heap.count }

    /// Time of the earliest entry, or nil when empty.
    var peekTime: SimTime? { heap.first?.time }

    init() { slab.reserveCapacity(1_024) }

    /// Packs a priority class and a sequence number into an ordering key.
    static func order(priority: EventPriority, sequence: UInt64) -> UInt64 {
        precondition(sequence < (1 << 48), "event sequence exhausted")
        return UInt64(priority.rawValue) << 48 | sequence
    }

    mutating func push(time: SimTime, order: UInt64, action: EventAction, handle: EventHandle?) {
        let payload = Payload(action: action, handle: handle)
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            slab[Int(reused)] = payload
        } else {
            slot = Int32(slab.count)
            slab.append(payload)
        }
        heap.push(Key(time: time, order: order, slot: slot))
    }

    mutating func popMin() -> Entry? {
        guard let first = heap.popFirst() else { return nil }
        let slot = Int(first.slot)
        let payload = slab[slot].take()!
        freeSlots.append(first.slot)
        return Entry(time: first.time, action: payload.action, handle: payload.handle)
    }
}
