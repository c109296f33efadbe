import Foundation
import ResultsReport
import Experiments

/// `cartsim report RESULTS_DIR`: writes `report.html` into a results folder and prints its
/// path; a missing or broken file is reported by name on stderr with exit status 2.
enum ReportCommand {
    /// Every option `report` knows.
    static let options = ["--help"]

    static func run(_ arguments: [String]) throws -> Int32 {
        var folders: [String] = []
        var parser = OptionParser(arguments, command: "report", options: options)
        while let argument = try parser.next() {
            switch argument {
            case .option("-h"), .option("--help"):
                print(Help.report)
                return 0
            case .option(let other): throw parser.unknown(other)
            case .operand(let folder): folders.append(folder)
            }
        }
        guard folders.count == 1, let folder = folders.first else {
            throw UsageError("report needs exactly one results folder (see cartsim report --help)")
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
