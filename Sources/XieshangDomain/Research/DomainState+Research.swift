/// Research and inspection report rules 调研视察报告、批示、成果转化.
extension DomainState {
    func checkResearch(_ e: ResearchEvent) throws {
        func blank(_ s: String) -> Bool { s.allSatisfy(\.isWhitespace) }
        if case .reported(let activityID, let title, let text) = e.step {
            try require(!blank(e.reportID) && !blank(title) && !blank(text), "research.fields", zh: "调研视察报告须有编号、标题和正文",
                        en: "a research or inspection report needs an id, a title and a text", code: .invalidInput)
            try require(title.count <= ResearchReport.maxTitleLength && text.count <= ResearchReport.maxTextLength, "research.length",
                        zh: "标题至多 \(ResearchReport.maxTitleLength) 字，正文至多 \(ResearchReport.maxTextLength) 字",
                        en: "the title has at most \(ResearchReport.maxTitleLength) characters and the text at most \(ResearchReport.maxTextLength)",
                        code: .invalidInput)
            try require(researchReports[e.reportID] == nil, "research.id.unique", zh: "报告编号 \(e.reportID) 已存在",
                        en: "the report id \(e.reportID) is taken", code: .conflict)
            guard let a = activities[activityID] else {
                throw DomainError(.notFound, rule: "research.activity", zh: "本组织没有活动 \(activityID)（请先用 activity add 记录调研或视察）",
                                  en: "\(body.id) has no activity \(activityID) (record the research visit or inspection first)")
            }
            try require(a.kind == .research || a.kind == .inspection, "research.activity.kind",
                        zh: "活动 \(activityID) 是\(Labels.zh("activity." + a.kind.rawValue))，只有调研和视察形成调研视察报告",
                        en: "activity \(activityID) is a \(a.kind.rawValue); only a research visit or an inspection has such a report")
            try require(e.on >= a.date, "research.date.activity", zh: "报告日期早于活动日期（\(a.date)）",
                        en: "the report is dated before its activity (\(a.date))", code: .invalidInput)
            return
        }
        guard let r = researchReports[e.reportID] else {
            throw DomainError(.notFound, rule: "research.exists", zh: "本组织没有调研视察报告 \(e.reportID)",
                              en: "\(body.id) has no research or inspection report \(e.reportID)")
        }
        try require(e.on >= r.reportedOn, "research.date.order", zh: "日期早于报告日期（\(r.reportedOn)）",
                    en: "the day precedes the report (\(r.reportedOn))", code: .invalidInput)
        switch e.step {
        case .reported: return
        case .instructed(let leader, let level, let text):
            try require(!blank(leader) && !blank(text), "research.instruction.fields", zh: "批示须写明批示领导（姓名职务）和批示内容",
                        en: "an instruction names the leader (name and title) and has a text", code: .invalidInput)
            try require(text.count <= ResearchReport.maxTextLength, "research.length", zh: "批示内容至多 \(ResearchReport.maxTextLength) 字",
                        en: "an instruction has at most \(ResearchReport.maxTextLength) characters", code: .invalidInput)
            try require(ResearchReport.leaderLevels.contains(level), "research.instruction.level",
                        zh: "批示领导层级“\(level)”无效：应为 \(ResearchReport.leaderLevels.joined(separator: "、"))",
                        en: "leader level '\(level)' is not one of \(ResearchReport.leaderLevels.joined(separator: ", "))", code: .invalidInput)
        case .converted(let c):
            switch c {
            case .proposal(let id):
                try require(proposals[id] != nil, "research.convert.proposal", zh: "本组织没有提案 \(id)",
                            en: "\(body.id) holds no proposal \(id)", code: .notFound)
            case .opinion(let id):
                try require(opinions[OpinionKey(originBody: body.id, originReportID: id)] != nil, "research.convert.opinion",
                            zh: "本组织没有社情民意信息 \(id)", en: "\(body.id) has no opinion report \(id)", code: .notFound)
            case .advice(let title):
                try require(!blank(title) && title.count <= ResearchReport.maxTitleLength, "research.convert.advice",
                            zh: "建议案须有标题（至多 \(ResearchReport.maxTitleLength) 字）",
                            en: "a 建议案 needs a title of at most \(ResearchReport.maxTitleLength) characters", code: .invalidInput)
            }
            try require(!r.conversions.contains { $0.conversion == c }, "research.convert.once",
                        zh: "报告 \(e.reportID) 已转化为该\(Labels.zh("conversion." + c.kind))", en: "report \(e.reportID) was already turned into that \(c.kind)",
                        code: .conflict)
        }
    }

    mutating func applyResearch(_ e: ResearchEvent) {
        switch e.step {
        case .reported(let activityID, let title, let text):
            guard researchReports[e.reportID] == nil, let a = activities[activityID] else { return }
            researchReports[e.reportID] = ResearchReport(id: e.reportID, activityID: activityID, kind: a.kind, title: title, text: text,
                                                         reportedOn: e.on)
        case .instructed(let leader, let level, let text):
            researchReports[e.reportID]?.instructions.append(.init(leader: leader, level: level, text: text, on: e.on))
        case .converted(let c):
            researchReports[e.reportID]?.conversions.append(.init(conversion: c, on: e.on))
        }
    }

    /// Adds the research and inspection report figures of `period` to `f`: reports by the day written (调研/视察), reports
    /// instructed by the day of their first instruction, conversions by kind and day.
    func addResearchFigures(_ f: inout Figures, _ period: Period) {
        for r in researchReports.values {
            if period.contains(r.reportedOn) {
                if r.kind == .inspection { f.inspectionReports += 1 } else { f.researchReports += 1 }
            }
            if period.contains(r.firstInstructedOn) { f.researchReportsInstructed += 1 }
            for c in r.conversions where period.contains(c.on) {
                switch c.conversion {
                case .proposal: f.researchConvertedToProposals += 1
                case .opinion: f.researchConvertedToOpinions += 1
                case .advice: f.researchConvertedToAdvice += 1
                }
            }
        }
    }
}
