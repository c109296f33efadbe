/// Every name a scenario file defines (products, indications, calendars, sites and their
/// kinds), read from the keys before any entry is decoded.
///
/// References are checked against it as they are read, so a reference to an item that is
/// defined but has problems of its own is not reported as unknown.
struct NameTable {
    /// The calendar every file has without defining it: open around the clock.
    static let builtInCalendar = "always"

    let products: [String]
    let indications: [String]
    /// Defined calendars, the built-in `always` first.
    let calendars: [String]
    /// Every site name, in file order.
    let sites: [String]
    /// The site names as a set, for O(1) membership.
    private let siteSet: Set<String>
    /// The kind of each site whose `kind` is valid (sites with a missing or unknown kind,
    /// reported by the sites section, are absent).
    let siteKinds: [String: SiteKind]

    /// Reads the names under the top-level mapping `top`, reporting nothing.
    init(top: NodeReader) {
        products = top.child("products")?.keys ?? []
        indications = top.child("indications")?.keys ?? []
        calendars = [Self.builtInCalendar]
            + (top.child("calendars")?.keys ?? []).filter { $0 != Self.builtInCalendar }
        let sitesReader = top.child("sites")
        sites = sitesReader?.keys ?? []
        siteSet = Set(sites)
        var kinds: [String: SiteKind] = [:], seen: Set<String> = []
        if case .mapping(let entries)? = sitesReader?.node.kind {
            // The first entry of each name counts, as for `child`; one pass, not one search per site.
            for entry in entries where seen.insert(entry.key).inserted && !entry.value.isNull {
                let site = NodeReader(node: entry.value, path: "", sink: top.sink)
                if let text = site.child("kind")?.node.scalar, let kind = SiteKind(rawValue: text) {
                    kinds[entry.key] = kind
                }
            }
        }
        siteKinds = kinds
    }

    /// Whether the file defines a site called `name`. O(1).
    func isSite(_ name: String) -> Bool {
        siteSet.contains(name)
    }

    /// The sites of `kind`, in file order.
    func sites(of kind: SiteKind) -> [String] {
        sites.filter { siteKinds[$0] == kind }
    }
}
