/// Each product a centre uses is made where the centre sends it.
extension SemanticChecks {
    /// The plant a centre's product is assigned to makes that product (its `products`), and a
    /// centre of a plant that allocates slots sends every product there (the waitlist is for
    /// that plant's slots).
    func checkProductRouting() {
        let plants = Dictionary(draft.sites.plants.map { ($0.name, $0.spec) }, uniquingKeysWith: { first, _ in first })
        for demand in demands {
            let spec = demand.centre.spec
            for product in demand.products {
                let plant = spec.plant(for: product.name)
                if let made = plants[plant], !made.makes(product.name) {
                    let key = spec.plantByProduct[product.name] != nil ? ["plant_by_product", product.name] : ["plant"]
                    demand.centre.report("plant '\(plant)' does not make product '\(product.name)' (its products: "
                                         + "\(made.products?.joined(separator: ", ") ?? "")); route the product to a "
                                         + "plant that makes it with plant_by_product", atPath: key)
                }
            }
            if !spec.plantByProduct.isEmpty, plants[spec.plant]?.slots != nil {
                demand.centre.report("the centre's waitlist is for the slots of plant '\(spec.plant)', so all its products "
                                     + "are made there; plant_by_product is not supported with slots", at: "plant_by_product")
            }
        }
        guard draft.routing == .shortestExpectedWait else { return }
        for product in draft.products where !draft.sites.plants.contains(where: { $0.spec.makes(product.name) }) {
            product.entry.report("no plant makes product '\(product.name)'")
        }
    }
}
