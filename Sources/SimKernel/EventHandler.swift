/// An object that receives events with an integer tag — the allocation-free alternative
/// to closures for hot paths: scheduling `(handler, tag)` stores a reference and an
/// integer, where a capturing closure would allocate its context on every call.
public protocol EventHandler: AnyObject {
    /// Called when an event scheduled for this handler is due; `tag` is the value given
    /// to `Simulation.schedule(at:priority:handler:tag:)`.
    func handleEvent(tag: Int)
}

/// What an event or a granted claim does: run a closure, or call a handler with a tag.
enum EventAction {
    case closure(() -> Void)
    case handler(any EventHandler, Int)

    @inline(__always)
    func perform() {
        switch self {
        case .closure(let action): action()
        case .handler(let handler, let tag): handler.handleEvent(tag: tag)
        }
    }
}
