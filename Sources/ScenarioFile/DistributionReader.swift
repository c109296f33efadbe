import SimKernel
import SimRandom

/// What the values of a distribution in a scenario file measure.
public enum ValueKind: Sendable {
    /// Durations: parameters are written with units (`3d`, `36h`) and the distribution
    /// produces **seconds**. Unit-less parameters (shape, cv, sigma) stay unit-less; a
    /// lognormal's `mu` is the log of a number of **days**, and an empirical CSV file lists
    /// **days**. `beta` and `poisson` are not durations.
    case duration
    /// Plain numbers (`0.8`, `12`); the distribution produces them unchanged.
    case number
}

extension NodeReader {
    /// The node as a random quantity, in one of these forms (durations shown; for numbers
    /// write plain numbers):
    ///
    /// ```yaml
    /// 3d                                   # fixed
    /// {fixed: 3d}
    /// {exponential: 2d}                    # or {exponential: {mean: 2d}}
    /// {uniform: [1d, 3d]}                  # or {min:, max:}
    /// {triangular: [1d, 2d, 5d]}           # or {min:, mode:, max:}; pert likewise
    /// {normal: {mean: 5d, sd: 1d, min: 2d}}   # min truncates; durations default to min 0
    /// {lognormal: {median: 7d, p90: 9d}}   # or {mean:, sd:}, or {mu:, sigma:} in log-days
    /// {gamma: {mean: 3d, cv: 0.5}}         # or {shape:, scale:}
    /// {weibull: {shape: 1.5, scale: 4d}}
    /// {empirical: [3d, 4d, 4.5d]}          # or {file: data.csv}: one column, in days
    /// {beta: {mean: 0.3, sd: 0.1}}         # numbers only; or {a:, b:}
    /// {poisson: {mean: 3}}                 # numbers only; or {poisson: 3}
    /// ```
    ///
    /// Parameter problems found by SimRandom are reported at this node; for durations their
    /// numbers are in days. Returns nil after reporting.
    public func distribution(of kind: ValueKind) -> Distribution? {
        DistributionReader(kind: kind).read(self)
    }
}

/// Reads the distribution syntax of ``NodeReader/distribution(of:)``.
///
/// Duration parameters are converted to days, the distribution is built and validated in
/// days (so that SimRandom's messages show the planner's scale), then scaled to seconds.
struct DistributionReader {
    let kind: ValueKind

    /// One way of giving a family's parameters, such as lognormal's median and p90.
    private struct Parameterisation {
        let keys: [String]
        /// Parameters that are plain numbers even when the values are durations.
        var unitless: Set<String> = []
        /// Builds the distribution from the parameters, durations in days.
        let build: (Parameters) throws -> Distribution
    }

    /// Parameter values by key, durations in days. Only the keys of the parameterisation
    /// being built are ever asked for.
    private struct Parameters {
        let values: [String: Double]

        subscript(key: String) -> Double { values[key] ?? .nan }
    }

    /// A distribution name and the ways of writing its parameters.
    private struct Family {
        let name: String
        var numbersOnly = false
        let parameterisations: [Parameterisation]
        /// The keys of the list form (`[min, mode, max]`), if it has one.
        var positional: [String]? = nil
        /// The key of the scalar form (`{exponential: 2d}` means the mean), if it has one.
        var shorthand: String? = nil

        /// Every parameter key, in the order of the parameterisations.
        var keys: [String] {
            parameterisations.flatMap(\.keys).reduce(into: []) { keys, key in
                if !keys.contains(key) { keys.append(key) }
            }
        }
    }

    /// Empirical is read apart: its parameters are a list of values or a file.
    private static let empirical = "empirical"

