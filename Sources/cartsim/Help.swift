import Foundation

/// Help texts of every command.
enum Help {
    static let topLevel = """
    cartsim — discrete-event simulator of the CAR-T vein-to-vein supply chain

    USAGE: cartsim <command> [options]

    COMMANDS:
      run SCENARIO        Simulate a scenario file and write CSV results
      validate FILE...    Check scenario files; print every error, or a one-line summary
      merge SHARD_DIR...  Combine the folders of a sharded run (run --shard K/N) into one

    OPTIONS:
      -h, --help          Show help (also: cartsim <command> --help)
      --version           Show the version

    Scenario files are YAML (or JSON); Scenarios/README.md documents every key.
    Exit status: 0 success, 1 the run failed, 2 bad input or usage.
    """

    static let run = """
    USAGE: cartsim run SCENARIO [options]

    Simulates SCENARIO and writes patients.csv, stages.csv, resources.csv,
    timeseries.csv, replications.csv, summary.csv and run.json into
    Results/<scenario name>/ (or --out DIR). Files are written to a temporary
    folder and moved into place only when complete.

    OPTIONS:
      --replications N    Number of replications (default: the scenario's)
      --seed N            Scenario seed (default: the scenario's); streams derive from
                          (seed, replication, input name), so variants share random numbers
      --warmup DURATION   Warm-up excluded from statistics, e.g. 13w or 90d
                          (default: the scenario's)
      --jobs N            Replications run in parallel (default: all cores); results
                          are identical for any N
      --patients K|all    Write patients.csv for the first K replications (default 1)
      --precision KPI=HW  Keep adding replications until the KPI's 95 % half-width is at
                          most HW (repeatable); starts from --replications, stops at
                          --max-replications; run.json says whether the targets were met
      --max-replications N  Upper limit for --precision runs (default 1000)
      --shard K/N         Run only shard K of N (replications i with i mod N = K-1) into
                          Results/<name>/shards/K-of-N; combine with cartsim merge
      --out DIR           Output folder (default Results/<scenario name>)
      --quiet             Print nothing on success (no progress line either)
      -h, --help          Show this help

    On a terminal a progress line (done/total, elapsed, ETA) is redrawn on stderr.
    Ctrl-C stops after the replications in progress: completed ones are written, run.json
    says complete: false, exit status 130.
    """

    static let merge = """
    USAGE: cartsim merge SHARD_DIR... --out DIR

    Combines the folders written by `cartsim run SCENARIO --shard K/N` for K = 1...N into
    the files of one unsharded run (replications.csv and summary.csv byte for byte).
    All shards must be complete and come from the same scenario file and seed.
    """

    static let validate = """
    USAGE: cartsim validate FILE...

    Loads each scenario file and prints every error as
    file:line:column: field.path: message
    or, for a valid file, a one-line summary. Exit status 2 if any file is invalid.
    """

    static func printTopLevel(to handle: FileHandle) -> Int32 {
        handle.write(Data((topLevel + "\n").utf8))
        return handle === FileHandle.standardError ? 2 : 0
    }
}
