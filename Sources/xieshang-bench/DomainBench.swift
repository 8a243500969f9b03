import XieshangDomain

/// `xieshang-bench domain [proposals]`: throughput of the domain state for a large county — recording
/// (validate + apply), replaying the log, decoding payload bytes and replaying, and computing the year's figures.
func runDomainBench(_ args: [String]) -> Int32 {
    let proposals = args.first.flatMap { Int($0) } ?? 20_000
    let body = BodyInfo(id: "bench.county", name: "基准县政协", tier: "county", parent: "bench.city")
    var state = DomainState(body: body)
    var commands: [(DomainEvent, Actor)] = []
    let start = Day(year: 2026, month: 1, day: 5)!
    let memberCount = 400
    for i in 0..<memberCount {
        commands.append((.member(MemberRecorded(memberID: "m\(i)", name: "委员\(i)", sector: "经济界", body: body.id, term: 10,
                                                effective: Day(year: 2022, month: 1, day: 1)!)), .office))
    }
    for k in 0..<proposals {
        let id = "P\(k)", m = "m\(k % memberCount)", unit = "单位\(k % 40)"
        let on = start.adding(days: k % 60)
        func p(_ d: Int, _ step: ProposalEvent.Step, _ actor: Actor) {
            commands.append((.proposal(ProposalEvent(id, on: on.adding(days: d), step)), actor))
        }
        p(0, .submitted(.init(title: "关于第\(k)号事项的提案", text: "建议……", kind: .individual, firstProposer: m)), .member(m))
        p(10, .reviewed(.registered(number: id)), .committee)
        p(20, .assigned(.init(.lead(unit, coHandling: []))), .committee)
        p(80, .replied(unit: unit, replyClass: ["A", "B", "C"][k % 3], text: "答复"), .unit(unit))
        p(90, .evaluated(member: m, rating: k % 10 == 0 ? .basicallySatisfied : .satisfied, comment: ""), .member(m))
        p(100, .closed(note: ""), .committee)
        let prov = OpinionEvent.Provenance(originBody: body.id, originReportID: "R\(k)", author: m, authorKind: .member)
        commands.append((.opinion(OpinionEvent(prov, at: body.id, on: on, .submitted(title: "信息", text: "内容"))), .office))
        commands.append((.activity(Activity(id: "A\(k)", kind: k % 2 == 0 ? .research : .consultation,
                                            form: k % 2 == 0 ? nil : .topical, date: on, topic: "议题",
                                            participants: 12, members: [m])), .office))
    }
    var log: [DomainEvent] = []
    log.reserveCapacity(commands.count)
    let t0 = monotonicSeconds()
    for (command, actor) in commands {
        do { log += try state.record(command, by: actor) } catch {
            print("domain bench: refused \(error)")
            return 1
        }
    }
    let t1 = monotonicSeconds()
    let replayed = DomainState.replay(body: body, events: log)
    let t2 = monotonicSeconds()
    let payloads = log.map { ($0.eventKind, $0.payloadBytes()) }
    let t3 = monotonicSeconds()
    var decoded = DomainState(body: body)
    for (kind, bytes) in payloads {
        do { decoded.apply(try DomainEvent(kind: kind, payload: bytes)) } catch {
            print("domain bench: decode failed \(error)")
            return 1
        }
    }
    let t4 = monotonicSeconds()
    let figures = state.figures(for: .year(2026))
    let t5 = monotonicSeconds()
    guard replayed == state, decoded == state, figures.proposalsClosed == Int64(proposals) else {
        print("domain bench: replay differs from the live state")
        return 1
    }
    let n = Double(log.count)
    print("events: \(log.count) (\(proposals) proposals × 6 steps, \(proposals) reports, \(proposals) activities, \(memberCount) members)")
    print("record (validate + apply): \(formatRate(n / (t1 - t0)))")
    print("replay (apply):            \(formatRate(n / (t2 - t1)))")
    print("decode payload + apply:    \(formatRate(n / (t4 - t3)))  (encoding took \(String(format: "%.2f", t3 - t2)) s)")
    print("figures for the year:      \(String(format: "%.1f", (t5 - t4) * 1000)) ms  (满意率 \(figures.satisfactionRate(.satisfiedOrBasic)))")
    return 0
}
