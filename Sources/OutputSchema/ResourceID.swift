/// The one id of a resource in every output file (`resources.csv`, the KPI columns of
/// `replications.csv` and `summary.csv`, shard records, the report): the site's name and the
/// pool's, lowercased, every character that is not a letter or digit written `_` —
/// `plant-west` + `suites` → `plant_west_suites`, the prefix of `plant_west_suites_utilization`.
public enum ResourceID {
    public static func of(site: String, pool: String) -> String {
        normalised(site) + "_" + normalised(pool)
    }

    /// A site's name as it appears in resource ids (two sites may not share it).
    public static func normalised(_ name: String) -> String {
        String(name.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
