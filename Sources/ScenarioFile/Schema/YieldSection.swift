import SimRandom

/// The `yield` of a product: cells collected × transduction efficiency × expansion fold,
/// compared with the target dose. All numbers are unit-less counts or fractions.
enum YieldSection {
    static let keys = ["cells_collected", "transduction_efficiency", "expansion_fold", "target_dose",
                       "residual_failure_probability", "dose_checked_at"]

    /// The yield of a product without `yield`: 10⁹ cells, every lot in specification.
    static let alwaysInSpecification = YieldSpec(
        cellsCollected: .fixed(1e9), transductionEfficiency: .fixed(1), expansionFold: .fixed(1),
        targetDose: 0, residualFailureProbability: 0)

    /// Reads the yield; keys not written take the values of ``alwaysInSpecification``.
    static func read(_ reader: NodeReader) -> YieldSpec? {
        guard let section = reader.mapping(allowedKeys: keys) else { return nil }
        let base = alwaysInSpecification
        let cells = section.optional("cells_collected")?.distribution(of: .number) ?? base.cellsCollected
        let efficiency = section.optional("transduction_efficiency")?.distribution(of: .number)
            ?? base.transductionEfficiency
        let fold = section.optional("expansion_fold")?.distribution(of: .number) ?? base.expansionFold
        let dose = section.optional("target_dose")?.double(in: 0...Double.greatestFiniteMagnitude) ?? base.targetDose
        let residual = section.optional("residual_failure_probability")?.probability()
            ?? base.residualFailureProbability
        let check = section.optional("dose_checked_at")?.enumeration(DoseCheck.self) ?? base.doseCheckedAt
        return YieldSpec(cellsCollected: cells, transductionEfficiency: efficiency, expansionFold: fold,
                         targetDose: dose, residualFailureProbability: residual, doseCheckedAt: check)
    }
}
