extension Units {
    /// Weekday names, Monday first; index = the weekday number used throughout (0 = Monday).
    static let weekdayNames = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    /// Further accepted spellings beyond the full name and its first three letters.
    static let weekdayAliases: [String: Int] = ["tues": 1, "thur": 3, "thurs": 3]

    /// A weekday, `mon` … `sun` or `monday` … `sunday` (case-insensitive), as **0 … 6 with
    /// 0 = Monday**.
    public static func weekday(_ text: String) throws(UnitError) -> Int {
        let name = text.trimmingSpaces.lowercased()
        if let day = weekdayNames.firstIndex(where: { $0 == name || $0.prefix(3) == name }) ?? weekdayAliases[name] {
            return day
        }
        var message = "expected a weekday (mon, tue, wed, thu, fri, sat, sun), got '\(text)'"
        let spellings = weekdayNames.map { String($0.prefix(3)) } + weekdayNames
        if let suggestion = Suggestion.closest(to: name, among: spellings) {
            message += "; did you mean '\(suggestion.prefix(3))'?"
        }
        throw UnitError(message)
    }

    /// Weekdays written as a comma-separated list of days and ranges: `mon-fri`,
    /// `mon, wed, fri`, `sat-sun`. A range runs forward and may wrap past Sunday
    /// (`fri-mon` is Friday to Monday). Returns the days (0 = Monday) in ascending order,
    /// without repeats.
    public static func weekdays(_ text: String) throws(UnitError) -> [Int] {
        var days = Set<Int>()
        for item in text.split(separator: ",") {
            let ends = item.split(separator: "-", omittingEmptySubsequences: false)
            guard ends.count <= 2 else {
                throw UnitError("expected a weekday or a range of weekdays such as 'mon-fri', got '\(item.trimmingSpaces)'")
            }
            let first = try weekday(String(ends[0]))
            let last = try ends.count == 2 ? weekday(String(ends[1])) : first
            let length = (last - first + 7) % 7
            days.formUnion((0...length).map { (first + $0) % 7 })
        }
        guard !days.isEmpty else { throw UnitError("expected weekdays such as 'mon-fri', got '\(text)'") }
        return days.sorted()
    }
}
