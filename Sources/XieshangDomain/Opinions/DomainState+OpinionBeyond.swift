/// Rules of an opinion report's steps beyond the federation 报送省政协/全国政协、转送部门.
///
/// Sending up outside the federation is the top body's step (a body with a parent forwards to it instead); an adoption
/// above is recorded by the body that sent the report there, counted there once and sent down to the origin body so
/// its author's office sees it. A report goes to a department from any body that adopted it; the department's reply
/// follows the sending, once per department.
extension DomainState {
    /// Longest department name, in Unicode scalars.
    public static let maxDepartmentCharacters = 100

    /// Checks a step beyond the federation on report `r`; answers the events it records (an adoption above of a report
    /// from below is also sent down to its origin body).
    func decideBeyond(_ event: OpinionEvent, _ r: OpinionReport) throws -> [DomainEvent] {
        switch event.step {
        case .sentAbove(let level):
            try require(body.parent == nil, "opinion.sendUp.root",
                        zh: "本组织有上级 \(body.parent ?? "")，只能报送上级；报送\(level.label)由最高一级政协办理",
                        en: "\(body.id) has a parent (\(body.parent ?? "")) in the federation: forward the report there; the top body sends it to the \(level.rawValue) CPPCC")
            try require(r.status == .adopted, "opinion.sendUp.adopted", zh: "只有本级录用的信息可以报送\(level.label)",
                        en: "only a report adopted here is sent up to the \(level.rawValue) CPPCC (it is \(r.status.rawValue))")
            try require(!r.aboveSends.contains { $0.level == level }, "opinion.sendUp.once", zh: "该信息已报送\(level.label)",
                        en: "the report was already sent to the \(level.rawValue) CPPCC", code: .conflict)
        case .adoptedAbove(let level, let issue):
            try require(r.aboveSends.contains { $0.level == level }, "opinion.adoptedAbove.sent",
                        zh: "该信息未报送\(level.label)，不能记录\(level.label)采用",
                        en: "the report was not sent to the \(level.rawValue) CPPCC from here; send it up first")
            try require(!issue.isEmpty, "opinion.adoptedAbove.issue", zh: "\(level.label)采用须注明期号",
                        en: "an adoption above names the bulletin issue", code: .invalidInput)
            try require(!r.aboveAdoptions.contains { $0.level == level }, "opinion.adoptedAbove.once",
                        zh: "已记录\(level.label)采用该信息", en: "the \(level.rawValue) CPPCC's adoption is already recorded", code: .conflict)
        case .sentToDepartment(let department):
            try checkDepartment(department)
            try require(r.status == .adopted, "opinion.department.adopted", zh: "只有本级录用的信息可以转送部门",
                        en: "only a report adopted here is sent to a department (it is \(r.status.rawValue))")
            try require(!r.departmentSends.contains { $0.department == department }, "opinion.department.once",
                        zh: "该信息已转送 \(department)", en: "the report was already sent to \(department)", code: .conflict)
        case .departmentReplied(let department, _, let text):
            try checkDepartment(department)
            guard let send = r.departmentSends.first(where: { $0.department == department }) else {
                throw DomainError(.ruleBroken, rule: "opinion.department.sent", zh: "该信息未转送 \(department)，不能记录其办理结果",
                                  en: "the report was not sent to \(department); send it there first")
            }
            try require(send.reply == nil, "opinion.department.reply.once", zh: "已记录 \(department) 的办理结果",
                        en: "\(department)'s reply is already recorded", code: .conflict)
            try require(event.on >= send.sentOn, "opinion.department.reply.date",
                        zh: "办理结果日期 \(event.on) 早于转送日期 \(send.sentOn)", en: "the reply (\(event.on)) is dated before the sending (\(send.sentOn))",
                        code: .invalidInput)
            try require(!text.isEmpty && text.unicodeScalars.count <= policy.opinionMaxChars, "opinion.department.reply.text",
                        zh: "办理情况不能为空，且不超过 \(policy.opinionMaxChars) 字",
                        en: "the handling text is required, at most \(policy.opinionMaxChars) characters", code: .invalidInput)
        default:
            return [.opinion(event)]
        }
        return [.opinion(event)]
    }

    private func checkDepartment(_ department: String) throws {
        try require(!department.isEmpty && department.unicodeScalars.count <= DomainState.maxDepartmentCharacters, "opinion.department.name",
                    zh: "部门名称不能为空，且不超过 \(DomainState.maxDepartmentCharacters) 字",
                    en: "the department's name is required, at most \(DomainState.maxDepartmentCharacters) characters", code: .invalidInput)
    }

    /// Applies a step beyond the federation: the body's own steps to its copy; an adoption above recorded higher up to
    /// the origin body's report (once per level).
    mutating func applyBeyond(_ e: OpinionEvent) {
        let key = e.report.key
        guard var r = opinions[key] else { return }
        switch e.step {
        case .sentAbove(let level):
            guard e.atBody == body.id, !r.aboveSends.contains(where: { $0.level == level }) else { return }
            r.aboveSends.append(.init(level: level, on: e.on))
        case .adoptedAbove(let level, let issue):
            guard e.atBody == body.id || key.originBody == body.id, !r.aboveAdoptions.contains(where: { $0.level == level }) else { return }
            r.aboveAdoptions.append(.init(level: level, bulletinIssue: issue, recordedBy: e.atBody, on: e.on))
        case .sentToDepartment(let department):
            guard e.atBody == body.id, !r.departmentSends.contains(where: { $0.department == department }) else { return }
            r.departmentSends.append(.init(department: department, sentOn: e.on))
        case .departmentReplied(let department, let result, let text):
            guard e.atBody == body.id, let i = r.departmentSends.firstIndex(where: { $0.department == department }),
                  r.departmentSends[i].reply == nil else { return }
            r.departmentSends[i].reply = .init(result: result, text: text, on: e.on)
        default:
            return
        }
        opinions[key] = r
    }
}

extension DomainState {
    /// Figures of the steps beyond the federation on report `r` in `period`, counted once at the body that recorded
    /// them (an adoption above reaches the origin body too, where it is shown, never counted).
    func countBeyond(_ r: OpinionReport, in period: Period, into f: inout Figures) {
        for s in r.aboveSends where period.contains(s.on) {
            switch s.level {
            case .province: f.opinionsSentProvincial += 1
            case .national: f.opinionsSentNational += 1
            }
        }
        for a in r.aboveAdoptions where a.recordedBy == body.id && period.contains(a.on) {
            switch a.level {
            case .province: f.opinionsAdoptedProvincial += 1
            case .national: f.opinionsAdoptedNational += 1
            }
        }
        for d in r.departmentSends {
            if period.contains(d.sentOn) { f.opinionsToDepartments += 1 }
            guard let reply = d.reply, period.contains(reply.on) else { continue }
            switch reply.result {
            case .adopted: f.opinionsDepartmentAdopted += 1
            case .partlyAdopted: f.opinionsDepartmentPartlyAdopted += 1
            case .forReference: f.opinionsDepartmentForReference += 1
            case .notAdopted: f.opinionsDepartmentNotAdopted += 1
            }
        }
    }
}
