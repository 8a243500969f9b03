// DO NOT EDIT — generated from Protos/ by xieshang-protogen.

/// Every message and enum type generated from `Protos/`, by fully qualified proto name.
public enum ProtoRegistry {
    /// Message types by full name, e.g. `xieshang.v1.EventBody`.
    public static let messageTypes: [String: any ProtoMessage.Type] = [
        "xieshang.v1.DownScope": DownScope.self,
        "xieshang.v1.EchoRequest": EchoRequest.self,
        "xieshang.v1.EchoResponse": EchoResponse.self,
        "xieshang.v1.EventBody": EventBody.self,
        "xieshang.v1.Note": Note.self,
        "xieshang.v1.Scope": Scope.self,
        "xieshang.v1.SignedEvent": SignedEvent.self,
    ]

    /// Enum types by full name.
    public static let enumTypes: [String: any ProtoEnum.Type] = [
        "xieshang.v1.EventKind": EventKind.self,
    ]
}
