/// A decoded item of a named section (a product, a site...) with the entry it was read from,
/// so that checks made after decoding can point at its text.
struct Decoded<Spec> {
    let spec: Spec
    let entry: NamedEntry

    var name: String { entry.name }

    /// Reports a problem at the field `keys` of the entry (`"apheresis", "chairs"`), or at the
    /// entry's name when no key is given or the field was not written (it took its default).
    func report(_ message: String, at keys: String...) {
        report(message, atPath: keys)
    }

    func report(_ message: String, atPath keys: [String]) {
        var field: NodeReader? = keys.isEmpty ? nil : entry.value
        for key in keys { field = field?.child(key) }
        if let field { field.report(message) } else { entry.report(message) }
    }
}
