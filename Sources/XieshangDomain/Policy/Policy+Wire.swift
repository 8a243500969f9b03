import XieshangWire

extension Policy {
    /// The payload message `PolicySet` (every setting in full).
    public var wireMessage: XieshangWire.PolicySet {
        let d = duty
        let choice = { (c: PolicyChoice) in XieshangWire.PolicyChoice(code: c.code, labelZh: c.labelZh, labelEn: c.labelEn) }
        return XieshangWire.PolicySet(
            version: Int32(clamping: version), effective: effective.description, replyMonths: Int32(clamping: replyMonths),
            maxExtensionMonths: Int32(clamping: maxExtensionMonths), objectionWindowDays: Int32(clamping: objectionWindowDays),
            cosignWindowDays: Int32(clamping: cosignWindowDays), evaluationWindowDays: Int32(clamping: evaluationWindowDays),
            replyClasses: replyClasses.map(choice), notRegisteredReasons: notRegisteredReasons.map(choice),
            satisfactionFormula: satisfactionFormula == .satisfiedOnly ? .satisfiedOnly : .satisfiedOrBasic,
            appraisalThresholdPercent: Int32(clamping: appraisalThresholdPercent),
            opinionMaxChars: Int32(clamping: opinionMaxChars),
            duty: XieshangWire.DutyScoring(
                baseTenths: Int64(d.baseTenths), attendanceTenths: Int64(d.attendanceTenths),
                excusedAbsenceTenths: Int64(d.excusedAbsenceTenths), unexcusedAbsenceTenths: Int64(d.unexcusedAbsenceTenths),
                proposalTenths: Int64(d.proposalTenths), proposalRegisteredTenths: Int64(d.proposalRegisteredTenths),
                cosignerPercent: Int64(d.cosignerPercent), opinionTenths: Int64(d.opinionTenths),
                opinionAdoptedTenths: Int64(d.opinionAdoptedTenths), researchTenths: Int64(d.researchTenths),
                welfareTenths: Int64(d.welfareTenths), capMeetingsTenths: Int64(d.capTenths[.meetings] ?? 0),
                capProposalsTenths: Int64(d.capTenths[.proposals] ?? 0), capOpinionsTenths: Int64(d.capTenths[.opinions] ?? 0),
                capResearchTenths: Int64(d.capTenths[.research] ?? 0), capWelfareTenths: Int64(d.capTenths[.welfare] ?? 0),
                talkBelowTenths: Int64(d.talkBelowTenths), resignationAfterYears: Int32(clamping: d.resignationAfterYears),
                minimumProposals: Int32(clamping: d.minimumProposals), minimumOpinions: Int32(clamping: d.minimumOpinions),
                trainingTenths: Int64(d.trainingTenths), capTrainingTenths: Int64(d.capTenths[.training] ?? 0),
                minimumResearch: Int32(clamping: d.minimumResearch), minimumWelfare: Int32(clamping: d.minimumWelfare),
                awardMinTenths: Int64(d.awardMinTenths), awardTopPercent: Int32(clamping: d.awardTopPercent)),
            registersProposals: registersProposals)
    }

    /// From the payload message. A PolicySet always carries every setting; the domain validates the values
    /// when the event is recorded (`policy.values`).
    /// - Throws: `DomainError` for a malformed day or a missing duty table.
    public init(wire m: XieshangWire.PolicySet) throws {
        self.init()
        guard let w = m.duty else { throw wireMissing("PolicySet.duty") }
        version = int(m.version)
        effective = try wireDay(m.effective, "PolicySet.effective")
        replyMonths = int(m.replyMonths)
        maxExtensionMonths = int(m.maxExtensionMonths)
        objectionWindowDays = int(m.objectionWindowDays)
        cosignWindowDays = int(m.cosignWindowDays)
        evaluationWindowDays = int(m.evaluationWindowDays)
        replyClasses = m.replyClasses.map { PolicyChoice(code: $0.code, labelZh: $0.labelZh, labelEn: $0.labelEn) }
        notRegisteredReasons = m.notRegisteredReasons.map { PolicyChoice(code: $0.code, labelZh: $0.labelZh, labelEn: $0.labelEn) }
        satisfactionFormula = m.satisfactionFormula == .satisfiedOnly ? .satisfiedOnly : .satisfiedOrBasic
        appraisalThresholdPercent = int(m.appraisalThresholdPercent)
        opinionMaxChars = int(m.opinionMaxChars)
        registersProposals = m.registersProposals
        func i(_ v: Int64) -> Int { Int(v) }
        duty.baseTenths = i(w.baseTenths)
        duty.attendanceTenths = i(w.attendanceTenths)
        duty.excusedAbsenceTenths = i(w.excusedAbsenceTenths)
        duty.unexcusedAbsenceTenths = i(w.unexcusedAbsenceTenths)
        duty.proposalTenths = i(w.proposalTenths)
        duty.proposalRegisteredTenths = i(w.proposalRegisteredTenths)
        duty.cosignerPercent = i(w.cosignerPercent)
        duty.opinionTenths = i(w.opinionTenths)
        duty.opinionAdoptedTenths = i(w.opinionAdoptedTenths)
        duty.researchTenths = i(w.researchTenths)
        duty.welfareTenths = i(w.welfareTenths)
        duty.capTenths = [.meetings: i(w.capMeetingsTenths), .proposals: i(w.capProposalsTenths),
                          .opinions: i(w.capOpinionsTenths), .research: i(w.capResearchTenths), .welfare: i(w.capWelfareTenths),
                          .training: w.capTrainingTenths.map(i) ?? duty.capTenths[.training] ?? 0]
        duty.talkBelowTenths = i(w.talkBelowTenths)
        duty.resignationAfterYears = int(w.resignationAfterYears)
        duty.minimumProposals = int(w.minimumProposals)
        duty.minimumOpinions = int(w.minimumOpinions)
        // Fields 21–26, absent from a policy recorded before them: the defaults.
        if let v = w.trainingTenths { duty.trainingTenths = i(v) }
        if let v = w.minimumResearch { duty.minimumResearch = int(v) }
        if let v = w.minimumWelfare { duty.minimumWelfare = int(v) }
        if let v = w.awardMinTenths { duty.awardMinTenths = i(v) }
        if let v = w.awardTopPercent { duty.awardTopPercent = int(v) }
    }
}
