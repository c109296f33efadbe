/// The future-event list: a binary min-heap ordered by (time, priority class, insertion
/// sequence), which makes same-time events FIFO within a class — heap order alone is not
/// stable, the sequence number is what makes it so.
///
/// The heap holds plain 24-byte keys; the closures live in a slab beside it, addressed by
/// slot, so sifting moves no reference-counted values. Complexity: `push` and `popMin`
/// are O(log n); `peekTime` is O(1).
struct EventQueue {
    /// What an event does: run a closure, or call a handler with a tag.
    enum Action {
        case closure(() -> Void)
        case handler(any EventHandler, Int)
    }

    /// A pending event as `popMin` returns it.
    struct Entry {
        let time: SimTime
        let action: Action
        /// Present only for cancellable events.
        let handle: EventHandle?
    }

    /// Heap key. `order` packs the priority class (high 16 bits) above the insertion
    /// sequence (low 48 bits) so that one integer comparison breaks ties.
    private struct Key {
        let time: SimTime
        let order: UInt64
        let slot: Int32

        @inline(__always)
        func precedes(_ other: Key) -> Bool {
            time < other.time || (time == other.time && order < other.order)
        }
    }

    private struct Payload {
        let action: Action
        let handle: EventHandle?
    }

    private var heap: [Key] = []
    private var slab: [Payload?] = []
    private var freeSlots: [Int32] = []

    /// Number of entries, including cancelled ones not yet popped.
    var count: Int { heap.count }

    /// Time of the earliest entry, or nil when empty.
    var peekTime: SimTime? { heap.first?.time }

    init() {
        heap.reserveCapacity(1_024)
        slab.reserveCapacity(1_024)
    }

    /// Packs a priority class and a sequence number into an ordering key.
    static func order(priority: EventPriority, sequence: UInt64) -> UInt64 {
        precondition(sequence < (1 << 48), "event sequence exhausted")
        return UInt64(priority.rawValue) << 48 | sequence
    }

    mutating func push(time: SimTime, order: UInt64, action: Action, handle: EventHandle?) {
        let payload = Payload(action: action, handle: handle)
        let slot: Int32
        if let reused = freeSlots.popLast() {
            slot = reused
            slab[Int(reused)] = payload
        } else {
            slot = Int32(slab.count)
            slab.append(payload)
        }
        let key = Key(time: time, order: order, slot: slot)
        heap.append(key)
        heap.withUnsafeMutableBufferPointer { keys in
            var child = keys.count - 1
            while child > 0 {
                let parent = (child - 1) >> 1
                guard key.precedes(keys[parent]) else { break }
                keys[child] = keys[parent]
                child = parent
            }
            keys[child] = key
        }
    }

    mutating func popMin() -> Entry? {
        guard let first = heap.first else { return nil }
        let last = heap.removeLast()
        heap.withUnsafeMutableBufferPointer { keys in
            let count = keys.count
            guard count > 0 else { return }
            var parent = 0
            while true {
                let left = 2 * parent + 1
                if left >= count { break }
                let right = left + 1
                let smaller = (right < count && keys[right].precedes(keys[left])) ? right : left
                guard keys[smaller].precedes(last) else { break }
                keys[parent] = keys[smaller]
                parent = smaller
            }
            keys[parent] = last
        }
        let slot = Int(first.slot)
        let payload = slab[slot].take()!
        freeSlots.append(first.slot)
        return Entry(time: first.time, action: payload.action, handle: payload.handle)
    }
}
