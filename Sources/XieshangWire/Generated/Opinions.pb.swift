// DO NOT EDIT — generated from Protos/xieshang/v1/opinions.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// Where a report came from: kept unchanged through every hop.
public struct OpinionProvenance: ProtoMessage {
    public static let protoName = "xieshang.v1.OpinionProvenance"

    /// Node id of the body where the report was first submitted.
    public var originBody: String = ""
    /// The report's id at that body.
    public var originReportId: String = ""
    /// Who wrote it: a member id, or the name of a liaison group or invited informant.
    public var author: String = ""
    /// What the author is: "member", "liaison_group" or "informant".
    public var authorKind: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        originBody: String = "",
        originReportId: String = "",
        author: String = "",
        authorKind: String = ""
    ) {
        self.originBody = originBody
        self.originReportId = originReportId
        self.author = author
        self.authorKind = authorKind
    }
}

extension OpinionProvenance {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "origin_body", jsonName: "originBody", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "origin_report_id", jsonName: "originReportId", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "author", jsonName: "author", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "author_kind", jsonName: "authorKind", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, originBody, field: 1)
        n += WireSize.singular(StringCodec.self, originReportId, field: 2)
        n += WireSize.singular(StringCodec.self, author, field: 3)
        n += WireSize.singular(StringCodec.self, authorKind, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, originBody, field: 1)
        w.singular(StringCodec.self, originReportId, field: 2)
        w.singular(StringCodec.self, author, field: 3)
        w.singular(StringCodec.self, authorKind, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): originBody = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): originReportId = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): author = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): authorKind = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("originBody", StringCodec.self, originBody)
        j.singular("originReportId", StringCodec.self, originReportId)
        j.singular("author", StringCodec.self, author)
        j.singular("authorKind", StringCodec.self, authorKind)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "originBody", "origin_body": originBody = try StringCodec.readJSON(value, path: p)
            case "originReportId", "origin_report_id": originReportId = try StringCodec.readJSON(value, path: p)
            case "author": author = try StringCodec.readJSON(value, path: p)
            case "authorKind", "author_kind": authorKind = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// One step of an opinion report's life at one body.
public struct OpinionEvent: ProtoMessage {
    public static let protoName = "xieshang.v1.OpinionEvent"

    /// The report (provenance identifies it at every level).
    public var report: OpinionProvenance? = nil
    /// Node id of the body where this step happens.
    public var atBody: String = ""
    /// Day of the step, "YYYY-MM-DD".
    public var on: String = ""
    /// Version of the acting body's policy the step was validated under.
    public var policyVersion: Int32 = 0
    /// The step.
    public var step: Step? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// The step.
    public enum Step: Sendable, Hashable {
        /// Submitted at its origin body.
        case submitted(OpinionEvent.Submitted)
        /// Edited by the information office (state becomes editing).
        case edited(OpinionEvent.Edited)
        /// 录用 — adopted into a bulletin issue at `at_body`.
        case adopted(OpinionEvent.Adopted)
        /// 存档 — archived (not adopted) at `at_body`.
        case archived(OpinionEvent.Archived)
        /// 报送 — forwarded by `at_body` to its parent, which receives it as submitted.
        case forwarded(OpinionEvent.Forwarded)
        /// Adopted at a higher level: sent down so the bodies below know (figures "adopted higher up").
        case adoptedHigher(OpinionEvent.AdoptedHigher)
        /// 批示 — a leader's instruction, recorded at any level and fed back down to the origin body.
        case instruction(OpinionEvent.Instruction)
        /// 报送省政协/全国政协 — sent up outside the federation by a body with no parent in it (the root).
        case sentAbove(OpinionEvent.SentAbove)
        /// Adopted by the provincial or national CPPCC, recorded at the body that sent it up and sent down to the origin body.
        case adoptedAbove(OpinionEvent.AdoptedAbove)
        /// 转送 — sent to a government department for handling.
        case sentToDepartment(OpinionEvent.SentToDepartment)
        /// The department's handling and result 办理结果.
        case departmentReplied(OpinionEvent.DepartmentReplied)
    }

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        report: OpinionProvenance? = nil,
        atBody: String = "",
        on: String = "",
        policyVersion: Int32 = 0,
        step: Step? = nil
    ) {
        self.report = report
        self.atBody = atBody
        self.on = on
        self.policyVersion = policyVersion
        self.step = step
    }
}

