// DO NOT EDIT — generated from Protos/xieshang/v1/research.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// What a report's results were turned into 成果转化.
public enum ResearchConversion: ProtoEnum {
    /// Not set; refused.
    case unspecified
    /// A proposal 提案 held at the body (target: its id).
    case proposal
    /// A public-opinion report 社情民意信息 of the body (target: its report id at the body).
    case opinion
    /// A 建议案: the body's formal recommendation to the party committee or government (target: its title).
    case advice
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.ResearchConversion"
    public static let allKnownValues: [ResearchConversion] = [.unspecified, .proposal, .opinion, .advice]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .proposal
        case 2: self = .opinion
        case 3: self = .advice
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .proposal: 1
        case .opinion: 2
        case .advice: 3
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "RESEARCH_CONVERSION_UNSPECIFIED"
        case .proposal: "RESEARCH_CONVERSION_PROPOSAL"
        case .opinion: "RESEARCH_CONVERSION_OPINION"
        case .advice: "RESEARCH_CONVERSION_ADVICE"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "RESEARCH_CONVERSION_UNSPECIFIED": self = .unspecified
        case "RESEARCH_CONVERSION_PROPOSAL": self = .proposal
        case "RESEARCH_CONVERSION_OPINION": self = .opinion
        case "RESEARCH_CONVERSION_ADVICE": self = .advice
        default: return nil
        }
    }
}

/// A step of a research or inspection report: reported → instructed (any number) → converted (any number).
public struct ResearchEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.ResearchEvent"

    /// Report id, unique within the body.
    public var reportId: String = ""
    /// Day of the step, "YYYY-MM-DD".
    public var on: String = ""
    /// The step.
    public var step: Step? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// The step.
    public enum Step: Sendable, Hashable {
        /// The report of a research visit or inspection of the body.
        case reported(ResearchEvent.Reported)
        /// A leader's instruction 批示 on it.
        case instructed(ResearchEvent.Instructed)
        /// Its results turned into a proposal, an opinion report or a 建议案.
        case converted(ResearchEvent.Converted)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        reportId: String = "",
        on: String = "",
        step: Step? = nil
    ) {
        self.reportId = reportId
        self.on = on
        self.step = step
    }
}

