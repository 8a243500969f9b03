/// Sub-body unit rules 基层协商平台: registering and retiring a unit, and the unit an activity is held at.
extension DomainState {
    func checkStation(_ e: StationEvent, by actor: Actor) throws {
        try require(actor == .office, "station.actor", zh: "站点由本组织办公室登记、撤销",
                    en: "the body's office registers and retires its units, not \(actor)")
        switch e.step {
        case .registered(let name, let kind, let parent):
            try checkStationID(e.stationID)
            try require(stations[e.stationID] == nil, "station.id.unique", zh: "站点编号 \(e.stationID) 已登记（撤销的站点也保留编号）",
                        en: "unit id \(e.stationID) is taken (a retired unit keeps its id)", code: .conflict)
            try checkStationName(name)
            try checkStationParent(e.stationID, kind: kind, parent: parent, on: e.on)
            try require(!stations.values.contains { $0.parent == parent && $0.name == name && $0.isOpen(on: e.on) }, "station.name.unique",
                        zh: "同一上级下已有名为「\(name)」的站点", en: "a working unit under the same parent is already named '\(name)'",
                        code: .conflict)
        case .retired:
            guard let s = stations[e.stationID] else {
                throw DomainError(.notFound, rule: "station.exists", zh: "站点 \(e.stationID) 未在本组织登记",
                                  en: "there is no unit \(e.stationID) at \(body.id); list them with `xieshang station list`")
            }
            try require(s.retiredOn == nil, "station.retire.again", zh: "站点 \(s.id) 已于 \(s.retiredOn?.description ?? "") 撤销",
                        en: "unit \(s.id) was retired on \(s.retiredOn?.description ?? "")", code: .conflict)
            try require(e.on >= s.established, "station.retire.date", zh: "撤销日期早于站点设立日期（\(s.established)）",
                        en: "the retirement day precedes the day the unit was set up (\(s.established))", code: .invalidInput)
            if let child = stations.values.filter({ $0.parent == s.id && $0.retiredOn.map({ $0 > e.on }) ?? true }).map(\.id).min() {
                throw DomainError(.ruleBroken, rule: "station.retire.children", zh: "站点 \(s.id) 下的 \(child) 仍在运行，请先撤销下属站点",
                                  en: "unit \(child) under \(s.id) still works after that day: retire the units under it first")
            }
            if let later = activities.values.filter({ $0.station == s.id && $0.date > e.on }).map(\.id).min() {
                throw DomainError(.ruleBroken, rule: "station.retire.activities",
                                  zh: "站点 \(s.id) 在 \(e.on) 之后已有活动 \(later)，撤销日期不能早于它",
                                  en: "unit \(s.id) already has activity \(later) after \(e.on): it cannot be retired before it")
            }
        }
    }

    /// 1–``Station/maxIDLength`` ASCII letters, digits, '-', '_' and '.'.
    private func checkStationID(_ id: String) throws {
        let ok = !id.isEmpty && id.utf8.count <= Station.maxIDLength && id.utf8.allSatisfy { b in
            (0x30...0x39).contains(b) || (0x41...0x5a).contains(b) || (0x61...0x7a).contains(b) || b == 0x2d || b == 0x5f || b == 0x2e
        }
        try require(ok, "station.id", zh: "站点编号须为 1–\(Station.maxIDLength) 个英文字母、数字、-、_ 或 .：「\(id)」",
                    en: "a unit id is 1–\(Station.maxIDLength) ASCII letters, digits, '-', '_' or '.': '\(id)'", code: .invalidInput)
    }

