import OutputSchema
import SimKernel

/// The top-level `referral_list: patients.csv`: a CSV file (path relative to the scenario
/// file) of patients referred on given dates, replayed in every replication on top of the
/// centres' Poisson referrals (reference: `Scenarios/README.md`, "Replaying a patient list").
///
/// Columns, by header name in any order: `centre`, `indication`, and `referral_date`
/// (`YYYY-MM-DD`, referred at 00:00 of that day) or `referral_day` (days since the start of the
/// run, fractions allowed); optional `id` (unique); other columns are ignored. Problems are
/// reported at the CSV file's line and column.
enum ReferralListSection {
    static let key = "referral_list"
    /// The most patients a list may hold (each is an event and a record).
    static let maximumPatients = 1_000_000

    /// The listed referrals in time order (file order among equal times), with the file's
    /// bytes (the scenario's content hash covers them); nil after a problem.
    static func read(_ reader: NodeReader, names: NameTable, originDay: Int, horizon: SimTime?)
        -> (referrals: [ListedReferral], bytes: [UInt8])? {
        guard let name = reader.string() else { return nil }
        let path = DistributionReader.resolve(name, besides: reader.location.file)
        let text: String, fileBytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let bytes):
            fileBytes = bytes
            guard let decoded = String(validating: bytes, as: UTF8.self) else {
                reader.report("\(path) is not UTF-8 text; expected a CSV file of patients")
                return nil
            }
            text = decoded
        case .failure(let failure):
            reader.report("cannot read the patient list \(path): \(failure.reason)")
            return nil
        }
        var list = ReferralListReader(path: path, sink: reader.sink, names: names, originDay: originDay, horizon: horizon)
        return list.read(text).map { ($0, fileBytes) }
    }
}

private extension String {
    /// The field without the spaces around it.
    var trimmedField: String { String(trimmingSpaces) }
}

/// Reads the rows of one patient list, reporting each problem at its line and column.
private struct ReferralListReader {
    let path: String
    let sink: DiagnosticSink
    let names: NameTable
    let originDay: Int
    let horizon: SimTime?
    private var valid = true

    init(path: String, sink: DiagnosticSink, names: NameTable, originDay: Int, horizon: SimTime?) {
        self.path = path
        self.sink = sink
        self.names = names
        self.originDay = originDay
        self.horizon = horizon
    }

    private mutating func report(_ message: String, line: Int, column: Int) {
        sink.report(message, at: SourceLocation(file: path, line: line, column: column), path: ReferralListSection.key)
        valid = false
    }

    /// The 1-based column (in characters) where field `index` of `fields` starts, unquoted.
    private func column(_ index: Int, of fields: [String]) -> Int {
        fields.prefix(index).reduce(1) { $0 + $1.count + 1 }
    }

    mutating func read(_ text: String) -> [ListedReferral]? {
        let terminated = text.hasSuffix("\n") ? text : text + "\n"
        var csv = CSVReader(terminated)
        var header: [String: Int] = [:]
        var referrals: [ListedReferral] = [], ids: [String: Int] = [:]
        do {
            guard let first = try csv.next() else {
                report("the patient list is empty; expected a header such as 'referral_date,centre,indication'", line: 1, column: 1)
                return nil
            }
            for (index, name) in first.fields.enumerated() { header[name.trimmedField] = header[name.trimmedField] ?? index }
            let dateColumn = header["referral_date"], dayColumn = header["referral_day"]
            guard let centre = header["centre"], let indication = header["indication"], (dateColumn == nil) != (dayColumn == nil)
            else {
                report("expected a header with the columns centre, indication and one of referral_date and referral_day, got '"
                       + first.fields.joined(separator: ",") + "'", line: first.line, column: 1)
                return nil
            }
            let idColumn = header["id"], width = first.fields.count
            while let row = try csv.next() {
                if row.fields.allSatisfy({ $0.trimmedField.isEmpty }) { continue }
                guard row.fields.count == width else {
                    report("expected \(width) fields as in the header, got \(row.fields.count)", line: row.line, column: 1)
                    continue
                }
                guard referrals.count < ReferralListSection.maximumPatients else {
                    report("a patient list holds at most \(ReferralListSection.maximumPatients) patients", line: row.line, column: 1)
                    break
                }
                let time = self.time(row, date: dateColumn, day: dayColumn)
                let centreName = row.fields[centre].trimmedField, indicationName = row.fields[indication].trimmedField
                if names.siteKinds[centreName] != .centre {
                    report("unknown centre '\(centreName)'; the centres are \(names.sites.filter { names.siteKinds[$0] == .centre }.joined(separator: ", "))",
                           line: row.line, column: column(centre, of: row.fields))
                }
                if !names.indications.contains(indicationName) {
                    report("unknown indication '\(indicationName)'; the indications are \(names.indications.joined(separator: ", "))",
                           line: row.line, column: column(indication, of: row.fields))
                }
                let id = idColumn.map { row.fields[$0].trimmedField }
                if let id, let idColumn {
                    if let earlier = ids.updateValue(row.line, forKey: id) {
                        report("the id '\(id)' is already on line \(earlier); give each patient its own id",
                               line: row.line, column: column(idColumn, of: row.fields))
                    }
                }
                if let time { referrals.append(ListedReferral(time: time, centre: centreName, indication: indicationName, id: id)) }
            }
        } catch {
            report("not a CSV file: \(error.message)", line: error.line, column: 1)
        }
        guard valid else { return nil }
        return referrals.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    /// The referral time of a row, checked to lie in the run: from its date or its day.
    private mutating func time(_ row: (line: Int, fields: [String]), date: Int?, day: Int?) -> SimTime? {
        let index = date ?? day!, text = row.fields[index].trimmedField, at = column(index, of: row.fields)
        let time: SimTime
        if date != nil {
            do {
                time = SimTime(try Units.date(text) - originDay) * Ticks.day
            } catch {
                report(error.message, line: row.line, column: at)
                return nil
            }
        } else {
            guard let days = Double(text), days.isFinite else {
                report("expected a number of days since the start of the run, got '\(text)'", line: row.line, column: at)
                return nil
            }
            time = Ticks.fromSeconds(days * Double(Ticks.day))
        }
        if time < 0 {
            report("'\(text)' is before the start of the run", line: row.line, column: at)
            return nil
        }
        if let horizon, time >= horizon {
            report("'\(text)' is at or after the horizon: referrals stop there", line: row.line, column: at)
            return nil
        }
        return time
    }
}
