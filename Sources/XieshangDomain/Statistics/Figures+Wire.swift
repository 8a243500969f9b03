import XieshangWire

extension Period {
    /// The wire message.
    public var wireMessage: XieshangWire.Period {
        let kind: XieshangWire.PeriodKind = switch self.kind {
        case .month: .month
        case .quarter: .quarter
        case .year: .year
        }
        return XieshangWire.Period(kind: kind, year: Int32(clamping: year), index: Int32(clamping: index))
    }

    /// From the wire message.
    /// - Throws: `DomainError` for an unknown kind or an index that does not fit it.
    public init(wire m: XieshangWire.Period) throws {
        let kind: Kind
        switch m.kind {
        case .month: kind = .month
        case .quarter: kind = .quarter
        case .year: kind = .year
        default: throw wireMissing("Period.kind")
        }
        try self.init(kind: kind, year: int(m.year), index: int(m.index), checked: ())
    }

    /// Parses the text form used by AggregateReport and the CLI: "2026", "2026-Q3", "2026-11".
    /// - Throws: `DomainError` `.invalidInput` (rule "period.format").
    public init(parsing text: String) throws {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let bad = DomainError(.invalidInput, rule: "period.format", zh: "统计周期格式错误：“\(text)”，应为 2026、2026-Q3 或 2026-11",
                              en: "period \"\(text)\" is not of the form 2026, 2026-Q3 or 2026-11")
        guard let first = parts.first, first.count == 4, let year = Int(first) else { throw bad }
        if parts.count == 1 { try self.init(kind: .year, year: year, index: 0, checked: ()); return }
        guard parts.count == 2 else { throw bad }
        if parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), parts[1].count == 2 {
            try self.init(kind: .quarter, year: year, index: q, checked: ())
        } else if parts[1].count == 2, let m = Int(parts[1]) {
            try self.init(kind: .month, year: year, index: m, checked: ())
        } else {
            throw bad
        }
    }
}

extension Figures {
    /// The payload message `Figures` (stats.proto).
    public var wireMessage: XieshangWire.Figures {
        var m = XieshangWire.Figures()
        m.period = period.wireMessage
        for (path, name) in Figures.counters { m[keyPath: Figures.wirePaths[name]!] = self[keyPath: path] }
        m.repliesByClass = repliesByClass
        m.opinionsAdoptedHigher = opinionsAdoptedHigher
        m.consultationsByForm = consultationsByForm
        return m
    }

    /// From the payload message.
    /// - Throws: `DomainError` for a missing or malformed period.
    public init(wire m: XieshangWire.Figures) throws {
        guard let period = m.period else { throw wireMissing("Figures.period") }
        self.init(period: try Period(wire: period))
        for (path, name) in Figures.counters { self[keyPath: path] = m[keyPath: Figures.wirePaths[name]!] }
        repliesByClass = m.repliesByClass
        opinionsAdoptedHigher = m.opinionsAdoptedHigher
        consultationsByForm = m.consultationsByForm
    }

    /// The figures as the flat name → count map of `AggregateReport.own/totals`: every counter by its name
    /// ("proposalsFiled"), keyed counters as "name.key" ("repliesByClass.A"). Zero counters are included so
    /// every report names every figure.
    public var namedCounts: [String: Int64] {
        var out: [String: Int64] = [:]
        for (path, name) in Figures.counters { out[name] = self[keyPath: path] }
        for (key, v) in repliesByClass { out["repliesByClass.\(key)"] = v }
        for (key, v) in opinionsAdoptedHigher { out["opinionsAdoptedHigher.\(key)"] = v }
        for (key, v) in consultationsByForm { out["consultationsByForm.\(key)"] = v }
        return out
    }

    /// Figures from a name → count map (the inverse of `namedCounts`).
    /// - Throws: `DomainError` `.invalidInput` (rule "figures.name") for a name no figure has.
    public init(period: Period, namedCounts: [String: Int64]) throws {
        self.init(period: period)
        let scalars = Dictionary(uniqueKeysWithValues: Figures.counters.map { ($0.1, $0.0) })
        for (name, value) in namedCounts {
            if let path = scalars[name] { self[keyPath: path] = value; continue }
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw DomainError(.invalidInput, rule: "figures.name", zh: "未知统计项“\(name)”", en: "no figure is named \"\(name)\"")
            }
            switch parts[0] {
            case "repliesByClass": repliesByClass[parts[1]] = value
            case "opinionsAdoptedHigher": opinionsAdoptedHigher[parts[1]] = value
            case "consultationsByForm": consultationsByForm[parts[1]] = value
            default:
                throw DomainError(.invalidInput, rule: "figures.name", zh: "未知统计项“\(name)”", en: "no figure is named \"\(name)\"")
            }
        }
    }

    /// The generated message's field for each counter name.
    static var wirePaths: [String: WritableKeyPath<XieshangWire.Figures, Int64>] {
        [
            "proposalsFiled": \.proposalsFiled, "proposalsRegistered": \.proposalsRegistered,
            "proposalsNotRegistered": \.proposalsNotRegistered, "proposalsMerged": \.proposalsMerged,
            "proposalsWithdrawn": \.proposalsWithdrawn, "proposalsAssigned": \.proposalsAssigned,
            "repliesOnTime": \.repliesOnTime, "repliesLate": \.repliesLate,
            "evaluationsSatisfied": \.evaluationsSatisfied, "evaluationsBasicallySatisfied": \.evaluationsBasicallySatisfied,
            "evaluationsUnsatisfied": \.evaluationsUnsatisfied, "proposalsClosed": \.proposalsClosed,
            "proposalsRehandled": \.proposalsRehandled, "keyProposals": \.keyProposals,
            "opinionsReceived": \.opinionsReceived, "opinionsAdopted": \.opinionsAdopted,
            "opinionsInstructed": \.opinionsInstructed, "opinionsForwarded": \.opinionsForwarded,
            "consultations": \.consultations, "consultationParticipants": \.consultationParticipants,
            "researchVisits": \.researchVisits, "inspections": \.inspections, "appraisals": \.appraisals,
            "trainings": \.trainings, "welfareActivities": \.welfareActivities,
            "activityParticipants": \.activityParticipants, "suggestionsMade": \.suggestionsMade,
            "suggestionsAdopted": \.suggestionsAdopted, "suggestionsClosed": \.suggestionsClosed,
            "planItemsAssigned": \.planItemsAssigned, "planItemsDone": \.planItemsDone,
            "planItemsOverdue": \.planItemsOverdue, "members": \.members,
            "membersBelowThreshold": \.membersBelowThreshold, "bodies": \.bodies,
        ]
    }
}
