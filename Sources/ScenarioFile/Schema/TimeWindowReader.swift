import SimKernel

extension MappingReader {
    /// The window written by the keys `from` (a duration since the start, ≥ 0) and `for`
    /// (a duration > 0) of this mapping; nil after a problem (reported).
    func timeWindow() -> TimeWindow? {
        let from = required("from")?.duration()
        let length = required("for")?.positiveDuration()
        guard let from, let length else { return nil }
        return TimeWindow(from: from, length: length)
    }
}
