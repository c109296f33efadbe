import Experiments

/// `cartsim completion bash|zsh`: prints a shell completion script generated from the command
/// table (`Command.all`), so that it always knows every command and option of this binary.
enum CompletionCommand {
    static func run(_ arguments: [String]) throws -> Int32 {
        var shell: String?
        var parser = OptionParser(arguments, command: "completion", options: ["--help"])
        while let argument = try parser.next() {
            switch argument {
            case .option("-h"), .option("--help"):
                print(Help.completion)
                return 0
            case .option(let other): throw parser.unknown(other)
            case .operand(let name):
                guard shell == nil else { throw UsageError("completion takes one shell name, bash or zsh") }
                shell = name
            }
        }
        switch shell {
        case "bash": print(bash, terminator: "")
        case "zsh": print(zsh, terminator: "")
        default: throw UsageError("completion needs a shell: bash or zsh (see cartsim help completion)")
        }
        return 0
    }

    /// The first words a command line may start with.
    private static var firstWords: [String] { Command.all.flatMap { [$0.name] + $0.aliases } + ["help", "--help", "--version"] }

    static var bash: String {
        let cases = Command.all.map { command in
            "        \((([command.name] + command.aliases)).joined(separator: "|"))) opts=\"\(command.options.joined(separator: " "))\" ;;"
        }.joined(separator: "\n")
        return """
            # bash completion for cartsim (cartsim completion bash)
            _cartsim() {
                local cur="${COMP_WORDS[COMP_CWORD]}" opts=""
                if [ "$COMP_CWORD" -eq 1 ]; then
                    COMPREPLY=( $(compgen -W "\(firstWords.joined(separator: " "))" -- "$cur") )
                    return
                fi
                case "${COMP_WORDS[1]}" in
                    help) COMPREPLY=( $(compgen -W "\(Command.all.map(\.name).joined(separator: " "))" -- "$cur") ); return ;;
                    completion) COMPREPLY=( $(compgen -W "bash zsh" -- "$cur") ); return ;;
                esac
                case "${COMP_WORDS[1]}" in
            \(cases)
                esac
                if [[ "$cur" == -* ]]; then
                    COMPREPLY=( $(compgen -W "$opts" -- "$cur") )
                else
                    COMPREPLY=( $(compgen -f -- "$cur") )
                fi
            }
            complete -o filenames -F _cartsim cartsim

            """
    }

    static var zsh: String {
        // Single-quoted for zsh: a quote inside closes, escapes and reopens ('\'').
        let commands = Command.all.map { "        '\($0.name):\($0.summary.replacingOccurrences(of: "'", with: "'\\''"))'" }
            .joined(separator: "\n")
        let cases = Command.all.map { command in
            "        \((([command.name] + command.aliases)).joined(separator: "|"))) _arguments "
                + command.options.map { "'\($0)'" }.joined(separator: " ") + " '*:file:_files' ;;"
        }.joined(separator: "\n")
        return """
            #compdef cartsim
            # zsh completion for cartsim (cartsim completion zsh)
            _cartsim() {
                local -a commands
                commands=(
            \(commands)
                )
                if (( CURRENT == 2 )); then
                    _describe 'command' commands
                    return
                fi
                case $words[2] in
                    help) _describe 'command' commands ;;
                    completion) _values 'shell' bash zsh ;;
            \(cases)
                esac
            }
            _cartsim "$@"

            """
    }
}
