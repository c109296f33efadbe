/// The documented columns of every output file (see README.md, "Outputs").
enum OutputContract {
    static let milestones = ["apheresis_start_day", "apheresis_end_day", "departure_to_hub_day", "hub_arrival_day",
                             "freezing_end_day", "departure_to_plant_day",
                             "plant_arrival_day", "suite_start_day", "manufacturing_end_day", "qc_end_day",
                             "release_day", "departure_to_centre_day", "centre_arrival_day",
                             "lymphodepletion_start_day", "infusion_day", "discharge_day"]
    static let patients = ["replication", "patient_id", "centre", "indication", "product", "plant", "hub",
                           "referral_date", "referral_day", "first_apheresis_start_day"] + milestones
        + ["outcome", "outcome_day", "dropout_stage", "out_of_spec_infused", "collections", "manufacturing_attempts", "bridged",
           "vein_to_vein_days", "in_warmup"]
    static let stages = ["stage", "observations_per_replication", "waiting_mean_days", "waiting_p90_days",
                         "working_mean_days", "working_p90_days", "total_mean_days"]
    static let resources = ["resource", "site", "pool", "capacity", "utilization", "utilization_ci95_half_width", "queue_length_mean",
                            "grants_per_replication", "wait_mean_days", "wait_p90_days", "wait_max_days"]
    static let timeseries = ["week", "week_start_date", "in_warmup", "referrals_mean", "collections_mean",
                             "releases_mean", "infusions_mean", "infusions_p5", "infusions_p95", "dropouts_mean",
                             "work_in_progress_mean", "work_in_progress_p5", "work_in_progress_p95"]
    /// The columns `timeseries.csv` adds where a plant allocates slots.
    static let waitlistSeries = ["waitlist_mean", "waitlist_p5", "waitlist_p95"]
    /// The weekly stock of one item (`plant_ghent_vector`) in `timeseries.csv`.
    static func stockSeries(_ item: String) -> [String] { ["stock_\(item)_mean", "stock_\(item)_p5", "stock_\(item)_p95"] }
    static let summary = ["kpi", "mean", "sd", "ci95_low", "ci95_high", "ci95_half_width", "min", "max",
                          "replications"]
    static let replicationsLeading = ["replication", "seed", "events", "patients_simulated"]
    /// KPIs every run reports (resource KPIs follow, named after the resources).
    static let kpis = ["patients_referred", "patients_infused", "patients_not_infused",
                       "patients_in_process_at_horizon", "patients_unfinished", "collections_in_window",
                       "releases_in_window", "infusions_in_window", "infusions_per_year", "vein_to_vein_mean_days",
                       "vein_to_vein_p50_days", "vein_to_vein_p90_days", "vein_to_vein_p95_days",
                       "apheresis_to_release_mean_days", "apheresis_to_release_p50_days",
                       "apheresis_to_release_p90_days", "lymphodepletion_to_infusion_mean_days", "lymphodepletion_to_infusion_p90_days", "referral_to_infusion_mean_days",
                       "referral_to_infusion_p50_days", "time_in_pathway_mean_days", "post_infusion_stay_p50_days",
                       "work_in_progress_mean", "not_infused_fraction", "not_infused_after_apheresis_fraction", "dropout_fraction", "manufacturing_failure_fraction",
                       "material_lost_fraction", "out_of_spec_infused_fraction", "lymphodepletion_repeated_fraction", "out_of_spec_rate",
                       "out_of_spec_dose_rate", "out_of_spec_other_rate", "lots_decided_in_window", "material_losses_in_window", "recollections_in_window"]
}
