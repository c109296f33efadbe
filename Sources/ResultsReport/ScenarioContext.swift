import Foundation
import ScenarioFile

/// What the report takes from the scenario file itself (not in the CSV files): its
/// description, its vein-to-vein target and the currency of its costs. All are optional: the file may have moved,
/// changed since the run (its hash differs from `run.json`'s) or no longer load.
struct ScenarioContext {
    let description: String?
    let veinToVeinTargetDays: Double?
    /// The currency of the `costs` section (`USD`), if the scenario has one.
    let currency: String?
    /// Its sites and lanes, for the network map.
    var network: NetworkSection.Network?

    static let none = ScenarioContext(description: nil, veinToVeinTargetDays: nil, currency: nil)

    /// Loads the scenario file named in `run.json`. A relative path is tried from the current
    /// directory, then from each folder above the results folder (runs write
    /// `Results/<name>/` below the directory they were started in).
    static func load(manifest: RunManifest, folder: String) -> ScenarioContext {
        guard let file = manifest.string("scenario_file"), !file.isEmpty else { return .none }
        for candidate in candidates(file, folder: folder) where FileManager.default.fileExists(atPath: candidate) {
            guard let scenario = try? ScenarioLoader.load(path: candidate) else { return .none }
            if let hash = manifest.string("scenario_hash"), hash != scenario.sourceHash { return .none }
            let text = scenario.description.trimmingCharacters(in: .whitespacesAndNewlines)
            return ScenarioContext(description: text.isEmpty ? nil : text,
                                   veinToVeinTargetDays: scenario.simulation.veinToVeinTargetDays,
                                   currency: scenario.costs?.currency, network: NetworkSection.Network(scenario))
        }
        return .none
    }

    private static func candidates(_ file: String, folder: String) -> [String] {
        guard !file.hasPrefix("/") else { return [file] }
        var paths = [FileManager.default.currentDirectoryPath + "/" + file]
        var directory = URL(fileURLWithPath: folder).standardizedFileURL
        while directory.path != "/" {
            directory.deleteLastPathComponent()
            paths.append(directory.appendingPathComponent(file).path)
        }
        return paths
    }
}
