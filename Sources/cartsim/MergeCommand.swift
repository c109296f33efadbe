import Foundation
import Experiments

/// `cartsim merge SHARD_DIR... --out DIR`.
enum MergeCommand {
    /// Every option `merge` knows.
    static let options = ["--help", "--out"]

    static func run(_ arguments: [String]) throws -> Int32 {
        var folders: [URL] = []
        var out: String?
        var parser = OptionParser(arguments, command: "merge", options: options)
        while let argument = try parser.next() {
            switch argument {
            case .option("-h"), .option("--help"):
                print(Help.merge)
                return 0
            case .option("--out"): out = try parser.value(for: "--out")
            case .option(let other): throw parser.unknown(other)
            case .operand(let folder): folders.append(URL(fileURLWithPath: folder))
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
