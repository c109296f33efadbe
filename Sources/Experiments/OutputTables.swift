import SimKernel
import SimRandom
import CARTModel
import ScenarioFile
import OutputSchema

/// The CSV tables of the output contract. Times are in days; column names are snake_case
/// with units in the name; every number is written with the decimals of its `Quantity`.
enum OutputTables {
    static let summaryHeader = ["kpi", "mean", "sd", "ci95_low", "ci95_high", "ci95_half_width",
                                "min", "max", "replications"]
    static let replicationsLeading = ["replication", "seed", "events", "patients_simulated"]
    static let patientsHeader = ["replication", "patient_id", "centre", "indication", "product", "plant", "hub",
                                 "referral_date", "referral_day", "first_apheresis_start_day"]
        + Milestone.allCases.map(\.column)
        + ["outcome", "outcome_day", "dropout_stage", "out_of_spec_infused", "collections", "manufacturing_attempts", "bridged",
           "vein_to_vein_days", "in_warmup"]
    static let stagesHeader = ["stage", "observations_per_replication", "waiting_mean_days", "waiting_p90_days",
                               "working_mean_days", "working_p90_days", "total_mean_days"]
    static let resourcesHeader = ["resource", "site", "pool", "capacity", "utilization", "utilization_ci95_half_width",
                                  "queue_length_mean", "grants_per_replication", "wait_mean_days", "wait_p90_days",
                                  "wait_max_days"]
    static let timeseriesHeader = ["week", "week_start_date", "in_warmup", "referrals_mean", "collections_mean",
                                   "releases_mean", "infusions_mean", "infusions_p5", "infusions_p95",
                                   "dropouts_mean", "work_in_progress_mean", "work_in_progress_p5",
                                   "work_in_progress_p95"]
    /// The columns `timeseries.csv` adds for each weekly level (`waitlist` where a plant
    /// allocates slots, `stock_<plant>_<item>` for each stock item): mean and 5th–95th percentiles.
    static func levelColumns(_ level: String) -> [String] { [level + "_mean", level + "_p5", level + "_p95"] }

    /// One row per KPI: mean over replications with a 95 % Student-t interval.
    static func summary(_ summaries: [KPISummary]) -> String {
        var table = CSVText(header: summaryHeader)
        for kpi in summaries { table.append(summaryRow(kpi)) }
        return table.text
    }

    /// A KPI's row of `summary.csv` (and, after its group, of `breakdowns.csv`).
    static func summaryRow(_ kpi: KPISummary) -> [String] {
        let i = kpi.interval
        let value = Quantity(kpi: kpi.name), statistic = value.acrossReplications
        return [kpi.name] + [i.mean, i.standardDeviation, i.lower, i.upper, i.halfWidth].map {
            OutputNumber.format($0, statistic)
        } + [OutputNumber.format(kpi.minimum, value), OutputNumber.format(kpi.maximum, value), String(i.count)]
    }

    /// `breakdowns.csv`: the cohort KPIs by product, indication, centre and plant.
    static let breakdownsHeader = ["by", "group"] + summaryHeader

    /// A replication's row of `replications.csv`: every KPI.
    static func replicationRow(_ result: ReplicationResult, seed: UInt64) -> [String] {
        [String(result.replication), String(seed), String(result.events), String(result.patientsSimulated)]
            + result.kpis.map { OutputNumber.format($0.value, Quantity(kpi: $0.name)) }
    }

    /// A replication's rows of `patients.csv` (none unless it kept patients).
    static func patientRows(_ result: ReplicationResult, startDay: Int) -> [[String]] {
        result.patients.map { p in
            let date = CivilDate(dayNumber: startDay + Int(p.referralDay.rounded(.down))).description
            return [String(result.replication), String(p.id), p.centre, p.indication, p.product, p.plant, p.hub, date,
                    OutputNumber.format(p.referralDay, .days), OutputNumber.format(p.firstApheresisStartDay, .days)]
                + p.milestoneDays.map { OutputNumber.format($0, .days) }
                + [p.outcome, OutputNumber.format(p.outcomeDay, .days), p.dropoutStage, String(p.outOfSpecificationInfused), String(p.collections),
                   String(p.manufacturingAttempts), String(p.bridged), OutputNumber.format(p.veinToVeinDays, .days),
                   String(p.inWarmup)]
        }
    }
}
