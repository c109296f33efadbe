import SimKernel
import XCTest
@testable import ScenarioFile

final class NodeReaderTests: XCTestCase {
    private let valid = """
        name: Central
        kind: public
        opened: 2026-01-05
        hours: {days: [mon-fri, sat], open: "08:00", close: 24:00}
        loan: 3w
        visitors: 150/year
        loss: 2%
        late-fees: yes
        shelves:
          fiction: {capacity: 120, genres: [novel, poetry]}
          science:
            capacity: 80
            height: 2.5
            genres: [physics]
        """

    private let expected = Library(
        name: "Central", kind: .publicLibrary, opened: 20_458, openDays: [0, 1, 2, 3, 4, 5], opensAt: 8 * Ticks.hour,
        closesAt: Ticks.day, loan: 21 * Ticks.day, visitorsPerDay: 150.0 / 365, lossProbability: 0.02, lateFees: true,
        shelves: [.init(name: "fiction", capacity: 120, height: 2, genres: ["novel", "poetry"]),
                  .init(name: "science", capacity: 80, height: 2.5, genres: ["physics"])])

    func testDecodesAValidFile() throws {
        XCTAssertEqual(try NodeReader.decode(text: valid, file: "lib.yaml", Library.decode), expected)
    }

    func testJSONDecodesLikeYAML() throws {
        let json = """
            {"name": "Central", "kind": "public", "opened": "2026-01-05",
             "hours": {"days": ["mon-fri", "sat"], "open": "08:00", "close": "24:00"},
             "loan": "3w", "visitors": "150/year", "loss": "2%", "late-fees": true,
             "shelves": {"fiction": {"capacity": 120, "genres": ["novel", "poetry"]},
                         "science": {"capacity": 80, "height": 2.5, "genres": ["physics"]}}}
            """
        XCTAssertEqual(try NodeReader.decode(text: json, file: "lib.json", Library.decode), expected)
    }

    func testEveryTopLevelProblemIsReported() {
        let text = """
            name: Central
            kind: publik
            opened: 2026-02-30
            hours:
              days: mon-fry
              open: 25:00
            loan: 14
            visitors: 3
            loss: 1.5
            late-fees: maybe
            shelfs: {}
            colour: red
            """
        XCTAssertEqual(decodeErrors(text, file: "lib.yaml", Library.decode), [
            "lib.yaml:1:1: missing required key 'shelves'",
            "lib.yaml:2:7: kind: expected one of public, university, got 'publik'; did you mean 'public'?",
            "lib.yaml:3:9: opened: invalid date '2026-02-30': 2026-02 has 28 days",
            "lib.yaml:5:3: hours: missing required key 'close'",
            "lib.yaml:5:9: hours.days: expected a weekday (mon, tue, wed, thu, fri, sat, sun), got 'fry'; did you mean 'fri'?",
            "lib.yaml:6:9: hours.open: expected a time of day as HH:MM from 00:00 to 24:00, e.g. '07:30', got '25:00'",
            "lib.yaml:7:7: loan: expected a duration with a unit (s, min, h, d, w), e.g. '36h' or '2d', got '14'",
            "lib.yaml:8:11: visitors: expected a rate with a time unit, e.g. '3/week', '0.5/day', '2 per week' or '150/year', got '3'",
            "lib.yaml:9:7: loss: expected a probability from 0 to 1 or a percentage such as '4%', got '1.5'",
            "lib.yaml:10:12: late-fees: expected true or false, got 'maybe'",
            "lib.yaml:11:1: unknown key 'shelfs'; did you mean 'shelves'?",
            "lib.yaml:12:1: unknown key 'colour'; allowed keys: name, kind, opened, hours, loan, visitors, loss, late-fees, shelves",
        ])
    }

