import OutputSchema
import Foundation

/// Loads a scenario file into a validated ``ScenarioDescription``.
///
/// Loading parses the YAML (or JSON), decodes every section, then checks the scenario as a
/// whole (references, capacities where there is demand, lanes). It collects every problem
/// it can find and throws them together, sorted by position, each as
/// `file:line:column: path: message`; it returns a description only when there is none.
///
/// The reference of every key is `Scenarios/README.md`.
public enum ScenarioLoader {
    /// Loads the scenario file at `path` (also the file name used in messages).
    public static func load(path: String) throws(ScenarioErrors) -> ScenarioDescription {
        try load(path: path, overrides: [])
    }

    /// Loads the scenario file at `path` with `--set PATH=VALUE` overrides applied to its node
    /// tree before decoding (see ``ScenarioOverrides``): problems with an override are
    /// reported at `--set PATH=VALUE:1:C` among those of the file. The content hash covers
    /// the file and the overrides.
    /// `option` names the command-line option of the overrides in messages (`--set-b`).
    public static func load(path: String, overrides: [(path: String, value: String)], option: String = "--set")
        throws(ScenarioErrors) -> ScenarioDescription {
        switch FileBytes.read(path) {
        case .success(let bytes):
            return try load(bytes: bytes, file: path, overrides: ScenarioOverrides(overrides, option: option))
        case .failure(let failure): throw ScenarioErrors(at: .start(of: path), "cannot read the scenario file: \(failure.reason)")
        }
    }

    /// Loads a scenario from text in memory; `file` names it in messages and is the
    /// directory base for files the scenario refers to (empirical distributions).
    public static func load(text: String, file: String) throws(ScenarioErrors) -> ScenarioDescription {
        try load(bytes: Array(text.utf8), file: file)
    }

    /// Loads a scenario from the bytes of a file (UTF-8 expected; anything else is reported),
    /// with `overrides` applied before decoding.
    public static func load(bytes: [UInt8], file: String,
                            overrides: ScenarioOverrides = ScenarioOverrides([])) throws(ScenarioErrors)
        -> ScenarioDescription {
        let sink = DiagnosticSink()
        guard let parsed = YAMLDocument.parse(bytes: bytes, file: file, into: sink) else {
            try sink.throwIfAny()
            throw ScenarioErrors(at: .start(of: file), "the scenario could not be read (no further detail)")
        }
        let root = overrides.apply(to: parsed, sink: sink)
        let draft = ScenarioDecoder.decode(NodeReader(root: root, sink: sink))
        if let draft { SemanticChecks(draft: draft).run() }
        try sink.throwIfAny()
        // The hash covers the file, the overrides and the patient list the file names.
        let listBytes = (draft?.referralList ?? nil)?.bytes ?? []
        guard let scenario = draft?.scenario(sourceHash: ContentHash.fnv1a64(bytes + overrides.hashSuffix + listBytes)) else {
            throw ScenarioErrors(at: .start(of: file), "the scenario could not be read (no further detail)")
        }
        return scenario
    }
}
