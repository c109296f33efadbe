import SimKernel
import SimRandom

/// One stochastic input of the model: a distribution with its own random stream, so that
/// each input draws the same numbers in every scenario variant (common random numbers).
struct RandomInput {
    let distribution: Distribution
    let stream: RandomStream

    /// Creates the input `name` of replication `replication`.
    init(_ distribution: Distribution, name: String, seed: UInt64, replication: Int) {
        self.distribution = distribution
        stream = RandomStream(scenarioSeed: seed, replication: replication, name: name)
    }

    /// A draw as a value (unit-less, or seconds for durations).
    func value() -> Double { distribution.sample(stream) }

    /// A draw of a duration in seconds, rounded to whole ticks (negative draws become 0).
    func ticks() -> SimTime { Ticks.fromSeconds(distribution.sample(stream)) }

    /// The time left of a duration that has already lasted `elapsed` seconds (a patient of a
    /// pipeline snapshot part-way through a stage): a draw conditioned on exceeding `elapsed`,
    /// by the inverse CDF of the distribution's upper tail, less `elapsed` (whole ticks). 0 when
    /// the distribution leaves no chance of lasting that long (the stage is overdue).
    func remainingTicks(after elapsed: SimTime) -> SimTime {
        guard elapsed > 0 else { return ticks() }
        let below = distribution.cdf(Double(elapsed))
        guard below.isFinite, below < 1 - 1e-12 else { return 0 }
        let drawn = distribution.quantile(below + (1 - below) * stream.uniform())
        guard drawn.isFinite else { return 0 }
        return max(0, Ticks.fromSeconds(drawn) - elapsed)
    }
}

/// A yes/no input drawn with a fixed probability (`gsl_ran_bernoulli`) on its own stream.
struct RandomEvent {
    private let draw: RandomInput

    init(probability: Double, name: String, seed: UInt64, replication: Int) {
        draw = RandomInput(.bernoulli(p: probability), name: name, seed: seed, replication: replication)
    }

    /// True with the probability. Always draws one number, even at probability 0 or 1, so
    /// the stream stays aligned across variants whose probabilities differ.
    func occurs() -> Bool { draw.value() == 1 }
}
