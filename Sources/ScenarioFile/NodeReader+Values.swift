import SimKernel

/// Typed values of scalar nodes. Each returns nil after reporting
/// `expected <what>, got <what the node holds>` (or the unit parser's message).
extension NodeReader {
    /// Text, quoted or not. An empty plain value (`key:`) is not text: it is nothing.
    public func string() -> String? {
        scalar(expected: "a text value") { $0 }
    }

    /// A whole number (`12`, `-3`, `+4`) within `range`.
    public func int(in range: ClosedRange<Int> = Int.min...Int.max) -> Int? {
        let expectation = "an integer" + describe(range, unbounded: Int.min...Int.max, format: String.init)
        return scalar(expected: expectation) { text throws(UnitError) in
            guard let value = Int(text.trimmingSpaces), range.contains(value) else {
                throw UnitError("expected \(expectation), got \(node.summary)")
            }
            return value
        }
    }

    /// A finite decimal number (`0.5`, `3`, `1e-3`) within `range`.
    public func double(in range: ClosedRange<Double> = -.greatestFiniteMagnitude...(.greatestFiniteMagnitude)) -> Double? {
        let unbounded = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        let expectation = "a number" + describe(range, unbounded: unbounded, format: Units.format)
        return scalar(expected: expectation) { text throws(UnitError) in
            guard let value = Units.decimal(text.trimmingSpaces), range.contains(value) else {
                throw UnitError("expected \(expectation), got \(node.summary)")
            }
            return value
        }
    }

    /// `true`/`false` (also `yes`/`no`), case-insensitive.
    public func bool() -> Bool? {
        scalar(expected: "true or false") { text throws(UnitError) in
            switch text.trimmingSpaces.lowercased() {
            case "true", "yes": return true
            case "false", "no": return false
            default: throw UnitError("expected true or false, got \(node.summary)")
            }
        }
    }

    /// One of `allowed` (exact spelling), with a suggestion for a near miss:
    /// `expected one of fresh, cryopreserved, got 'frsh'; did you mean 'fresh'?`.
    public func enumeration(allowed: [String]) -> String? {
        let expectation = "one of \(allowed.joined(separator: ", "))"
        return scalar(expected: expectation) { text throws(UnitError) in
            guard allowed.contains(text) else {
                let advice = Suggestion.closest(to: text, among: allowed).map { "; did you mean '\($0)'?" } ?? ""
                throw UnitError("expected \(expectation), got \(node.summary)\(advice)")
            }
            return text
        }
    }

    /// A case of `type`, spelt as its raw value.
    public func enumeration<Value: CaseIterable & RawRepresentable<String>>(_ type: Value.Type) -> Value? {
        enumeration(allowed: type.allCases.map(\.rawValue)).flatMap(Value.init(rawValue:))
    }

    /// A duration with a unit (`36h`, `2d`, `1.5d`), in **seconds**. See ``Units/duration(_:)``.
    public func duration() -> SimTime? {
        scalar(expected: "a duration", Units.duration)
    }

    /// A time of day (`15:00`, `24:00`), in **seconds since midnight**.
    public func timeOfDay() -> SimTime? {
        scalar(expected: "a time of day", Units.timeOfDay)
    }

    /// A weekday (`mon`, `Friday`), **0 … 6 with 0 = Monday**.
    public func weekday() -> Int? {
        scalar(expected: "a weekday", Units.weekday)
    }

    /// Weekdays as a list (`[mon, wed, fri]`, `[mon-fri, sun]`) or a single scalar
    /// (`mon-fri`, `mon, wed`): the days (0 = Monday) ascending, without repeats.
    public func weekdays() -> [Int]? {
        guard case .sequence = node.kind else {
            return scalar(expected: "weekdays such as 'mon-fri'", Units.weekdays)
        }
        let days = list { $0.scalar(expected: "a weekday or a range such as 'mon-fri'", Units.weekdays) }
        return days.map { Set($0.joined()).sorted() }
    }

    /// An ISO date `YYYY-MM-DD`, in **days since 1970-01-01**.
    public func date() -> Int? {
        scalar(expected: "a date", Units.date)
    }

    /// A holiday: a date (`2026-12-25`) or a day every year (`12-25`).
    public func holiday() -> Holiday? {
        scalar(expected: "a holiday", Units.holiday)
    }

    /// A rate (`3/week`, `0.5/day`, `150/year`), in **events per day**.
    public func rate() -> Double? {
        scalar(expected: "a rate", Units.rate)
    }

    /// A probability from 0 to 1, or a percentage (`4%`), as a fraction 0 … 1.
    public func probability() -> Double? {
        scalar(expected: "a probability", Units.probability)
    }

    /// A relative change (`10%`, `-0.05`) as a fraction above −1. See ``Units/change(_:)``.
    public func change() -> Double? {
        scalar(expected: "a change", Units.change)
    }

    /// The scalar's text parsed by `parse`; a list, mapping or null is reported as
    /// `expected <expectation>, got …`, a parse error with its own message.
    func scalar<Value>(expected expectation: String, _ parse: (String) throws(UnitError) -> Value) -> Value? {
        guard let text = node.scalar, !node.isNull else {
            reportMismatch(expected: expectation)
            return nil
        }
        do {
            return try parse(text)
        } catch {
            report(error.message)
            return nil
        }
    }

    /// ` from a to b`, ` of at least a`, ` of at most b`, or nothing when `range` is
    /// `unbounded`.
    private func describe<Bound>(_ range: ClosedRange<Bound>, unbounded: ClosedRange<Bound>,
                                 format: (Bound) -> String) -> String {
        switch (range.lowerBound == unbounded.lowerBound, range.upperBound == unbounded.upperBound) {
        case (true, true): ""
        case (false, true): " of at least \(format(range.lowerBound))"
        case (true, false): " of at most \(format(range.upperBound))"
        case (false, false): " from \(format(range.lowerBound)) to \(format(range.upperBound))"
        }
    }
}
