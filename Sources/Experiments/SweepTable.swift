import OutputSchema

/// The evaluated points of a sweep and their `sweep.csv`.
public struct SweepTable: Sendable {
    /// One evaluated point: its number, the value of each path, and its KPI samples.
    public struct Point: Sendable {
        /// 0-based number of the point in the grid (row-major).
        public let index: Int
        /// The value of each path, as given on the command line.
        public let values: [String]
        public let samples: SweepSamples

        public init(index: Int, values: [String], samples: SweepSamples) {
            self.index = index
            self.values = values
            self.samples = samples
        }
    }

    /// The paths, one column each.
    public let paths: [String]
    /// The points, in order.
    public let points: [Point]

    public init(paths: [String], points: [Point]) {
        self.paths = paths
        self.points = points
    }

    /// The header of `sweep.csv`: `point`, one column per path (headed by the path), `kpi`,
    /// then the interval columns.
    public var header: [String] {
        ["point"] + paths + ["kpi"] + SweepOutput.intervalHeader
    }

    /// `sweep.csv`: one row per point × KPI, points in order, KPIs in the model's order;
    /// each row the mean over replications and its 95 % Student-t interval.
    public var csv: String {
        var table = CSVText(header: header)
        for point in points {
            for summary in point.samples.summaries {
                table.append([String(point.index)] + point.values + [summary.name]
                             + SweepOutput.intervalFields(summary.interval, kpi: summary.name))
            }
        }
        return table.text
    }
}
