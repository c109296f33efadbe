/// The future-event list: a binary min-heap ordered by (time, priority class, insertion
/// sequence), which makes same-time events FIFO within a class — heap order alone is not
/// stable, the sequence number is what makes it so.
///
/// Each heap key is 32 bytes of plain data. A handler event keeps its handler (retained by
/// hand) and tag in the key itself; a closure or a cancellable event keeps its action in a
/// slab beside the heap, addressed by slot. Sifting therefore moves no reference-counted
/// values. Complexity: `push` and `popMin` are O(log n); `peekTime` is O(1).
struct EventQueue {
    /// A pending event as `popMin` returns it.
    enum Entry {
        /// A handler event: the handler (its retain transferred to the caller) and the tag.
        case handler(Unmanaged<EventHandler>, Int)
        /// A slab event: its action and, when cancellable, its handle.
        case slab(EventAction, EventHandle?)
    }

    /// Heap key. `order` packs the priority class (high 16 bits) above the insertion
    /// sequence (low 48 bits) so that one integer comparison breaks ties. `payload` is the
    /// handler's tag, or the slab slot when `handler` is nil.
    private struct Key: HeapOrdered {
        let time: SimTime
        let order: UInt64
        let handler: Unmanaged<EventHandler>?
        let payload: Int

        @inline(__always)
        func precedes(_ other: Key) -> Bool {
            time < other.time || (time == other.time && order < other.order)
        }
    }

    private struct SlabEntry {
        let action: EventAction
        let handle: EventHandle?
    }

    private var heap = BinaryHeap<Key>(reservingCapacity: 1_024)
    private var slab: [SlabEntry?] = []
    private var freeSlots: [Int] = []

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

    /// Adds a handler event; the queue holds a retain on `handler` until it is popped.
    mutating func push(time: SimTime, order: UInt64, handler: EventHandler, tag: Int) {
        heap.push(Key(time: time, order: order, handler: Unmanaged.passRetained(handler), payload: tag))
    }

    /// Adds an event whose action lives in the slab (closures, cancellable events).
    mutating func push(time: SimTime, order: UInt64, action: EventAction, handle: EventHandle?) {
        let entry = SlabEntry(action: action, handle: handle)
        let slot: Int
        if let reused = freeSlots.popLast() {
            slot = reused
            slab[reused] = entry
        } else {
            slot = slab.count
            slab.append(entry)
        }
        heap.push(Key(time: time, order: order, handler: nil, payload: slot))
    }

    /// Removes the earliest event and returns its time and what it does.
    mutating func popMin() -> (time: SimTime, entry: Entry)? {
        guard let first = heap.popFirst() else { return nil }
        if let handler = first.handler { return (first.time, .handler(handler, first.payload)) }
        let entry = slab[first.payload].take()!
        freeSlots.append(first.payload)
        return (first.time, .slab(entry.action, entry.handle))
    }

    /// Drops every pending event, releasing the handlers it holds.
    mutating func removeAll() {
        for key in heap.elements { key.handler?.release() }
        heap.removeAll()
        slab.removeAll()
        freeSlots.removeAll()
    }
}
