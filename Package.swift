// swift-tools-version:6.0
// cartsim: discrete-event simulator of the autologous CAR-T supply chain.
// Dependency arrows point one way:
//   cartsim → Experiments → CARTModel → ScenarioFile / SimKernel → SimRandom → CGSL / CYAML
//   cartsim → ResultsReport (report.html) / SpreadsheetExport (results.xlsx) → OutputSchema;
//             SpreadsheetExport → CXlsxWriter, SimKernel (calendar dates)
import PackageDescription

/// The event loop, the pathway and the benchmark loops are the hot paths: release builds
/// skip Swift's dynamic exclusivity checks there (debug builds, and so the tests, keep them).
let hotPath: [SwiftSetting] = [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]

let package = Package(
    name: "cartsim",
    products: [
        .executable(name: "cartsim", targets: ["cartsim"]),
        .library(name: "SimKernel", targets: ["SimKernel"]),
        .library(name: "SimRandom", targets: ["SimRandom"]),
    ],
    targets: [
        .systemLibrary(name: "CGSL", pkgConfig: "gsl",
                       providers: [.apt(["libgsl-dev"])]),
        .systemLibrary(name: "CYAML", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CXlsxWriter", pkgConfig: "xlsxwriter",
                       providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "SimKernel", dependencies: ["SimRandom"], swiftSettings: hotPath),
        .target(name: "SimRandom", dependencies: ["CGSL"]),
        .target(name: "ScenarioFile", dependencies: ["CYAML", "SimRandom", "SimKernel", "OutputSchema"]),
        .target(name: "CARTModel", dependencies: ["ScenarioFile", "SimKernel", "SimRandom", "OutputSchema"],
                swiftSettings: hotPath),
        .target(name: "OutputSchema"),
        .target(name: "Experiments", dependencies: ["CARTModel", "SimRandom", "OutputSchema"]),
        .target(name: "ResultsReport", dependencies: ["ScenarioFile", "CGSL", "OutputSchema"]),
        .target(name: "SpreadsheetExport", dependencies: ["CXlsxWriter", "OutputSchema", "SimKernel"]),
        .executableTarget(name: "cartsim", dependencies: ["Experiments", "ResultsReport", "SpreadsheetExport", "OutputSchema"]),
        .executableTarget(name: "cartsim-bench",
                          dependencies: ["Experiments", "SimKernel", "SimRandom"],
                          path: "Benchmarks/cartsim-bench", swiftSettings: hotPath),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "SimRandom"]),
        .testTarget(name: "SimRandomTests", dependencies: ["SimRandom"]),
        .testTarget(name: "OutputSchemaTests", dependencies: ["OutputSchema"]),
        .testTarget(name: "ScenarioFileTests", dependencies: ["ScenarioFile", "OutputSchema"]),
        .testTarget(name: "CARTModelTests", dependencies: ["CARTModel", "Experiments"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "ScenarioFile", "CARTModel", "SimRandom",
                                                            "OutputSchema"]),
        .testTarget(name: "EndToEndTests", dependencies: ["SimRandom"]),
        .testTarget(name: "SpreadsheetExportTests", dependencies: ["SpreadsheetExport", "OutputSchema"]),
        .testTarget(name: "ResultsReportTests", dependencies: ["ResultsReport", "Experiments", "ScenarioFile"]),
    ],
    swiftLanguageModes: [.v6]
)
