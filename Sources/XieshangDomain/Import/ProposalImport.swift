/// Proposal import 提案批量导入: a session's proposals from CSV, one row per proposal (遵义 registered 445), all or none.
///
/// Columns (Chinese headers, any order; aliases in brackets): 编号 [提案编号, 序号], 案由 [标题, 提案标题], 正文 [内容,
/// 提案内容], 第一提案人 [提案人, 委员编号], 提交日期 [日期], optional 类型 [提案类型] (个人, 联名, 集体, 下级; default 个人),
/// 附议人 (several separated by 、 ; ； , ，), 提出单位 [集体名称] (collective), 来源组织 (from a lower body), 渠道 [受理渠道]
/// (纸质, 大会期间, 微信/QQ群; default 大会期间). The office enters them, so the online channel 网上 is refused: an online
/// proposal is submitted by its proposer. Dates as for plan import (2026-01-10, 2026/1/10, 2026年1月10日).
///
/// Every row is checked before anything is recorded; a bad row is named by its line and column.
public enum ProposalImport {
    /// One column: key, accepted headers (the first is its name in messages), whether required.
    static let columns: [(key: String, headers: [String], required: Bool)] = [
        ("id", ["编号", "提案编号", "序号"], true), ("title", ["案由", "标题", "提案标题"], true),
        ("text", ["正文", "内容", "提案内容"], true), ("kind", ["类型", "提案类型"], false),
        ("proposer", ["第一提案人", "提案人", "委员编号"], true), ("cosigners", ["附议人", "联名人"], false),
        ("collective", ["提出单位", "集体名称"], false), ("fromBody", ["来源组织", "下级政协"], false),
        ("date", ["提交日期", "日期"], true), ("channel", ["渠道", "受理渠道"], false),
    ]

    /// A column's name as messages give it ("第一提案人").
    public static func columnName(_ key: String) -> String {
        columns.first { $0.key == key }?.headers[0] ?? key
    }

    /// The column a submission rule checks, so a refusal at the node or in a trial names it ("proposal.submit.member" →
    /// 第一提案人); nil for a rule about the whole row.
    public static func column(ofRule rule: String) -> String? {
        let key: String? = switch rule {
        case "proposal.id", "proposal.id.unique": "id"
        case "proposal.submit.member", "proposal.submit.actor": "proposer"
        case "proposal.submit.cosigners", "proposal.submit.cosigners.distinct", "proposal.submit.cosigner.member",
             "proposal.submit.individual": "cosigners"
        case "proposal.submit.collective": "collective"
        case "proposal.submit.fromBody": "fromBody"
        case "proposal.submit.channel": "channel"
        case "proposal.submit.content": "text"
        case "proposal.submit.cosignDeadline": "date"
        default: nil
        }
        return key.map(columnName)
    }

    /// A row's proposal: the line it starts on and the submission command.
    public struct Row: Hashable, Sendable {
        /// Line in the file (1-based, the header is line 1).
        public var line: Int
        /// The submission (its `on` is the row's 提交日期).
        public var event: ProposalEvent
    }