extension ResearchEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "report_id", jsonName: "reportId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "on", jsonName: "on", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "reported", jsonName: "reported", type: .message("xieshang.v1.ResearchEvent.Reported"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 11, name: "instructed", jsonName: "instructed", type: .message("xieshang.v1.ResearchEvent.Instructed"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 12, name: "converted", jsonName: "converted", type: .message("xieshang.v1.ResearchEvent.Converted"), label: .singular, oneof: "step"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, reportId, field: 1)
        n += WireSize.singular(StringCodec.self, on, field: 2)
        if case .reported(let v)? = step { n += WireSize.message(v, field: 10) }
        if case .instructed(let v)? = step { n += WireSize.message(v, field: 11) }
        if case .converted(let v)? = step { n += WireSize.message(v, field: 12) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, reportId, field: 1)
        w.singular(StringCodec.self, on, field: 2)
        if case .reported(let v)? = step { w.message(v, field: 10) }
        if case .instructed(let v)? = step { w.message(v, field: 11) }
        if case .converted(let v)? = step { w.message(v, field: 12) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): reportId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): on = try StringCodec.read(from: &r)
            case (10, .lengthDelimited):
                var v = ResearchEvent.Reported()
                if case .reported(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .reported(v)
            case (11, .lengthDelimited):
                var v = ResearchEvent.Instructed()
                if case .instructed(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .instructed(v)
            case (12, .lengthDelimited):
                var v = ResearchEvent.Converted()
                if case .converted(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .converted(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("reportId", StringCodec.self, reportId)
        j.singular("on", StringCodec.self, on)
        if case .reported(let v)? = step { j.message("reported", v) }
        if case .instructed(let v)? = step { j.message("instructed", v) }
        if case .converted(let v)? = step { j.message("converted", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "reportId", "report_id": reportId = try StringCodec.readJSON(value, path: p)
            case "on": on = try StringCodec.readJSON(value, path: p)
            case "reported": step = .reported(try JSONRead.message(ResearchEvent.Reported.self, value, path: p))
            case "instructed": step = .instructed(try JSONRead.message(ResearchEvent.Instructed.self, value, path: p))
            case "converted": step = .converted(try JSONRead.message(ResearchEvent.Converted.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ResearchEvent {
    /// The report is written.
    public struct Reported: ProtoMessage {
        public static let protoName = "xieshang.v1.ResearchEvent.Reported"

        /// The research visit 调研 or inspection 视察 (an activity of the body) it reports on.
        public var activityId: String = ""
        /// Title.
        public var title: String = ""
        /// Text.
        public var text: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            activityId: String = "",
            title: String = "",
            text: String = ""
        ) {
            self.activityId = activityId
            self.title = title
            self.text = text
        }
    }
}

extension ResearchEvent.Reported {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "activity_id", jsonName: "activityId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, activityId, field: 1)
        n += WireSize.singular(StringCodec.self, title, field: 2)
        n += WireSize.singular(StringCodec.self, text, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, activityId, field: 1)
        w.singular(StringCodec.self, title, field: 2)
        w.singular(StringCodec.self, text, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): activityId = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): title = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("activityId", StringCodec.self, activityId)
        j.singular("title", StringCodec.self, title)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "activityId", "activity_id": activityId = try StringCodec.readJSON(value, path: p)
            case "title": title = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ResearchEvent {
    /// A leader instructs on it.
    public struct Instructed: ProtoMessage {
        public static let protoName = "xieshang.v1.ResearchEvent.Instructed"

        /// Leader's name and title.
        public var leader: String = ""
        /// The leader's level ("市委", "市政府", "县委", …).
        public var level: String = ""
        /// Text of the instruction.
        public var text: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            leader: String = "",
            level: String = "",
            text: String = ""
        ) {
            self.leader = leader
            self.level = level
            self.text = text
        }
    }
}

extension ResearchEvent.Instructed {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "leader", jsonName: "leader", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "level", jsonName: "level", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, leader, field: 1)
        n += WireSize.singular(StringCodec.self, level, field: 2)
        n += WireSize.singular(StringCodec.self, text, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, leader, field: 1)
        w.singular(StringCodec.self, level, field: 2)
        w.singular(StringCodec.self, text, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): leader = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): level = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("leader", StringCodec.self, leader)
        j.singular("level", StringCodec.self, level)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "leader": leader = try StringCodec.readJSON(value, path: p)
            case "level": level = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension ResearchEvent {
    /// Its results are turned into something.
    public struct Converted: ProtoMessage {
        public static let protoName = "xieshang.v1.ResearchEvent.Converted"

        /// Into what.
        public var conversion: ResearchConversion = .unspecified
        /// The proposal id, the opinion report id, or the 建议案's title.
        public var target: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            conversion: ResearchConversion = .unspecified,
            target: String = ""
        ) {
            self.conversion = conversion
            self.target = target
        }
    }
}

extension ResearchEvent.Converted {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "conversion", jsonName: "conversion", type: .enumeration("xieshang.v1.ResearchConversion"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "target", jsonName: "target", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(EnumCodec<ResearchConversion>.self, conversion, field: 1)
        n += WireSize.singular(StringCodec.self, target, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(EnumCodec<ResearchConversion>.self, conversion, field: 1)
        w.singular(StringCodec.self, target, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): conversion = try EnumCodec<ResearchConversion>.read(from: &r)
            case (2, .lengthDelimited): target = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("conversion", EnumCodec<ResearchConversion>.self, conversion)
        j.singular("target", StringCodec.self, target)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "conversion": conversion = try EnumCodec<ResearchConversion>.readJSON(value, path: p)
            case "target": target = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
