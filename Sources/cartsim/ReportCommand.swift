import Foundation
import ResultsReport
import Experiments

/// `cartsim report RESULTS_DIR`: writes `report.html` into a results folder and prints its
/// path; a missing or broken file is reported by name on stderr with exit status 2.
enum ReportCommand {
    /// Every option `report` knows.
    static let options = ["--help"]

    static func run(_ arguments: [String]) throws -> Int32 {
        guard let folder = try OptionParser.resultsFolder(arguments, command: "report", options: options, help: Help.report) else { return 0 }
        do {
            print(try ReportWriter.write(folder: folder))
            return 0
        } catch {
            Console.error("cartsim report: \(error.description)")
            return 2
        }
    }
}
