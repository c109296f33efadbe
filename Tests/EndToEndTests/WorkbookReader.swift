import Foundation
import XCTest

/// A workbook as a spreadsheet user gets it, read by openpyxl through `scripts/read-xlsx.py`.
struct WorkbookReader {
    /// A cell: its type as openpyxl reads it (`number`, `text`, `boolean`, `date`) and its
    /// value as text (a number's Python repr, exact; `true` or `false`; an ISO date).
    struct Cell: Equatable {
        let type: String
        let value: String
    }

    struct Sheet {
        let name: String
        let freezePanes: String?
        let autoFilter: String?
        let headerBold: Bool
        /// Every row, the header row first; nil for a blank cell.
        let rows: [[Cell?]]

        /// The header row's texts.
        var headings: [String] { rows.first?.map { $0?.value ?? "" } ?? [] }
    }

    let sheets: [Sheet]

    /// The sheet called `name`.
    func sheet(_ name: String) throws -> Sheet {
        try XCTUnwrap(sheets.first { $0.name == name }, "no sheet '\(name)'")
    }

    /// Reads the workbook at `url`. The tests need a Python 3 with openpyxl: the `python3` on
    /// the `PATH`, or else Debian's, where `make deps` installs python3-openpyxl; without one
    /// the test fails and says so.
    init(_ url: URL) throws {
        let python = try XCTUnwrap(Self.python, "reading results.xlsx back needs Python 3 with openpyxl, which neither "
                                   + "'python3' on the PATH nor /usr/bin/python3 has: `make deps` installs python3-openpyxl")
        let script = CartsimBinary.packageRoot.appendingPathComponent("scripts/read-xlsx.py").path
        let (status, output, errors) = try Self.run([python, script, url.path])
        XCTAssertEqual(status, 0, errors)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: output) as? [String: Any])
        sheets = try XCTUnwrap(json["sheets"] as? [[String: Any]]).map { sheet in
            Sheet(name: sheet["name"] as? String ?? "", freezePanes: sheet["freeze_panes"] as? String,
                  autoFilter: sheet["auto_filter"] as? String, headerBold: sheet["header_bold"] as? Bool ?? false,
                  rows: (sheet["rows"] as? [[Any]] ?? []).map { row in
                      row.map { cell in
                          (cell as? [String: Any]).map { Cell(type: $0["type"] as? String ?? "", value: $0["value"] as? String ?? "") }
                      }
                  })
        }
    }

    /// The first Python 3 that imports openpyxl.
    private static let python: String? = ["python3", "/usr/bin/python3"].first { candidate in
        (try? run([candidate, "-c", "import openpyxl"]))?.status == 0
    }

    /// Runs `arguments` through `/usr/bin/env` (which finds a bare name on the `PATH`).
    private static func run(_ arguments: [String]) throws -> (status: Int32, output: Data, errors: String) {
        let run = try CartsimBinary.runProgram(URL(fileURLWithPath: "/usr/bin/env"), arguments)
        return (run.status, Data(run.stdout.utf8), run.stderr)
    }
}