extension OpinionEvent {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "report", jsonName: "report", type: .message("xieshang.v1.OpinionProvenance"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "at_body", jsonName: "atBody", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "on", jsonName: "on", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "policy_version", jsonName: "policyVersion", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "submitted", jsonName: "submitted", type: .message("xieshang.v1.OpinionEvent.Submitted"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 11, name: "edited", jsonName: "edited", type: .message("xieshang.v1.OpinionEvent.Edited"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 12, name: "adopted", jsonName: "adopted", type: .message("xieshang.v1.OpinionEvent.Adopted"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 13, name: "archived", jsonName: "archived", type: .message("xieshang.v1.OpinionEvent.Archived"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 14, name: "forwarded", jsonName: "forwarded", type: .message("xieshang.v1.OpinionEvent.Forwarded"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 15, name: "adopted_higher", jsonName: "adoptedHigher", type: .message("xieshang.v1.OpinionEvent.AdoptedHigher"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 16, name: "instruction", jsonName: "instruction", type: .message("xieshang.v1.OpinionEvent.Instruction"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 17, name: "sent_above", jsonName: "sentAbove", type: .message("xieshang.v1.OpinionEvent.SentAbove"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 18, name: "adopted_above", jsonName: "adoptedAbove", type: .message("xieshang.v1.OpinionEvent.AdoptedAbove"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 19, name: "sent_to_department", jsonName: "sentToDepartment", type: .message("xieshang.v1.OpinionEvent.SentToDepartment"), label: .singular, oneof: "step"),
        ProtoFieldDescriptor(number: 20, name: "department_replied", jsonName: "departmentReplied", type: .message("xieshang.v1.OpinionEvent.DepartmentReplied"), label: .singular, oneof: "step"),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        if let v = report { n += WireSize.message(v, field: 1) }
        n += WireSize.singular(StringCodec.self, atBody, field: 2)
        n += WireSize.singular(StringCodec.self, on, field: 3)
        n += WireSize.singular(Int32Codec.self, policyVersion, field: 4)
        if case .submitted(let v)? = step { n += WireSize.message(v, field: 10) }
        if case .edited(let v)? = step { n += WireSize.message(v, field: 11) }
        if case .adopted(let v)? = step { n += WireSize.message(v, field: 12) }
        if case .archived(let v)? = step { n += WireSize.message(v, field: 13) }
        if case .forwarded(let v)? = step { n += WireSize.message(v, field: 14) }
        if case .adoptedHigher(let v)? = step { n += WireSize.message(v, field: 15) }
        if case .instruction(let v)? = step { n += WireSize.message(v, field: 16) }
        if case .sentAbove(let v)? = step { n += WireSize.message(v, field: 17) }
        if case .adoptedAbove(let v)? = step { n += WireSize.message(v, field: 18) }
        if case .sentToDepartment(let v)? = step { n += WireSize.message(v, field: 19) }
        if case .departmentReplied(let v)? = step { n += WireSize.message(v, field: 20) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        if let v = report { w.message(v, field: 1) }
        w.singular(StringCodec.self, atBody, field: 2)
        w.singular(StringCodec.self, on, field: 3)
        w.singular(Int32Codec.self, policyVersion, field: 4)
        if case .submitted(let v)? = step { w.message(v, field: 10) }
        if case .edited(let v)? = step { w.message(v, field: 11) }
        if case .adopted(let v)? = step { w.message(v, field: 12) }
        if case .archived(let v)? = step { w.message(v, field: 13) }
        if case .forwarded(let v)? = step { w.message(v, field: 14) }
        if case .adoptedHigher(let v)? = step { w.message(v, field: 15) }
        if case .instruction(let v)? = step { w.message(v, field: 16) }
        if case .sentAbove(let v)? = step { w.message(v, field: 17) }
        if case .adoptedAbove(let v)? = step { w.message(v, field: 18) }
        if case .sentToDepartment(let v)? = step { w.message(v, field: 19) }
        if case .departmentReplied(let v)? = step { w.message(v, field: 20) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): try r.readMessage(into: &report)
            case (2, .lengthDelimited): atBody = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): on = try StringCodec.read(from: &r)
            case (4, .varint): policyVersion = try Int32Codec.read(from: &r)
            case (10, .lengthDelimited):
                var v = OpinionEvent.Submitted()
                if case .submitted(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .submitted(v)
            case (11, .lengthDelimited):
                var v = OpinionEvent.Edited()
                if case .edited(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .edited(v)
            case (12, .lengthDelimited):
                var v = OpinionEvent.Adopted()
                if case .adopted(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .adopted(v)
            case (13, .lengthDelimited):
                var v = OpinionEvent.Archived()
                if case .archived(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .archived(v)
            case (14, .lengthDelimited):
                var v = OpinionEvent.Forwarded()
                if case .forwarded(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .forwarded(v)
            case (15, .lengthDelimited):
                var v = OpinionEvent.AdoptedHigher()
                if case .adoptedHigher(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .adoptedHigher(v)
            case (16, .lengthDelimited):
                var v = OpinionEvent.Instruction()
                if case .instruction(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .instruction(v)
            case (17, .lengthDelimited):
                var v = OpinionEvent.SentAbove()
                if case .sentAbove(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .sentAbove(v)
            case (18, .lengthDelimited):
                var v = OpinionEvent.AdoptedAbove()
                if case .adoptedAbove(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .adoptedAbove(v)
            case (19, .lengthDelimited):
                var v = OpinionEvent.SentToDepartment()
                if case .sentToDepartment(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .sentToDepartment(v)
            case (20, .lengthDelimited):
                var v = OpinionEvent.DepartmentReplied()
                if case .departmentReplied(let existing)? = step { v = existing }
                try r.readMessage(into: &v)
                step = .departmentReplied(v)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        if let v = report { j.message("report", v) }
        j.singular("atBody", StringCodec.self, atBody)
        j.singular("on", StringCodec.self, on)
        j.singular("policyVersion", Int32Codec.self, policyVersion)
        if case .submitted(let v)? = step { j.message("submitted", v) }
        if case .edited(let v)? = step { j.message("edited", v) }
        if case .adopted(let v)? = step { j.message("adopted", v) }
        if case .archived(let v)? = step { j.message("archived", v) }
        if case .forwarded(let v)? = step { j.message("forwarded", v) }
        if case .adoptedHigher(let v)? = step { j.message("adoptedHigher", v) }
        if case .instruction(let v)? = step { j.message("instruction", v) }
        if case .sentAbove(let v)? = step { j.message("sentAbove", v) }
        if case .adoptedAbove(let v)? = step { j.message("adoptedAbove", v) }
        if case .sentToDepartment(let v)? = step { j.message("sentToDepartment", v) }
        if case .departmentReplied(let v)? = step { j.message("departmentReplied", v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "report": report = try JSONRead.message(OpinionProvenance.self, value, path: p)
            case "atBody", "at_body": atBody = try StringCodec.readJSON(value, path: p)
            case "on": on = try StringCodec.readJSON(value, path: p)
            case "policyVersion", "policy_version": policyVersion = try Int32Codec.readJSON(value, path: p)
            case "submitted": step = .submitted(try JSONRead.message(OpinionEvent.Submitted.self, value, path: p))
            case "edited": step = .edited(try JSONRead.message(OpinionEvent.Edited.self, value, path: p))
            case "adopted": step = .adopted(try JSONRead.message(OpinionEvent.Adopted.self, value, path: p))
            case "archived": step = .archived(try JSONRead.message(OpinionEvent.Archived.self, value, path: p))
            case "forwarded": step = .forwarded(try JSONRead.message(OpinionEvent.Forwarded.self, value, path: p))
            case "adoptedHigher", "adopted_higher": step = .adoptedHigher(try JSONRead.message(OpinionEvent.AdoptedHigher.self, value, path: p))
            case "instruction": step = .instruction(try JSONRead.message(OpinionEvent.Instruction.self, value, path: p))
            case "sentAbove", "sent_above": step = .sentAbove(try JSONRead.message(OpinionEvent.SentAbove.self, value, path: p))
            case "adoptedAbove", "adopted_above": step = .adoptedAbove(try JSONRead.message(OpinionEvent.AdoptedAbove.self, value, path: p))
            case "sentToDepartment", "sent_to_department": step = .sentToDepartment(try JSONRead.message(OpinionEvent.SentToDepartment.self, value, path: p))
            case "departmentReplied", "department_replied": step = .departmentReplied(try JSONRead.message(OpinionEvent.DepartmentReplied.self, value, path: p))
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// The report is submitted at its origin body.
    public struct Submitted: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.Submitted"

        /// Title.
        public var title: String = ""
        /// Text; at most the policy's maximum characters (default 1,500).
        public var text: String = ""
        /// Set when the report was converted from a not-registered proposal (with the proposer's consent):
        /// that proposal's id. Such a report is never scored twice in duty scoring.
        public var convertedFromProposal: String = ""
        /// Where it came in; unspecified (events before channels) reads as web.
        public var channel: IntakeChannel = .unspecified
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            title: String = "",
            text: String = "",
            convertedFromProposal: String = "",
            channel: IntakeChannel = .unspecified
        ) {
            self.title = title
            self.text = text
            self.convertedFromProposal = convertedFromProposal
            self.channel = channel
        }
    }
}

extension OpinionEvent.Submitted {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "converted_from_proposal", jsonName: "convertedFromProposal", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "channel", jsonName: "channel", type: .enumeration("xieshang.v1.IntakeChannel"), label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, title, field: 1)
        n += WireSize.singular(StringCodec.self, text, field: 2)
        n += WireSize.singular(StringCodec.self, convertedFromProposal, field: 3)
        n += WireSize.singular(EnumCodec<IntakeChannel>.self, channel, field: 4)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, title, field: 1)
        w.singular(StringCodec.self, text, field: 2)
        w.singular(StringCodec.self, convertedFromProposal, field: 3)
        w.singular(EnumCodec<IntakeChannel>.self, channel, field: 4)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): title = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): convertedFromProposal = try StringCodec.read(from: &r)
            case (4, .varint): channel = try EnumCodec<IntakeChannel>.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("title", StringCodec.self, title)
        j.singular("text", StringCodec.self, text)
        j.singular("convertedFromProposal", StringCodec.self, convertedFromProposal)
        j.singular("channel", EnumCodec<IntakeChannel>.self, channel)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "title": title = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "convertedFromProposal", "converted_from_proposal": convertedFromProposal = try StringCodec.readJSON(value, path: p)
            case "channel": channel = try EnumCodec<IntakeChannel>.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// The office edits the text (and, when given, the title).
    public struct Edited: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.Edited"

        /// The new text; at most the policy's maximum characters.
        public var text: String = ""
        /// The new title; empty keeps the title (events before titles were edited carry none).
        public var title: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            text: String = "",
            title: String = ""
        ) {
            self.text = text
            self.title = title
        }
    }
}

extension OpinionEvent.Edited {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, text, field: 1)
        n += WireSize.singular(StringCodec.self, title, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, text, field: 1)
        w.singular(StringCodec.self, title, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): title = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("text", StringCodec.self, text)
        j.singular("title", StringCodec.self, title)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "title": title = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// Adopted into a bulletin.
    public struct Adopted: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.Adopted"

        /// Bulletin issue 期号 (e.g. "2026年第12期").
        public var bulletinIssue: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            bulletinIssue: String = ""
        ) {
            self.bulletinIssue = bulletinIssue
        }
    }
}

extension OpinionEvent.Adopted {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "bulletin_issue", jsonName: "bulletinIssue", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, bulletinIssue, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, bulletinIssue, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): bulletinIssue = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("bulletinIssue", StringCodec.self, bulletinIssue)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "bulletinIssue", "bulletin_issue": bulletinIssue = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// Archived, not adopted.
    public struct Archived: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.Archived"

        /// Why (free text).
        public var reason: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            reason: String = ""
        ) {
            self.reason = reason
        }
    }
}

extension OpinionEvent.Archived {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "reason", jsonName: "reason", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, reason, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, reason, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): reason = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("reason", StringCodec.self, reason)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "reason": reason = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// Forwarded to the parent body.
    public struct Forwarded: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.Forwarded"

        /// Node id of the receiving (parent) body.
        public var toBody: String = ""
        /// Tier of the receiving body ("county", "city", "province", "national").
        public var toTier: String = ""
        /// Title as forwarded.
        public var title: String = ""
        /// Text as forwarded.
        public var text: String = ""
        /// 直通车: sent straight to a body above the parent, skipping levels (the bodies between pass it on without a copy);
        /// provenance (origin body, report id, author) is kept as in every hop.
        public var direct: Bool = false
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            toBody: String = "",
            toTier: String = "",
            title: String = "",
            text: String = "",
            direct: Bool = false
        ) {
            self.toBody = toBody
            self.toTier = toTier
            self.title = title
            self.text = text
            self.direct = direct
        }
    }
}

extension OpinionEvent.Forwarded {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "to_body", jsonName: "toBody", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "to_tier", jsonName: "toTier", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "title", jsonName: "title", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "direct", jsonName: "direct", type: .bool, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, toBody, field: 1)
        n += WireSize.singular(StringCodec.self, toTier, field: 2)
        n += WireSize.singular(StringCodec.self, title, field: 3)
        n += WireSize.singular(StringCodec.self, text, field: 4)
        n += WireSize.singular(BoolCodec.self, direct, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, toBody, field: 1)
        w.singular(StringCodec.self, toTier, field: 2)
        w.singular(StringCodec.self, title, field: 3)
        w.singular(StringCodec.self, text, field: 4)
        w.singular(BoolCodec.self, direct, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): toBody = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): toTier = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): title = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (5, .varint): direct = try BoolCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("toBody", StringCodec.self, toBody)
        j.singular("toTier", StringCodec.self, toTier)
        j.singular("title", StringCodec.self, title)
        j.singular("text", StringCodec.self, text)
        j.singular("direct", BoolCodec.self, direct)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "toBody", "to_body": toBody = try StringCodec.readJSON(value, path: p)
            case "toTier", "to_tier": toTier = try StringCodec.readJSON(value, path: p)
            case "title": title = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "direct": direct = try BoolCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// A higher body adopted the report.
    public struct AdoptedHigher: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.AdoptedHigher"

        /// Node id of the adopting body.
        public var byBody: String = ""
        /// Tier of the adopting body ("county", "city", "province", "national").
        public var byTier: String = ""
        /// Bulletin issue at that body.
        public var bulletinIssue: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            byBody: String = "",
            byTier: String = "",
            bulletinIssue: String = ""
        ) {
            self.byBody = byBody
            self.byTier = byTier
            self.bulletinIssue = bulletinIssue
        }
    }
}

