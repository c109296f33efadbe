/// The content hash cartsim records (a scenario file's in `run.json`, a shard's files for
/// `merge` to check): FNV-1a 64 of the bytes.
public enum ContentHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a 64 of `bytes` as 16 lower-case hexadecimal digits. O(n).
    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> String {
        let hash = bytes.reduce(offsetBasis) { ($0 ^ UInt64($1)) &* prime }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