    /// 1–``Station/maxNameLength`` characters that show as themselves (no control, format or line-separator characters),
    /// without spaces at either end.
    private func checkStationName(_ name: String) throws {
        let visible = name.unicodeScalars.allSatisfy { s in
            switch s.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .privateUse, .surrogate, .unassigned: return false
            default: return true
            }
        }
        let trimmed = (name.first.map { !$0.isWhitespace } ?? false) && (name.last.map { !$0.isWhitespace } ?? false)
        try require(!name.isEmpty && name.count <= Station.maxNameLength && visible && trimmed, "station.name",
                    zh: "站点名称须为 1–\(Station.maxNameLength) 个可见字符，首尾无空格",
                    en: "a unit name is 1–\(Station.maxNameLength) visible characters without spaces at either end", code: .invalidInput)
    }

    /// Where a unit of `kind` may sit: a village station or a liaison station directly under the body, a group point under
    /// a village station, a household under a group point — a unit that exists and works on `day`. Ids are never
    /// reused and a unit's parent never changes, so a unit's parent was registered before it: the units form a tree
    /// (no cycles) at most three deep.
    private func checkStationParent(_ id: String, kind: Station.Kind, parent: String?, on day: Day) throws {
        let label = Labels.zh("station." + kind.rawValue)
        guard let parent else {
            try require(kind.parentKinds.isEmpty, "station.parent.required",
                        zh: "\(label)须挂在\(kind.parentKinds.map { Labels.zh("station." + $0.rawValue) }.sorted().joined(separator: "或"))下（--parent）",
                        en: "a \(kind.rawValue) unit sits under a \(kind.parentKinds.map(\.rawValue).sorted().joined(separator: " or ")) unit (--parent)",
                        code: .invalidInput)
            return
        }
        try require(parent != id, "station.parent.self", zh: "站点不能挂在自己下面", en: "a unit cannot sit under itself", code: .invalidInput)
        guard let p = stations[parent] else {
            throw DomainError(.notFound, rule: "station.parent.unknown", zh: "上级站点 \(parent) 未在本组织登记",
                              en: "the parent unit \(parent) is not registered at \(body.id)")
        }
        try require(kind.parentKinds.contains(p.kind), "station.parent.kind",
                    zh: kind.parentKinds.isEmpty ? "\(label)直属本组织，不能挂在站点下"
                        : "\(label)只能挂在\(kind.parentKinds.map { Labels.zh("station." + $0.rawValue) }.sorted().joined(separator: "或"))下，\(parent) 是\(Labels.zh("station." + p.kind.rawValue))",
                    en: kind.parentKinds.isEmpty ? "a \(kind.rawValue) unit sits directly under the body, not under a unit"
                        : "a \(kind.rawValue) unit sits under a \(kind.parentKinds.map(\.rawValue).sorted().joined(separator: " or ")) unit; \(parent) is a \(p.kind.rawValue) unit")
        try require(p.isOpen(on: day), "station.parent.closed",
                    zh: "上级站点 \(parent) 在 \(day) 未运行（设立于 \(p.established)\(p.retiredOn.map { "，撤销于 \($0)" } ?? "")）",
                    en: "the parent unit \(parent) does not work on \(day) (set up \(p.established)\(p.retiredOn.map { ", retired \($0)" } ?? ""))")
    }

    /// The unit an activity is held at, when it names one: registered here and working on the activity's day.
    func checkActivityStation(_ a: Activity) throws {
        guard !a.station.isEmpty else { return }
        guard let s = stations[a.station] else {
            throw DomainError(.notFound, rule: "activity.station.unknown",
                              zh: "站点 \(a.station) 未在本组织登记（xieshang station list 查看）",
                              en: "there is no unit \(a.station) at \(body.id); list them with `xieshang station list`")
        }
        try require(a.date >= s.established, "activity.station.notYet", zh: "站点 \(s.id)（\(s.name)）设立于 \(s.established)，活动日期早于设立",
                    en: "unit \(s.id) was set up on \(s.established), after the activity's day \(a.date)")
        if let retired = s.retiredOn {
            try require(a.date <= retired, "activity.station.retired",
                        zh: "站点 \(s.id)（\(s.name)）已于 \(retired) 撤销，之后不再登记活动",
                        en: "unit \(s.id) was retired on \(retired); it takes no activity dated after that day")
        }
    }

    mutating func applyStation(_ e: StationEvent) {
        switch e.step {
        case .registered(let name, let kind, let parent):
            guard stations[e.stationID] == nil else { return }
            stations[e.stationID] = Station(id: e.stationID, name: name, kind: kind, parent: parent, established: e.on)
        case .retired:
            guard stations[e.stationID]?.retiredOn == nil else { return }
            stations[e.stationID]?.retiredOn = e.on
        }
    }
}

extension DomainState {
    /// The units in tree order — each followed by the units under it, siblings by id — with how deep each sits (0 for a
    /// unit directly under the body). A unit whose parent chain does not end at the body (records of another body
    /// that no rule checked here) sits at the depth its chain reaches.
    public var stationTree: [(station: Station, depth: Int)] {
        stations.keys.map { stationChain($0) }.sorted { $0.lexicographicallyPrecedes($1) }.compactMap { path in
            path.last.flatMap { stations[$0] }.map { ($0, path.count - 1) }
        }
    }

    /// The ids from the top unit down to `id`: its parent chain, which stops at a parent not registered or already on
    /// it, and after as many steps as there are units, so no record can make it loop.
    public func stationChain(_ id: String) -> [String] {
        var path = [id], at = stations[id]?.parent
        while let p = at, let s = stations[p], !path.contains(p), path.count <= stations.count {
            path.insert(p, at: 0)
            at = s.parent
        }
        return path
    }
}
