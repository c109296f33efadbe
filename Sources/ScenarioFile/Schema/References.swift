/// Reading names that refer to other items of the file (a product, a calendar, a plant),
/// with "did you mean" advice when the name is not defined.
extension NodeReader {
    /// A name that must be among `defined`, e.g. an indication's `product`. Reports
    /// `unknown product 'axi-ce'; did you mean 'axi-cel'?` otherwise.
    ///
    /// - Parameter noun: what the name refers to, singular (`product`, `calendar`).
    func reference(to noun: String, among defined: [String]) -> String? {
        guard let name = string() else { return nil }
        guard defined.contains(name) else {
            report(Self.unknown(noun, name, among: defined))
            return nil
        }
        return name
    }

    /// Any site, e.g. a lane's `from`: reports an unknown name. O(1) per reference.
    func site(in names: NameTable) -> String? {
        guard let name = string() else { return nil }
        guard names.isSite(name) else {
            report(Self.unknown("site", name, among: names.sites))
            return nil
        }
        return name
    }

    /// A site of `kind`, e.g. a centre's `plant`: reports an unknown name, or a site of
    /// another kind (`'hub-east' is a hub, not a plant`). A site whose own kind is invalid is
    /// accepted (its kind is reported where it is written).
    func site(of kind: SiteKind, in names: NameTable) -> String? {
        guard let name = string() else { return nil }
        guard names.isSite(name) else {
            report(Self.unknown(kind.rawValue, name, among: names.sites(of: kind)))
            return nil
        }
        if let actual = names.siteKinds[name], actual != kind {
            report("'\(name)' is a \(actual.rawValue), not a \(kind.rawValue)")
            return nil
        }
        return name
    }

    /// `unknown <noun> '<name>'` followed by the closest defined name, or the defined names,
    /// or that there are none.
    static func unknown(_ noun: String, _ name: String, among defined: [String]) -> String {
        let advice = if let suggestion = Suggestion.closest(to: name, among: defined) {
            "did you mean '\(suggestion)'?"
        } else if defined.isEmpty {
            "no \(noun) is defined"
        } else {
            "defined \(noun)s: \(defined.joined(separator: ", "))"
        }
        return "unknown \(noun) '\(name)'; \(advice)"
    }
}

extension MappingReader {
    /// The calendar named at `key`, or the built-in `always` when the key is not written.
    func calendar(_ key: String, names: NameTable) -> String? {
        guard let reader = optional(key) else { return NameTable.builtInCalendar }
        return reader.reference(to: "calendar", among: names.calendars)
    }
}
