import Foundation
import OutputSchema

/// The folder a command writes its results into, checked before anything runs. cartsim
/// creates the folder, or replaces an earlier results folder of its own; it never deletes or
/// overwrites a file or folder it did not write:
/// - a path that does not exist is created (its parents too);
/// - an empty folder is filled;
/// - a folder whose `run.json` is cartsim's and which holds only the files that `run.json`
///   lists (or, for a folder of cartsim 0.2.0, the files its kind writes) is replaced — in a
///   default folder (no `--out`) only by results of the same command from the same inputs,
///   so two scenario files that share a `name` cannot replace each other's results;
/// - anything else — a file, a link, a folder with other files (a report made later by
///   `cartsim report`, a workbook by `cartsim export`, count as the user's), the current
///   folder or one above it — is refused with a ``UsageError`` (exit status 2).
public struct ResultsDestination: Sendable {
    /// The command and inputs whose results a folder holds.
    public struct Source: Sendable, Equatable {
        /// The `kind` of `run.json`: `run`, `shard`, `compare`, `sweep` or `plan`.
        public let kind: String
        /// The scenario files (as absolute paths) and the settings that identify the
        /// results (swept paths, the shard), in order.
        public let inputs: [String]

        /// - Parameters:
        ///   - scenarioFiles: as given on the command line (relative to the current folder).
        ///   - settings: further identifying settings, e.g. swept key paths.
        public init(kind: String, scenarioFiles: [String], settings: [String] = []) {
            self.kind = kind
            inputs = scenarioFiles.map(ResultsDestination.absolute) + settings
        }

        /// What a folder's `run.json` says it holds.
        init?(manifest json: [String: Any]) {
            guard let kind = json["kind"] as? String else { return nil }
            let string = { (key: String) in json[key] as? String ?? "" }
            switch kind {
            case "compare": self.init(kind: kind, scenarioFiles: [string("scenario_a_file"), string("scenario_b_file")])
            case "sweep": self.init(kind: kind, scenarioFiles: [string("scenario_file")],
                                    settings: json["paths"] as? [String] ?? [])
            case "plan": self.init(kind: kind, scenarioFiles: [string("scenario_file")], settings: [string("path")])
            case "shard": self.init(kind: kind, scenarioFiles: [string("scenario_file")],
                                    settings: ["\(json["shard"] ?? "")/\(json["shards"] ?? "")"])
            default: self.init(kind: kind, scenarioFiles: [string("scenario_file")])
            }
        }

        /// "a run of Scenarios/x.yaml", for messages.
        var phrase: String {
            let files = inputs.prefix(kind == "compare" ? 2 : 1).map(ResultsDestination.relative)
            let article = kind.first.map { "aeiou".contains($0) } == true ? "an" : "a"
            return "\(article) \(kind) of \(files.joined(separator: " and "))"
        }
    }

    /// The folder.
    public let url: URL
    /// The results the command will write.
    public let source: Source
    /// Whether the folder is the command's default (no `--out`).
    public let isDefault: Bool
    /// What the folder holds now, when it holds earlier results (which the command replaces).
    public let earlier: Source?

    /// Checks `path` as the results folder of `source`.
    /// - Throws: ``UsageError`` saying why cartsim will not write there.
    public static func check(_ path: String, source: Source, isDefault: Bool) throws(UsageError) -> ResultsDestination {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let earlier = try inspect(url, source: source, isDefault: isDefault)
        return ResultsDestination(url: url, source: source, isDefault: isDefault, earlier: earlier)
    }

    /// Checks the folder again, just before the new results replace it: it must not have
    /// gained files of the user's while the command ran.
    func recheck() throws(UsageError) {
        _ = try Self.inspect(url, source: source, isDefault: isDefault)
    }

    /// The line to print on stderr once the results are in place, when they replaced
    /// earlier ones.
    public var replacementNotice: String? {
        earlier.map { "cartsim: replaced earlier results (\($0.phrase)) in \(Self.relative(url.path))" }
    }

