import XieshangCalendar
import XieshangDomain
import XieshangFederation
import XieshangNode
import struct XieshangWire.EventBody

/// The domain's records in the federation simulator (``SimulatedRecords``): simulated bodies originate activities with
/// participants (every kind, consultations with a form), suggestions (made, some adopted) and opinion reports
/// (received, some adopted 录用), each dated by its own record date, and every node counts them with the node's own
/// figures source (``NodeFigures``: own figures, and each descendant's recomputed from its signed records) — so the
/// simulator's seeded faults run through the real 统计口径, while the federation core stays domain-free.
///
/// The simulator's check counts what each body originated from its stored events alone (``originated(_:body:)``)
/// and compares every node's report with its subtree's sum by stats.proto name.
public struct SimulatedDomainRecords: SimulatedRecords {
    /// The domain workload.
    public init() {}

    /// A ``NodeFigures`` for the body (its tier by depth, as the simulator names it: ``Simulation/tier(depth:)``).
    public func figuresSource(body: String, parent: String?, depth: Int) -> any FiguresSource {
        DomainFigures.source(body: BodyInfo(id: body, name: body, tier: Simulation.tier(depth: depth), parent: parent))
    }

    /// An activity (roll < 30), a suggestion (< 45: made, every other one adopted the same day) or an opinion report
    /// (received, every third one adopted the same day), dated `recordDay`; ids carry `serial`.
    public func commands(body: String, serial: Int, recordDay: Day, roll: Int, amount: Int64,
                         random: inout DeterministicRandom) -> [LocalCommand] {
        var events: [DomainEvent] = []
        if roll < 30 {
            let kinds: [Activity.Kind] = [.consultation, .research, .inspection, .appraisal, .training, .welfare]
            let kind = kinds[Int(random.next() % UInt64(kinds.count))]
            let forms = Activity.Form.allCases.filter { $0 != .other }
            let form = kind == .consultation ? forms[Int(random.next() % UInt64(forms.count))] : nil
            // A 界别协商 names its sector and an appraisal its unit (the rules require them); no random number is drawn
            // for them, so the sequence of records stays that of earlier runs.
            events = [.activity(Activity(id: "HD-\(serial)", kind: kind, form: form, date: recordDay, topic: "模拟活动 \(serial)",
                                         participants: Int(amount), sectors: form == .sector ? ["经济界"] : [],
                                         appraisal: kind == .appraisal ? Activity.Appraisal(targetUnit: "模拟单位", result: .satisfied) : nil))]
        } else if roll < 45 {
            let id = "JY-\(serial)"
            events = [.suggestion(SuggestionEvent(id, on: recordDay, .made(text: "模拟建议 \(serial)", addressee: "党委", activityID: "", members: [])))]
            if serial % 2 == 0 { events.append(.suggestion(SuggestionEvent(id, on: recordDay, .adopted(by: "书记", note: "")))) }
        } else {
            let report = OpinionEvent.Provenance(originBody: body, originReportID: "SQ-\(serial)", author: "联络组", authorKind: .liaisonGroup)
            events = [.opinion(OpinionEvent(report, at: body, on: recordDay, .submitted(title: "模拟社情民意 \(serial)", text: "内容")))]
            if serial % 3 == 0 { events.append(.opinion(OpinionEvent(report, at: body, on: recordDay, .adopted(bulletinIssue: "\(recordDay.year)-1")))) }
        }
        return events.map { LocalCommand(kind: $0.eventKind, payload: $0.payloadBytes(), scope: Route.up.scope) }
    }

    /// What one own record adds, read from the event alone: an activity its kind's counter, 人次 (and 协商 人次 and
    /// form); a suggestion made or adopted; an opinion report received (by its channel) or adopted.
    public func originated(_ event: EventBody, body: String) -> (day: Day, figures: [String: Int64])? {
        guard let domain = try? DomainEvent(kind: event.kind, payload: event.payload) else { return nil }
        switch domain {
        case .activity(let a):
            let counter = ["consultation": "consultations", "research": "research_visits", "inspection": "inspections",
                           "appraisal": "appraisals", "training": "trainings", "welfare": "welfare_activities"][a.kind.rawValue]
            guard let counter else { return nil }
            var f: [String: Int64] = [counter: 1, "activity_participants": Int64(a.participants)]
            if a.kind == .consultation {
                f["consultation_participants"] = Int64(a.participants)
                if let form = a.form { f["consultations_by_form.\(form.rawValue)"] = 1 }
            }
            return (a.date, f)
        case .suggestion(let s):
            switch s.step {
            case .made: return (s.on, ["suggestions_made": 1])
            case .adopted: return (s.on, ["suggestions_adopted": 1])
            case .closed: return (s.on, ["suggestions_closed": 1])
            }
        case .opinion(let o) where o.atBody == body && o.report.originBody == body:
            switch o.step {
            case .submitted(_, _, let channel): return (o.on, ["opinions_received": 1, "opinions_by_channel.\(channel.rawValue)": 1])
            case .adopted: return (o.on, ["opinions_adopted": 1])
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `bodies` (one per body that reported) and the plan items the simulator's plans, issued from above, assign.
    public var uncheckedFigures: Set<String> { ["bodies", "plan_items_assigned", "plan_items_done", "plan_items_overdue"] }
}
