/// The stages of the pathway a patient can be in, in order. Manufacturing steps are
/// product-specific and reported under their own names in `stages.csv`; while a batch is
/// in its suite the patient is in `.manufacturing`. `.waitlist` (waiting for a manufacturing
/// slot, then its lead time) exists only where a plant allocates slots.
public enum Stage: Int, CaseIterable, Sendable {
    case consult, waitlist, apheresis, freezing, shippingToPlant, intake, suiteQueue, manufacturing, qcTesting, qaRelease,
         shippingToCentre, storage, lymphodepletion, infusion, postInfusion

    /// The stage's name in outputs (`stages.csv`, `dropout_<name>_fraction`).
    public var name: String {
        switch self {
        case .consult: "consult"
        case .waitlist: "waitlist"
        case .apheresis: "apheresis"
        case .freezing: "freezing"
        case .shippingToPlant: "shipping_to_plant"
        case .intake: "intake"
        case .suiteQueue: "suite_queue"
        case .manufacturing: "manufacturing"
        case .qcTesting: "qc_testing"
        case .qaRelease: "qa_release"
        case .shippingToCentre: "shipping_to_centre"
        case .storage: "storage"
        case .lymphodepletion: "lymphodepletion"
        case .infusion: "infusion"
        case .postInfusion: "post_infusion"
        }
    }
}
