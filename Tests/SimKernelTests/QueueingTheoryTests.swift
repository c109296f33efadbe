import XCTest
import SimKernel
import SimRandom

/// The kernel alone (no CAR-T model) against queueing theory.
///
/// Each check runs R = 100 independent replications of 20,000 customers (a fixed seed per
/// test, one stream per input and replication), discards a warm-up of 2,000 customers, and
/// asks that the theoretical mean wait lies inside the 95 % Student-t interval of the
/// replication means. Times are seconds with a mean service of one hour, so rounding draws
/// to whole seconds is negligible. A separate exact check compares every wait of the kernel's
/// single-server queue with Lindley's recursion on the same random numbers.
final class QueueingTheoryTests: XCTestCase {
    private let meanService = 3_600.0

    func testMM1MeanWaitMatchesTheory() throws {
        // ρ = 0.8: Wq = ρ/(1 − ρ)·E[S] = 4 h.
        let rho = 0.8
        let result = try replicate(servers: 1, rho: rho, service: .exponential(mean: meanService), seed: 11)
        let theory = rho / (1 - rho) * meanService
        assertInside(theory, result.waits, "M/M/1 Wq")
    }

    func testMMcMeanWaitMatchesErlangC() throws {
        // c = 4, ρ = 0.85: Wq = C(c, a)·E[S]/(c(1 − ρ)).
        let servers = 4, rho = 0.85
        let result = try replicate(servers: servers, rho: rho, service: .exponential(mean: meanService), seed: 12)
        let theory = QueueingFormulas.erlangC(servers: servers, offeredLoad: rho * Double(servers))
            * meanService / (Double(servers) * (1 - rho))
        assertInside(theory, result.waits, "M/M/4 Wq")
    }

    func testMD1MeanWaitMatchesPollaczekKhinchine() throws {
        // Deterministic service: Wq = λE[S²]/(2(1 − ρ)) = ρ·E[S]/(2(1 − ρ)) = 2 h at ρ = 0.8.
        let rho = 0.8
        let result = try replicate(servers: 1, rho: rho, service: .fixed(meanService), seed: 13)
        let theory = rho * meanService / (2 * (1 - rho))
        assertInside(theory, result.waits, "M/D/1 Wq")
    }

    func testLittlesLawHoldsForTheMeasuredQueue() throws {
        // L = λW on the same run: time-average queue length against the observed arrival
        // rate times the observed mean wait. Both sides are measured over the same window;
        // only customers straddling the window's edges differ, hence a 1 % tolerance.
        let result = try replicate(servers: 2, rho: 0.75, service: .exponential(mean: meanService),
                                   seed: 14, replications: 3)
        for run in result.runs {
            let lambdaW = run.arrivalRate * run.meanWait
            XCTAssertEqual(run.meanQueueLength, lambdaW, accuracy: 0.01 * lambdaW,
                           "L = \(run.meanQueueLength), λW = \(lambdaW)")
        }
    }

    func testSingleServerWaitsEqualLindleysRecursionExactly() {
        // W₁ = 0, Wₙ₊₁ = max(0, Wₙ + Sₙ − Aₙ₊₁) on the same streams as the kernel's run: the
        // kernel's FIFO resource must reproduce every customer's wait to the second.
        let arrivals = Distribution.exponential(mean: meanService / 0.9)
        let service = Distribution.exponential(mean: meanService)
        let kernel = simulateQueue(servers: 1, arrivals: arrivals, service: service, customers: 5_000,
                                   warmupCustomers: 1, seed: 15, replication: 0).waits
        let arrivalStream = RandomStream(scenarioSeed: 15, replication: 0, name: "arrivals")
        let serviceStream = RandomStream(scenarioSeed: 15, replication: 0, name: "service")
        var lindley: [SimTime] = [0]
        for _ in 1..<kernel.count {
            let serviceTime = Ticks.fromSeconds(service.sample(serviceStream))
            let gap = Ticks.fromSeconds(arrivals.sample(arrivalStream))
            lindley.append(max(0, lindley[lindley.count - 1] + serviceTime - gap))
        }
        XCTAssertEqual(kernel.count, 5_001)
        XCTAssertEqual(kernel, lindley)
    }

    // MARK: - Harness

    private struct Run { let meanWait: Double; let meanQueueLength: Double; let arrivalRate: Double }
    private struct Result { let runs: [Run]; var waits: [Double] { runs.map(\.meanWait) } }

    private func replicate(servers: Int, rho: Double, service: Distribution, seed: UInt64,
                           replications: Int = 100, customers: Int = 20_000,
                           warmupCustomers: Int = 2_000) throws -> Result {
        let meanInterarrival = meanService / (rho * Double(servers))
        let arrivals = Distribution.exponential(mean: meanInterarrival)
        let runs = (0..<replications).map { replication in
            simulateQueue(servers: servers, arrivals: arrivals, service: service,
                          customers: customers, warmupCustomers: warmupCustomers,
                          seed: seed, replication: replication).run
        }
        return Result(runs: runs)
    }

    /// One replication of a G/G/c queue fed by `warmupCustomers + customers` arrivals;
    /// statistics restart at the arrival of customer `warmupCustomers` and run until the
    /// queue has drained. Also returns every customer's wait in order of service.
    private func simulateQueue(servers: Int, arrivals: Distribution, service: Distribution,
                               customers: Int, warmupCustomers: Int, seed: UInt64,
                               replication: Int) -> (run: Run, waits: [SimTime]) {
        let sim = Simulation()
        let server = Resource(name: "server", capacity: servers, in: sim)
        let arrivalStream = RandomStream(scenarioSeed: seed, replication: replication, name: "arrivals")
        let serviceStream = RandomStream(scenarioSeed: seed, replication: replication, name: "service")
        var arrived = 0
        var waits: [SimTime] = []
        var windowStart: SimTime = 0
        func arrive() {
            arrived += 1
            if arrived == warmupCustomers {
                server.resetStatistics()
                windowStart = sim.now
            }
            guard arrived <= warmupCustomers + customers else { return }
            let requested = sim.now
            server.request {
                waits.append(sim.now - requested)
                sim.schedule(after: Ticks.fromSeconds(service.sample(serviceStream)), priority: .release) {
                    server.release()
                }
            }
            sim.schedule(after: Ticks.fromSeconds(arrivals.sample(arrivalStream)), priority: .arrival, arrive)
        }
        sim.schedule(at: 0, priority: .arrival, arrive)
        sim.run()
        let window = Double(sim.now - windowStart)
        return (Run(meanWait: server.waits.mean,
                    meanQueueLength: server.queueLength.average(until: sim.now),
                    arrivalRate: Double(customers) / window), waits)
    }

    private func assertInside(_ theory: Double, _ replicationMeans: [Double], _ label: String,
                              file: StaticString = #filePath, line: UInt = #line) {
        let interval = StudentTInterval(values: replicationMeans, confidence: 0.95)
        XCTAssertTrue(interval.lower <= theory && theory <= interval.upper,
                      "\(label): theory \(theory) s outside 95 % interval [\(interval.lower), \(interval.upper)]",
                      file: file, line: line)
    }
}
