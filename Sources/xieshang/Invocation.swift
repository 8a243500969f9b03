import Foundation
import XieshangDomain
import XieshangNode

/// One parsed command line of a record command (`xieshang proposal review P-1 --date 2026-03-02 --register 12`):
/// positional words, `--name value` options, flags, and the options every command shares (`--node`, `--json`,
/// `--lang`). Parsing and checking print their own message; a failure carries only the exit code.
struct Invocation {
    /// The exit code of a command that stopped early (its message is already printed).
    struct Exit: Error {
        let code: Int32
    }

    /// Output language for labels 标签语言.
    enum Language: String {
        case zh, en
    }

    /// What `--json` does for a command that does not talk to the node (one that does always takes it).
    enum JSONOutput: Sendable {
        /// Not an option of the command (`init`, `topology`).
        case none
        /// The command prints its results as JSON.
        case prints
        /// JSON makes no sense here (`node` runs a server): the help says why, and `--json` is a usage error saying it.
        case refused(String)
    }

    /// How a subcommand is called.
    struct Spec: Sendable {
        /// "proposal review".
        let name: String
        /// One line.
        let summary: String
        /// Positional words after the subcommand, e.g. ["ID"].
        var positionals: [String] = []
        /// Options that take a value (without the dashes).
        var valued: [String] = []
        /// Options without a value.
        var flags: [String] = []
        /// Options that take a value and may be given more than once (`--agenda A --agenda B`).
        var repeated: [String] = []
        /// The options/positionals that must be given, for the usage line.
        var required: [String] = []
        /// Lines describing the options.
        var details: String = ""
        /// A complete example.
        let example: String
        /// Whether the command talks to the local node (`--node`, `--json`); `init` and `topology` do not.
        var talksToNode = true
        /// `--json` when the command does not talk to the node.
        var jsonOutput = JSONOutput.none

        /// Whether `--json` is an option of the command.
        var takesJSON: Bool {
            if talksToNode { return true }
            if case .prints = jsonOutput { return true }
            return false
        }

        var usage: String {
            var words = ["usage: xieshang \(name)"] + positionals
            for v in valued { words.append(required.contains(v) ? "--\(v) \(v.uppercased())" : "[--\(v) \(v.uppercased())]") }
            for f in flags { words.append("[--\(f)]") }
            for r in repeated { words.append("[--\(r) \(r.uppercased())]...") }
            words.append(talksToNode ? "[--node SOCKET] [--json] [--lang zh|en]" : takesJSON ? "[--json] [--lang zh|en]" : "[--lang zh|en]")
            var refusal = ""
            if case .refused(let reason) = jsonOutput { refusal = "  no --json: \(reason)\n" }
            return words.joined(separator: " ") + "\n  \(summary)\n" + (details.isEmpty ? "" : details + "\n") + refusal
                + (talksToNode ? "  dates are YYYY-MM-DD (default today); the node socket comes from --node or XIESHANG_NODE (default ./admin.sock);\n"
                                + "  waits XIESHANG_TIMEOUT seconds for the node's answer (default 60)\n" : "")
                + "example:\n  \(example)"
        }
    }

    let spec: Spec
    var positionals: [String] = []
    var values: [String: String] = [:]
    var flags: Set<String> = []
    /// The values of the repeated options, in the order given.
    var repeatedValues: [String: [String]] = [:]
    var socket: String
    var json = false
    var language: Language = .zh

