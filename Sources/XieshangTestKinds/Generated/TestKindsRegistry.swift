// DO NOT EDIT — generated from Protos/ by xieshang-protogen.

import XieshangWire

/// Every message and enum type generated from `Protos/`, by fully qualified proto name.
public enum TestKindsRegistry {
    /// Message types by full name, e.g. `xieshang.v1.EventBody`.
    public static let messageTypes: [String: any ProtoMessage.Type] = [
        "xieshang.testing.v1.Note": Note.self,
    ]

    /// Enum types by full name.
    public static let enumTypes: [String: any ProtoEnum.Type] = [:]
}
