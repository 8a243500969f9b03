// DO NOT EDIT — generated from Protos/ by xieshang-protogen.

import XieshangWire

/// Every message and enum type generated from `Protos/`, by fully qualified proto name.
public enum ConformanceRegistry {
    /// Message types by full name, e.g. `xieshang.v1.EventBody`.
    public static let messageTypes: [String: any ProtoMessage.Type] = [
        "xieshang.test.v1.ConformanceScalars": ConformanceScalars.self,
        "xieshang.test.v1.ConformanceTree": ConformanceTree.self,
        "xieshang.test.v1.ConformanceTree.Leaf": ConformanceTree.Leaf.self,
    ]

    /// Enum types by full name.
    public static let enumTypes: [String: any ProtoEnum.Type] = [
        "xieshang.test.v1.ConformanceColour": ConformanceColour.self,
        "xieshang.test.v1.ConformanceTree.Leaf.Shape": ConformanceTree.Leaf.Shape.self,
    ]
}