    private var families: [Family] {
        let truncation: Double? = kind == .duration ? 0 : nil
        return [
            Family(name: "fixed", parameterisations: [.init(keys: ["value"]) { .fixed($0["value"]) }],
                   shorthand: "value"),
            Family(name: "uniform", parameterisations: [
                .init(keys: ["min", "max"]) { .uniform(min: $0["min"], max: $0["max"]) },
            ], positional: ["min", "max"]),
            Family(name: "triangular", parameterisations: [
                .init(keys: ["min", "mode", "max"]) { .triangular(min: $0["min"], mode: $0["mode"], max: $0["max"]) },
            ], positional: ["min", "mode", "max"]),
            Family(name: "pert", parameterisations: [
                .init(keys: ["min", "mode", "max"]) { .pert(min: $0["min"], mode: $0["mode"], max: $0["max"]) },
            ], positional: ["min", "mode", "max"]),
            Family(name: "exponential", parameterisations: [.init(keys: ["mean"]) { .exponential(mean: $0["mean"]) }],
                   shorthand: "mean"),
            Family(name: "normal", parameterisations: [
                .init(keys: ["mean", "sd"]) { .normal(mean: $0["mean"], sd: $0["sd"], lowerBound: truncation) },
                .init(keys: ["mean", "sd", "min"]) { .normal(mean: $0["mean"], sd: $0["sd"], lowerBound: $0["min"]) },
            ]),
            Family(name: "lognormal", parameterisations: [
                .init(keys: ["median", "p90"]) { try .lognormal(median: $0["median"], p90: $0["p90"]) },
                .init(keys: ["mean", "sd"]) { try .lognormal(mean: $0["mean"], sd: $0["sd"]) },
                .init(keys: ["mu", "sigma"], unitless: ["mu", "sigma"]) { .lognormal(mu: $0["mu"], sigma: $0["sigma"]) },
            ]),
            Family(name: "gamma", parameterisations: [
                .init(keys: ["mean", "cv"], unitless: ["cv"]) { try .gamma(mean: $0["mean"], cv: $0["cv"]) },
                .init(keys: ["shape", "scale"], unitless: ["shape"]) { .gamma(shape: $0["shape"], scale: $0["scale"]) },
            ]),
            Family(name: "weibull", parameterisations: [
                .init(keys: ["shape", "scale"], unitless: ["shape"]) { .weibull(shape: $0["shape"], scale: $0["scale"]) },
            ]),
            Family(name: "beta", numbersOnly: true, parameterisations: [
                .init(keys: ["mean", "sd"]) { try .beta(mean: $0["mean"], sd: $0["sd"]) },
                .init(keys: ["a", "b"]) { .beta(a: $0["a"], b: $0["b"]) },
            ]),
            Family(name: "poisson", numbersOnly: true, parameterisations: [
                .init(keys: ["mean"]) { .poisson(mean: $0["mean"]) },
            ], shorthand: "mean"),
        ].filter { kind == .number || !$0.numbersOnly }
    }

    /// Every distribution name allowed for this kind of value, in the order shown to users.
    private var names: [String] { families.map(\.name) + [Self.empirical] }

    /// What a distribution looks like, for "expected …" messages.
    private var expectation: String {
        switch kind {
        case .duration: "a duration or a distribution such as {lognormal: {median: 7d, p90: 9d}}"
        case .number: "a number or a distribution such as {normal: {mean: 10, sd: 2}}"
        }
    }

    func read(_ reader: NodeReader) -> Distribution? {
        switch reader.node.kind {
        case .scalar where !reader.node.isNull:
            guard let fixed = value(reader, unitless: false) else { return nil }
            return build(at: reader, inDays: true) { .fixed(fixed) }
        case .mapping(let entries) where entries.count == 1:
            let entry = entries[0]
            let parameters = NodeReader(node: entry.value, path: NodeReader.join(reader.path, entry.key),
                                        sink: reader.sink)
            if entry.key == Self.empirical { return readEmpirical(parameters, at: reader) }
            guard let family = families.first(where: { $0.name == entry.key }) else {
                reader.sink.report(unknownName(entry.key), at: entry.keyLocation, path: reader.path)
                return nil
            }
            return read(family, from: parameters, at: reader)
        case .mapping(let entries):
            let got = entries.isEmpty ? "none" : entries.map { "'\($0.key)'" }.joined(separator: ", ")
            reader.report("expected exactly one distribution name (one of \(names.joined(separator: ", "))), got \(got)")
            return nil
        default:
            reader.reportMismatch(expected: expectation)
            return nil
        }
    }

    // MARK: - Private

    private func unknownName(_ name: String) -> String {
        if kind == .duration, name == "beta" || name == "poisson" {
            return "'\(name)' describes numbers, not durations; expected one of \(names.joined(separator: ", "))"
        }
        if let suggestion = Suggestion.closest(to: name, among: names) {
            return "unknown distribution '\(name)'; did you mean '\(suggestion)'?"
        }
        return "unknown distribution '\(name)'; expected one of \(names.joined(separator: ", "))"
    }

