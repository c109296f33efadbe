import XCTest
import SimKernel

final class ResourceTests: XCTestCase {
    func testFIFOServiceAndWaitingTimes() {
        let sim = Simulation()
        let server = Resource(name: "suite", capacity: 1, in: sim)
        var served: [(Int, SimTime)] = []
        for customer in 0..<3 {
            sim.schedule(at: SimTime(customer)) {
                server.request {
                    served.append((customer, sim.now))
                    sim.schedule(after: 10, priority: .release) { server.release() }
                }
            }
        }
        sim.run()
        XCTAssertEqual(served.map(\.0), [0, 1, 2])
        XCTAssertEqual(served.map(\.1), [0, 10, 20])
        // Waits 0, 9, 18.
        XCTAssertEqual(server.waits.count, 3)
        XCTAssertEqual(server.waits.mean, 9)
        XCTAssertEqual(server.utilization(until: 30), 1)
        // Queue: 1 waiting during [1,10), 2 during... customer 1 waits 1→10, customer 2 waits 2→20.
        XCTAssertEqual(server.queueLength.integral(until: 30), 9 + 18)
    }

    func testPriorityDisciplineServesLowerRankFirstThenFIFO() {
        let sim = Simulation()
        let server = Resource(name: "qc", capacity: 1, in: sim)
        var order: [String] = []
        server.request { order.append("holder") }
        for (name, rank) in [("late-b", 2.0), ("urgent", 0.0), ("late-a", 2.0), ("mid", 1.0)] {
            server.request(rank: rank) {
                order.append(name)
                sim.schedule(after: 1) { server.release() }
            }
        }
        sim.schedule(at: 5) { server.release() }
        sim.run()
        XCTAssertEqual(order, ["holder", "urgent", "mid", "late-b", "late-a"])
    }

    func testReleaseBeforeSeizeAtTheSameInstant() {
        // A unit released at t = 10 serves an arrival at t = 10 without waiting,
        // whichever of the two was scheduled first.
        let sim = Simulation()
        let server = Resource(name: "chair", capacity: 1, in: sim)
        server.request {}
        sim.schedule(at: 10, priority: .arrival) { server.request {} }
        sim.schedule(at: 10, priority: .release) { server.release() }
        sim.run()
        XCTAssertEqual(server.waits.max, 0)
    }

    func testCancelledClaimIsNeverGrantedAndLeavesTheQueue() {
        let sim = Simulation()
        let server = Resource(name: "bed", capacity: 1, in: sim)
        var granted: [String] = []
        server.request { granted.append("first") }
        let dropout = server.request { granted.append("dropout") }!
        server.request { granted.append("third") }
        XCTAssertEqual(server.waitingCount, 2)
        server.cancel(dropout)
        XCTAssertEqual(server.waitingCount, 1)
        sim.schedule(at: 3) { server.release() }
        sim.run()
        XCTAssertEqual(granted, ["first", "third"])
        XCTAssertEqual(dropout.state, .cancelled)
    }

    func testCapacityIncreaseServesWaitingClaimsAndDecreaseLetsHoldersFinish() {
        let sim = Simulation()
        let server = Resource(name: "suite", capacity: 1, in: sim)
        var grants: [SimTime] = []
        for _ in 0..<3 { server.request { grants.append(sim.now) } }
        sim.schedule(at: 5, priority: .capacityChange) { server.setCapacity(3) }
        sim.schedule(at: 6, priority: .capacityChange) { server.setCapacity(1) }
        sim.schedule(at: 7) { server.release(); server.release() }
        sim.run()
        XCTAssertEqual(grants, [0, 5, 5])
        XCTAssertEqual(server.busy, 1)
        XCTAssertEqual(server.capacity, 1)
    }

