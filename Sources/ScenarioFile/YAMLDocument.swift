import CYAML
import Foundation

/// Reads a scenario file (YAML, or JSON which is YAML too) into a ``YAMLNode`` tree, with
/// libyaml's event parser.
///
/// Any input is safe: binary data, NUL bytes, invalid UTF-8, deep nesting and alias bombs
/// all come back as diagnostics, never as a crash. The input must be UTF-8 (a byte-order
/// mark is allowed) and hold exactly one document whose top level is a mapping.
public enum YAMLDocument {
    /// What the top level of a scenario file must be; ends the "empty file" and "not a
    /// mapping" messages.
    public static let expectedTopLevel = "expected a mapping with sections such as 'simulation', 'sites', 'lanes'"

    /// Parses `text`; `file` names it in diagnostics.
    public static func parse(text: String, file: String) throws(ScenarioErrors) -> YAMLNode {
        try parse(bytes: Array(text.utf8), file: file)
    }

    /// Parses UTF-8 `bytes`; `file` names them in diagnostics.
    public static func parse(bytes: [UInt8], file: String) throws(ScenarioErrors) -> YAMLNode {
        try throwingProblems { parse(bytes: bytes, file: file, into: $0) }
    }

    /// Reads and parses the file at `path` (also the name used in diagnostics).
    public static func load(path: String) throws(ScenarioErrors) -> YAMLNode {
        try throwingProblems { load(path: path, into: $0) }
    }

    /// The tree `body` builds, or every problem it reported.
    private static func throwingProblems(_ body: (DiagnosticSink) -> YAMLNode?) throws(ScenarioErrors) -> YAMLNode {
        let sink = DiagnosticSink()
        guard let root = body(sink), !sink.hasErrors else { throw ScenarioErrors(sink.diagnostics) }
        return root
    }

    /// Reads and parses the file at `path`, reporting problems into `sink`.
    ///
    /// - Returns: the top-level mapping, or nil if the file could not be read or parsed.
    ///   A tree may come back together with problems that did not prevent building it
    ///   (duplicate keys), so that decoding can go on and report everything at once.
    public static func load(path: String, into sink: DiagnosticSink) -> YAMLNode? {
        switch FileBytes.read(path) {
        case .success(let bytes):
            return parse(bytes: bytes, file: path, into: sink)
        case .failure(let failure):
            sink.report("cannot read the scenario file: \(failure.reason)", at: .start(of: path), path: "")
            return nil
        }
    }

    /// Parses UTF-8 `bytes`, reporting problems into `sink`.
    ///
    /// - Returns: the top-level mapping, or nil after a problem that prevents building the
    ///   tree (syntax error, empty file, size limits). A tree may come back together with
    ///   problems that did not prevent building it (duplicate keys).
    public static func parse(bytes: [UInt8], file: String, into sink: DiagnosticSink) -> YAMLNode? {
        var builder = YAMLTreeBuilder()
        // A UTF-8 byte-order mark is skipped here: libyaml would count it as column 1.
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let text = bytes.starts(with: byteOrderMark) ? bytes.dropFirst(byteOrderMark.count) : bytes[...]
        let stop = text.withUnsafeBufferPointer { buffer in
            runParser(on: buffer, file: file, into: &builder)
        }
        builder.diagnostics.forEach(sink.report)
        if let stop {
            sink.report(stop)
            return nil
        }
        guard let root = builder.root, !root.isNull else {
            sink.report("the scenario file is empty; \(expectedTopLevel)", at: .start(of: file), path: "")
            return nil
        }
        guard case .mapping = root.kind else {
            sink.report("\(expectedTopLevel) at the top level, got \(root.summary)", at: root.location, path: "")
            return nil
        }
        return root
    }

    // MARK: - libyaml event loop