    /// The earlier results in `url`, nil when there are none to replace.
    private static func inspect(_ url: URL, source: Source, isDefault: Bool) throws(UsageError) -> Source? {
        let shown = relative(url.path)
        let refusal = "cartsim writes a results folder there and replaces only a results folder of its own"
        let current = absolute(FileManager.default.currentDirectoryPath)
        if url.path == current || current.hasPrefix(url.path.hasSuffix("/") ? url.path : url.path + "/") {
            throw UsageError("\(shown) is the current folder or holds it; \(refusal); choose a new folder")
        }
        var status = stat()
        guard lstat(url.path, &status) == 0 else {
            try checkCreatable(url.deletingLastPathComponent(), for: shown)
            return nil
        }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: throw UsageError("\(shown) is a symbolic link; \(refusal); give the folder it points to, or a new one")
        default: throw UsageError("\(shown) is a file, not a folder; \(refusal); choose another --out")
        }
        let entries: [String]
        do { entries = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() } catch {
            throw UsageError("\(shown): cannot be read: \(FileFailure.reason(of: error) ?? "\(error)")")
        }
        guard !entries.isEmpty else { return nil }
        let manifestURL = url.appendingPathComponent(ResultsFiles.manifest)
        guard entries.contains(ResultsFiles.manifest), isPlainFile(manifestURL),
              let data = FileManager.default.contents(atPath: manifestURL.path),
              let json = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              json["version"] is String, let kind = json["kind"] as? String,
              let listed = (json["files"] as? [String]) ?? ResultsFiles.unlisted(kind: kind),
              let earlier = Source(manifest: json)
        else {
            throw UsageError("\(shown) already exists and is not a cartsim results folder (it has no run.json of cartsim's); "
                             + "\(refusal); choose another --out, or move its files away")
        }
        let foreign = entries.filter { !listed.contains($0) || !isPlainFile(url.appendingPathComponent($0)) }
        guard foreign.isEmpty else {
            let names = foreign.prefix(5).joined(separator: ", ") + (foreign.count > 5 ? " and \(foreign.count - 5) more" : "")
            let reportHint = foreign.contains(ResultsFiles.report)
                ? " (a report made by cartsim report is kept as yours; run --report writes one a later run may replace)" : ""
            let workbookHint = foreign.contains(ResultsFiles.workbook)
                ? " (a results.xlsx made by cartsim export is kept as yours; run --xlsx writes one a later run may replace)" : ""
            throw UsageError("\(shown) holds cartsim results and files cartsim did not write there (\(names)); "
                             + "\(refusal); move those files away, or choose another --out" + reportHint + workbookHint)
        }
        if isDefault, earlier != source {
            throw UsageError("\(shown) holds the results of \(earlier.phrase), not of \(source.phrase); "
                             + "give --out to choose a folder for these results")
        }
        return earlier
    }

    /// Refuses a folder whose nearest existing ancestor is not a writable folder.
    private static func checkCreatable(_ parent: URL, for shown: String) throws(UsageError) {
        var ancestor = parent
        var status = stat()
        while stat(ancestor.path, &status) != 0, ancestor.path != "/" { ancestor.deleteLastPathComponent() }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw UsageError("\(shown) cannot be created: \(relative(ancestor.path)) is a file, not a folder")
        }
        guard access(ancestor.path, W_OK) == 0 else {
            throw UsageError("\(shown) cannot be created: \(relative(ancestor.path)) is not writable")
        }
    }

    private static func isPlainFile(_ url: URL) -> Bool {
        var status = stat()
        return lstat(url.path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// `path` made absolute against the current folder, with `.` and `..` resolved.
    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// `path` relative to the current folder when it lies inside it.
    static func relative(_ path: String) -> String {
        let current = absolute(FileManager.default.currentDirectoryPath)
        if path == current { return "." }
        return path.hasPrefix(current + "/") ? String(path.dropFirst(current.count + 1)) : path
    }
}
