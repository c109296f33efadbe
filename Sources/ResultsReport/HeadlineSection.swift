/// Section 1 of a run's report: what was simulated (scenario, description, replications,
/// seed, horizon) and the headline KPIs with their 95 % intervals, then every KPI of
/// `summary.csv` in a collapsed table.
enum HeadlineSection {
    /// The KPIs of the cards, in order.
    static let cardKPIs = ["infusions_per_year", "vein_to_vein_p50_days", "vein_to_vein_p90_days",
                           "not_infused_fraction", "out_of_spec_rate"]

    /// The KPIs of the key-figures table, in order (those a run lacks are left out).
    static let keyKPIs = ["infusions_per_year", "vein_to_vein_mean_days", "vein_to_vein_p50_days",
                          "vein_to_vein_p90_days", "vein_to_vein_p95_days", "apheresis_to_release_p50_days",
                          "apheresis_to_release_p90_days", "referral_to_infusion_p50_days", "not_infused_fraction",
                          "dropout_fraction", "manufacturing_failure_fraction", "material_lost_fraction",
                          "out_of_spec_rate", "work_in_progress_mean",
                          // Only where a plant allocates slots (absent KPIs are left out).
                          "waitlist_length_mean", "slot_wait_p50_days", "waitlist_to_apheresis_p50_days",
                          "slot_granted_fraction", "waitlisted_infused_fraction", "dropout_waitlist_fraction",
                          "slot_utilization"]

    static func render(_ run: RunResults) -> Markup {
        let manifest = run.manifest
        var content: [Markup] = []
        if let description = run.scenario.description { content.append(.el("p", [("class", "description")], text: description)) }
        content.append(HeadlinePanel.facts(facts(manifest)))
        if manifest.flag("complete") == false {
            content.append(.el("p", [("class", "flag")],
                               text: "This run was stopped before every replication finished: the figures cover the completed ones."))
        }
        let target = run.scenario.veinToVeinTargetDays
        content.append(HeadlinePanel.cards(cardKPIs.compactMap { name in
            HeadlinePanel.kpiCard(run.summary[name],
                                  extra: name == "vein_to_vein_p90_days" ? target.map { targetVerdict($0, run.summary[name]) } : nil)
        }))
        let key = keyKPIs.compactMap { run.summary[$0] }
        content.append(HeadlinePanel.kpiTable(key, plainNames: true).render(caption: "Key figures (means over replications)"))
        content.append(.el("details", [], [
            .el("summary", text: "All \(run.summary.estimates.count) KPIs of summary.csv"),
            HeadlinePanel.kpiTable(run.summary.estimates, plainNames: false).render(),
        ]))
        return ReportPage.section(id: "headline", title: "Headline", content)
    }

    /// Scenario, replications, seed, horizon, warm-up, start date, scenario file.
    static func facts(_ manifest: RunManifest) -> [(String, String?)] {
        [("Scenario", manifest.string("scenario")),
         ("Replications", manifest.numberText("replications")),
         ("Seed", manifest.numberText("seed")),
         ("Horizon", manifest.number("horizon_days").map(days)),
         ("Warm-up (excluded)", manifest.number("warmup_days").map(days)),
         ("Start date", manifest.string("start_date")),
         ("Scenario file", manifest.string("scenario_file"))]
    }

    /// Days, with weeks when whole.
    private static func days(_ value: Double) -> String {
        let text = "\(KPIDisplay.fixed(value, decimals: value == value.rounded() ? 0 : 2)) days"
        guard value > 0, value.truncatingRemainder(dividingBy: 7) == 0 else { return text }
        return text + " (\(Int(value / 7)) weeks)"
    }

    /// Whether the p90 vein-to-vein time meets the scenario's target, with 95 % confidence.
    private static func targetVerdict(_ target: Double, _ p90: KPIEstimate?) -> Markup {
        let limit = "target ≤ \(KPIDisplay.fixed(target, decimals: 2)) days: "
        guard let p90 = p90?.value, let high = p90.high ?? p90.mean, let low = p90.low ?? p90.mean else { return .text(limit + "no estimate") }
        if high <= target { return .text(limit + "met (whole interval below)") }
        if low > target { return .el("span", [("class", "flag")], text: limit + "missed (whole interval above)") }
        return .text(limit + "undecided (interval spans it)")
    }
}