    func testGateCalendarDelaysGrantsToTheNextOpening() {
        // Suites may start batches Mon–Fri 08:00–17:00 only. A claim made Saturday waits
        // until Monday 08:00 even though the suite is free.
        let h = Ticks.hour, d = Ticks.day
        let day = [WorkCalendar.Interval(open: 8 * h, close: 17 * h)!]
        let monday = CivilDate(year: 2026, month: 11, day: 23)!.dayNumber
        let gate = WorkCalendar(weeklyHours: [day, day, day, day, day, [], []], holidays: [], originDay: monday)
        let sim = Simulation()
        let suite = Resource(name: "suite", capacity: 2, gate: gate, in: sim)
        var starts: [SimTime] = []
        sim.schedule(at: 5 * d + 10 * h) { suite.request { starts.append(sim.now) } }
        sim.schedule(at: 5 * d + 11 * h) { suite.request { starts.append(sim.now) } }
        sim.run()
        XCTAssertEqual(starts, [7 * d + 8 * h, 7 * d + 8 * h])
        XCTAssertTrue(starts.allSatisfy { gate.isOpen(at: $0) })
    }

    /// With `workFitsGate`, 4 h of work claimed at 15:00 waits for 08:00 the next day; the
    /// claim behind it keeps its place (no overtaking), and a claim for work longer than any
    /// opening starts at the next opening.
    func testWorkThatMustFitTheGateWaitsForAnOpeningLongEnough() {
        let h = Ticks.hour, d = Ticks.day
        let day = [WorkCalendar.Interval(open: 8 * h, close: 17 * h)!]
        let monday = CivilDate(year: 2026, month: 11, day: 23)!.dayNumber
        let gate = WorkCalendar(weeklyHours: [day, day, day, day, day, [], []], holidays: [], originDay: monday)
        let sim = Simulation()
        let chair = Resource(name: "chair", capacity: 1, gate: gate, workFitsGate: true, in: sim)
        var starts: [String: SimTime] = [:]
        func claim(_ name: String, at time: SimTime, work: SimTime) {
            sim.schedule(at: time) {
                chair.request(work: work) {
                    starts[name] = sim.now
                    sim.schedule(after: work, priority: .release) { chair.release() }
                }
            }
        }
        claim("late", at: 15 * h, work: 4 * h)
        claim("short", at: 15 * h + 1, work: 1 * h)
        claim("long", at: 2 * d, work: 12 * h)
        sim.run()
        XCTAssertEqual(starts["late"], d + 8 * h)
        XCTAssertEqual(starts["short"], d + 12 * h)
        XCTAssertEqual(starts["long"], 2 * d + 8 * h)
    }

    func testClaimOfSeveralUnitsWaitsForAllAndHoldsTheLineBehindIt() {
        // Three operators: a team of two starts at 0; a team of two asked at 1 waits for the
        // first team (one operator is free), and the single claim behind it waits too.
        let sim = Simulation()
        let operators = Resource(name: "plant.operators", capacity: 3, in: sim)
        var starts: [String: SimTime] = [:]
        func claim(_ name: String, units: Int, at time: SimTime, holding: SimTime) {
            sim.schedule(at: time) {
                operators.request(units: units) {
                    starts[name] = sim.now
                    sim.schedule(after: holding, priority: .release) { operators.release(units) }
                }
            }
        }
        claim("first team", units: 2, at: 0, holding: 10)
        claim("second team", units: 2, at: 1, holding: 10)
        claim("single", units: 1, at: 2, holding: 5)
        sim.run()
        XCTAssertEqual(starts, ["first team": 0, "second team": 10, "single": 10])
        // Busy units: 2 during [0, 10), 3 during [10, 15), 2 during [15, 20).
        XCTAssertEqual(operators.utilization(until: 20), Double(2 * 10 + 3 * 5 + 2 * 5) / 60)
    }

    func testConsumedUnitsLeaveTheStockAndDeliveriesServeWaitingClaims() {
        let sim = Simulation()
        let vector = Resource(name: "plant.vector", capacity: 2, in: sim)
        var granted: [SimTime] = []
        for time: SimTime in [0, 1, 2] {
            sim.schedule(at: time) {
                vector.request {
                    granted.append(sim.now)
                    vector.consume(1)
                }
            }
        }
        // Two units on hand serve the first two claims; the third waits for a delivery at 7.
        sim.schedule(at: 7) { vector.setCapacity(vector.capacity + 3) }
        sim.run()
        XCTAssertEqual(granted, [0, 1, 7])
        XCTAssertEqual(vector.capacity, 2)
        XCTAssertEqual(vector.busy, 0)
        XCTAssertEqual(vector.waits.max, 5)
    }
}
