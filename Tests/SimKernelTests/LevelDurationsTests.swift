import XCTest
@testable import SimKernel

/// The time a level spends at each value, and the mean and quantiles over time read from it.
final class LevelDurationsTests: XCTestCase {
    /// Level 0 for 10 s, 3 for 30 s, 1 for 60 s: mean (3·30 + 60)/100 = 1.5; 10 % of the
    /// time at 0, 70 % at or below 1, all at or below 3.
    func testDurationsMeanAndQuantilesOverTime() {
        var level = LevelDurations(start: 100)
        level.record(3, at: 110)
        level.record(1, at: 140)
        XCTAssertEqual(level.durations(until: 200), [10, 60, 0, 30])
        let durations = level.durations(until: 200)
        XCTAssertEqual(LevelDurations.mean(of: durations), 1.5)
        XCTAssertEqual(LevelDurations.quantile(0.1, of: durations), 0)
        XCTAssertEqual(LevelDurations.quantile(0.5, of: durations), 1)
        XCTAssertEqual(LevelDurations.quantile(0.7, of: durations), 1)
        XCTAssertEqual(LevelDurations.quantile(0.9, of: durations), 3)
    }

    func testResetForgetsTheHistoryButKeepsTheLevel() {
        var level = LevelDurations()
        level.record(4, at: 50)
        level.reset(at: 80)
        XCTAssertEqual(level.durations(until: 100), [0, 0, 0, 0, 20])
        XCTAssertEqual(LevelDurations.mean(of: level.durations(until: 100)), 4)
        XCTAssertTrue(LevelDurations.mean(of: level.durations(until: 80)).isNaN, "no time passed")
    }

    func testPooledLevelsAddTheirTimes() {
        let pooled = LevelDurations.pooled([[10, 0, 5], [0, 20]])
        XCTAssertEqual(pooled, [10, 20, 5])
        XCTAssertEqual(LevelDurations.quantile(0.9, of: pooled), 2)
    }
}
