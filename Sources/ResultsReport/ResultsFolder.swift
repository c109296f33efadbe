import Foundation

/// The files of a `cartsim run` folder (or merged shards) the report draws on.
struct RunResults {
    let manifest: RunManifest
    let summary: KPISummaryTable
    /// Infused patients referred after the warm-up: their times, and those at the ranks of ``DaysSection``.
    let patients: PatientTable
    let stages: [String: StageTimes]
    let resources: [ResourceUse]
    let weeks: [WeekFigures]
    let scenario: ScenarioContext
    /// The slowest patients' timelines, when the run was traced (`events.csv`).
    let timelines: PatientTimelines?
    /// The snapshot patients' forecast, for a run from a pipeline snapshot (`forecast.csv`).
    var forecast: [ForecastSection.Patient]? = nil
    /// The cohort by product, indication, centre and plant (`breakdowns.csv`; nil before 0.3).
    var breakdowns: [BreakdownSection.Group]? = nil
    /// Patients per year on each lane, for the network map (when the scenario file is there).
    var flows: [NetworkSection.Pair: Double]? = nil
}

/// A `cartsim compare` folder.
struct CompareResults {
    let manifest: RunManifest
    let differences: [PairedDifference]
}

/// A `cartsim sweep` or `cartsim plan` folder.
struct SweepResults {
    let manifest: RunManifest
    /// The swept key paths (one for a plan).
    let paths: [String]
    let estimates: [SweepEstimate]
}

/// A results folder, read according to the `kind` in its `run.json`.
enum ResultsFolder {
    case run(RunResults)
    case compare(CompareResults)
    case sweep(SweepResults)
    case plan(SweepResults)
    case sensitivity(SensitivityResults)
    case optimise(OptimiseResults)

    /// Reads every file the report needs; the first missing or broken one is the error.
    static func load(_ folder: String) throws(ReportError) -> ResultsFolder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw ReportError(folder: folder, "no such folder")
        }
        guard isDirectory.boolValue else { throw ReportError(folder: folder, "not a folder") }
        let manifest = try RunManifest(folder: folder)
        switch manifest.kind {
        case .run:
            let scenario = ScenarioContext.load(manifest: manifest, folder: folder)
            let windowYears = ((manifest.number("horizon_days") ?? 0) - (manifest.number("warmup_days") ?? 0)) / 365
            let summary = try KPISummaryTable.load(folder: folder), stages = try RunTables.stages(folder: folder)
            return .run(RunResults(
                manifest: manifest, summary: summary,
                patients: try PatientTable.load(folder: folder, ranks: DaysSection.patients.map(\.rank), stageTimes: stages),
                stages: stages,
                resources: try RunTables.resources(folder: folder), weeks: try RunTables.weeks(folder: folder),
                scenario: scenario,
                timelines: ResultsFile.exists("events.csv", in: folder) ? try PatientTimelines.load(folder: folder) : nil,
                forecast: try ForecastSection.load(folder: folder), breakdowns: try BreakdownSection.load(folder: folder),
                flows: scenario.network == nil ? nil : try NetworkSection.flows(folder: folder, windowYears: windowYears)))
        case .compare:
            return .compare(CompareResults(manifest: manifest, differences: try ExperimentTables.compare(folder: folder)))
        case .sweep:
            let (paths, rows) = try ExperimentTables.sweep(folder: folder)
            return .sweep(SweepResults(manifest: manifest, paths: paths, estimates: rows))
        case .plan:
            let rows = try ExperimentTables.plan(folder: folder)
            return .plan(SweepResults(manifest: manifest, paths: [manifest.string("path") ?? "value"], estimates: rows))
        case .sensitivity:
            return .sensitivity(try SensitivityResults.load(folder: folder, manifest: manifest))
        case .optimise:
            return .optimise(try OptimiseResults.load(folder: folder, manifest: manifest))
        }
    }
}
