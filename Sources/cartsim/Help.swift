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
      compare A B         Compare two scenarios with common random numbers (paired intervals)
      sweep SCENARIO      Run a grid of values of scenario keys (--set PATH=V1,V2,...)
      plan SCENARIO       Find the smallest capacity that meets a KPI target with 95 % confidence
      optimise SCENARIO   Choose several capacities at once: best objective under 95 % constraints
      sensitivity SCENARIO  Perturb each input ± a percentage; rank inputs by their effect on KPIs
      report RESULTS_DIR  Write report.html (charts and tables) into a results folder
      export RESULTS_DIR  Write results.xlsx (one sheet per table) into a run's results folder
      verify RESULTS_DIR  Rerun a traced run (run --trace K) and compare it event by event
      completion SHELL    Print a completion script for bash or zsh (see cartsim help completion)

    OPTIONS:
      -h, --help          Show help (also: cartsim <command> --help, cartsim help <command>)
      --version           Show the version

    Options take their value as the next argument or after '=' (--replications=20); after
    '--' every argument is a file or folder, even one that starts with '-'.

    Scenario files are YAML (or JSON); Scenarios/README.md documents every key.
    Exit status: 0 success, 1 the run failed, 2 bad input or usage.
    """

    static let completion = """
    USAGE: cartsim completion bash|zsh

    Prints a script that completes cartsim's commands, their options and file names.

      bash: source <(cartsim completion bash)       (or save it in
            /etc/bash_completion.d/cartsim)
      zsh:  cartsim completion zsh > "${fpath[1]}/_cartsim"   then restart zsh
    """

    static let run = """
    USAGE: cartsim run SCENARIO [options]

    Simulates SCENARIO and writes patients.csv, stages.csv, resources.csv,
    timeseries.csv, replications.csv, summary.csv and run.json into
    Results/<scenario name>/ (or --out DIR). Files are written to a temporary
    folder and moved into place only when complete. The folder may replace only
    earlier results of cartsim's (it holds nothing but the files its run.json
    lists); any other file or folder there is refused (exit status 2) before
    anything runs, and stderr says when earlier results are replaced.

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
                          Results/<name>-shards/shard-K; combine with cartsim merge
      --initial-state CSV Start from a pipeline snapshot: the patients in flight at the
                          scenario's start_date (columns: Scenarios/README.md, "Starting from
                          today's pipeline"); no warm-up unless --warmup; writes forecast.csv
      --start DATE        Start the run on DATE (YYYY-MM-DD) instead of the scenario's start_date:
                          today, for a run from today's pipeline
      --snapshot-at DAYS  Also write pipeline.csv: the first replication's patients in flight
                          at that day (e.g. 180d), in the format --initial-state reads
      --out DIR           Output folder (default Results/<scenario name>)
      --quiet             Print nothing on success (no progress line either)
      --report            Also write report.html into the output folder (see cartsim report)
      --xlsx              Also write results.xlsx into the output folder (see cartsim export)
      --trace K           Also write events.csv: every step of every patient of the first K
                          replications, in simulation order (see cartsim verify)
      --trace-limit N     The most rows events.csv may hold (default 1000000); run.json
                          says whether events were left out
      -h, --help          Show this help

    On a terminal a progress line (done/total, elapsed, ETA) is redrawn on stderr.
    Ctrl-C stops after the replications in progress: completed ones are written, run.json
    says complete: false, exit status 130. SIGTERM and SIGHUP do the same (exit 143, 129);
    a second signal ends at once, writing nothing.
    """

    static let merge = """
    USAGE: cartsim merge SHARD_DIR... --out DIR

    Combines the folders written by `cartsim run SCENARIO --shard K/N` for K = 1...N into
    the files of one unsharded run (replications.csv and summary.csv byte for byte).
    All shards must be complete and come from the same scenario file and seed.
    DIR must be new, empty or earlier results of cartsim's, and not a shard folder.
    """

    static let validate = """
    USAGE: cartsim validate [--quiet] FILE...

    Loads each scenario file and prints every error as
    file:line:column: field.path: message
    or, for a valid file, a one-line summary (nothing with --quiet). Exit status 2 if any
    file is invalid.
    """

    static let compare = """
    USAGE: cartsim compare A.yaml B.yaml [options]
           cartsim compare A.yaml --set-b PATH=VALUE [--set-b ...] [options]

    Runs A and B with the same seed (A's unless --seed) and the same replication
    indices, so that replication i of both draws the same random numbers for the
    inputs they share (common random numbers). For each KPI both have, compare.csv
    gives the means, the paired difference B - A with its 95 % Student-t interval,
    the unpaired (Welch) half-width for comparison, and whether the interval
    excludes 0. Also writes summary_a.csv, summary_b.csv and run.json into
    Results/compare-<A name>-vs-<B name>/ (or --out DIR), which, as for run, may
    replace only earlier results of cartsim's. With --set-b, B is B.yaml (or A.yaml
    when only one file is given) with these overrides, as for sweep's --set: one
    value each, e.g. a stress variant of A,
      --set-b 'sites.plant.stock.vector.disruptions=[{from: 26w, for: 12w}]'.

    OPTIONS:
      --set-b PATH=VALUE  Override a value of B (repeatable; a later one on the same PATH wins)
      --replications N    Replications of each scenario, at least 2 (default: A's)
      --seed N            Seed of both (default: A's)
      --jobs N            Replications run in parallel (default: all cores)
      --out DIR           Output folder
      --quiet             Print nothing on success (no progress line either)
      --report            Also write report.html into the folder
      -h, --help          Show this help

    Ctrl-C (or SIGTERM, SIGHUP) stops after the replications in progress and writes
    the replications both scenarios finished (run.json: complete false); a second
    signal ends at once, writing nothing.
    """

    /// The options `sweep` and `plan` share (the first line goes after the help text's
    /// own indentation).
    private static let pointOptions = [
        "--replications N    Replications per point, at least 2 (default: the scenario's)",
        "  --seed N            Seed of every point (default: the scenario's)",
        "  --jobs N            Replications run in parallel (default: all cores)",
        "  --out DIR           Output folder",
        "  --quiet             Print nothing on success (no progress line either)",
        "  --report            Also write report.html into the folder",
        "  -h, --help          Show this help",
        "",
        "Ctrl-C (or SIGTERM, SIGHUP) stops after the replications in progress and writes the",
        "points finished (run.json: complete false); a second signal ends at once.",
    ].joined(separator: "\n")

    static let sweep = """
    USAGE: cartsim sweep SCENARIO --set PATH=V1,V2,... [--set PATH=...] [options]

    Runs every combination of the values (a full grid; points numbered from 0, the
    last --set varying fastest), each point with the same seed and replication
    indices (common random numbers), and writes sweep.csv (one row per point and
    KPI: mean and 95 % interval) and run.json into Results/<scenario name>-sweep/
    (or --out DIR). Every point is checked before anything runs: a bad path or
    value is reported like a scenario error (exit status 2, no folder).

    PATH addresses a key written in the scenario file: dots through mappings, [i]
    for list items (sites.plant-west.suites, simulation.horizon, lanes[0].transit).
    Each value is YAML (12, 30min, {triangular: [1d, 2d, 3d]}); values are
    separated by commas outside brackets, braces and quotes.

    OPTIONS:
      --set PATH=V1,...   A key and its values (repeatable)
      \(pointOptions)
    """

    static let plan = """
    USAGE: cartsim plan SCENARIO --vary PATH --min A --max B --target 'KPI<=VALUE' [options]

    Finds the smallest integer value of PATH (a capacity, e.g. sites.plant-west.suites)
    in A...B for which the target holds with 95 % confidence: for KPI<=VALUE the upper
    bound of the KPI's 95 % interval is at most VALUE, for KPI>=VALUE the lower bound
    is at least VALUE. Bisection, assuming more capacity never makes the KPI worse;
    every point runs with the same seed and replication indices (common random
    numbers). Writes plan.csv (every evaluated point, in evaluation order) and
    run.json (the answer) into Results/<scenario name>-plan/ (or --out DIR). When
    even B fails, the answer is none (null in run.json) and the exit status is 0.

    OPTIONS:
      --vary PATH         The key to vary (see cartsim sweep --help for PATH)
      --min A, --max B    The range of values, integers
      --target T          KPI<=VALUE or KPI>=VALUE, KPI as in summary.csv
      \(pointOptions)
    """

    static let report = """
    USAGE: cartsim report RESULTS_DIR

    Writes RESULTS_DIR/report.html from the files already there and prints its path:
    for a run (or merged shards) the headline KPIs with 95 % intervals, where the days
    go for the median and p90 patient, the vein-to-vein distribution, the patient
    funnel, breakdowns by product, indication, centre and plant, where patients wait
    (stages ranked by waiting, with causes and what the slowest 10 % wait for),
    resources, the network map and weekly series; for a compare folder its paired
    differences, for a sweep each KPI against the swept values (one line per value of
    a second path), for a plan the target KPI and a chart zoomed on the answer. One
    self-contained file (inline SVG and CSS, no script, nothing fetched), readable
    offline and printable (every chart's numbers table prints).
    A missing or malformed file is named on stderr, exit status 2; so is a
    report.html there that cartsim did not write (it is never overwritten).
    """

    static let export = """
    USAGE: cartsim export RESULTS_DIR

    Writes RESULTS_DIR/results.xlsx from the files of a run's results folder (cartsim
    run, or merged shards) and prints its path: a sheet 'about' (scenario, seed,
    replications, from run.json), then one sheet per table there — summary, breakdowns,
    resources, stages, time series, replications — with the CSV file's columns and
    values: numbers as numbers, dates as dates, the unit in each heading ('wait_p90
    (days)') and a 'unit' column after 'kpi'; the header row bold, frozen and filtered.
    patients.csv and events.csv are left out. The file is written to a temporary file
    and renamed into place. A folder that is not a run's (compare, sweep, plan, ... —
    their CSV files open in a spreadsheet as they are), a missing or malformed file, or
    a results.xlsx there that cartsim did not write (or that was saved again since: it
    is never overwritten) is named on stderr, exit status 2.
    """

    static let optimise = """
    USAGE: cartsim optimise SCENARIO --var PATH=MIN..MAX[:STEP][@UNIT_COST]...
                            (--minimise KPI|decisions | --maximise KPI)
                            [--constraint 'KPI<=VALUE']... [options]

    Searches every combination of the decision variables (scenario keys with whole-number
    values, e.g. sites.plant-west.suites=10..20:2) for the point with the best objective
    among those meeting every constraint with 95 % confidence (the whole 95 % interval on
    the right side, as in plan). The objective is a KPI's mean (e.g. vein_to_vein_p90_days,
    or a cost KPI), or 'decisions': the sum of unit cost × value of the variables (unit
    cost 1 unless given after '@'). Every point runs the same replications (common random
    numbers). All points are screened with --replications (default the scenario's); then
    only the points still in the race get twice the replications, round after round, up to
    --max-replications (default 8 × the screening), until the best is separated from the
    rest: a point leaves the race when a constraint is violated with 95 % confidence, or
    when its objective is worse than the best's by a paired interval at 1 − 0.05/(k − 1)
    (Bonferroni over the k points in the race). At most 2000 points.
    Writes optimise.csv (every point: values, decision cost, replications, status —
    chosen, contender, tie, worse, infeasible — and when it was decided, the intervals of
    every KPI used, each constraint met yes/no/undecided, and the cost-versus-target
    frontier on the first constraint) and run.json (problem, rounds, chosen, separated).
    Ctrl-C, SIGTERM or SIGHUP stop after the point in progress and write what was
    evaluated (complete: false, exit status 130, 143, 129).

    OPTIONS:
      --var PATH=MIN..MAX[:STEP][@UNIT_COST]  A decision variable (repeatable; PATH as in sweep)
      --minimise KPI|decisions, --maximise KPI  The objective (one)
      --constraint 'KPI<=VALUE' or 'KPI>=VALUE'  Must hold with 95 % confidence (repeatable)
      --max-replications N  The most replications any point gets
      \(pointOptions)
    """

    static let sensitivity = """
    USAGE: cartsim sensitivity SCENARIO [--input PATH[=LOW,HIGH]]... [--change PERCENT]
                               [--kpi KPI]... [options]

    One-at-a-time sensitivity: each input is set low and high — by default ± 20 % of its
    value in the file (--change), or the two values given as PATH=LOW,HIGH — with every
    other input as in the file, and run with the base scenario's replications and seed
    (common random numbers). Each KPI's change from the base is a paired 95 % interval.
    Without --input, every number of the file outside simulation and calendars is an
    input (capacities stay whole and move by at least 1), and every distribution is scaled
    as a whole (its shape kept). Inputs are ranked by the swing of the first --kpi (default:
    vein_to_vein_p90_days, not_infused_fraction, infusions_per_year, and total_cost when
    the scenario has costs). A variant that does not validate is skipped and listed in
    run.json. Writes sensitivity.csv (rank, input, base_value, side, value, kpi,
    base_mean, variant_mean, effect_mean, effect_ci95_low, effect_ci95_high,
    significant, replications) and run.json; cartsim report draws the tornado chart.
    Ctrl-C, SIGTERM or SIGHUP stop after the variant in progress and write the inputs done
    (complete: false, exit status 130, 143, 129).

    OPTIONS:
      --input PATH[=LOW,HIGH]  An input to perturb (repeatable; PATH as in sweep)
      --change PERCENT         The relative change of inputs given without values (default 20%)
      --kpi KPI                A KPI to report (repeatable); the first ranks the inputs
      \(pointOptions)
    """

    static let verify = """
    USAGE: cartsim verify RESULTS_DIR [--scenario FILE]

    Reruns the replications traced into RESULTS_DIR/events.csv (cartsim run --trace K)
    with the scenario, seed and warm-up recorded in its run.json, and compares the
    rerun with the file event by event. Prints "verified: ..." when every event is
    reproduced (exit status 0), or the first event that differs — line, column, both
    rows — (exit status 1). Use it to check that a new cartsim, or an edit meant to
    change nothing, behaves exactly as before.

    OPTIONS:
      --scenario FILE     The scenario to rerun (default: run.json's scenario_file, as
                          given to run, relative to the current folder); a note says when
                          it is not the file that was traced
    """

    /// The help of command `name` (`cartsim help run`), nil for an unknown command.
    static func printTopLevel(to handle: FileHandle) -> Int32 {
        handle.write(Data((topLevel + "\n").utf8))
        return handle === FileHandle.standardError ? 2 : 0
    }
}
