import Foundation
import SpreadsheetExport
import Experiments

/// `cartsim export RESULTS_DIR`: writes `results.xlsx` into the results folder of a run and
/// prints its path. A folder that is not a run's, a missing or malformed file, or a
/// `results.xlsx` there that cartsim did not write is named on stderr with exit status 2; a
/// failure to write the workbook exits with status 1.
enum ExportCommand {
    /// Every option `export` knows.
    static let options = ["--help"]

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let folder = try OptionParser.resultsFolder(arguments, command: "export", options: options, help: Help.export) else { return 0 }
        do {
            print(try ResultsWorkbook.write(folder: folder))
            return 0
        } catch {
            Console.error("cartsim export: \(error.description)")
            return error.cause == .badInput ? 2 : 1
        }
    }
}
