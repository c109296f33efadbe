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

    /// An M/M/c queue (c = 4, ρ = 0.85) with a resource and its statistics on.
    /// Returns events per second (arrivals and service completions).
    static func mmc(customers: Int = 3_000_000) -> Double {
        let sim = Simulation()
        let servers = 4
        let server = Resource(name: "server", capacity: servers, in: sim)
        let arrivalsStream = RandomStream(scenarioSeed: 1, replication: 0, name: "arrivals")
        let serviceStream = RandomStream(scenarioSeed: 1, replication: 0, name: "service")
        let service = Distribution.exponential(mean: 3_600)
        let arrivals = Distribution.exponential(mean: 3_600 / (0.85 * Double(servers)))
        var arrived = 0
        func arrive() {
            arrived += 1
            guard arrived <= customers else { return }
            server.request {
                sim.schedule(after: Ticks.fromSeconds(service.sample(serviceStream)), priority: .release) {
                    server.release()
                }
            }
            sim.schedule(after: Ticks.fromSeconds(arrivals.sample(arrivalsStream)), priority: .arrival, arrive)
        }
        sim.schedule(at: 0, priority: .arrival, arrive)
        let seconds = Stopwatch.measure { sim.run() }
        return Double(sim.eventsExecuted) / seconds
    }
}
