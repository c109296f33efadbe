import Foundation
import Experiments

/// `cartsim merge SHARD_DIR... --out DIR`.
enum MergeCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        var folders: [URL] = []
        var out: String?
        var parser = OptionParser(arguments)
        while let argument = parser.next() {
            switch argument {
            case "-h", "--help":
                print(Help.merge)
                return 0
            case "--out": out = try parser.value(for: argument)
            default:
                guard !argument.hasPrefix("-") else { throw UsageError("unexpected option '\(argument)' (see cartsim merge --help)") }
                folders.append(URL(fileURLWithPath: argument))
            }
        }
        guard !folders.isEmpty, let out else { throw UsageError("merge needs shard folders and --out DIR (see cartsim merge --help)") }
        do {
            let destination = try ResultsDestination.check(out, source: try ShardMerge.resultsSource(of: folders),
                                                           isDefault: false)
            _ = Interruption.start(.endAtOnce)
            let metadata = try ShardMerge.merge(folders, into: destination)
            if let notice = destination.replacementNotice { Console.error(notice) }
            print("merged \(folders.count) shards of '\(metadata.scenarioName)': \(metadata.replications) replications → \(out)")
            return 0
        } catch let error as ShardMerge.MergeError {
            Console.error("cartsim: \(error.description)")
            return 2
        }
    }
}