    /// Parses `args` for `spec`; `--help` prints the usage and exits 0.
    static func parse(_ args: [String], _ spec: Spec) throws(Exit) -> Invocation {
        let env = ProcessInfo.processInfo.environment
        var inv = Invocation(spec: spec, socket: env["XIESHANG_NODE"] ?? "admin.sock")
        if let lang = env["XIESHANG_LANG"], let l = Language(rawValue: lang) { inv.language = l }
        if spec.talksToNode, let timeout = env["XIESHANG_TIMEOUT"], AdminCommand.timeout(timeout) == nil {
            throw usageError("XIESHANG_TIMEOUT='\(DisplayText.escaped(timeout))' is not a number of seconds above 0 and at most 86400 (e.g. 120).", spec)
        }
        var rest = args[...]
        while let word = rest.first {
            rest = rest.dropFirst()
            if word == "--help" || word == "-h" {
                print(spec.usage)
                throw Exit(code: ExitCode.done)
            }
            if word == "--json" {
                if spec.takesJSON { inv.json = true; continue }
                if case .refused(let reason) = spec.jsonOutput { throw usageError("--json is not an option here: \(reason).", spec) }
            }
            guard word.hasPrefix("--") else {
                inv.positionals.append(word)
                continue
            }
            let name = String(word.dropFirst(2))
            if spec.flags.contains(name) { inv.flags.insert(name); continue }
            let shared = (spec.talksToNode ? ["node"] : []) + ["lang"] + (spec.takesJSON ? ["json"] : [])
            guard (name == "node" && spec.talksToNode) || name == "lang" || spec.valued.contains(name) || spec.repeated.contains(name) else {
                let hint = suggestion(for: name, among: spec.valued + spec.repeated + spec.flags + shared).map { " Did you mean '--\($0)'?" } ?? ""
                throw usageError("unknown option \(word).\(hint)", spec)
            }
            guard let value = rest.first else { throw usageError("\(word) needs a value.", spec) }
            rest = rest.dropFirst()
            switch name {
            case "node": inv.socket = value
            case "lang":
                guard let l = Language(rawValue: value) else { throw usageError("--lang takes zh or en, not '\(value)'.", spec) }
                inv.language = l
            case _ where spec.repeated.contains(name): inv.repeatedValues[name, default: []].append(value)
            default: inv.values[name] = value
            }
        }
        if inv.positionals.count < spec.positionals.count {
            throw usageError("missing \(spec.positionals[inv.positionals.count]).", spec)
        }
        if inv.positionals.count > spec.positionals.count {
            throw usageError("unexpected argument '\(inv.positionals[spec.positionals.count])'.", spec)
        }
        for r in spec.required where !spec.positionals.contains(r) && inv.values[r] == nil {
            throw usageError("missing --\(r).", spec)
        }
        return inv
    }

    static func usageError(_ message: String, _ spec: Spec) -> Exit {
        Exit(code: fail("\(spec.name): \(message)\n\n\(spec.usage)", code: ExitCode.usage))
    }

    /// A usage error for this command.
    func usage(_ message: String) -> Exit { Invocation.usageError(message, spec) }

    /// The value of positional `index`.
    func positional(_ index: Int) -> String { positionals[index] }

    /// An option's value, if given.
    func value(_ name: String) -> String? { values[name] }

    /// Every value of a repeated option, in the order given.
    func allValues(_ name: String) -> [String] { repeatedValues[name] ?? [] }

    /// An option that must be given.
    func required(_ name: String) throws(Exit) -> String {
        guard let v = values[name], !v.isEmpty else { throw usage("missing --\(name).") }
        return v
    }

