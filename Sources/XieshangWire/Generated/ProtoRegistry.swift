// DO NOT EDIT — generated from Protos/ by xieshang-protogen.

/// Every message and enum type generated from `Protos/`, by fully qualified proto name.
public enum ProtoRegistry {
    /// Message types by full name, e.g. `xieshang.v1.EventBody`.
    public static let messageTypes: [String: any ProtoMessage.Type] = [
        "xieshang.v1.Ack": Ack.self,
        "xieshang.v1.AggregateReport": AggregateReport.self,
        "xieshang.v1.Alert": Alert.self,
        "xieshang.v1.AlertEntry": AlertEntry.self,
        "xieshang.v1.BodyFigures": BodyFigures.self,
        "xieshang.v1.ChildReport": ChildReport.self,
        "xieshang.v1.DownScope": DownScope.self,
        "xieshang.v1.DraftCreated": DraftCreated.self,
        "xieshang.v1.DraftDeletedRun": DraftDeletedRun.self,
        "xieshang.v1.DraftEvent": DraftEvent.self,
        "xieshang.v1.DraftOperation": DraftOperation.self,
        "xieshang.v1.DraftOperations": DraftOperations.self,
        "xieshang.v1.DraftSignOff": DraftSignOff.self,
        "xieshang.v1.EchoRequest": EchoRequest.self,
        "xieshang.v1.EchoResponse": EchoResponse.self,
        "xieshang.v1.Escalation": Escalation.self,
        "xieshang.v1.EventBatch": EventBatch.self,
        "xieshang.v1.EventBody": EventBody.self,
        "xieshang.v1.EventRef": EventRef.self,
        "xieshang.v1.HandshakeTranscript": HandshakeTranscript.self,
        "xieshang.v1.HelloRequest": HelloRequest.self,
        "xieshang.v1.HelloResponse": HelloResponse.self,
        "xieshang.v1.HighWater": HighWater.self,
        "xieshang.v1.LinkStatus": LinkStatus.self,
        "xieshang.v1.Note": Note.self,
        "xieshang.v1.ProveRequest": ProveRequest.self,
        "xieshang.v1.ProveResponse": ProveResponse.self,
        "xieshang.v1.PullRequest": PullRequest.self,
        "xieshang.v1.QueryRequest": QueryRequest.self,
        "xieshang.v1.QueryResponse": QueryResponse.self,
        "xieshang.v1.Refusal": Refusal.self,
        "xieshang.v1.Roster": Roster.self,
        "xieshang.v1.RosterEntry": RosterEntry.self,
        "xieshang.v1.Scope": Scope.self,
        "xieshang.v1.SignedEvent": SignedEvent.self,
        "xieshang.v1.StatsRequest": StatsRequest.self,
        "xieshang.v1.StatsResponse": StatsResponse.self,
        "xieshang.v1.StatusRequest": StatusRequest.self,
        "xieshang.v1.StatusResponse": StatusResponse.self,
        "xieshang.v1.SubmitRequest": SubmitRequest.self,
        "xieshang.v1.SubmitResponse": SubmitResponse.self,
    ]

    /// Enum types by full name.
    public static let enumTypes: [String: any ProtoEnum.Type] = [
        "xieshang.v1.EventKind": EventKind.self,
    ]
}
