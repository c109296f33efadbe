/// Formats a number for planner-facing text: whole numbers without a decimal point
/// (`5`, not `5.0`), every other value in Swift's shortest round-trip form (`0.1`, `1e+20`,
/// `nan`, `inf`).
public func plannerNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return String(describing: value)
}
