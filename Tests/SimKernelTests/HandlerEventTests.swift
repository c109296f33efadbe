import XCTest
import SimKernel

/// Handler events (`EventHandler` + tag, kept as plain data in the event list) and closure
/// events share one order, and the list releases the handlers it holds.
final class HandlerEventTests: XCTestCase {
    private final class Recorder: EventHandler {
        var log: [String] = []
        override func handleEvent(tag: Int) { log.append("handler \(tag)") }
    }

    func testHandlerAndClosureEventsKeepOneFIFOOrder() {
        let sim = Simulation()
        let recorder = Recorder()
        for i in 0..<6 {
            if i.isMultiple(of: 2) {
                sim.schedule(at: 7, handler: recorder, tag: i)
            } else {
                sim.schedule(at: 7) { recorder.log.append("closure \(i)") }
            }
        }
        sim.schedule(at: 7, priority: .release, handler: recorder, tag: 99)
        sim.run()
        XCTAssertEqual(recorder.log, ["handler 99", "handler 0", "closure 1", "handler 2", "closure 3", "handler 4",
                                      "closure 5"])
        XCTAssertEqual(sim.eventsExecuted, 7)
    }

    func testCancellableHandlerEventNeverFires() {
        let sim = Simulation()
        let recorder = Recorder()
        let handle = sim.scheduleCancellable(at: 5, handler: recorder, tag: 1)
        sim.schedule(at: 6, handler: recorder, tag: 2)
        sim.cancel(handle)
        sim.run()
        XCTAssertEqual(recorder.log, ["handler 2"])
    }

    func testPendingHandlersAreReleasedWhenDiscardedOrWhenTheSimulationGoesAway() {
        weak var discarded: Recorder?
        weak var dropped: Recorder?
        let sim = Simulation()
        do {
            let first = Recorder()
            discarded = first
            sim.schedule(at: 10, handler: first, tag: 0)
        }
        XCTAssertNotNil(discarded, "the event list keeps its handler alive")
        sim.discardPendingEvents()
        XCTAssertNil(discarded)
        do {
            let other = Simulation()
            let second = Recorder()
            dropped = second
            other.schedule(at: 10, handler: second, tag: 0)
        }
        XCTAssertNil(dropped)
    }

    func testAGrantedClaimCallsItsHandler() {
        let sim = Simulation()
        let recorder = Recorder()
        let suite = Resource(name: "suite", capacity: 1, in: sim)
        XCTAssertNil(suite.request(handler: recorder, tag: 1), "a claim granted at once makes no claim object")
        XCTAssertEqual(recorder.log, ["handler 1"], "granted before request returns")
        let waiting = suite.request(handler: recorder, tag: 2)
        XCTAssertEqual(waiting?.state, .waiting)
        sim.schedule(at: 3) { suite.release() }
        sim.run()
        XCTAssertEqual(recorder.log, ["handler 1", "handler 2"])
        XCTAssertEqual(suite.waits.max, 3)
    }
}
