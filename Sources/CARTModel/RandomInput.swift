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
