import XCTest
import SimKernel
import SimRandom

final class EventOrderTests: XCTestCase {
    func testSameTimeEventsAreFIFOWithinAPriorityClass() {
        let sim = Simulation()
        var order: [Int] = []
        for i in 0..<1_000 { sim.schedule(at: 10) { order.append(i) } }
        sim.run()
        XCTAssertEqual(order, Array(0..<1_000))
    }

    func testPriorityClassesOrderSameTimeEventsRegardlessOfInsertion() {
        let sim = Simulation()
        var order: [String] = []
        sim.schedule(at: 5, priority: .arrival) { order.append("arrival") }
        sim.schedule(at: 5, priority: .normal) { order.append("normal") }
        sim.schedule(at: 5, priority: .release) { order.append("release") }
        sim.schedule(at: 5, priority: .capacityChange) { order.append("capacity") }
        sim.schedule(at: 4, priority: .observation) { order.append("earlier") }
        sim.run()
        XCTAssertEqual(order, ["earlier", "capacity", "release", "normal", "arrival"])
    }

    func testInterleavedTimesAndClassesMatchASortedReference() {
        // A seeded mix of times and classes, checked against a stable sort of the same events.
        let generator = RandomStream(seed: 42)
        let sim = Simulation()
        var fired: [Int] = []
        var reference: [(time: SimTime, priority: UInt16, index: Int)] = []
        for index in 0..<5_000 {
            let time = SimTime(generator.uniformInt(below: 50))
            let priority = UInt16(generator.uniformInt(below: 4)) * 100
            reference.append((time, priority, index))
            sim.schedule(at: time, priority: EventPriority(priority)) { fired.append(index) }
        }
        sim.run()
        let expected = reference.sorted { ($0.time, $0.priority, $0.index) < ($1.time, $1.priority, $1.index) }
        XCTAssertEqual(fired, expected.map(\.index))
    }

    func testEventsScheduledDuringTheRunKeepTheirOrder() {
        let sim = Simulation()
        var order: [String] = []
        sim.schedule(at: 1) {
            order.append("a")
            sim.schedule(after: 0) { order.append("c (scheduled by a, same time)") }
        }
        sim.schedule(at: 1) { order.append("b") }
        sim.run()
        XCTAssertEqual(order, ["a", "b", "c (scheduled by a, same time)"])
    }

    func testCancelledEventNeverFires() {
        let sim = Simulation()
        var fired: [String] = []
        let doomed = sim.scheduleCancellable(at: 10) { fired.append("doomed") }
        sim.schedule(at: 5) { sim.cancel(doomed) }
        sim.schedule(at: 20) { fired.append("kept") }
        XCTAssertEqual(sim.pendingCount, 3)
        sim.run()
        XCTAssertEqual(fired, ["kept"])
        XCTAssertEqual(doomed.state, .cancelled)
        XCTAssertEqual(sim.eventsExecuted, 2)
        XCTAssertEqual(sim.pendingCount, 0)
    }

    func testCancellingAFiredEventDoesNothing() {
        let sim = Simulation()
        var count = 0
        let handle = sim.scheduleCancellable(at: 1) { count += 1 }
        sim.run()
        sim.cancel(handle)
        XCTAssertEqual(handle.state, .fired)
        XCTAssertEqual(count, 1)
        XCTAssertEqual(sim.pendingCount, 0)
    }

    func testRunUntilStopsBeforeLaterEventsAndAdvancesTheClock() {
        let sim = Simulation()
        var fired: [SimTime] = []
        for t in [5, 10, 15] as [SimTime] { sim.schedule(at: t) { fired.append(sim.now) } }
        sim.run(until: 10)
        XCTAssertEqual(fired, [5, 10])
        XCTAssertEqual(sim.now, 10)
        sim.run(until: 12)
        XCTAssertEqual(sim.now, 12)
        sim.run()
        XCTAssertEqual(fired, [5, 10, 15])
    }

    func testStopEndsTheRunAfterTheCurrentEvent() {
        let sim = Simulation()
        var fired = 0
        sim.schedule(at: 1) { fired += 1; sim.stop() }
        sim.schedule(at: 2) { fired += 1 }
        sim.run()
        XCTAssertEqual(fired, 1)
        XCTAssertEqual(sim.pendingCount, 1)
    }
}
