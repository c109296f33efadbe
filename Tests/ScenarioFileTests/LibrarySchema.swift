import SimKernel
@testable import ScenarioFile

/// A small made-up schema decoded with ``NodeReader``, to show how a decoder reads and to
/// test every accessor's messages.
struct Library: Equatable {
    enum Kind: String, CaseIterable {
        case publicLibrary = "public"
        case university
    }

    struct Shelf: Equatable {
        var name: String
        var capacity: Int
        var height: Double
        var genres: [String]
    }

    var name: String
    var kind: Kind
    var opened: Int
    var openDays: [Int]
    var opensAt: SimTime
    var closesAt: SimTime
    var loan: SimTime
    var visitorsPerDay: Double
    var lossProbability: Double
    var lateFees: Bool
    var shelves: [Shelf]

    static func decode(_ root: NodeReader) -> Library? {
        guard let top = root.mapping(allowedKeys: ["name", "kind", "opened", "hours", "loan", "visitors", "loss",
                                                   "late-fees", "shelves"])
        else { return nil }
        let name = top.required("name")?.string()
        let kind = top.required("kind")?.enumeration(Kind.self)
        let opened = top.required("opened")?.date()
        let hours = top.required("hours")?.mapping(allowedKeys: ["days", "open", "close"])
        let openDays = hours?.required("days")?.weekdays()
        let opensAt = hours?.required("open")?.timeOfDay()
        let closesAt = hours?.required("close")?.timeOfDay()
        let loan = top.optional("loan")?.duration() ?? 14 * Ticks.day
        let visitors = top.required("visitors")?.rate()
        let loss = top.optional("loss")?.probability() ?? 0
        let lateFees = top.optional("late-fees")?.bool() ?? false
        let shelves = top.required("shelves")?.namedEntries(Shelf.decode)
        guard let name, let kind, let opened, let openDays, let opensAt, let closesAt, let visitors, let shelves
        else { return nil }
        return Library(name: name, kind: kind, opened: opened, openDays: openDays, opensAt: opensAt,
                       closesAt: closesAt, loan: loan, visitorsPerDay: visitors, lossProbability: loss,
                       lateFees: lateFees, shelves: shelves)
    }
}

extension Library.Shelf {
    static func decode(_ entry: NamedEntry) -> Library.Shelf? {
        guard let shelf = entry.value.mapping(allowedKeys: ["capacity", "height", "genres"]) else { return nil }
        let capacity = shelf.required("capacity")?.int(in: 1...500)
        let height = shelf.optional("height")?.double(in: 0.5...3) ?? 2
        let genres = shelf.required("genres")?.list { $0.enumeration(allowed: ["novel", "poetry", "physics", "history"]) }
        guard let capacity, let genres else { return nil }
        return Library.Shelf(name: entry.name, capacity: capacity, height: height, genres: genres)
    }
}