extension OpinionEvent.AdoptedHigher {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "by_body", jsonName: "byBody", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "by_tier", jsonName: "byTier", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "bulletin_issue", jsonName: "bulletinIssue", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, byBody, field: 1)
        n += WireSize.singular(StringCodec.self, byTier, field: 2)
        n += WireSize.singular(StringCodec.self, bulletinIssue, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, byBody, field: 1)
        w.singular(StringCodec.self, byTier, field: 2)
        w.singular(StringCodec.self, bulletinIssue, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): byBody = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): byTier = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): bulletinIssue = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("byBody", StringCodec.self, byBody)
        j.singular("byTier", StringCodec.self, byTier)
        j.singular("bulletinIssue", StringCodec.self, bulletinIssue)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "byBody", "by_body": byBody = try StringCodec.readJSON(value, path: p)
            case "byTier", "by_tier": byTier = try StringCodec.readJSON(value, path: p)
            case "bulletinIssue", "bulletin_issue": bulletinIssue = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// A leader's instruction 批示.
    public struct Instruction: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.Instruction"

        /// Level of the leader ("county", "city", "province", "national").
        public var leaderLevel: String = ""
        /// Leader's name and title.
        public var leader: String = ""
        /// Day of the instruction, "YYYY-MM-DD".
        public var date: String = ""
        /// Text of the instruction.
        public var text: String = ""
        /// Node id of the body that recorded the instruction.
        public var recordedBy: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            leaderLevel: String = "",
            leader: String = "",
            date: String = "",
            text: String = "",
            recordedBy: String = ""
        ) {
            self.leaderLevel = leaderLevel
            self.leader = leader
            self.date = date
            self.text = text
            self.recordedBy = recordedBy
        }
    }
}