    /// Parses and checks every row.
    /// - Throws: `DomainError` `.importRejected` listing every bad row with its line and column; nothing is returned then.
    public static func rows(csv bytes: some Collection<UInt8>) throws -> [Row] {
        let table = try CSVTable(bytes: bytes)
        let (header, index) = try table.columnIndex(columns)
        var problems: [DomainError.RowProblem] = []
        var out: [Row] = []
        var seen: [String: Int] = [:]
        for row in table.rows.dropFirst() {
            var reasons: [String] = []
            func value(_ key: String) -> String {
                guard let i = index[key], i < row.fields.count else { return "" }
                return row.fields[i]
            }
            func bad(_ key: String, _ zh: String, _ en: String) {
                let name = columnName(key)
                reasons.append("“\(name)”列：\(zh) / column \(name): \(en)")
            }
            if row.fields.count != header.fields.count {
                reasons.append("有 \(row.fields.count) 列，表头有 \(header.fields.count) 列 / \(row.fields.count) fields, the header has \(header.fields.count)")
            }
            let id = value("id")
            if id.isEmpty { bad("id", "为空", "empty") }
            else if let first = seen[id] { bad("id", "\(id) 与第 \(first) 行重复", "\(id) repeats line \(first)") }
            else { seen[id] = row.line }
            for key in ["title", "text", "proposer"] where value(key).isEmpty { bad(key, "为空", "empty") }
            let dateText = value("date")
            let day = PlanImport.parseDeadline(dateText)
            if day == nil { bad("date", "“\(dateText)”不是日期", "\"\(dateText)\" is not a date") }
            let kindText = value("kind")
            let kind: ProposalEvent.Kind?
            switch kindText {
            case "", "个人", "个人提案", "individual": kind = .individual
            case "联名", "联名提案", "joint": kind = .joint
            case "集体", "集体提案", "collective": kind = .collective
            case "下级", "下级政协", "下级政协提案", "lower": kind = .fromLowerBody
            default:
                kind = nil
                bad("kind", "“\(kindText)”不是个人、联名、集体或下级", "\"\(kindText)\" is not 个人, 联名, 集体 or 下级")
            }
            let cosigners = PlanImport.splitList(value("cosigners"))
            if kind == .joint && cosigners.isEmpty { bad("cosigners", "联名提案至少需要一位附议人", "a joint proposal needs a co-signer") }
            if kind != .joint && kind != nil && !cosigners.isEmpty { bad("cosigners", "只有联名提案有附议人", "only a joint proposal has co-signers") }
            if kind == .collective && value("collective").isEmpty { bad("collective", "集体提案须写明提出单位", "a collective proposal names its party, group or committee") }
            if kind == .fromLowerBody && value("fromBody").isEmpty { bad("fromBody", "下级政协提案须写明来源组织", "a proposal from a lower body names that body") }
            let channelText = value("channel")
            let channel = channelText.isEmpty ? IntakeChannel.session : IntakeChannel(word: channelText)
            if channel == nil {
                bad("channel", "“\(channelText)”不是纸质、大会期间或微信/QQ群", "\"\(channelText)\" is not paper, session or chat group")
            } else if channel == .web {
                bad("channel", "网上提交的提案由提案人本人提交，不能由办公室导入", "an online proposal is submitted by its proposer, not imported by the office")
            }
            guard reasons.isEmpty, let day, let kind, let channel else {
                problems.append(.init(line: row.line, reason: "第 \(row.line) 行 / line \(row.line): " + reasons.joined(separator: "；")))
                continue
            }
            let submission = ProposalEvent.Submission(title: value("title"), text: value("text"), kind: kind,
                                                      firstProposer: value("proposer"), cosigners: cosigners,
                                                      collectiveName: value("collective"), fromBody: value("fromBody"),
                                                      channel: channel)
            out.append(Row(line: row.line, event: ProposalEvent(id, on: day, .submitted(submission))))
        }
        if !problems.isEmpty {
            throw DomainError(.importRejected, rule: "import.rows", zh: "\(problems.count) 行有错误，未导入任何提案",
                              en: "\(problems.count) rows are bad; nothing was imported", rows: problems)
        }
        if out.isEmpty {
            throw DomainError(.importRejected, rule: "import.empty", zh: "文件没有提案行", en: "the file has no proposal rows")
        }
        return out
    }

    /// The reason a row's submission was refused by the body's rules, naming its line and the column the rule checks.
    public static func problem(line: Int, _ error: any Error) -> DomainError.RowProblem {
        guard let e = error as? DomainError else { return .init(line: line, reason: "第 \(line) 行 / line \(line): \(error)") }
        let column = column(ofRule: e.rule).map { "“\($0)”列 / column \($0): " } ?? ""
        return .init(line: line, reason: "第 \(line) 行 / line \(line): \(column)[\(e.rule)] \(e.messageZh) / \(e.messageEn)")
    }
}

extension DomainState {
    /// Records a session's proposals from CSV rows (``ProposalImport/rows(csv:)``) entered by the office: every row is
    /// checked against the body's rules, each after the rows before it; if any row is refused nothing is recorded.
    /// - Returns: the recorded events, one submission per row in file order.
    /// - Throws: `DomainError` `.importRejected` listing every refused row with its line and column.
    @discardableResult
    public mutating func importProposals(_ rows: [ProposalImport.Row], by actor: Actor = .office) throws -> [DomainEvent] {
        var trial = self
        var events: [DomainEvent] = []
        var problems: [DomainError.RowProblem] = []
        for row in rows {
            do { events += try trial.record(.proposal(row.event), by: actor) }
            catch { problems.append(ProposalImport.problem(line: row.line, error)) }
        }
        if !problems.isEmpty {
            throw DomainError(.importRejected, rule: "import.rows", zh: "\(problems.count) 行有错误，未导入任何提案",
                              en: "\(problems.count) rows are bad; nothing was imported", rows: problems)
        }
        self = trial
        return events
    }
}
