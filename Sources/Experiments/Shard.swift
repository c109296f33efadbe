/// One share of a study's replications: shard `index` of `count` (1-based) runs the
/// replication indices i with i mod count = index − 1, so shards are balanced and any
/// set of complete shards merges back into exactly the unsharded run.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// Parses `K/N` with 1 ≤ K ≤ N.
    public init(parsing text: String) throws(UsageError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(k) else {
            throw UsageError("--shard expects K/N with 1 <= K <= N, e.g. 3/8, got '\(text)'")
        }
        index = k
        count = n
    }

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Whether replication `replication` belongs to this shard.
    public func contains(_ replication: Int) -> Bool { replication % count == index - 1 }

    public var description: String { "\(index)/\(count)" }
}
