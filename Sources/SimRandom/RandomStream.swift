import CGSL

/// One independent stream of random numbers: a GSL MT19937 generator.
///
/// The simulation uses one stream per stochastic input per replication, seeded from
/// (scenario seed, replication, input name) by ``derivedSeed(scenarioSeed:replication:name:)``;
/// draws of one input therefore do not shift when another input draws more or fewer
/// numbers, which gives common random numbers across scenario variants.
///
/// A stream is **not** `Sendable`: it holds mutable generator state. Create it and use it on
/// one thread (for instance inside the task that runs one replication).
public final class RandomStream {
    /// The generator; distributions pass it to `gsl_ran_*`.
    let generator: UnsafeMutablePointer<gsl_rng>

    /// The 64-bit seed the stream was created with (before folding to 32 bits).
    public let seed: UInt64

    /// Creates the stream of input `name` in replication `replication` of a scenario.
    ///
    /// Equivalent to `RandomStream(seed: RandomStream.derivedSeed(...))`: the same three
    /// values always give the same sequence, whatever other streams exist.
    public convenience init(scenarioSeed: UInt64, replication: Int, name: String) {
        self.init(seed: Self.derivedSeed(scenarioSeed: scenarioSeed, replication: replication, name: name))
    }

    /// Creates a stream from an explicit seed (tests, demos).
    ///
    /// MT19937 is seeded with 32 bits: the seed is folded by XOR-ing its high and low
    /// 32-bit halves, so seeds below 2³² are used as given. As in GSL, a folded seed of 0
    /// selects GSL's default seed 4357.
    public init(seed: UInt64) {
        ensureGSLErrorHandlerOff()
        guard let generator = gsl_rng_alloc(cartsim_rng_mt19937()) else {
            fatalError("SimRandom: gsl_rng_alloc could not allocate an MT19937 generator")
        }
        gsl_rng_set(generator, UInt(Self.foldTo32Bits(seed)))
        self.generator = generator
        self.seed = seed
    }

    deinit {
        gsl_rng_free(generator)
    }

    /// A uniform draw in the open interval (0, 1), never exactly 0 or 1
    /// (`gsl_rng_uniform_pos`; resolution 2⁻³²).
    public func uniform() -> Double {
        gsl_rng_uniform_pos(generator)
    }

    /// A uniform integer in `0 ..< n` (`gsl_rng_uniform_int`, unbiased).
    ///
    /// - Precondition: `1 <= n <= 2³²` (the range of MT19937).
    public func uniformInt(below n: Int) -> Int {
        precondition(n >= 1 && n <= 1 << 32, "uniformInt(below:) needs 1 <= n <= 2^32, got \(n)")
        return Int(gsl_rng_uniform_int(generator, UInt(n)))
    }
}
