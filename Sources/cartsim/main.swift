import Foundation
import Experiments

// cartsim: parse arguments, call the library, exit with 0 (success), 1 (run failed) or
// 2 (bad input or usage).
exit(CommandLine.arguments.dropFirst().isEmpty ? Help.printTopLevel(to: .standardError)
     : Dispatcher.run(Array(CommandLine.arguments.dropFirst())))
