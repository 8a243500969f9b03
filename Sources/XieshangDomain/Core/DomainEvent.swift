/// Everything a body's domain state learns: one case per payload of envelope.proto's domain EventKinds.
public enum DomainEvent: Hashable, Sendable {
    /// EVENT_KIND_MEMBER_RECORDED: a member added or changed.
    case member(MemberRecorded)
    /// EVENT_KIND_POLICY_SET: a new version of the body's policy.
    case policy(Policy)
    /// EVENT_KIND_PROPOSAL: a proposal step.
    case proposal(ProposalEvent)
    /// EVENT_KIND_OPINION: an opinion report step.
    case opinion(OpinionEvent)
    /// EVENT_KIND_ACTIVITY: an activity held.
    case activity(Activity)
    /// EVENT_KIND_SUGGESTION: a suggestion step.
    case suggestion(SuggestionEvent)
    /// EVENT_KIND_PLAN: a consultation plan step.
    case plan(PlanEvent)
    /// EVENT_KIND_DUTY: attendance or an adjustment.
    case duty(DutyEvent)
    /// EVENT_KIND_STATION: a sub-body unit registered or retired.
    case station(StationEvent)
    /// EVENT_KIND_RESEARCH: a research or inspection report step (reported, instructed, converted).
    case research(ResearchEvent)
}
