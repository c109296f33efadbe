import Foundation

/// Closed forms of queueing theory used as test oracles.
enum QueueingFormulas {
    /// Erlang C: probability that an arrival waits in an M/M/c queue with offered load
    /// a = λ/μ (in Erlangs), computed through the numerically stable Erlang B recursion.
    static func erlangC(servers c: Int, offeredLoad a: Double) -> Double {
        var erlangB = 1.0
        for k in 1...c { erlangB = a * erlangB / (Double(k) + a * erlangB) }
        let rho = a / Double(c)
        return erlangB / (1 - rho + rho * erlangB)
    }
}
