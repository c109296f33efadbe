import Foundation
import ResultsReport

/// `cartsim report RESULTS_DIR`: writes `report.html` into a results folder and prints its
/// path; a missing or broken file is reported by name on stderr with exit status 2.
enum ReportCommand {
    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(Help.report)
            return 0
        }
        guard arguments.count == 1, let folder = arguments.first, !folder.hasPrefix("-") else {
            Console.error("cartsim: report needs exactly one results folder (see cartsim report --help)")
            return 2
        }
        do {
            print(try ReportWriter.write(folder: folder))
            return 0
        } catch {
            Console.error("cartsim report: \(error.description)")
            return 2
        }
    }
}
