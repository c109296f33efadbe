import SimKernel
import SimRandom

/// A site of `kind: centre`: referrals, indication mix, apheresis, optional
/// cryopreservation, its plant, and the beds for infusion.
enum CentreSection {
    static let keys = SitesSection.allowedKeys([
        "referrals", "onboarding", "indication_mix", "referral_to_apheresis", "apheresis", "cryopreservation", "plant",
        "lymphodepletion_scheduling", "beds", "post_infusion_stay", "icu_probability", "icu_stay",
        CapacityChangesSection.key, "plant_by_product",
    ])
    static let apheresisKeys = ["chairs", "calendar", "duration", "repeat_probability", "may_run_over"]
    static let cryopreservationKeys = ["hub"] + FreezerFields.keys

    static let defaultApheresisDuration = Distribution.fixedDuration(4 * Ticks.hour)
    static let defaultBeds = 1000
    static let defaultPostInfusionStay = Distribution.fixedDuration(14 * Ticks.day)
    /// How far from 1 the shares of an indication mix may sum.
    static let shareTolerance = 1e-9

    static func read(_ entry: NamedEntry, names: NameTable) -> CentreSpec? {
        guard let centre = entry.value.mapping(allowedKeys: keys) else { return nil }
        let onboarding = centre.optional("onboarding").map { $0.duration() }
        let referrals = centre.required("referrals").flatMap(ReferralSchedule.read)
            .map { periods in (onboarding ?? nil).map { ReferralSchedule.starting(periods, at: $0) } ?? periods }
        let mix = readMix(centre, names: names)
        let toApheresis = centre.optional("referral_to_apheresis")?.distribution(of: .duration) ?? .fixedDuration(0)
        let apheresis = centre.required("apheresis")?.mapping(allowedKeys: apheresisKeys)
        let chairs = apheresis?.required("chairs")?.capacity()
        let apheresisCalendar = apheresis?.calendar("calendar", names: names)
        let apheresisDuration = apheresis?.optional("duration")?.distribution(of: .duration)
            ?? defaultApheresisDuration
        let repeatProbability = apheresis?.optional("repeat_probability")?.probability() ?? 0
        let mayRunOver = apheresis?.optional("may_run_over")?.bool() ?? false
        let cryopreservation = centre.optional("cryopreservation").map { readCryopreservation($0, names: names) }
            ?? Cryopreservation(hub: nil, freezer: nil)
        let plant = centre.required("plant")?.site(of: .plant, in: names)
        let byProductReader = centre.optional("plant_by_product")
        let byProduct = byProductReader.flatMap { reader in
            reader.namedEntries { entry -> (String, String)? in
                guard names.products.contains(entry.name) else {
                    entry.report("unknown product '\(entry.name)'; the products are \(names.products.joined(separator: ", "))")
                    return nil
                }
                return entry.value.site(of: .plant, in: names).map { (entry.name, $0) }
            }
        }
        let scheduling = centre.optional("lymphodepletion_scheduling")?.distribution(of: .duration)
            ?? .fixedDuration(0)
        let beds = centre.optional("beds")?.capacity() ?? defaultBeds
        let stay = centre.optional("post_infusion_stay")?.distribution(of: .duration) ?? defaultPostInfusionStay
        let icuProbability = centre.optional("icu_probability")?.probability() ?? 0
        let icuStay = centre.optional("icu_stay")?.distribution(of: .duration) ?? .fixedDuration(0)
        let changesReader = centre.optional(CapacityChangesSection.key)
        let changes = changesReader.flatMap { CapacityChangesSection.read($0, pools: [.chairs, .beds]) }
        guard onboarding.map({ $0 != nil }) ?? true, changesReader == nil || changes != nil,
              byProductReader == nil || byProduct != nil, let referrals, let mix, let chairs, let apheresisCalendar, let cryopreservation, let plant
        else { return nil }
        var spec = CentreSpec(
            name: entry.name, referrals: referrals, indicationMix: mix, referralToApheresis: toApheresis,
            apheresisChairs: chairs, apheresisCalendar: apheresisCalendar, apheresisDuration: apheresisDuration,
            repeatCollectionProbability: repeatProbability, cryopreservationHub: cryopreservation.hub,
            freezer: cryopreservation.freezer, plant: plant, lymphodepletionScheduling: scheduling, beds: beds,
            postInfusionStay: stay, icuProbability: icuProbability, icuStay: icuStay)
        spec.apheresisMayRunOver = mayRunOver
        spec.capacityChanges = changes ?? []
        spec.plantByProduct = Dictionary(byProduct ?? [], uniquingKeysWith: { first, _ in first })
        return spec
    }

    /// `indication_mix`: indication names and shares (0 … 1) summing to 1. Required unless
    /// the scenario has exactly one indication, which then gets share 1.
    private static func readMix(_ centre: MappingReader,
                                names: NameTable) -> [(indication: String, share: Double)]? {
        guard let reader = centre.optional("indication_mix") else {
            if names.indications.count == 1 { return [(names.indications[0], 1)] }
            if names.indications.count > 1 {
                centre.reader.report("missing required key 'indication_mix' (the scenario has several indications: "
                    + "\(names.indications.joined(separator: ", ")))")
            }
            return nil
        }
        guard let entries = reader.namedEntries() else { return nil }
        let mix = entries.map { entry -> (indication: String, share: Double)? in
            let share = entry.value.double(in: 0...1)
            guard names.indications.contains(entry.name) else {
                reader.sink.report(NodeReader.unknown("indication", entry.name, among: names.indications),
                                   at: entry.nameLocation, path: reader.path)
                return nil
            }
            return share.map { (entry.name, $0) }
        }.allOrNone()
        guard let mix else { return nil }
        let sum = mix.reduce(0) { $0 + $1.share }
        guard abs(sum - 1) <= shareTolerance else {
            let shown = Units.format((sum * 1e9).rounded() / 1e9)
            reader.report("indication shares sum to \(shown); expected 1")
            return nil
        }
        return mix
    }

    /// Where a centre freezes cryopreserved starting material: at a hub, at its own freezer,
    /// or (neither) nowhere.
    private struct Cryopreservation {
        var hub: String?
        var freezer: FreezerSpec?
    }

    /// `cryopreservation`: `{hub: name}` to freeze at a hub, or the fields of a freezer at
    /// the centre; not both.
    private static func readCryopreservation(_ reader: NodeReader, names: NameTable) -> Cryopreservation? {
        guard let cryopreservation = reader.mapping(allowedKeys: cryopreservationKeys) else { return nil }
        guard let hubReader = cryopreservation.optional("hub") else {
            return FreezerFields.read(cryopreservation, names: names).map { Cryopreservation(hub: nil, freezer: $0) }
        }
        guard !FreezerFields.keys.contains(where: cryopreservation.contains) else {
            let fields = FreezerFields.keys.joined(separator: ", ")
            reader.report("give either 'hub' or the centre's own freezers (\(fields)), not both")
            return nil
        }
        return hubReader.site(of: .hub, in: names).map { Cryopreservation(hub: $0, freezer: nil) }
    }
}
