import XieshangWire

extension Period {
    /// The wire message.
    public var wireMessage: XieshangWire.StatsPeriod {
        let kind: XieshangWire.PeriodKind = switch self.kind {
        case .month: .month
        case .quarter: .quarter
        case .halfYear: .halfYear
        case .year: .year
        case .session: .session
        }
        var m = XieshangWire.StatsPeriod(kind: kind, year: Int32(clamping: year), index: Int32(clamping: index))
        if self.kind == .session {
            m.startDay = start.description
            m.endDay = isOpen ? "" : end.description
        }
        return m
    }

    /// From the wire message.
    /// - Throws: `DomainError` for an unknown kind, an index that does not fit it, or a session period's bad day.
    public init(wire m: XieshangWire.StatsPeriod) throws(DomainError) {
        let kind: Kind
        switch m.kind {
        case .month: kind = .month
        case .quarter: kind = .quarter
        case .halfYear: kind = .halfYear
        case .year: kind = .year
        case .session:
            let from = try Day.domain(m.startDay, field: "Period.start_day")
            let through = m.endDay.isEmpty ? nil : try Day.domain(m.endDay, field: "Period.end_day")
            if let through, through < from { throw wireMissing("Period.end_day") }
            self = .session(from: from, through: through)
            return
        default: throw wireMissing("Period.kind")
        }
        do { try self.init(kind: kind, year: int(m.year), index: int(m.index)) } catch { throw DomainError(error) }
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
        m.proposalsByChannel = proposalsByChannel
        m.opinionsByChannel = opinionsByChannel
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
        proposalsByChannel = m.proposalsByChannel
        opinionsByChannel = m.opinionsByChannel
    }

    /// The figures as the flat name → count map of `AggregateReport.own/totals`: every counter by its stats.proto
    /// field name ("proposals_filed"), keyed counters as "name.key" ("replies_by_class.A"). Zero counters are included
    /// here; a report leaves them out (`FigureMap.nonZero`, a missing name means 0).
    public var namedCounts: [String: Int64] {
        var out: [String: Int64] = [:]
        for (path, name) in Figures.counters { out[Figures.protoName(name)] = self[keyPath: path] }
        for (key, v) in repliesByClass { out["replies_by_class.\(key)"] = v }
        for (key, v) in opinionsAdoptedHigher { out["opinions_adopted_higher.\(key)"] = v }
        for (key, v) in consultationsByForm { out["consultations_by_form.\(key)"] = v }
        for (key, v) in proposalsByChannel { out["proposals_by_channel.\(key)"] = v }
        for (key, v) in opinionsByChannel { out["opinions_by_channel.\(key)"] = v }
        return out
    }

    /// The stats.proto field name of a counter's label key: "proposalsFiled" → "proposals_filed".
    public static func protoName(_ key: String) -> String {
        if let known = protoNames[key] { return known }
        return convertedToProtoName(key)
    }