    func testProblemsInsideNamedItemsAndLists() {
        let text = """
            name: Central
            kind: university
            opened: 2026-01-05
            hours: {days: mon-fri, open: "08:00", close: "17:30"}
            visitors: 2 per day
            loan: -2d
            shelves:
              fiction:
                capacity: 0
                genres: [novel, poetri]
              science:
                capacty: 80
                height: tall
                genres: physics
              history: [1, 2]
            """
        XCTAssertEqual(decodeErrors(text, Library.decode), [
            "s.yaml:6:7: loan: duration must not be negative, got '-2d'",
            "s.yaml:9:15: shelves.fiction.capacity: expected an integer from 1 to 500, got '0'",
            "s.yaml:10:21: shelves.fiction.genres[1]: expected one of novel, poetry, physics, history, got 'poetri'; did you mean 'poetry'?",
            "s.yaml:12:5: shelves.science: unknown key 'capacty'; did you mean 'capacity'?",
            "s.yaml:12:5: shelves.science: missing required key 'capacity'",
            "s.yaml:13:13: shelves.science.height: expected a number from 0.5 to 3, got 'tall'",
            "s.yaml:14:13: shelves.science.genres: expected a list, got 'physics'",
            "s.yaml:15:12: shelves.history: expected a mapping with keys capacity, height, genres, got a list",
        ])
    }

    func testWrongTypes() {
        XCTAssertEqual(readValue("key: [1]") { $0.int() }.errors, ["s.yaml:1:6: key: expected an integer, got a list"])
        XCTAssertEqual(readValue("key: {a: 1}") { $0.string() }.errors,
                       ["s.yaml:1:6: key: expected a text value, got a mapping"])
        XCTAssertEqual(readValue("key: 12.5") { $0.int() }.errors, ["s.yaml:1:6: key: expected an integer, got '12.5'"])
        XCTAssertEqual(readValue("key: 99999999999999999999") { $0.int() }.errors,
                       ["s.yaml:1:6: key: expected an integer, got '99999999999999999999'"])
        XCTAssertEqual(readValue("key: 1e999") { $0.double() }.errors, ["s.yaml:1:6: key: expected a number, got '1e999'"])
        XCTAssertEqual(readValue("key: -1") { $0.int(in: 0...Int.max) }.errors,
                       ["s.yaml:1:6: key: expected an integer of at least 0, got '-1'"])
        XCTAssertEqual(readValue("key: 7.5") { $0.double(in: -.greatestFiniteMagnitude...5) }.errors,
                       ["s.yaml:1:6: key: expected a number of at most 5, got '7.5'"])
        XCTAssertEqual(readValue("key: 'abc'") { $0.date() }.errors,
                       ["s.yaml:1:6: key: expected a date as YYYY-MM-DD, e.g. '2026-01-05', got 'abc'"])
        XCTAssertEqual(readValue("key: [mon, 3]") { $0.weekdays() }.errors,
                       ["s.yaml:1:12: key[1]: expected a weekday (mon, tue, wed, thu, fri, sat, sun), got '3'"])
        XCTAssertEqual(readValue("key: {a: 1}") { $0.namedEntries() }.value?.map(\.value.path), ["key.a"])
    }

    func testNothingIsNotAValueAndNullCountsAsAbsent() throws {
        XCTAssertEqual(readValue("key: [3d, ~]") { $0.list { $0.duration() } }.errors,
                       ["s.yaml:1:11: key[1]: expected a duration, got nothing"])
        XCTAssertEqual(readValue("key:") { $0.duration() }.errors, ["s.yaml:1:5: key: missing value"])
        XCTAssertEqual(readValue("other: 1") { $0.duration() }.errors,
                       ["s.yaml:1:1: unknown key 'other'; allowed keys: key", "s.yaml:1:1: missing required key 'key'"])
        let sink = DiagnosticSink()
        let mapping = NodeReader(root: try YAMLDocument.parse(text: "a: ~\nb: 2\n", file: "s.yaml"), sink: sink)
            .mapping(allowedKeys: ["a", "b"])
        XCTAssertNil(mapping?.optional("a"))
        XCTAssertEqual(mapping?.contains("a"), false)
        XCTAssertEqual(mapping?.contains("b"), true)
        XCTAssertEqual(sink.diagnostics, [])
        XCTAssertEqual(readValue("key: ''") { $0.string() }.value, "")
    }

    func testLongValuesAreShortenedInMessages() {
        let long = String(repeating: "x", count: 60)
        XCTAssertEqual(readValue("key: \(long)") { $0.bool() }.errors,
                       ["s.yaml:1:6: key: expected true or false, got '\(String(repeating: "x", count: 40))…'"])
    }
}
