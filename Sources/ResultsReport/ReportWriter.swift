import Foundation
import OutputSchema

/// Writes `report.html` into a results folder, from the files already there: a run's
/// CSV files (also merged shards), or a `compare`, `sweep`, `plan`, `sensitivity` or `optimise` folder, told apart
/// by the `kind` in `run.json`.
///
/// The report is one self-contained XHTML file: inline CSS and SVG charts, no script and
/// no reference outside the file, readable offline and printable. The same folder always
/// gives the same bytes (no date or time in it).
public enum ReportWriter {
    /// The name of the report in the folder.
    public static let fileName = "report.html"

    /// The mark in the head of every report, by which a later `cartsim report` knows that
    /// it may replace the file.
    static let generator = "cartsim"

    /// Reads `folder`, writes `folder/report.html` atomically (a temporary file renamed into
    /// place, so a reader never sees half a report) and returns its path. An existing
    /// `report.html` is replaced only when it is a report of cartsim's.
    ///
    /// - Parameter shown: the folder's name in the report (default `folder`), for a report
    ///   written into a results folder before it is moved into place.
    /// - Throws: ``ReportError`` naming the first missing or malformed file (with the
    ///   line, for a CSV file), a `report.html` that cartsim did not write, or the failure
    ///   to write the report.
    @discardableResult
    public static func write(folder: String, shownAs shown: String? = nil) throws(ReportError) -> String {
        try checkReplaceable(in: folder)
        let html = try render(folder: folder, shownAs: shown ?? folder)
        let destination = ResultsFile.path(fileName, in: folder)
        let temporary = ResultsFile.path(".\(fileName).tmp-\(ProcessInfo.processInfo.processIdentifier)", in: folder)
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: temporary))
        } catch {
            throw ReportError(folder: folder, file: fileName, "cannot be written: \(FileFailure.reason(of: error) ?? "\(error)")")
        }
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ReportError(folder: folder, file: fileName, "cannot be written: \(reason)")
        }
        return destination
    }

    /// Refuses to replace a `report.html` in `folder` that is not a report of cartsim's (one
    /// with the generator mark, or the footer of a cartsim 0.2.0 report).
    private static func checkReplaceable(in folder: String) throws(ReportError) {
        let path = ResultsFile.path(fileName, in: folder)
        var status = stat()
        guard lstat(path, &status) == 0 else { return }
        let text = status.st_mode & S_IFMT == S_IFREG ? FileManager.default.contents(atPath: path)
            .map { String(decoding: $0, as: UTF8.self) } : nil
        guard let text, text.hasPrefix("<!DOCTYPE html>"),
              text.contains("<meta name=\"generator\" content=\"\(generator)\"") || text.contains("Made by cartsim report from the files of")
        else {
            throw ReportError(folder: folder, file: fileName, "exists and was not written by cartsim; "
                              + "cartsim does not replace it: move it away to write the report")
        }
    }

    /// The report of `folder` as text, without writing it; the report names the folder `shown`.
    public static func render(folder: String, shownAs shown: String? = nil) throws(ReportError) -> String {
        let shown = shown ?? folder
        let results = try ResultsFolder.load(folder)
        let title: String, manifest: RunManifest, sections: [Markup]
        switch results {
        case .run(let run):
            manifest = run.manifest
            title = "\(manifest.string("scenario") ?? "Run"): simulation report"
            sections = (run.forecast.map { [ForecastSection.render($0, run: run)] } ?? [])
                + [HeadlineSection.render(run), DaysSection.render(run), DistributionSection.render(run),
                        FunnelSection.render(run)] + (run.breakdowns.flatMap(BreakdownSection.render).map { [$0] } ?? [])
                + (CostSection.render(run).map { [$0] } ?? [])
                + (StockSection.render(run).map { [$0] } ?? [])
                + (WaitingSection.render(run).map { [$0] } ?? []) + [ResourcesSection.render(run)]
                + (run.scenario.network.flatMap { network in NetworkSection.render(network, flows: run.flows ?? [:]) }.map { [$0] } ?? [])
                + [OverTimeSection.render(run)]
                + (run.timelines.map { [TimelineSection.render($0)] } ?? [])
        case .compare(let compare):
            manifest = compare.manifest
            let names = CompareSection.scenarioNames(manifest)
            title = "\(names.a) vs \(names.b): comparison report"
            sections = [ExperimentHeadline.compare(compare), CompareSection.render(compare)]
        case .sweep(let sweep):
            manifest = sweep.manifest
            title = "\(manifest.string("scenario") ?? "Sweep"): sweep report"
            sections = [ExperimentHeadline.sweep(sweep), SweepSection.render(sweep, plan: nil)]
        case .plan(let plan):
            manifest = plan.manifest
            title = "\(manifest.string("scenario") ?? "Plan"): capacity plan report"
            let target = manifest.string("target_kpi").flatMap { kpi in
                manifest.number("target_value").map {
                    SweepSection.PlanTarget(kpi: kpi, relation: manifest.string("target_relation"), value: $0,
                                            answer: manifest.number("answer"))
                }
            }
            sections = [ExperimentHeadline.plan(plan, target: target), SweepSection.render(plan, plan: target)]
        case .sensitivity(let sensitivity):
            manifest = sensitivity.manifest
            title = "\(manifest.string("scenario") ?? "Sensitivity"): sensitivity report"
            sections = [SensitivitySection.headline(sensitivity), SensitivitySection.render(sensitivity)]
        case .optimise(let optimise):
            manifest = optimise.manifest
            title = "\(manifest.string("scenario") ?? "Optimise"): optimisation report"
            sections = [OptimiseSection.headline(optimise), OptimiseSection.render(optimise)]
        }
        let version = manifest.string("version").map { " · cartsim \($0)" } ?? ""
        return ReportPage.document(
            title: title, subtitle: "Results folder \(shown)\(version)", sections: sections,
            footer: "Made by cartsim report from the files of \(shown). Every number in a table is in the folder's CSV files; "
                + "fractions are shown in per cent, every value with two decimals.")
    }
}
