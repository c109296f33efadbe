extension RandomStream {
    /// The 64-bit seed of the stream for one stochastic input in one replication.
    ///
    /// Each component is mixed on its own and then chained, so that nearby scenario seeds,
    /// consecutive replications and similar names all give unrelated seeds:
    /// `h = mix(seed)`, `h = mix(h ^ mix(replication))`, `h = mix(h ^ mix(fnv1a(name)))`,
    /// where `mix` is the splitmix64 finaliser (a bijection on 64-bit words) applied after
    /// adding the golden-ratio increment, and `fnv1a` is 64-bit FNV-1a over the UTF-8 bytes
    /// of `name`.
    ///
    /// The derivation is part of the output format: changing it changes every result.
    /// The seed depends only on its three arguments, never on which streams exist or the
    /// order they were created in; this is what gives common random numbers across
    /// scenario variants.
    ///
    /// - Parameters:
    ///   - scenarioSeed: The seed the planner set for the scenario.
    ///   - replication: The replication index (0-based by convention; any value is allowed).
    ///   - name: The stochastic input's name, e.g. `"referrals.Centre A"`.
    public static func derivedSeed(scenarioSeed: UInt64, replication: Int, name: String) -> UInt64 {
        var hash = splitMix64(scenarioSeed)
        hash = splitMix64(hash ^ splitMix64(UInt64(bitPattern: Int64(replication))))
        hash = splitMix64(hash ^ splitMix64(fnv1a64(name)))
        return hash
    }

    /// Folds a 64-bit seed to the 32 bits MT19937 uses (GSL's `mt19937` seeding keeps only
    /// the low 32 bits of its `unsigned long` seed): high word XOR low word, so every bit of
    /// the 64-bit seed still matters. Seeds below 2³² are unchanged.
    static func foldTo32Bits(_ seed: UInt64) -> UInt64 {
        (seed >> 32) ^ (seed & 0xFFFF_FFFF)
    }
}

/// The splitmix64 output function (Steele, Lea & Flood 2014) applied to `value` plus the
/// golden-ratio increment; the addition keeps zero from mapping to zero.
private func splitMix64(_ value: UInt64) -> UInt64 {
    var z = value &+ 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
}

/// 64-bit FNV-1a hash of the UTF-8 bytes of `text`.
private func fnv1a64(_ text: String) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in text.utf8 {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }
    return hash
}
