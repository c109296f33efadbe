/// The stages of the pathway a patient can be in, in order. Manufacturing steps are
/// product-specific and reported under their own names in `stages.csv`; while a batch is
/// in its suite the patient is in `.manufacturing`.
public enum Stage: String, CaseIterable, Sendable {
    case consult
    case apheresis
    case freezing
    case shippingToPlant = "shipping_to_plant"
    case intake
    case suiteQueue = "suite_queue"
    case manufacturing
    case qcTesting = "qc_testing"
    case qaRelease = "qa_release"
    case shippingToCentre = "shipping_to_centre"
    case storage
    case lymphodepletion
    case infusion
    case postInfusion = "post_infusion"
}
