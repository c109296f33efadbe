import SimKernel
import SimRandom

extension Distribution {
    /// A fixed duration of `seconds`, for defaults.
    static func fixedDuration(_ seconds: SimTime) -> Distribution {
        .fixed(Double(seconds))
    }
}