    /// Reads `family`'s parameters from `parameters` and builds it.
    private func read(_ family: Family, from parameters: NodeReader, at reader: NodeReader) -> Distribution? {
        let forms = family.parameterisations.map { describe($0.keys) }.joined(separator: ", or ")
        guard let given = givenParameters(of: family, in: parameters, forms: forms) else { return nil }
        guard let form = family.parameterisations.first(where: { Set($0.keys) == Set(given.keys) }) else {
            let got = given.isEmpty ? "none" : family.keys.filter { given[$0] != nil }.joined(separator: ", ")
            parameters.report("\(family.name) takes \(forms); got \(got)")
            return nil
        }
        var values: [String: Double] = [:]
        for key in form.keys {
            values[key] = given[key].flatMap { value($0, unitless: form.unitless.contains(key)) }
        }
        guard values.count == form.keys.count else { return nil }
        return build(at: reader, inDays: true) { try form.build(Parameters(values: values)) }
    }

    /// The readers of the parameters given as a mapping (`{mean: 2d}`), a list (`[1d, 3d]`)
    /// or a scalar (`2d`), whichever the family accepts; nil after reporting.
    private func givenParameters(of family: Family, in parameters: NodeReader,
                                 forms: String) -> [String: NodeReader]? {
        let node = parameters.node
        if case .mapping(let entries) = node.kind {
            let keys = family.keys
            guard let mapping = parameters.mapping(allowedKeys: keys),
                  entries.allSatisfy({ keys.contains($0.key) })  // unknown keys are already reported
            else { return nil }
            return keys.reduce(into: [:]) { given, key in given[key] = mapping.optional(key) }
        }
        if case .sequence(let items) = node.kind, let keys = family.positional {
            guard items.count == keys.count, let list = parameters.list() else {
                parameters.report("\(family.name) takes a list of \(keys.count) values "
                    + "[\(keys.joined(separator: ", "))], got \(items.count)")
                return nil
            }
            return Dictionary(uniqueKeysWithValues: zip(keys, list))
        }
        if let key = family.shorthand, node.scalar != nil, !node.isNull {
            return [key: parameters]
        }
        parameters.reportMismatch(expected: "the parameters of \(family.name) (\(forms))")
        return nil
    }

    /// `{empirical: [3d, 4d]}` or `{empirical: {file: data.csv}}` (path relative to the
    /// scenario file; one column of numbers, days for durations).
    private func readEmpirical(_ parameters: NodeReader, at reader: NodeReader) -> Distribution? {
        switch parameters.node.kind {
        case .sequence:
            guard let values = parameters.list({ value($0, unitless: false) }) else { return nil }
            return build(at: reader, inDays: false) { .empirical(values) }
        case .mapping:
            guard let name = parameters.mapping(allowedKeys: ["file"])?.required("file")?.string() else { return nil }
            let path = Self.resolve(name, besides: reader.location.file)
            return build(at: reader, inDays: false) {
                switch FileBytes.read(path) {
                case .success(let bytes): .empirical(try EmpiricalValuesFile.values(bytes, file: path))
                case .failure(let failure): throw DistributionError("empirical: cannot read \(path): \(failure.reason)")
                }
            }
        default:
            parameters.reportMismatch(expected: "a list of values or {file: data.csv}")
            return nil
        }
    }

    /// A parameter's value: days for a duration parameter, else a plain number.
    private func value(_ reader: NodeReader, unitless: Bool) -> Double? {
        if kind == .number || unitless { return reader.double() }
        return reader.duration().map { Double($0) / Double(Ticks.day) }
    }

    /// Builds and validates a distribution (durations in days) and converts it to the unit of
    /// the values, or reports SimRandom's message at `reader`; for durations, `inDays` adds
    /// that the message's numbers are days.
    private func build(at reader: NodeReader, inDays: Bool, _ make: () throws -> Distribution) -> Distribution? {
        do {
            let valid = try make().validated()
            return kind == .duration ? try valid.scaled(by: Double(Ticks.day)) : valid
        } catch {
            let message = (error as? DistributionError)?.message ?? "\(error)"
            reader.report(kind == .duration && inDays ? "\(message) (durations in days)" : message)
            return nil
        }
    }

    /// `mean and sd`, `min, mode and max`.
    private func describe(_ keys: [String]) -> String {
        guard let last = keys.last, keys.count > 1 else { return keys.joined() }
        return keys.dropLast().joined(separator: ", ") + " and " + last
    }

    /// `name` relative to the directory of `file`, unless it is absolute.
    static func resolve(_ name: String, besides file: String) -> String {
        guard !name.hasPrefix("/"), let slash = file.lastIndex(of: "/") else { return name }
        return file[...slash] + name
    }
}