    /// Feeds every event of `input` to `builder`.
    /// - Returns: the problem that stopped parsing, if any.
    private static func runParser(on input: UnsafeBufferPointer<UInt8>, file: String,
                                  into builder: inout YAMLTreeBuilder) -> ScenarioDiagnostic? {
        guard let base = input.baseAddress else { return nil }  // empty input: no events, no root
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else {
            return ScenarioDiagnostic(location: .start(of: file), path: "",
                                      message: "out of memory: cannot start the YAML parser")
        }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, base, input.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

        var sawDocument = false
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) == 1 else {
                return syntaxError(parser.pointee, input: input, file: file)
            }
            defer { yaml_event_delete(&event) }
            let location = SourceLocation(file: file, mark: event.start_mark)
            do {
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_START_EVENT:
                    if sawDocument {
                        return ScenarioDiagnostic(
                            location: location, path: "",
                            message: "a second document starts here; a scenario file holds exactly one document")
                    }
                    sawDocument = true
                case YAML_MAPPING_START_EVENT:
                    try builder.beginCollection(mapping: true, anchor: string(event.data.mapping_start.anchor),
                                                at: location)
                case YAML_SEQUENCE_START_EVENT:
                    try builder.beginCollection(mapping: false, anchor: string(event.data.sequence_start.anchor),
                                                at: location)
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    builder.endCollection()
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length),
                                       as: UTF8.self)
                    let style: YAMLNode.ScalarStyle = scalar.style == YAML_PLAIN_SCALAR_STYLE ? .plain : .quoted
                    try builder.scalar(value, style: style, anchor: string(scalar.anchor), at: location)
                case YAML_ALIAS_EVENT:
                    try builder.alias(string(event.data.alias.anchor) ?? "", at: location)
                default:
                    break  // stream start, document end: nothing to build
                }
            } catch {
                return error.diagnostic
            }
        }
    }

    /// The diagnostic for the error that made `yaml_parser_parse` fail.
    private static func syntaxError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>,
                                    file: String) -> ScenarioDiagnostic {
        let problem = string(parser.problem) ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            return ScenarioDiagnostic(location: .start(of: file), path: "", message: "out of memory while parsing")
        case YAML_READER_ERROR:
            // Reader errors (encoding, control characters) carry a byte offset instead of a mark.
            let value = parser.problem_value
            var offset = parser.problem_offset
            let detail: String
            if problem == "invalid trailing UTF-8 octet" {
                // libyaml points at the byte after the sequence's start (a Latin-1 'é' and
                // the letter after it); the user's mistake is where the sequence starts.
                offset = sequenceStart(before: offset, in: input)
                detail = " (byte 0x\(hex(Int32(input[offset]), digits: 2)) followed by 0x\(hex(value, digits: 2)))"
                    + "; a scenario file must be UTF-8 text"
            } else if problem.contains("UTF-8") {
                detail = (value >= 0 ? " (byte 0x\(hex(value, digits: 2)))" : "")
                    + "; a scenario file must be UTF-8 text"
            } else {
                detail = value >= 0 ? " (U+\(hex(value, digits: 4)))" : ""
            }
            return ScenarioDiagnostic(location: location(ofByte: offset, in: input, file: file),
                                      path: "", message: "syntax error: \(problem)\(detail)")
        default:
            var message = "syntax error: \(problem)"
            if let context = string(parser.context) {
                let mark = parser.context_mark
                message += " (\(context) that starts at line \(mark.line + 1), column \(mark.column + 1))"
            }
            return ScenarioDiagnostic(location: SourceLocation(file: file, mark: parser.problem_mark),
                                      path: "", message: message)
        }
    }

    /// The offset of the leading byte of the UTF-8 sequence whose continuation byte at
    /// `offset` is invalid: the nearest byte before it that is not a continuation byte.
    private static func sequenceStart(before offset: Int, in input: UnsafeBufferPointer<UInt8>) -> Int {
        var start = min(offset, input.count) - 1
        while start > 0, input[start] & 0xC0 == 0x80 { start -= 1 }
        return max(start, 0)
    }

    /// Line and column (in characters) of byte `offset` in UTF-8 `input`.
    private static func location(ofByte offset: Int, in input: UnsafeBufferPointer<UInt8>,
                                 file: String) -> SourceLocation {
        var line = 1, column = 1
        for byte in input.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {  // not a UTF-8 continuation byte
                column += 1
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func hex(_ value: Int32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// A NUL-terminated libyaml string (anchor, problem text), or nil.
    private static func string<T>(_ pointer: UnsafePointer<T>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self)) }
    }

    private static func string<T>(_ pointer: UnsafeMutablePointer<T>?) -> String? {
        string(pointer.map { UnsafePointer($0) })
    }
}

extension SourceLocation {
    /// The location of a libyaml mark (0-based line and column).
    init(file: String, mark: yaml_mark_t) {
        self.init(file: file, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