    /// An option's value split at commas (also ， and 、), empty when not given.
    func list(_ name: String) -> [String] {
        (values[name] ?? "").split(whereSeparator: { ",，、".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A day option (YYYY-MM-DD); today in Beijing time when not given and `defaultToday`.
    func day(_ name: String = "date", defaultToday: Bool = true) throws(Exit) -> Day {
        guard let text = values[name] else {
            if defaultToday { return Invocation.today() }
            throw usage("missing --\(name).")
        }
        return try Invocation.parseDay(text, option: "--\(name)", spec: spec)
    }

    /// An optional day option.
    func optionalDay(_ name: String) throws(Exit) -> Day? {
        guard let text = values[name] else { return nil }
        return try Invocation.parseDay(text, option: "--\(name)", spec: spec)
    }

    static func parseDay(_ text: String, option: String, spec: Spec) throws(Exit) -> Day {
        do {
            return try Day(parsing: text, field: option)
        } catch {
            throw usageError("\(option) '\(text)' is not a date: write it as YYYY-MM-DD, e.g. 2026-03-15 (日期格式应为 YYYY-MM-DD).", spec)
        }
    }

    /// A non-negative integer option.
    func int(_ name: String, default value: Int? = nil) throws(Exit) -> Int {
        guard let text = values[name] else {
            if let value { return value }
            throw usage("missing --\(name).")
        }
        guard let n = Int(text), n >= 0 else { throw usage("--\(name) takes a whole number ≥ 0, not '\(text)'.") }
        return n
    }

    /// A whole-number option within `range` (a port, a count): anything else — negative, too large, not a number — is
    /// a usage error naming the option, before the number reaches arithmetic or a range.
    func int(_ name: String, in range: ClosedRange<Int>, default value: Int? = nil) throws(Exit) -> Int {
        guard let text = values[name] else {
            if let value { return value }
            throw usage("missing --\(name).")
        }
        guard let n = Int(text), range.contains(n) else {
            throw usage("--\(name) takes a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'.")
        }
        return n
    }

    /// A path option naming a file this process can read (a config): missing, a directory or unreadable is a usage
    /// error naming the option and the path.
    func readableFile(_ name: String) throws(Exit) -> String {
        let path = try required(name)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw usage("--\(name) '\(path)' does not exist (文件不存在).")
        }
        guard !isDirectory.boolValue else { throw usage("--\(name) '\(path)' is a directory, not a file.") }
        guard access(path, R_OK) == 0 else { throw usage("--\(name) '\(path)' cannot be read: \(String(cString: strerror(errno))).") }
        return path
    }

    /// Today in Beijing time (UTC+8), the calendar the bodies keep.
    static func today() -> Day {
        Day(chinaTimeMs: Int64(Date().timeIntervalSince1970 * 1000))
    }

    /// The query filter of `--period` (checked, left out when not given: the node's default is this year).
    func periodFilter() throws(Exit) -> [String: String] {
        guard let text = value("period") else { return [:] }
        do { _ = try Period(parsing: text) } catch { throw usage("--period '\(text)' is not 2026, 2026-H1, 2026-Q3, 2026-11 or 2026-01-15~ (a session period).") }
        return ["period": text]
    }

    /// A label in the chosen language (the key itself when there is none).
    func label(_ key: String) -> String {
        guard let l = Labels.label(key) else { return FigureNames.fallback(key, language) }
        return language == .zh ? l.zh : l.en
    }

    /// Chinese or English text chosen by the language.
    func text(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
}

/// A group of subcommands (`proposal submit|review|…`): dispatch with a suggestion for a mistyped subcommand.
struct SubcommandGroup: Sendable {
    let name: String
    let summary: String
    let commands: [(spec: Invocation.Spec, run: @Sendable (Invocation) throws(Invocation.Exit) -> Int32)]

    func run(_ args: [String]) -> Int32 {
        let names = commands.map { String($0.spec.name.split(separator: " ").last ?? "") }
        guard let first = args.first, first != "--help", first != "-h" else {
            var text = "usage: xieshang \(name) <\(names.joined(separator: "|"))> [options]   (xieshang \(name) <subcommand> --help)\n  \(summary)\n"
            for c in commands { text += "  \(String(c.spec.name.split(separator: " ").last ?? "").padding(toLength: 10, withPad: " ", startingAt: 0)) \(c.spec.summary)\n" }
            text += "example:\n  \(commands[0].spec.example)"
            if args.isEmpty { return fail("\(name): give a subcommand.\n\n" + text, code: ExitCode.usage) }
            print(text)
            return ExitCode.done
        }
        guard let index = names.firstIndex(of: first) else {
            let hint = suggestion(for: first, among: names).map { " Did you mean '\(name) \($0)'?" } ?? ""
            return fail("unknown subcommand '\(name) \(first)'.\(hint) Subcommands: \(names.joined(separator: ", ")).", code: ExitCode.usage)
        }
        do {
            let inv = try Invocation.parse(Array(args.dropFirst()), commands[index].spec)
            return try commands[index].run(inv)
        } catch {
            return error.code
        }
    }
}
