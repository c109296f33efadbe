import OutputSchema
import Foundation
import SimKernel
import SimRandom
import CARTModel
import ScenarioFile

/// Consumes replication results in replication order and produces the output files.
///
/// `replications.csv` and `patients.csv` are streamed to disk as results arrive; the other
/// tables keep per-stage, per-resource and per-week aggregates, and each KPI's values (one
/// number per replication, for the Student-t intervals). Sums run in replication order,
/// so the same replications always give byte-identical files, whatever the number of jobs
/// or shards that computed them.
final class RunAccumulator {
    /// What the tables need to know of the scenario.
    struct Context {
        let seed: UInt64
        let startDay: Int
        let warmup: SimTime

        init(_ scenario: ScenarioDescription) {
            seed = scenario.simulation.seed
            startDay = scenario.simulation.startDate.dayNumber
            warmup = scenario.simulation.warmup
        }

        init(seed: UInt64, startDay: Int, warmup: SimTime) {
            self.seed = seed
            self.startDay = startDay
            self.warmup = warmup
        }
    }

    let context: Context
    private let replicationsFile: CSVFileWriter
    private let patientsFile: CSVFileWriter
    private(set) var kpiNames: [String] = []
    private(set) var kpiValues: [[Double]] = []
    private(set) var count = 0
    private(set) var events = 0
    private var stages = StageAggregates()
    private var resources = ResourceAggregates()
    private var weeks = WeeklyAggregates()
    private var breakdowns = BreakdownAggregates()
    /// `forecast.csv`, for a run from a pipeline snapshot.
    private var forecast: ForecastTable?

    /// Starts the streamed files in `folder`; `forecast` collects the snapshot patients'
    /// outcomes of a run from a pipeline snapshot.
    init(context: Context, folder: URL, forecast: ForecastTable? = nil) throws {
        self.context = context
        self.forecast = forecast
        replicationsFile = try CSVFileWriter(url: folder.appendingPathComponent("replications.csv"))
        patientsFile = try CSVFileWriter(url: folder.appendingPathComponent("patients.csv"))
        try patientsFile.append(OutputTables.patientsHeader)
    }

    /// Adds the next replication (results must come in replication order). `patientRows`
    /// replaces the rows built from the result's patient records (merging shards).
    func add(_ result: ReplicationResult, patientRows: [[String]]? = nil) throws {
        if count == 0 {
            kpiNames = result.kpis.map(\.name)
            kpiValues = Array(repeating: [], count: kpiNames.count)
            try replicationsFile.append(OutputTables.replicationsLeading + kpiNames)
        }
        precondition(result.kpis.count == kpiNames.count, "replications of one scenario report the same KPIs")
        for (index, kpi) in result.kpis.enumerated() { kpiValues[index].append(kpi.value) }
        try replicationsFile.append(OutputTables.replicationRow(result, seed: context.seed))
        for row in patientRows ?? OutputTables.patientRows(result, startDay: context.startDay) {
            try patientsFile.append(row)
        }
        stages.add(result.stages)
        resources.add(result.resources)
        weeks.add(result.series)
        breakdowns.add(result.breakdowns)
        forecast?.add(result.snapshot)
        count += 1
        events += result.events
    }

    /// Summaries of every KPI so far (mean, 95 % Student-t interval, min, max).
    func summaries() -> [KPISummary] {
        zip(kpiNames, kpiValues).map { KPISummary(name: $0, values: $1) }
    }

    /// Closes the streamed files and writes the aggregated tables and `run.json`.
    /// `kpiNames`: the header of `replications.csv` when no replication was added (an empty shard).
    func finish(in folder: URL, metadata: RunMetadata, kpiNames emptyHeader: [String] = []) throws {
        if count == 0 { try replicationsFile.append(OutputTables.replicationsLeading + emptyHeader) }
        try replicationsFile.close()
        try patientsFile.close()
        let files = (forecast.map { [(ForecastTable.fileName, $0.table())] } ?? []) + [
            ("stages.csv", stages.table()),
            ("resources.csv", resources.table()),
            ("timeseries.csv", weeks.table(startDay: context.startDay, warmup: context.warmup)),
            ("summary.csv", OutputTables.summary(summaries())),
            ("breakdowns.csv", breakdowns.table()),
            ("run.json", try metadata.json()),
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
    }
}
