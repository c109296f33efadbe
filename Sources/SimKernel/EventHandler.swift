/// An object that receives events with an integer tag — the allocation-free alternative
/// to closures for hot paths. Subclass it and override `handleEvent(tag:)`.
///
/// It is a class rather than a protocol so that the event list can keep a scheduled
/// `(handler, tag)` pair as plain data beside the event's time: one retained reference and
/// an integer, moved through the heap without reference counting, where a capturing closure
/// would allocate its context on every call and an existential would cost a side table.
open class EventHandler {
    public init() {}

    /// Called when an event scheduled for this handler is due (or a claim is granted);
    /// `tag` is the value given when it was scheduled. The default does nothing.
    open func handleEvent(tag: Int) {}
}

/// What an event or a granted claim does: run a closure, or call a handler with a tag.
enum EventAction {
    case closure(() -> Void)
    case handler(EventHandler, Int)

    @inline(__always)
    func perform() {
        switch self {
        case .closure(let action): action()
        case .handler(let handler, let tag): handler.handleEvent(tag: tag)
        }
    }
}
