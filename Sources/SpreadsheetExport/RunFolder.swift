import Foundation

/// A results folder that `results.xlsx` can be made from: a folder of `cartsim run` (or of
/// `merge`, or one shard of a sharded run), told by the `kind` of its `run.json` (a folder
/// without `kind`, of an earlier cartsim, is a run's).
struct RunFolder {
    /// The folder.
    let path: String
    /// How messages name it.
    let shown: String
    /// Its `run.json`.
    let manifest: [String: Any]

    /// The manifest every results folder holds.
    static let manifestFile = "run.json"

    /// The kinds of folder whose tables a workbook holds.
    private static let kinds: Set<String> = ["run", "shard"]

    /// Checks `path`, named `shown` in errors.
    /// - Throws: ``SpreadsheetError`` (bad input) for a path that is not a folder, a folder
    ///   without a `run.json` of cartsim's, or the folder of another command (`compare`,
    ///   `sweep`, `plan`, `optimise`, `sensitivity`), whose CSV files open in a spreadsheet as
    ///   they are.
    init(_ path: String, shownAs shown: String) throws(SpreadsheetError) {
        self.path = path
        self.shown = shown
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SpreadsheetError(.badInput, folder: shown, "no such folder")
        }
        guard isDirectory.boolValue else { throw SpreadsheetError(.badInput, folder: shown, "not a folder") }
        let manifestPath = URL(fileURLWithPath: path).appendingPathComponent(Self.manifestFile).path
        guard let data = FileManager.default.contents(atPath: manifestPath),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              object["version"] is String else {
            throw SpreadsheetError(.badInput, folder: shown, "not a cartsim results folder (it has no run.json of cartsim's); "
                                   + "cartsim export reads the folder that cartsim run writes")
        }
        let kind = object["kind"] as? String ?? "run"
        guard Self.kinds.contains(kind) else {
            throw SpreadsheetError(.badInput, folder: shown, "a \(kind) folder; cartsim export writes results.xlsx from the "
                                   + "folder of a run (cartsim run, or merged shards); the CSV files of a \(kind) folder "
                                   + "open in a spreadsheet as they are")
        }
        manifest = object
    }
}
