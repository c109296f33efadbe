/// The address of a key in a scenario file, as written on the command line: keys separated
/// by dots through mappings, `[i]` (0-based) for list items — `sites.plant-west.suites`,
/// `simulation.seed`, `lanes[0].transit`.
///
/// Keys are taken literally up to the next `.` or `[`, so a key containing either cannot be
/// addressed.
struct OverridePath: Hashable, Sendable {
    /// One step of a path.
    enum Segment: Hashable, Sendable {
        /// A key of a mapping.
        case key(String)
        /// An item of a list, 0-based.
        case index(Int)
    }

    /// The path as written.
    let text: String
    /// The steps, from the top of the file; never empty.
    let segments: [Segment]

    /// What every path looks like; ends the message about a malformed path.
    static let expectedForm = "expected keys separated by dots, with [i] for list items, e.g. lanes[0].transit"

    /// Parses `text`; nil when it is empty or malformed (`a..b`, `a.`, `[0]`, `lanes[x]`,
    /// `lanes[0]x`): a path starts with a key, since the top of a scenario file is a mapping.
    /// O(n) in the length of `text`.
    init?(_ text: String) {
        var segments: [Segment] = []
        var rest = Substring(text)
        var expectKey = true
        while !rest.isEmpty || expectKey {
            if expectKey {
                let end = rest.firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                guard end > rest.startIndex else { return nil }
                segments.append(.key(String(rest[..<end])))
                rest = rest[end...]
            } else if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"),
                      let index = Int(rest[rest.index(after: rest.startIndex)..<close]), index >= 0
                else { return nil }
                segments.append(.index(index))
                rest = rest[rest.index(after: close)...]
            } else {
                return nil
            }
            expectKey = rest.first == "."
            if expectKey { rest = rest.dropFirst() }
        }
        self.text = text
        self.segments = segments
    }

    /// The path of the first `count` segments as written in diagnostics (`sites.plant-west`,
    /// `lanes[0]`); empty for the top level.
    func prefix(_ count: Int) -> String {
        segments.prefix(count).reduce("") { path, segment in
            switch segment {
            case .key(let key): NodeReader.join(path, key)
            case .index(let index): "\(path)[\(index)]"
            }
        }
    }
}
