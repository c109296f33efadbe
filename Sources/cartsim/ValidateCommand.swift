import Foundation
import SimKernel
import ScenarioFile
import Experiments

/// `cartsim validate [--quiet] FILE...`: every error of every file, or a one-line summary
/// per valid file (nothing with `--quiet`).
enum ValidateCommand {
    /// Every option `validate` knows.
    static let options = ["--help", "--quiet"]

    static func run(_ arguments: [String]) throws -> Int32 {
        var files: [String] = []
        var quiet = false
        var parser = OptionParser(arguments, command: "validate", options: options)
        while let argument = try parser.next() {
            switch argument {
            case .option("-h"), .option("--help"):
                print(Help.validate)
                return 0
            case .option("--quiet"): quiet = true
            case .option(let other): throw parser.unknown(other)
            case .operand(let file): files.append(file)
            }
        }
        guard !files.isEmpty else {
            throw UsageError("validate needs at least one scenario file (see cartsim validate --help)")
        }
        var status: Int32 = 0
        for path in files {
            do {
                let s = try ScenarioLoader.load(path: path)
                guard !quiet else { continue }
                print("\(path): ok: '\(s.name)' — \(s.centres.count) centres, \(s.plants.count) plants, "
                      + "\(s.hubs.count) hubs, \(s.lanes.count) lanes, \(s.products.count) products, "
                      + "\(s.indications.count) indications; horizon \(Ticks.days(s.simulation.horizon)) d, "
                      + "\(s.simulation.replications) replications")
            } catch {
                print(error.description)
                status = 2
            }
        }
        return status
    }
}