extension OpinionEvent.Instruction {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "leader_level", jsonName: "leaderLevel", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "leader", jsonName: "leader", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "date", jsonName: "date", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "recorded_by", jsonName: "recordedBy", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, leaderLevel, field: 1)
        n += WireSize.singular(StringCodec.self, leader, field: 2)
        n += WireSize.singular(StringCodec.self, date, field: 3)
        n += WireSize.singular(StringCodec.self, text, field: 4)
        n += WireSize.singular(StringCodec.self, recordedBy, field: 5)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, leaderLevel, field: 1)
        w.singular(StringCodec.self, leader, field: 2)
        w.singular(StringCodec.self, date, field: 3)
        w.singular(StringCodec.self, text, field: 4)
        w.singular(StringCodec.self, recordedBy, field: 5)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): leaderLevel = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): leader = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): date = try StringCodec.read(from: &r)
            case (4, .lengthDelimited): text = try StringCodec.read(from: &r)
            case (5, .lengthDelimited): recordedBy = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("leaderLevel", StringCodec.self, leaderLevel)
        j.singular("leader", StringCodec.self, leader)
        j.singular("date", StringCodec.self, date)
        j.singular("text", StringCodec.self, text)
        j.singular("recordedBy", StringCodec.self, recordedBy)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "leaderLevel", "leader_level": leaderLevel = try StringCodec.readJSON(value, path: p)
            case "leader": leader = try StringCodec.readJSON(value, path: p)
            case "date": date = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            case "recordedBy", "recorded_by": recordedBy = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// Sent up outside the federation (报送), to the provincial or national CPPCC.
    public struct SentAbove: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.SentAbove"

        /// "province" (省政协) or "national" (全国政协).
        public var toLevel: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            toLevel: String = ""
        ) {
            self.toLevel = toLevel
        }
    }
}

