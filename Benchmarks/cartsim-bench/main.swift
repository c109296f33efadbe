import Foundation

// cartsim benchmarks: one line per figure. Run with `make bench` (release build).
func report(_ label: String, _ value: Double, _ unit: String) {
    print(String(format: "%-52@ %14.0f %@", label as NSString, value, unit as NSString))
}

report("kernel hold model (1,000 pending), events/s", KernelBenchmarks.holdModel(), "events/s")
report("kernel M/M/4 queue with statistics, events/s", KernelBenchmarks.mmc(), "events/s")
