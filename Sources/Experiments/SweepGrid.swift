/// The full grid of a sweep: every combination of the values of its axes.
///
/// Points are numbered from 0 in row-major order of the axes: the last axis varies
/// fastest. With `--set a=1,2 --set b=x,y,z`, point 0 is (1, x), point 1 is (1, y), point 3
/// is (2, x).
public struct SweepGrid: Sendable {
    /// The axes, in the order of the `--set` options.
    public let axes: [SweepAxis]

    public init(axes: [SweepAxis]) {
        self.axes = axes
    }

    /// The paths of the axes, in order.
    public var paths: [String] { axes.map(\.path) }

    /// The number of points: the product of the axes' value counts (1 with no axis).
    public var count: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// The value of each axis at `point`, in axis order. O(number of axes).
    /// - Precondition: `0 <= point < count`.
    public func values(at point: Int) -> [String] {
        precondition((0..<count).contains(point), "SweepGrid: point \(point) outside 0..<\(count)")
        var rest = point
        var values: [String] = []
        for axis in axes.reversed() {
            values.append(axis.values[rest % axis.values.count])
            rest /= axis.values.count
        }
        return values.reversed()
    }
}
