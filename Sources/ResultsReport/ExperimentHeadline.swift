/// The headline panel of `compare`, `sweep` and `plan` folders: what was run and, at a
/// glance, the differences of the headline KPIs (compare) or the plan's answer.
enum ExperimentHeadline {
    static func compare(_ compare: CompareResults) -> Markup {
        let names = CompareSection.scenarioNames(compare.manifest)
        let sense = CompareSection.differenceSense(compare.differences)
        let cards = HeadlineSection.cardKPIs.compactMap { kpi -> Markup? in
            guard let row = compare.differences.first(where: { $0.kpi == kpi }) else { return nil }
            let unit = KPIDisplay.unit(of: kpi)
            return HeadlinePanel.card(
                label: "\(KPIDisplay.label(of: kpi)), \(sense)", value: .text(KPIDisplay.format(row.difference.mean, unit)),
                unit: unit == .percent ? "pp" : unit.text,
                details: [.text("95 % interval [\(KPIDisplay.format(row.difference.low, unit)), \(KPIDisplay.format(row.difference.high, unit))]"
                                + (row.excludesZero ? "" : ", includes 0")),
                          .text("\(names.a) \(KPIDisplay.format(row.meanA, unit)) → \(names.b) \(KPIDisplay.format(row.meanB, unit))")])
        }
        return ReportPage.section(id: "headline", title: "Headline", [
            HeadlinePanel.facts([("Scenario A", names.a), ("Scenario B", names.b), ("Files", files(compare.manifest)),
                                 ("Replications (paired)", compare.manifest.numberText("replications")),
                                 ("Seed (same streams for A and B)", compare.manifest.numberText("seed"))]),
            HeadlinePanel.cards(cards),
        ])
    }

    static func sweep(_ sweep: SweepResults) -> Markup {
        let layout = SweepLayout(paths: sweep.paths, estimates: sweep.estimates)
        return ReportPage.section(id: "headline", title: "Headline", [
            HeadlinePanel.facts(common(sweep) + [
                ("Swept", layout.variedText.isEmpty ? "nothing varies" : layout.variedText),
                ("Held fixed", layout.fixedText.isEmpty ? nil : layout.fixedText),
                ("Points", String(layout.points.count)),
            ]),
        ])
    }

    static func plan(_ plan: SweepResults, target: SweepSection.PlanTarget?) -> Markup {
        let targetText = plan.estimates.lazy.compactMap(\.target).first
            ?? target.map { "\($0.kpi): \($0.label)" }
        var content = [HeadlinePanel.facts(common(plan) + [("Varied key path", plan.paths.first), ("Target", targetText),
                                                           ("Points evaluated", String(SweepLayout(paths: plan.paths, estimates: plan.estimates).points.count))])]
        let answer: Markup = target?.answer.map { .text(KPIDisplay.fixed($0, decimals: $0 == $0.rounded() ? 0 : 2)) }
            ?? .el("span", [("class", "flag")], text: "none")
        content.append(HeadlinePanel.cards([HeadlinePanel.card(
            label: "Smallest value of \(plan.paths.first ?? "the key") that meets the target", value: answer, unit: "",
            details: [.text(target?.answer == nil ? "No evaluated value meets the target with 95 % confidence."
                            : "The upper end of the 95 % interval meets the target.")])]))
        return ReportPage.section(id: "headline", title: "Headline", content)
    }

    /// Scenario, replications and seed.
    private static func common(_ sweep: SweepResults) -> [(String, String?)] {
        [("Scenario", sweep.manifest.string("scenario")), ("Replications per point", sweep.manifest.numberText("replications")),
         ("Seed (same streams at every point)", sweep.manifest.numberText("seed"))]
    }

    private static func files(_ manifest: RunManifest) -> String? {
        guard let a = manifest.string("scenario_a_file"), let b = manifest.string("scenario_b_file") else { return nil }
        return "\(a), \(b)"
    }
}
