/// A position in a scenario file, as shown to the person who edits it.
///
/// Lines and columns are 1-based (libyaml's marks are 0-based and are converted on the way in).
/// Columns count Unicode characters, not bytes.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file name as given to the parser (usually the path the user typed).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column number, in characters.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The first character of `file`: where whole-file problems are reported.
    public static func start(of file: String) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: 1)
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
