import Foundation
import XCTest

/// The command line follows the usual conventions: `--name=VALUE` as well as `--name VALUE`,
/// `--` ends the options, a mistyped option is refused with the closest known one,
/// `cartsim help COMMAND` prints that command's help, and `validate --quiet` is an option.
final class CommandLineConventionTests: FolderTestCase {
    func testOptionsWithEqualsAndTheEndOfOptions() throws {
        let out = folder.appendingPathComponent("equals")
        let run = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--replications=2", "--out=\(out.path)",
                                         "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let rows = try CSVFile(url: out.appendingPathComponent("replications.csv")).rows
        XCTAssertEqual(rows.count, 2)
        // A scenario file whose name starts with '-' is an operand after '--'.
        let odd = folder.appendingPathComponent("-odd.yaml")
        try FileManager.default.copyItem(at: CartsimBinary.packageRoot.appendingPathComponent("Scenarios/point-of-care.yaml"),
                                         to: odd)
        let validate = try CartsimBinary.run(["validate", "--quiet", "--", odd.path])
        XCTAssertEqual(validate.status, 0, validate.stdout + validate.stderr)
        XCTAssertEqual(validate.stdout, "", "--quiet prints nothing for a valid file")
        let flagWithValue = try CartsimBinary.run(["run", "Scenarios/point-of-care.yaml", "--quiet=yes"])
        XCTAssertEqual(flagWithValue.status, 2)
        XCTAssertEqual(flagWithValue.stderr, "cartsim: --quiet takes no value, got '--quiet=yes'\n")
    }

    func testAMistypedOptionGetsTheClosestKnownOne() throws {
        for (arguments, message) in [
            (["run", "Scenarios/point-of-care.yaml", "--replicatons", "3"],
             "cartsim: unknown option '--replicatons'; did you mean '--replications'? (see cartsim run --help)\n"),
            (["sweep", "Scenarios/point-of-care.yaml", "--sett", "x=1"],
             "cartsim: unknown option '--sett'; did you mean '--set'? (see cartsim sweep --help)\n"),
            (["validate", "--quite", "Scenarios/point-of-care.yaml"],
             "cartsim: unknown option '--quite'; did you mean '--quiet'? (see cartsim validate --help)\n"),
        ] {
            let result = try CartsimBinary.run(arguments)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            XCTAssertEqual(result.stderr, message)
        }
    }

    func testHelpOfACommand() throws {
        let help = try CartsimBinary.run(["help", "run"])
        XCTAssertEqual(help.status, 0)
        XCTAssertEqual(help.stdout, try CartsimBinary.run(["run", "--help"]).stdout)
        XCTAssertTrue(help.stdout.hasPrefix("USAGE: cartsim run"))
        let unknown = try CartsimBinary.run(["help", "runn"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertEqual(unknown.stderr, "cartsim: no command 'runn'; see cartsim --help for the commands\n")
    }
}
