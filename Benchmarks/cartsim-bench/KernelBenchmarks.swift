import Foundation
import SimKernel
import SimRandom

/// Benchmarks of the generic kernel (no CAR-T model).
enum KernelBenchmarks {
    /// The classic hold model: `pending` events in the list; each event, when it runs,
    /// schedules one successor at now + a draw of `delay` (seconds). Returns events per
    /// second. With Exp(mean 1 h) a third of the time goes to GSL's exponential (log1p);
    /// Uniform(0, 2 h) shows the event list's own cost.
    static func holdModel(delay: Distribution, pending: Int = 1_000, events: Int = 20_000_000) -> Double {
        let hold = HoldProcess(delay: delay)
        for _ in 0..<pending { hold.reschedule() }
        let sim = hold.simulation
        let seconds = Stopwatch.measure {
            while sim.eventsExecuted < events { sim.run(until: sim.now + 100 * Ticks.day) }
        }
        return Double(sim.eventsExecuted) / seconds
    }

    /// The hold model's event handler: every event schedules its successor.
    private final class HoldProcess: EventHandler {
        let simulation = Simulation()
        let stream = RandomStream(scenarioSeed: 1, replication: 0, name: "hold")
        let delay: Distribution

        init(delay: Distribution) { self.delay = delay }

        func reschedule() {
            simulation.schedule(at: simulation.now + Ticks.fromSeconds(delay.sample(stream)), handler: self, tag: 0)
        }

        override func handleEvent(tag: Int) { reschedule() }
    }

    /// An M/M/c queue (c = 4, ρ = 0.85) with a resource and its statistics on (waiting
    /// times, queue length, busy servers). Returns events per second (arrivals and service
    /// completions).
    static func mmc(customers: Int = 3_000_000) -> Double {
        let queue = QueueProcess(servers: 4, rho: 0.85, customers: customers)
        queue.simulation.schedule(at: 0, priority: .arrival, handler: queue, tag: QueueProcess.arrival)
        let seconds = Stopwatch.measure { queue.simulation.run() }
        return Double(queue.simulation.eventsExecuted) / seconds
    }

    /// The M/M/c queue's event handler: arrivals, grants and service completions.
    private final class QueueProcess: EventHandler {
        static let arrival = 0, granted = 1, departure = 2
        let simulation = Simulation()
        let server: Resource
        let arrivals: Distribution
        let service = Distribution.exponential(mean: 3_600)
        let arrivalStream = RandomStream(scenarioSeed: 1, replication: 0, name: "arrivals")
        let serviceStream = RandomStream(scenarioSeed: 1, replication: 0, name: "service")
        let customers: Int
        var arrived = 0

        init(servers: Int, rho: Double, customers: Int) {
            server = Resource(name: "server", capacity: servers, in: simulation)
            arrivals = .exponential(mean: 3_600 / (rho * Double(servers)))
            self.customers = customers
        }

        override func handleEvent(tag: Int) {
            switch tag {
            case Self.arrival:
                arrived += 1
                guard arrived <= customers else { return }
                server.request(handler: self, tag: Self.granted)
                simulation.schedule(after: Ticks.fromSeconds(arrivals.sample(arrivalStream)), priority: .arrival,
                                    handler: self, tag: Self.arrival)
            case Self.granted:
                simulation.schedule(after: Ticks.fromSeconds(service.sample(serviceStream)), priority: .release,
                                    handler: self, tag: Self.departure)
            default:
                server.release()
            }
        }
    }
}
