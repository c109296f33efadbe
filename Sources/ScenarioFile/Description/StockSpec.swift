import SimKernel
import SimRandom

/// A consumable a plant keeps in stock (lentiviral vector, reagent kits): batches take it
/// when they start, deliveries replenish it (reference: `Scenarios/README.md`, "Stock").
public struct StockItemSpec: Sendable {
    /// The item's name, e.g. `vector`; the stock is `<plant>.<name>` in outputs.
    public var name: String
    /// The products whose batches take it; nil: every product.
    public var products: [String]?
    /// Units a batch takes (reserved when the batch queues for a suite, used when it starts).
    public var perBatch: Int
    /// Units on hand at the start of the run.
    public var initial: Int
    public var replenishment: Replenishment
    /// Time from an order (or a scheduled dispatch) to its delivery (seconds); nil: none.
    public var leadTime: Distribution?
    /// Probability that a delivered lot fails its release and is discarded.
    public var releaseFailure: Double
    /// Windows without deliveries: a delivery due in one arrives at its end.
    public var disruptions: [TimeWindow]

    /// How the stock is replenished.
    public enum Replenishment: Sendable, Equatable {
        /// Continuous review: whenever the stock position (on hand + on order − units batches
        /// wait for) is at or below `point`, order `quantity`.
        case reorder(point: Int, quantity: Int)
        /// A fixed schedule: `quantity` dispatched every `every` seconds from `from`.
        case schedule(every: SimTime, quantity: Int, from: SimTime)
    }

    public init(name: String, products: [String]?, perBatch: Int, initial: Int, replenishment: Replenishment,
                leadTime: Distribution?, releaseFailure: Double, disruptions: [TimeWindow]) {
        self.name = name
        self.products = products
        self.perBatch = perBatch
        self.initial = initial
        self.replenishment = replenishment
        self.leadTime = leadTime
        self.releaseFailure = releaseFailure
        self.disruptions = disruptions
    }

    /// Whether a batch of `product` takes this item.
    public func isTaken(by product: String) -> Bool { products.map { $0.contains(product) } ?? true }
}
