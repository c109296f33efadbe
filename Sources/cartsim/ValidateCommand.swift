import Foundation
import SimKernel
import ScenarioFile
import Experiments

/// `cartsim validate FILE...`: every error of every file, or a one-line summary per valid file.
enum ValidateCommand {
    static func run(_ arguments: [String]) -> Int32 {
        if arguments.contains("-h") || arguments.contains("--help") {
            print(Help.validate)
            return 0
        }
        guard !arguments.isEmpty else {
            Console.error("cartsim: validate needs at least one scenario file (see cartsim validate --help)")
            return 2
        }
        var status: Int32 = 0
        for path in arguments {
            do {
                let s = try ScenarioLoader.load(path: path)
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
