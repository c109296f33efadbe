import SimKernel
import SimRandom
import ScenarioFile

/// A treatment centre during one replication: its resources and random inputs.
struct CentreRuntime {
    let spec: CentreSpec
    let chairs: Resource
    let freezer: Resource?
    let beds: Resource
    let referralInterval: RandomStream
    let indicationChoice: WeightedChoice
    let indicationStream: RandomStream
    let consult: RandomInput
    let apheresis: RandomInput
    let repeatCollection: RandomEvent
    let freezing: RandomInput?
    let lymphodepletionScheduling: RandomInput
    let postInfusionStay: RandomInput
    let icu: RandomEvent
    let icuStay: RandomInput
}

/// A manufacturing plant during one replication.
struct PlantRuntime {
    let spec: PlantSpec
    let suites: Resource
    let qcLab: Resource
    let qaCalendar: WorkCalendar
    let intake: RandomInput
}

/// A cryopreservation hub during one replication.
struct HubRuntime {
    let spec: HubSpec
    let freezer: Resource
    let freezing: RandomInput
}

/// A courier lane during one replication.
struct LaneRuntime {
    let spec: LaneSpec
    let schedule: CourierSchedule
    let transit: RandomInput
    let loss: RandomEvent
}

/// A product's process during one replication.
struct ProductRuntime {
    let spec: ProductSpec
    let steps: [(stage: Int, duration: RandomInput)]
    let qc: RandomInput
    let qaWork: RandomInput
    let cellsCollected: RandomInput
    let transductionEfficiency: RandomInput
    let expansionFold: RandomInput
    let residualFailure: RandomEvent
    let exceptionInfusion: RandomEvent
    let remanufacture: RandomEvent
    let recollect: RandomEvent
}

/// An indication during one replication.
struct IndicationRuntime {
    let spec: IndicationSpec
    let product: Int
    let timeToDropout: RandomInput?
    let bridging: RandomEvent
}
