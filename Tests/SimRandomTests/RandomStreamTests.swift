import SimRandom
import XCTest

/// Streams are reproducible, distinct per (seed, replication, name) and independent of
/// creation order.
final class RandomStreamTests: XCTestCase {
    private func firstDraws(_ stream: RandomStream, count: Int = 50) -> [Double] {
        (0 ..< count).map { _ in stream.uniform() }
    }

    private func stream(_ name: String, replication: Int = 0, seed: UInt64 = 42) -> RandomStream {
        RandomStream(scenarioSeed: seed, replication: replication, name: name)
    }

    func testIsMT19937() {
        // The reference MT19937 (Matsumoto & Nishimura) seeded with 5489 first outputs
        // 3499211612; uniform() is that word divided by 2³².
        XCTAssertEqual(RandomStream(seed: 5489).uniform(), 3_499_211_612 / 4_294_967_296)
    }

    func testDerivedSeedIsPinned() {
        // Part of the output format: a change here changes every published result.
        XCTAssertEqual(RandomStream.derivedSeed(scenarioSeed: 42, replication: 0, name: "referrals"), 348_918_893_799_382_261)
    }

    func testSameInputsGiveTheSameSequence() {
        XCTAssertEqual(firstDraws(stream("referrals")), firstDraws(stream("referrals")))
    }

    func testDifferentNameReplicationOrSeedGiveDifferentSequences() {
        let reference = firstDraws(stream("referrals"))
        XCTAssertNotEqual(firstDraws(stream("referral")), reference)
        XCTAssertNotEqual(firstDraws(stream("referrals", replication: 1)), reference)
        XCTAssertNotEqual(firstDraws(stream("referrals", seed: 43)), reference)
    }

    func testDerivedSeedsDoNotCollideAcrossManyInputs() {
        var seeds = Set<UInt64>()
        for replication in 0 ..< 100 {
            for name in ["a", "b", "ab", "ba", "referrals", "transit.outbound", ""] {
                seeds.insert(RandomStream.derivedSeed(scenarioSeed: 7, replication: replication, name: name))
            }
        }
        XCTAssertEqual(seeds.count, 700)
    }

    func testDrawsDoNotDependOnCreationOrder() {
        let a1 = stream("apheresis"), b1 = stream("transit")
        let b2 = stream("transit"), a2 = stream("apheresis")
        var first: [Double] = [], second: [Double] = []
        for _ in 0 ..< 20 {
            first += [a1.uniform(), b1.uniform()]
            second += [a2.uniform(), b2.uniform()]
        }
        XCTAssertEqual(first, second)
    }

    func testUniformStaysInsideTheOpenInterval() {
        let stream = RandomStream(seed: 1)
        for _ in 0 ..< 10_000 {
            let u = stream.uniform()
            XCTAssertTrue(u > 0 && u < 1)
        }
    }

    func testUniformIntCoversItsRangeEvenly() {
        let stream = RandomStream(seed: 2)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0 ..< 6_000 { counts[stream.uniformInt(below: 6)] += 1 }
        assertChiSquareFit(observed: counts, probabilities: [Double](repeating: 1.0 / 6, count: 6), "uniformInt(below: 6)")
    }

    func testStreamsWorkInsideConcurrentTasks() async {
        // One stream per task, created and used on that task: the same values as sequentially.
        let expected = (0 ..< 4).map { firstDraws(stream("task", replication: $0), count: 5) }
        let concurrent = await withTaskGroup(of: (Int, [Double]).self) { group in
            for replication in 0 ..< 4 {
                group.addTask {
                    let stream = RandomStream(scenarioSeed: 42, replication: replication, name: "task")
                    return (replication, (0 ..< 5).map { _ in stream.uniform() })
                }
            }
            var results = [[Double]](repeating: [], count: 4)
            for await (replication, draws) in group { results[replication] = draws }
            return results
        }
        XCTAssertEqual(concurrent, expected)
    }
}
