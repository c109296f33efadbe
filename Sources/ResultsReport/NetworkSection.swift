import ScenarioFile

/// The network map: centres on the left, cryopreservation hubs in the middle, plants on the
/// right, each lane a line as thick as the patients it carried per year (cohort patients of
/// the replications in `patients.csv`, per year of window) and labelled with its median transit
/// (out and, for a lane with a return, back). From the scenario file (`ScenarioContext`) and
/// `patients.csv`; absent when the scenario file cannot be read.
enum NetworkSection {
    static let title = "Network"

    /// The sites and lanes of the scenario.
    struct Network {
        let centres: [String], hubs: [String], plants: [String]
        /// Median transit (days) by origin and destination.
        let transit: [Pair: Double]

        init(_ scenario: ScenarioDescription) {
            centres = scenario.centres.map(\.name)
            hubs = scenario.hubs.map(\.name)
            plants = scenario.plants.map(\.name)
            transit = Dictionary(scenario.lanes.map { (Pair(from: $0.origin, to: $0.destination), $0.transit.quantile(0.5) / 86_400) },
                                 uniquingKeysWith: { first, _ in first })
        }
    }

    struct Pair: Hashable { let from: String, to: String }

    /// Patients per year of window on each outbound leg (centre → hub, hub → plant, centre → plant).
    static func flows(folder: String, windowYears: Double) throws(ReportError) -> [Pair: Double] {
        var counts: [Pair: Int] = [:], replications = Set<String>()
        var columns: (replication: Int, centre: Int, hub: Int, plant: Int, warmup: Int)?
        try CSVTable.scan("patients.csv", in: folder) { table, row throws(ReportError) in
            if columns == nil {
                columns = (try table.column("replication"), try table.column("centre"), try table.column("hub"),
                           try table.column("plant"), try table.column("in_warmup"))
            }
            let c = columns!
            replications.insert(table.text(row, c.replication))
            guard table.text(row, c.warmup) == "false" else { return }
            let (centre, hub, plant) = (table.text(row, c.centre), table.text(row, c.hub), table.text(row, c.plant))
            if hub.isEmpty {
                if !plant.isEmpty { counts[Pair(from: centre, to: plant), default: 0] += 1 }
            } else {
                counts[Pair(from: centre, to: hub), default: 0] += 1
                if !plant.isEmpty { counts[Pair(from: hub, to: plant), default: 0] += 1 }
            }
        }
        let scale = Double(max(replications.count, 1)) * max(windowYears, 1e-9)
        return counts.mapValues { Double($0) / scale }
    }

    static func render(_ network: Network, flows: [Pair: Double]) -> Markup? {
        let outbound = network.transit.keys.filter { lane in
            (network.centres.contains(lane.from) && (network.hubs.contains(lane.to) || network.plants.contains(lane.to)))
                || (network.hubs.contains(lane.from) && network.plants.contains(lane.to))
        }.sorted { ($0.from, $0.to) < ($1.from, $1.to) }
        guard !outbound.isEmpty else { return nil }
        let rows = max(network.centres.count, network.hubs.count, network.plants.count)
        let spacing = 44.0, top = 40.0, height = top + Double(rows) * spacing + 36
        var canvas = SVGCanvas(id: "network-map", height: height)
        let columns: [(names: [String], x: Double, heading: String)] = [
            (network.centres, 110, "centres"), (network.hubs, 360, "hubs"), (network.plants, 610, "plants"),
        ]
        var position: [String: (x: Double, y: Double)] = [:]
        for column in columns where !column.names.isEmpty {
            let offset = top + (Double(rows) - Double(column.names.count)) * spacing / 2
            for (index, name) in column.names.enumerated() {
                position[name] = (column.x, offset + Double(index) * spacing + spacing / 2)
            }
            canvas.text(column.heading, x: column.x, y: 18, anchor: "middle", size: 12, bold: true, colour: Palette.muted)
        }
        let largest = max(flows.values.max() ?? 1, 1)
        for lane in outbound {
            guard let a = position[lane.from], let b = position[lane.to] else { continue }
            let flow = flows[lane] ?? 0
            canvas.line(a.x, a.y, b.x, b.y, stroke: flow > 0 ? Palette.blue : Palette.grid, width: 1 + 7 * flow / largest,
                        dash: flow > 0 ? nil : "4 3")
            let back = network.transit[Pair(from: lane.to, to: lane.from)]
            let label = KPIDisplay.fixed(network.transit[lane] ?? 0, decimals: 1) + " d"
                + (back.map { " / ← " + KPIDisplay.fixed($0, decimals: 1) + " d" } ?? "")
                + (flow > 0 ? " · " + KPIDisplay.fixed(flow, decimals: 0) + "/yr" : "")
            canvas.text(label, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - 4, anchor: "middle", size: 10, halo: true)
        }
        for name in network.centres + network.hubs + network.plants {
            guard let point = position[name] else { continue }
            let kind = network.plants.contains(name) ? Palette.vermillion : network.hubs.contains(name) ? Palette.orange : Palette.bluishGreen
            canvas.circle(x: point.x, y: point.y, radius: 6, colour: kind)
            let right = point.x > 500
            canvas.text(SVGCanvas.fitted(name, width: 100, size: 11), x: point.x + (right ? 10 : -10), y: point.y + 4,
                        anchor: right ? "start" : "end", size: 11)
        }
        canvas.text("line width: patients carried per year; labels: median transit out / back (days)", x: 360, y: height - 8,
                    anchor: "middle", size: 11, colour: Palette.muted, className: "axis-label")
        let table = DataTable(header: ["from", "to", "median transit (days)", "back (days)", "patients per year"],
                              rows: outbound.map { lane in
            [.label(lane.from), .label(lane.to), .number(network.transit[lane]),
             .number(network.transit[Pair(from: lane.to, to: lane.from)]), .number(flows[lane] ?? 0, decimals: 1)]
        })
        let description = outbound.map { lane in
            "\(lane.from) to \(lane.to): \(KPIDisplay.fixed(network.transit[lane] ?? 0, decimals: 1)) days, "
                + "\(KPIDisplay.fixed(flows[lane] ?? 0, decimals: 0)) patients a year"
        }.joined(separator: "; ")
        return ReportPage.section(id: "network", title: title, intro: "Sites and courier lanes; each line is as thick as "
            + "the patients it carried per year (cohort of the replications in patients.csv), labelled with its median "
            + "transit out and back. Dashed: a lane no patient used.", [
            Figure.render(canvas, title: "Network map", description: "Lanes: " + description + ".", table: table),
        ])
    }
}
