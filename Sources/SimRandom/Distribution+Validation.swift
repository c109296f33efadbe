extension Distribution {
    /// Returns `self` if every parameter is valid, else throws a ``DistributionError`` naming
    /// the distribution, the parameter and the offending value, e.g.
    /// `normal: sd must be positive, got -1`. Non-finite numbers are always rejected.
    ///
    /// The factories in `Distribution+Factories.swift` already call this.
    public func validated() throws -> Distribution {
        let check = ParameterCheck(distribution: name)
        switch self {
        case .fixed(let value):
            try check.finite("value", value)
        case .uniform(let min, let max):
            try check.finite("min", min)
            try check.finite("max", max)
            guard min < max else {
                throw check.error("need min < max, got \(plannerNumber(min)), \(plannerNumber(max))")
            }
        case .triangular(let min, let mode, let max), .pert(let min, let mode, let max):
            try check.finite("min", min)
            try check.finite("mode", mode)
            try check.finite("max", max)
            let got = "got \(plannerNumber(min)), \(plannerNumber(mode)), \(plannerNumber(max))"
            guard min <= mode, mode <= max else { throw check.error("need min <= mode <= max, \(got)") }
            guard min < max else { throw check.error("need min < max, \(got); use fixed for a constant") }
        case .exponential(let mean), .poisson(let mean):
            try check.positive("mean", mean)
        case .normal(let mean, let sd, let lowerBound):
            try check.finite("mean", mean)
            try check.positive("sd", sd)
            if let lowerBound {
                try check.finite("lowerBound", lowerBound)
                guard (lowerBound - mean) / sd <= Self.maximumTruncationInSD else {
                    throw check.error("lowerBound (\(plannerNumber(lowerBound))) is more than "
                        + "\(plannerNumber(Self.maximumTruncationInSD)) sd above the mean "
                        + "(\(plannerNumber(mean))); almost no probability is left above it")
                }
            }
        case .lognormal(let mu, let sigma):
            try check.finite("mu", mu)
            try check.positive("sigma", sigma)
        case .gamma(let shape, let scale), .weibull(let shape, let scale):
            try check.positive("shape", shape)
            try check.positive("scale", scale)
        case .beta(let a, let b):
            try check.positive("a", a)
            try check.positive("b", b)
        case .bernoulli(let p):
            try check.probability("p", p)
        case .binomial(let n, let p):
            guard n >= 1, n <= Int(UInt32.max) else {
                throw check.error("n must be between 1 and \(UInt32.max), got \(n)")
            }
            try check.probability("p", p)
        case .empirical(let values):
            guard !values.isEmpty else { throw check.error("needs at least one value") }
            if let index = values.firstIndex(where: { !$0.isFinite }) {
                throw check.error("value \(index + 1) must be a finite number, got \(plannerNumber(values[index]))")
            }
        }
        return self
    }

    /// How far above the mean, in standard deviations, a normal's lower bound may lie.
    /// At 30 sd the mass left above the bound is about 5·10⁻¹⁹⁸, still well inside the
    /// range of `Double`, so inverse-CDF sampling of the truncated tail stays accurate.
    static let maximumTruncationInSD: Double = 30
}
