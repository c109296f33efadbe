import Foundation

/// One `--set PATH=V1,V2,...` of a sweep: a key of the scenario file and the values it
/// takes.
public struct SweepAxis: Sendable, Hashable {
    /// The key, e.g. `sites.plant-west.suites` (syntax: ``ScenarioFile/ScenarioOverrides``).
    public let path: String
    /// The values as YAML text, in the order given, e.g. `["12", "14", "16"]`.
    public let values: [String]

    public init(path: String, values: [String]) {
        self.path = path
        self.values = values
    }

    /// Parses `PATH=V1,V2,...`. Values are separated by commas outside brackets, braces and
    /// quotes, so a value may itself be a flow collection:
    /// `lanes[0].transit={triangular: [1d, 2d, 3d]},2d`.
    /// - Throws: when there is no `=`, PATH is empty or a value is empty.
    public init(argument: String) throws(UsageError) {
        guard let equals = argument.firstIndex(of: "="), equals > argument.startIndex else {
            throw UsageError("--set expects PATH=V1,V2,..., got '\(argument)'")
        }
        let values = Self.split(argument[argument.index(after: equals)...])
        guard !values.contains(where: \.isEmpty) else {
            throw UsageError("--set \(argument): a value is empty; expected PATH=V1,V2,... with values separated by commas")
        }
        self.init(path: String(argument[..<equals]), values: values)
    }

    /// `text` split at the commas that are outside `[]`, `{}` and quotes; each part trimmed
    /// of spaces. O(n).
    static func split(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            switch (quote, character) {
            case (let open?, _):
                if character == open { quote = nil }
            case (nil, "\""), (nil, "'"):
                quote = character
            case (nil, "["), (nil, "{"):
                depth += 1
            case (nil, "]"), (nil, "}"):
                depth -= 1
            case (nil, ",") where depth == 0:
                parts.append(current)
                current = ""
                continue
            default:
                break
            }
            current.append(character)
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
