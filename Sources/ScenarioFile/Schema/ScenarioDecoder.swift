/// Decodes the top level of a scenario file, section by section, into a ``ScenarioDraft``.
///
/// Names defined anywhere in the file are collected first (``NameTable``), so references
/// are checked as they are read whatever the order of the sections.
enum ScenarioDecoder {
    static let keys = ["name", "description", "simulation", "calendars", "routing", "products", "indications",
                       "sites", "lanes", "costs", "demand", ReferralListSection.key]

    static func decode(_ root: NodeReader) -> ScenarioDraft? {
        guard let top = root.mapping(allowedKeys: keys) else { return nil }
        let names = NameTable(top: root)
        let simulation = top.required("simulation").flatMap(SimulationSection.read)
        let originDay = (simulation?.startDate ?? SimulationSection.defaultStartDate).dayNumber
        return ScenarioDraft(
            names: names,
            name: top.required("name").flatMap(readName),
            description: top.optional("description")?.string() ?? "",
            simulation: simulation,
            calendars: CalendarsSection.read(top.optional("calendars"), originDay: originDay),
            routing: top.optional("routing")?.enumeration(RoutingPolicy.self) ?? .assigned,
            products: top.required("products").map(ProductsSection.read) ?? [],
            indications: top.required("indications").map { IndicationsSection.read($0, names: names) } ?? [],
            sites: top.required("sites").map { SitesSection.read($0, names: names) } ?? DecodedSites(),
            lanes: LanesSection.read(top.required("lanes"), names: names, originDay: originDay),
            costs: top.optional("costs").flatMap { CostsSection.read($0, names: names) },
            demand: top.optional("demand").flatMap(DemandSection.read),
            referralList: top.optional(ReferralListSection.key).map {
                ReferralListSection.read($0, names: names, originDay: originDay, horizon: simulation?.horizon)
            })
    }

    /// The scenario's `name`: lower-case letters, digits, `-` and `_`, since it names the
    /// results folder.
    private static func readName(_ reader: NodeReader) -> String? {
        guard let name = reader.string() else { return nil }
        guard !name.isEmpty, name.unicodeScalars.allSatisfy(isNameCharacter) else {
            reader.report("expected a name of lower-case letters, digits, '-' and '_' (it names the results folder), "
                + "got \(reader.node.summary)")
            return nil
        }
        return name
    }

    private static func isNameCharacter(_ character: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(character) || ("0"..."9").contains(character) || character == "-" || character == "_"
    }
}