extension OpinionEvent.SentAbove {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "to_level", jsonName: "toLevel", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, toLevel, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, toLevel, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): toLevel = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("toLevel", StringCodec.self, toLevel)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "toLevel", "to_level": toLevel = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// Adopted by the provincial or national CPPCC (as the body that sent it up learnt it).
    public struct AdoptedAbove: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.AdoptedAbove"

        /// "province" (省政协) or "national" (全国政协).
        public var byLevel: String = ""
        /// Bulletin issue 期号 there (e.g. "《社情民意专报》2026年第5期").
        public var bulletinIssue: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            byLevel: String = "",
            bulletinIssue: String = ""
        ) {
            self.byLevel = byLevel
            self.bulletinIssue = bulletinIssue
        }
    }
}

extension OpinionEvent.AdoptedAbove {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "by_level", jsonName: "byLevel", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "bulletin_issue", jsonName: "bulletinIssue", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, byLevel, field: 1)
        n += WireSize.singular(StringCodec.self, bulletinIssue, field: 2)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, byLevel, field: 1)
        w.singular(StringCodec.self, bulletinIssue, field: 2)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): byLevel = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): bulletinIssue = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("byLevel", StringCodec.self, byLevel)
        j.singular("bulletinIssue", StringCodec.self, bulletinIssue)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "byLevel", "by_level": byLevel = try StringCodec.readJSON(value, path: p)
            case "bulletinIssue", "bulletin_issue": bulletinIssue = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// Sent to a government department 转送政府部门.
    public struct SentToDepartment: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.SentToDepartment"

        /// The department's name (e.g. "市水务局").
        public var department: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            department: String = ""
        ) {
            self.department = department
        }
    }
}

