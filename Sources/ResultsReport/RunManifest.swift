import Foundation

/// The facts of `run.json` the report shows. Every command writes one: `kind` says which
/// (`run`, `compare`, `sweep`, `plan`; a merged or older folder without it is read as a run).
struct RunManifest {
    /// The command that made the folder.
    enum Kind: String {
        case run, compare, sweep, plan, sensitivity, optimise
    }

    let kind: Kind
    private let object: [String: Any]

    /// Reads `run.json` of `folder`.
    init(folder: String) throws(ReportError) {
        object = try ResultsFile.jsonObject("run.json", in: folder)
        switch object["kind"] {
        case nil: kind = .run
        case let name as String:
            // A shard folder holds a run's files for part of the replications.
            guard let kind = name == "shard" ? .run : Kind(rawValue: name) else {
                throw ReportError(folder: folder, file: "run.json",
                                  "unknown kind '\(name)'; expected run, compare, sweep, plan, sensitivity or optimise")
            }
            self.kind = kind
        default:
            throw ReportError(folder: folder, file: "run.json", "'kind' is not a string")
        }
    }

    /// A text value, if present.
    func string(_ key: String) -> String? { object[key] as? String }

    /// A number value, if present (JSON `null` is absent).
    func number(_ key: String) -> Double? { (object[key] as? NSNumber)?.doubleValue }

    /// A number as JSON wrote it (exact for seeds beyond 2^53), if present.
    func numberText(_ key: String) -> String? { (object[key] as? NSNumber)?.stringValue }

    /// A list value, if present.
    func array(_ key: String) -> [Any]? { object[key] as? [Any] }

    /// A value of any kind, if present (JSON `null` is absent).
    func object(_ key: String) -> Any? { object[key].flatMap { $0 is NSNull ? nil : $0 } }

    /// An array of texts, if present.
    func strings(_ key: String) -> [String]? { object[key] as? [String] }

    /// A boolean, if present.
    func flag(_ key: String) -> Bool? { object[key] as? Bool }
}
