import XCTest
@testable import ScenarioFile

/// The messages (`file:line:column: path: message`) of parsing `text` as `file`; empty when
/// it parses.
func parseErrors(_ text: String, file: String = "s.yaml") -> [String] {
    parseErrors(bytes: Array(text.utf8), file: file)
}

func parseErrors(bytes: [UInt8], file: String = "s.yaml") -> [String] {
    do {
        _ = try YAMLDocument.parse(bytes: bytes, file: file)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// The messages of decoding `text` with `decode`; empty when it decodes.
func decodeErrors<T>(_ text: String, file: String = "s.yaml", _ decode: (NodeReader) -> T?) -> [String] {
    do {
        _ = try NodeReader.decode(text: text, file: file, decode)
        return []
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Reads the value of `key` of a one-key document with `read`, collecting the messages.
func readValue<T>(_ yaml: String, _ read: (NodeReader) -> T?) -> (value: T?, errors: [String]) {
    let sink = DiagnosticSink()
    guard let root = YAMLDocument.parse(bytes: Array(yaml.utf8), file: "s.yaml", into: sink),
          let value = NodeReader(root: root, sink: sink).mapping(allowedKeys: ["key"])?.required("key")
    else { return (nil, sink.diagnostics.map(\.description)) }
    let result = read(value)
    return (result, sink.diagnostics.map(\.description))
}

/// The structure of a node without locations or scalar styles, e.g. `{a: [1, x]}`.
func shape(_ node: YAMLNode) -> String {
    switch node.kind {
    case .scalar(let text, _): text
    case .sequence(let items): "[" + items.map(shape).joined(separator: ", ") + "]"
    case .mapping(let entries): "{" + entries.map { "\($0.key): \(shape($0.value))" }.joined(separator: ", ") + "}"
    }
}

/// SplitMix64: a small seeded generator, so that "random" inputs are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
