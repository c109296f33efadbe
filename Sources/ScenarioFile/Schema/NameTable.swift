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
        var kinds: [String: SiteKind] = [:]
        for site in sites {
            if let text = sitesReader?.child(site, "kind")?.node.scalar, let kind = SiteKind(rawValue: text) {
                kinds[site] = kind
            }
        }
        siteKinds = kinds
    }

    /// The sites of `kind`, in file order.
    func sites(of kind: SiteKind) -> [String] {
        sites.filter { siteKinds[$0] == kind }
    }
}
