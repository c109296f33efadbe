import Foundation

// cartsim benchmarks: one line per figure. Run with `make bench` (release build) from the
// package root.
func report(_ label: String, _ value: Double, _ unit: String, decimals: Int = 0) {
    let padded = label.padding(toLength: 66, withPad: " ", startingAt: 0)
    print(padded + String(format: " %14.\(decimals)f ", value) + unit)
}

report("kernel hold model (1,000 pending), Exp(1 h) delays, one core",
       KernelBenchmarks.holdModel(delay: .exponential(mean: 3_600)), "events/s")
report("kernel hold model (1,000 pending), U(0, 2 h) delays, one core",
       KernelBenchmarks.holdModel(delay: .uniform(min: 0, max: 7_200)), "events/s")
report("kernel M/M/4 queue with statistics, one core", KernelBenchmarks.mmc(), "events/s")

do {
    let single = try ModelBenchmarks.run(replications: 200, jobs: 1)
    report("axi-cel model, 200 replications, one core", Double(single.events) / single.seconds, "events/s")
    report("axi-cel model, 200 replications, one core", Double(single.patients) / single.seconds, "patients/s")
    let parallel = try ModelBenchmarks.run(replications: 200, jobs: 2)
    report("axi-cel model, speed-up of --jobs 2 over --jobs 1", single.seconds / parallel.seconds, "x", decimals: 2)
    let thousand = try ModelBenchmarks.commandLineRun(replications: 1_000)
    report("cartsim run, 1,000 replications, all cores, wall time", thousand.seconds, "s", decimals: 2)
    report("cartsim run, 1,000 replications, peak resident memory", thousand.peakMB, "MB", decimals: 1)
} catch {
    FileHandle.standardError.write(Data("cartsim-bench: \(error)\n".utf8))
    exit(1)
}