extension OpinionEvent.SentToDepartment {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "department", jsonName: "department", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, department, field: 1)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, department, field: 1)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): department = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("department", StringCodec.self, department)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "department": department = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

extension OpinionEvent {
    /// A department's reply: its handling and the result.
    public struct DepartmentReplied: ProtoMessage {
        public static let protoName = "xieshang.v1.OpinionEvent.DepartmentReplied"

        /// The department's name, as sent.
        public var department: String = ""
        /// Result: "adopted" 已采纳, "partly_adopted" 部分采纳, "for_reference" 留作参考, "not_adopted" 未采纳.
        public var result: String = ""
        /// How it was handled 办理情况.
        public var text: String = ""
        /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
        public var unknownFields: [UInt8] = []

        /// A message with every field at its default.
        public init() {}

        /// A message with the given fields; the others keep their defaults.
        public init(
            department: String = "",
            result: String = "",
            text: String = ""
        ) {
            self.department = department
            self.result = result
            self.text = text
        }
    }
}

extension OpinionEvent.DepartmentReplied {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "department", jsonName: "department", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "result", jsonName: "result", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "text", jsonName: "text", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, department, field: 1)
        n += WireSize.singular(StringCodec.self, result, field: 2)
        n += WireSize.singular(StringCodec.self, text, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, department, field: 1)
        w.singular(StringCodec.self, result, field: 2)
        w.singular(StringCodec.self, text, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): department = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): result = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): text = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("department", StringCodec.self, department)
        j.singular("result", StringCodec.self, result)
        j.singular("text", StringCodec.self, text)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "department": department = try StringCodec.readJSON(value, path: p)
            case "result": result = try StringCodec.readJSON(value, path: p)
            case "text": text = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