    /// ``protoName(_:)`` worked out character by character (for keys no counter has).
    static func convertedToProtoName(_ key: String) -> String {
        var out = ""
        for c in key {
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    /// The label key of a stats.proto counter name ("proposals_filed" → "proposalsFiled"; "replies_by_class.A" →
    /// "repliesByClass"), nil for a name no counter has.
    public static func labelKey(ofName name: String) -> String? {
        if let key = labelKeys[name] { return key }
        guard let dot = name.firstIndex(of: ".") else { return nil }
        return labelKeys[String(name[..<dot])]
    }

    /// The stats.proto name of every counter's, keyed counter's and rate's label key, worked out once: rates, `stats` and
    /// its `--json` look names up per figure per body (issue 15: converting them each time cost the city's
    /// `stats --drill --json` most of a second).
    static let protoNames: [String: String] = Dictionary(
        (counters.map(\.1) + keyedCounters + rates).map { ($0, convertedToProtoName($0)) }, uniquingKeysWith: { a, _ in a })

    /// The label key of every stats.proto counter and keyed counter name (the inverse of ``protoNames``).
    static let labelKeys: [String: String] = Dictionary(
        (counters.map(\.1) + keyedCounters).map { (convertedToProtoName($0), $0) }, uniquingKeysWith: { a, _ in a })

    /// The index in ``counters`` of each scalar counter's stats.proto name.
    static let scalarIndex: [String: Int] = Dictionary(
        counters.enumerated().map { (convertedToProtoName($1.1), $0) }, uniquingKeysWith: { a, _ in a })

    /// The scalar counters of a name → count map, for its rates (which read no keyed counter): nil when the map holds
    /// a name that ``labelKey(ofName:)`` knows but ``init(period:namedCounts:)`` refuses (`proposals_filed.x`, a keyed
    /// counter's name without its key); names nobody knows are left out. Equal, counter by counter, to
    /// `try? Figures(period:namedCounts:)` of the map without its unknown names — without building the keyed counters.
    static func scalars(of namedCounts: [String: Int64]) -> Figures? {
        var f = Figures(period: .year(2026))
        let counters = Figures.counters
        for (name, value) in namedCounts {
            if let i = scalarIndex[name] {
                if value != 0 { f[keyPath: counters[i].0] = value }  // every counter starts at 0
                continue
            }
            // labelKey(ofName:) without its second lookup: no label key has a dot, so a dotted name is known by its prefix.
            guard let dot = name.firstIndex(of: ".") else {
                if labelKeys[name] != nil { return nil }  // a keyed counter's name without its key
                continue
            }
            let prefix = String(name[..<dot])
            guard labelKeys[prefix] != nil else { continue }
            // What init(period:namedCounts:) accepts besides a scalar: "<keyed counter>.<key>", the key not empty.
            guard keyedNames.contains(prefix), name.index(after: dot) < name.endIndex else { return nil }
        }
        return f
    }

    /// The stats.proto names of the keyed counters ("replies_by_class").
    static let keyedNames: Set<String> = Set(keyedCounters.map(convertedToProtoName))

    /// Figures from a name → count map (the inverse of `namedCounts`).
    /// - Throws: `DomainError` `.invalidInput` (rule "figures.name") for a name no figure has.
    public init(period: Period, namedCounts: [String: Int64]) throws {
        self.init(period: period)
        let counters = Figures.counters
        for (name, value) in namedCounts {
            if let i = Figures.scalarIndex[name] { self[keyPath: counters[i].0] = value; continue }
            let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw DomainError(.invalidInput, rule: "figures.name", zh: "未知统计项“\(name)”", en: "no figure is named \"\(name)\"")
            }
            switch parts[0] {
            case "replies_by_class": repliesByClass[parts[1]] = value
            case "opinions_adopted_higher": opinionsAdoptedHigher[parts[1]] = value
            case "consultations_by_form": consultationsByForm[parts[1]] = value
            case "proposals_by_channel": proposalsByChannel[parts[1]] = value
            case "opinions_by_channel": opinionsByChannel[parts[1]] = value
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
            "proposalsClosedOfRegistered": \.proposalsClosedOfRegistered, "latestRoundSatisfied": \.latestRoundSatisfied,
            "latestRoundBasicallySatisfied": \.latestRoundBasicallySatisfied, "latestRoundUnsatisfied": \.latestRoundUnsatisfied,
            "proposalsInstructed": \.proposalsInstructed, "keyProposalsSupervised": \.keyProposalsSupervised,
            "keyProposalsClosedOfMarked": \.keyProposalsClosedOfMarked,
            "keyProposalsImplementedOfMarked": \.keyProposalsImplementedOfMarked,
            "opinionsReceived": \.opinionsReceived, "opinionsAdopted": \.opinionsAdopted,
            "opinionsInstructed": \.opinionsInstructed, "opinionsForwarded": \.opinionsForwarded,
            "opinionsSentProvincial": \.opinionsSentProvincial,
            "opinionsSentNational": \.opinionsSentNational,
            "opinionsAdoptedProvincial": \.opinionsAdoptedProvincial,
            "opinionsAdoptedNational": \.opinionsAdoptedNational,
            "opinionsToDepartments": \.opinionsToDepartments,
            "opinionsDepartmentAdopted": \.opinionsDepartmentAdopted,
            "opinionsDepartmentPartlyAdopted": \.opinionsDepartmentPartlyAdopted,
            "opinionsDepartmentForReference": \.opinionsDepartmentForReference,
            "opinionsDepartmentNotAdopted": \.opinionsDepartmentNotAdopted,
            "consultations": \.consultations, "consultationParticipants": \.consultationParticipants,
            "researchVisits": \.researchVisits, "inspections": \.inspections, "appraisals": \.appraisals,
            "trainings": \.trainings, "welfareActivities": \.welfareActivities,
            "activityParticipants": \.activityParticipants, "suggestionsMade": \.suggestionsMade,
            "suggestionsAdopted": \.suggestionsAdopted, "suggestionsClosed": \.suggestionsClosed,
            "planItemsAssigned": \.planItemsAssigned, "planItemsDone": \.planItemsDone,
            "planItemsOverdue": \.planItemsOverdue, "topicsProposed": \.topicsProposed, "topicsAdopted": \.topicsAdopted,
            "topicsMerged": \.topicsMerged, "topicsNotAdopted": \.topicsNotAdopted,
            "researchReports": \.researchReports, "inspectionReports": \.inspectionReports,
            "researchReportsInstructed": \.researchReportsInstructed, "researchConvertedToProposals": \.researchConvertedToProposals,
            "researchConvertedToOpinions": \.researchConvertedToOpinions, "researchConvertedToAdvice": \.researchConvertedToAdvice,
            "members": \.members,
            "membersBelowThreshold": \.membersBelowThreshold, "bodies": \.bodies,
        ]
    }
}
