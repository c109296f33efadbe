/// A plant's `qc_invalid_assay` key: `probability`, `waves`, `max_retests`
/// (reference: `Scenarios/README.md`, "QC retests").
enum QCRetestSection {
    static let keys = ["probability", "waves", "max_retests"]
    static let waveKeys = ["from", "for", "probability"]
    static let defaultMaxRetests = 3

    /// The retest rule, nil after a problem (reported).
    static func read(_ reader: NodeReader) -> QCRetestSpec? {
        guard let retests = reader.mapping(allowedKeys: keys) else { return nil }
        let probability = retests.required("probability")?.probability()
        let maxRetests = retests.optional("max_retests").map { $0.int(in: 0...100) } ?? defaultMaxRetests
        let waves = retests.optional("waves").map { list in
            list.list { item -> QCRetestSpec.Wave? in
                guard let wave = item.mapping(allowedKeys: waveKeys) else { return nil }
                let window = wave.timeWindow()
                let probability = wave.required("probability")?.probability()
                guard let window, let probability else { return nil }
                return .init(window: window, probability: probability)
            }
        } ?? []
        guard let probability, let maxRetests, let waves else { return nil }
        return QCRetestSpec(probability: probability, waves: waves, maxRetests: maxRetests)
    }
}
