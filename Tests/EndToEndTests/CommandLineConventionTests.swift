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
        XCTAssertEqual(unknown.stderr, "cartsim: no command 'runn'; did you mean 'run'?\n")
    }

    /// A mistyped command gets the closest one.
    func testAMistypedCommandGetsASuggestion() throws {
        let run = try CartsimBinary.run(["rn", "Scenarios/axicel-central-fresh.yaml"])
        XCTAssertEqual(run.status, 2)
        XCTAssertEqual(run.stderr, "cartsim: unknown command 'rn'; did you mean 'run'?\n")
    }

    /// `cartsim completion bash` completes commands, each command's options and file names, in
    /// a real bash; the zsh script is valid zsh and names every command and option.
    func testShellCompletionScripts() throws {
        let bash = try CartsimBinary.run(["completion", "bash"])
        XCTAssertEqual(bash.status, 0, bash.stderr)
        let script = folder.appendingPathComponent("completion.bash")
        try bash.stdout.write(to: script, atomically: true, encoding: .utf8)
        func complete(_ words: [String]) throws -> String {
            let line = words.map { "'\($0)'" }.joined(separator: " ")
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: "/bin/bash")
            probe.arguments = ["-c", "source '\(script.path)'; COMP_WORDS=(\(line)); COMP_CWORD=\(words.count - 1); _cartsim; "
                               + "printf '%s\\n' \"${COMPREPLY[@]}\""]
            probe.currentDirectoryURL = CartsimBinary.packageRoot
            let output = Pipe()
            probe.standardOutput = output
            try probe.run()
            probe.waitUntilExit()
            return String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        }
        XCTAssertEqual(try complete(["cartsim", "ru"]), "run\n")
        XCTAssertEqual(try complete(["cartsim", "run", "--initial-"]), "--initial-state\n")
        XCTAssertEqual(try complete(["cartsim", "compare", "--set"]), "--set-b\n")
        XCTAssertEqual(try complete(["cartsim", "completion", "z"]), "zsh\n")
        XCTAssertTrue(try complete(["cartsim", "run", "Scenarios/axicel-"]).contains("Scenarios/axicel-central-fresh.yaml"))
        let zsh = try CartsimBinary.run(["completion", "zsh"])
        XCTAssertEqual(zsh.status, 0, zsh.stderr)
        XCTAssertTrue(zsh.stdout.hasPrefix("#compdef cartsim\n"))
        for word in ["'run:", "'sensitivity:", "'--initial-state'", "'--set-b'", "'--scenario'"] {
            XCTAssertTrue(zsh.stdout.contains(word), word)
        }
        let zshScript = folder.appendingPathComponent("_cartsim")
        try zsh.stdout.write(to: zshScript, atomically: true, encoding: .utf8)
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/zsh")
        check.arguments = ["-n", zshScript.path]
        try check.run()
        check.waitUntilExit()
        XCTAssertEqual(check.terminationStatus, 0, "zsh -n accepts the script")
        let none = try CartsimBinary.run(["completion", "fish"])
        XCTAssertEqual(none.status, 2)
    }
}
