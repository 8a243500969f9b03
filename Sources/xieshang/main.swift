// xieshang: the Xieshang command-line tool. Each command group lives in its own file.
import Foundation
import enum XieshangDomain.RecordType
import enum XieshangNode.NameHint

/// Exit codes shared by every command.
enum ExitCode {
    static let done: Int32 = 0
    /// Refused by a rule, or bad input data.
    static let refused: Int32 = 1
    /// The command line itself is wrong.
    static let usage: Int32 = 2
    /// The local node is not reachable.
    static let unreachable: Int32 = 3
}

/// A command group: its name, a one-line summary, and its entry point.
struct CommandGroup {
    let name: String
    let summary: String
    let run: ([String]) -> Int32
}

let commandGroups: [CommandGroup] = [
    CommandGroup(name: "demo", summary: "run the demo", run: DemoCommand.run),
    CommandGroup(name: "wire", summary: "encode and decode protobuf messages (JSON ⇄ binary) for debugging", run: WireCommand.run),
    CommandGroup(name: "init", summary: "make a node's key (mode 0600) and node.json; print its id and public key", run: NodeCommand.runInit),
    CommandGroup(name: "node", summary: "run this body's node process (--config node.json)", run: NodeCommand.run),
    CommandGroup(name: "status", summary: "the local node's links, cursors, lag, errors and alerts", run: AdminCommand.status),
    CommandGroup(name: "stats", summary: "figures for a period, with --drill for the subtree", run: StatsCommand.run),
    CommandGroup(name: "approve", summary: "approve this body's figures for a period (审核, bottom-up); locks the period", run: ApprovalCommand.approve),
    CommandGroup(name: "return", summary: "return a child's approval of a period with a reason (退回); unlocks it", run: ApprovalCommand.returnApproval),
    CommandGroup(name: "query", summary: "list records (events, origins, alerts) as JSON lines", run: AdminCommand.query),
    CommandGroup(name: "topology", summary: "generate configs and keys of a loopback federation", run: NodeCommand.runTopology),
    CommandGroup(name: "member", summary: "members 委员: add, import a CSV, list with duty scores, ledger 履职档案, attendance 出席/请假", run: MemberCommand.group.run),
    CommandGroup(name: "policy", summary: "the body's applied policy 规则设置: show", run: PolicyCommand.group.run),
    CommandGroup(name: "activity", summary: "activities 履职活动: add, list", run: ActivityCommand.group.run),
    CommandGroup(name: "station", summary: "sub-body units 基层协商平台 (village stations, group points): add, retire, list, figures", run: StationCommand.group.run),
    CommandGroup(name: "suggestion", summary: "suggestions 意见建议: add, adopt, close, list", run: SuggestionCommand.group.run),
    CommandGroup(name: "proposal", summary: "proposals 提案: submit, cosign, withdraw, review, key, assign, object, extend, reply, evaluate, rehandle, appraise, explain, appraisal, close, show, list", run: ProposalCommand.run),
    CommandGroup(name: "opinion", summary: "opinion reports 社情民意: submit, edit, adopt, archive, forward, instruct, list", run: OpinionCommand.group.run),
    CommandGroup(name: "plan", summary: "consultation plans 协商计划: import, issue, decompose, progress, show", run: PlanCommand.group.run),
    CommandGroup(name: "report", summary: "write one self-contained HTML report (--html FILE) with charts", run: ReportCommand.run),
    CommandGroup(name: "audit", summary: "audit bundles 审计包: export a period's signed events (--period P FILE), verify one offline", run: AuditCommand.run),
    CommandGroup(name: "export", summary: "write every record type as CSV for Excel (--csv DIR)", run: ExportCommand.run),
    CommandGroup(name: "draft", summary: DraftCommand.group.summary, run: DraftCommand.group.run),
    CommandGroup(name: "meeting", summary: AllianceCommand.meetingGroup.summary, run: AllianceCommand.meetingGroup.run),
    CommandGroup(name: "research", summary: ResearchCommand.group.summary, run: ResearchCommand.group.run),
    CommandGroup(name: "charter", summary: AllianceCommand.charterGroup.summary, run: AllianceCommand.charterGroup.run),
    CommandGroup(name: "user", summary: "web accounts 用户: add, list, disable, reset, audit --csv", run: UserCommand.run),
    CommandGroup(name: "peer", summary: "membership changes 成员变更 while the node runs: add, remove, set-address, retire, move", run: PeerCommand.run),
    CommandGroup(name: "backup", summary: "online backup of the running node's database to FILE, with a checksum manifest", run: BackupCommand.backup),
    CommandGroup(name: "key", summary: "signing keys 密钥: rotate this node's key, revoke a child's leaked key", run: KeyCommand.run),
    CommandGroup(name: "restore", summary: "install a backup of this node (node stopped); the old database is kept aside", run: BackupCommand.restore),
    CommandGroup(name: "diag", summary: "serve the Diagnostics service (Echo) for health checks and benchmarks", run: DiagCommand.run),
]

@MainActor func printUsage() {
    print("""
    xieshang — 协商: the federation service for CPPCC bodies

    usage: xieshang <command> [options]      (xieshang <command> --help for details)

    commands:
    """)
    let width = max(10, (commandGroups.map(\.name.count).max() ?? 0) + 2)
    for group in commandGroups {
        print("  " + group.name.padding(toLength: width, withPad: " ", startingAt: 0) + group.summary)
    }
    // From the record types' descriptions (RecordType): which group records each.
    print("\nrecord types 业务记录类型 and the commands that record them:")
    for type in RecordType.allCases {
        let commands = type.commandGroups.map { "xieshang " + $0 }.joined(separator: ", ")
        print("· " + commands.padding(toLength: 38, withPad: " ", startingAt: 0) + type.zh + " (" + type.en + ")")
    }
}

/// The closest known name to a mistyped one (edit distance ≤ 2), for "did you mean" hints: the node's own rule, so
/// the CLI and the admin queries suggest alike.
func suggestion(for word: String, among names: [String]) -> String? { NameHint.closest(to: word, among: names) }

func fail(_ message: String, code: Int32) -> Int32 {
    FileHandle.standardError.write(Data(("xieshang: " + message + "\n").utf8))
    return code
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let first = arguments.first, first != "--help", first != "-h", first != "help" else {
    printUsage()
    exit(arguments.isEmpty ? ExitCode.usage : ExitCode.done)
}
guard let group = commandGroups.first(where: { $0.name == first }) else {
    let hint = suggestion(for: first, among: commandGroups.map(\.name)).map { " Did you mean '\($0)'?" } ?? ""
    exit(fail("unknown command '\(first)'.\(hint) Run 'xieshang --help' for the list.", code: ExitCode.usage))
}
exit(group.run(Array(arguments.dropFirst())))
