/// The `out_of_spec` policy of a product: probabilities tried in order, and the cap on
/// manufacturing attempts.
enum OutOfSpecSection {
    static let keys = ["exception_infusion_probability", "remanufacture_probability", "recollect_probability",
                       "max_attempts"]
    static let attemptRange = 1...10

    /// The policy of a product without `out_of_spec`: no exception, no second chance beyond
    /// two attempts.
    static let `default` = OutOfSpecPolicy(exceptionInfusionProbability: 0, remanufactureProbability: 0,
                                           recollectProbability: 0, maxAttempts: 2)

    /// Reads the policy; keys not written take the values of ``default``.
    static func read(_ reader: NodeReader) -> OutOfSpecPolicy? {
        guard let section = reader.mapping(allowedKeys: keys) else { return nil }
        let base = `default`
        return OutOfSpecPolicy(
            exceptionInfusionProbability: section.optional("exception_infusion_probability")?.probability()
                ?? base.exceptionInfusionProbability,
            remanufactureProbability: section.optional("remanufacture_probability")?.probability()
                ?? base.remanufactureProbability,
            recollectProbability: section.optional("recollect_probability")?.probability()
                ?? base.recollectProbability,
            maxAttempts: section.optional("max_attempts")?.int(in: attemptRange) ?? base.maxAttempts)
    }
}
