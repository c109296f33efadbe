/// The names of the files each command writes into its results folder. `run.json` lists the
/// files of its folder (`files`); the lists here are also how a folder written by a cartsim
/// that did not yet record them (0.2.0) is recognised.
public enum ResultsFiles {
    /// The manifest of every results folder: its `kind` says which command wrote it.
    public static let manifest = "run.json"
    /// The report that `run --report` or `cartsim report` writes into a folder.
    public static let report = "report.html"
    /// The workbook that `run --xlsx` or `cartsim export` writes into a run's folder.
    public static let workbook = "results.xlsx"

    /// The files of a `cartsim run` (and of `merge`).
    public static let run = ["patients.csv", "stages.csv", "resources.csv", "timeseries.csv",
                             "replications.csv", "summary.csv", "breakdowns.csv", manifest]
    /// The files of a `cartsim run --shard K/N`: a run's, plus the per-replication records
    /// that `merge` rebuilds the tables from.
    public static let shard = run + ["stage_records.csv", "resource_records.csv", "week_records.csv",
                                     "breakdown_records.csv"]
    /// The files of `cartsim compare`.
    public static let compare = ["compare.csv", "summary_a.csv", "summary_b.csv", manifest]
    /// The files of `cartsim sweep`.
    public static let sweep = ["sweep.csv", manifest]
    /// The files of `cartsim plan`.
    public static let plan = ["plan.csv", manifest]
    /// The table of `cartsim optimise`: every evaluated point.
    public static let optimise = "optimise.csv"
    /// The table of `cartsim sensitivity`: every input's effects.
    public static let sensitivity = "sensitivity.csv"

    /// The files a folder of `kind` (the `kind` of its `run.json`) holds when its `run.json`
    /// does not list them; nil for a kind cartsim does not write.
    static func unlisted(kind: String) -> [String]? {
        switch kind {
        case "run": run
        case "shard": shard
        case "compare": compare
        case "sweep": sweep
        case "plan": plan
        case "optimise": [optimise, manifest]
        case "sensitivity": [sensitivity, manifest]
        default: nil
        }
    }
}
