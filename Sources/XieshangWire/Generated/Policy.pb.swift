// DO NOT EDIT — generated from Protos/xieshang/v1/policy.proto by xieshang-protogen.
// Change the .proto file and run `make generate`; a test fails when this file drifts from Protos/.

/// How the satisfaction rate 满意率 is counted.
public enum SatisfactionFormula: ProtoEnum {
    /// Not set; treated as SATISFACTION_FORMULA_SATISFIED_OR_BASIC.
    case unspecified
    /// Default: (满意 + 基本满意) / all evaluations.
    case satisfiedOrBasic
    /// Strict: 满意 / all evaluations.
    case satisfiedOnly
    /// A value this schema does not name (sent by a newer schema); kept as its number.
    case unrecognized(Int32)

    public static let protoName = "xieshang.v1.SatisfactionFormula"
    public static let allKnownValues: [SatisfactionFormula] = [.unspecified, .satisfiedOrBasic, .satisfiedOnly]

    public init(protoValue: Int32) {
        switch protoValue {
        case 0: self = .unspecified
        case 1: self = .satisfiedOrBasic
        case 2: self = .satisfiedOnly
        default: self = .unrecognized(protoValue)
        }
    }

    public var protoValue: Int32 {
        switch self {
        case .unspecified: 0
        case .satisfiedOrBasic: 1
        case .satisfiedOnly: 2
        case .unrecognized(let value): value
        }
    }

    public var protoValueName: String? {
        switch self {
        case .unspecified: "SATISFACTION_FORMULA_UNSPECIFIED"
        case .satisfiedOrBasic: "SATISFACTION_FORMULA_SATISFIED_OR_BASIC"
        case .satisfiedOnly: "SATISFACTION_FORMULA_SATISFIED_ONLY"
        case .unrecognized: nil
        }
    }

    public init?(protoValueName: String) {
        switch protoValueName {
        case "SATISFACTION_FORMULA_UNSPECIFIED": self = .unspecified
        case "SATISFACTION_FORMULA_SATISFIED_OR_BASIC": self = .satisfiedOrBasic
        case "SATISFACTION_FORMULA_SATISFIED_ONLY": self = .satisfiedOnly
        default: return nil
        }
    }
}

/// One entry of a list of coded choices (reply classes, refusal reasons).
public struct PolicyChoice: ProtoMessage {
    public static let protoName = "xieshang.v1.PolicyChoice"

    /// Stable code stored in records (e.g. "A").
    public var code: String = ""
    /// Chinese label shown in reports (e.g. "已经解决或基本解决").
    public var labelZh: String = ""
    /// English label.
    public var labelEn: String = ""
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        code: String = "",
        labelZh: String = "",
        labelEn: String = ""
    ) {
        self.code = code
        self.labelZh = labelZh
        self.labelEn = labelEn
    }
}

extension PolicyChoice {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "code", jsonName: "code", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "label_zh", jsonName: "labelZh", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "label_en", jsonName: "labelEn", type: .string, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(StringCodec.self, code, field: 1)
        n += WireSize.singular(StringCodec.self, labelZh, field: 2)
        n += WireSize.singular(StringCodec.self, labelEn, field: 3)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(StringCodec.self, code, field: 1)
        w.singular(StringCodec.self, labelZh, field: 2)
        w.singular(StringCodec.self, labelEn, field: 3)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .lengthDelimited): code = try StringCodec.read(from: &r)
            case (2, .lengthDelimited): labelZh = try StringCodec.read(from: &r)
            case (3, .lengthDelimited): labelEn = try StringCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("code", StringCodec.self, code)
        j.singular("labelZh", StringCodec.self, labelZh)
        j.singular("labelEn", StringCodec.self, labelEn)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "code": code = try StringCodec.readJSON(value, path: p)
            case "labelZh", "label_zh": labelZh = try StringCodec.readJSON(value, path: p)
            case "labelEn", "label_en": labelEn = try StringCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// Points of the member duty scoring table (委员履职考核). Points are in tenths (10 = 1 point) so that
/// halves of joint proposals stay exact.
public struct DutyScoring: ProtoMessage {
    public static let protoName = "xieshang.v1.DutyScoring"

    /// Base score every member starts the year with. Default 60 points (600).
    public var baseTenths: Int64 = 0
    /// A meeting attended. Default 2 points (20).
    public var attendanceTenths: Int64 = 0
    /// An excused absence 请假. Default 0.
    public var excusedAbsenceTenths: Int64 = 0
    /// An unexcused absence 无故缺席 (negative). Default −30 points (−300). Never capped.
    public var unexcusedAbsenceTenths: Int64 = 0
    /// A proposal submitted, first proposer. Default 10 points (100).
    public var proposalTenths: Int64 = 0
    /// Extra when the proposal is registered 立案. Default 15 points (150).
    public var proposalRegisteredTenths: Int64 = 0
    /// Share of a co-signer of a joint proposal, in percent of the first proposer's points. Default 50.
    public var cosignerPercent: Int64 = 0
    /// An opinion report submitted. Default 10 points (100).
    public var opinionTenths: Int64 = 0
    /// Extra when the opinion report is adopted 录用 (once, at the first level that adopts it). Default 5 (50).
    public var opinionAdoptedTenths: Int64 = 0
    /// Taking part in a research visit 调研 or inspection 视察. Default 5 points (50).
    public var researchTenths: Int64 = 0
    /// Taking part in a public-welfare activity 公益. Default 5 points (50).
    public var welfareTenths: Int64 = 0
    /// Cap of the meetings category (attendance, positive part only). Default 20 points (200).
    public var capMeetingsTenths: Int64 = 0
    /// Cap of the proposals category. Default 40 points (400).
    public var capProposalsTenths: Int64 = 0
    /// Cap of the opinion reports category. Default 30 points (300).
    public var capOpinionsTenths: Int64 = 0
    /// Cap of the research and inspection category. Default 20 points (200).
    public var capResearchTenths: Int64 = 0
    /// Cap of the public welfare category. Default 10 points (100).
    public var capWelfareTenths: Int64 = 0
    /// Below this total a member is called for a talk 约谈. Default 75 points (750).
    public var talkBelowTenths: Int64 = 0
    /// Years running below `talk_below_tenths` after which resignation is recommended 劝退. Default 2.
    public var resignationAfterYears: Int32 = 0
    /// Yearly minimum of proposals (as first proposer or confirmed co-signer). Default 1 ("四个一").
    public var minimumProposals: Int32 = 0
    /// Yearly minimum of opinion reports. Default 1 ("四个一").
    public var minimumOpinions: Int32 = 0
    /// Fields 21–26 came later: `optional`, so a policy recorded before them reads each one absent as its default.
    /// Taking part in a training 履职培训. Default 2 points (20).
    public var trainingTenths: Int64? = nil
    /// Cap of the training category. Default 10 points (100).
    public var capTrainingTenths: Int64? = nil
    /// Yearly minimum of research visits or inspections taken part in ("四个一"). Default 1.
    public var minimumResearch: Int32? = nil
    /// Yearly minimum of public-welfare activities 公益 taken part in (a good deed for the people, "四个一"). Default 1.
    public var minimumWelfare: Int32? = nil
    /// 优秀委员: at least this total, every yearly minimum met, not below the talk line. Default 90 points (900).
    public var awardMinTenths: Int64? = nil
    /// 优秀委员: at most this percent of the body's members assessed (places = round half up of percent × members
    /// / 100; members tied at the last place all qualify). Default 10.
    public var awardTopPercent: Int32? = nil
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        baseTenths: Int64 = 0,
        attendanceTenths: Int64 = 0,
        excusedAbsenceTenths: Int64 = 0,
        unexcusedAbsenceTenths: Int64 = 0,
        proposalTenths: Int64 = 0,
        proposalRegisteredTenths: Int64 = 0,
        cosignerPercent: Int64 = 0,
        opinionTenths: Int64 = 0,
        opinionAdoptedTenths: Int64 = 0,
        researchTenths: Int64 = 0,
        welfareTenths: Int64 = 0,
        capMeetingsTenths: Int64 = 0,
        capProposalsTenths: Int64 = 0,
        capOpinionsTenths: Int64 = 0,
        capResearchTenths: Int64 = 0,
        capWelfareTenths: Int64 = 0,
        talkBelowTenths: Int64 = 0,
        resignationAfterYears: Int32 = 0,
        minimumProposals: Int32 = 0,
        minimumOpinions: Int32 = 0,
        trainingTenths: Int64? = nil,
        capTrainingTenths: Int64? = nil,
        minimumResearch: Int32? = nil,
        minimumWelfare: Int32? = nil,
        awardMinTenths: Int64? = nil,
        awardTopPercent: Int32? = nil
    ) {
        self.baseTenths = baseTenths
        self.attendanceTenths = attendanceTenths
        self.excusedAbsenceTenths = excusedAbsenceTenths
        self.unexcusedAbsenceTenths = unexcusedAbsenceTenths
        self.proposalTenths = proposalTenths
        self.proposalRegisteredTenths = proposalRegisteredTenths
        self.cosignerPercent = cosignerPercent
        self.opinionTenths = opinionTenths
        self.opinionAdoptedTenths = opinionAdoptedTenths
        self.researchTenths = researchTenths
        self.welfareTenths = welfareTenths
        self.capMeetingsTenths = capMeetingsTenths
        self.capProposalsTenths = capProposalsTenths
        self.capOpinionsTenths = capOpinionsTenths
        self.capResearchTenths = capResearchTenths
        self.capWelfareTenths = capWelfareTenths
        self.talkBelowTenths = talkBelowTenths
        self.resignationAfterYears = resignationAfterYears
        self.minimumProposals = minimumProposals
        self.minimumOpinions = minimumOpinions
        self.trainingTenths = trainingTenths
        self.capTrainingTenths = capTrainingTenths
        self.minimumResearch = minimumResearch
        self.minimumWelfare = minimumWelfare
        self.awardMinTenths = awardMinTenths
        self.awardTopPercent = awardTopPercent
    }
}

extension DutyScoring {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "base_tenths", jsonName: "baseTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "attendance_tenths", jsonName: "attendanceTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "excused_absence_tenths", jsonName: "excusedAbsenceTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "unexcused_absence_tenths", jsonName: "unexcusedAbsenceTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "proposal_tenths", jsonName: "proposalTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "proposal_registered_tenths", jsonName: "proposalRegisteredTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "cosigner_percent", jsonName: "cosignerPercent", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "opinion_tenths", jsonName: "opinionTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "opinion_adopted_tenths", jsonName: "opinionAdoptedTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "research_tenths", jsonName: "researchTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 11, name: "welfare_tenths", jsonName: "welfareTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "cap_meetings_tenths", jsonName: "capMeetingsTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 13, name: "cap_proposals_tenths", jsonName: "capProposalsTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 14, name: "cap_opinions_tenths", jsonName: "capOpinionsTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 15, name: "cap_research_tenths", jsonName: "capResearchTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 16, name: "cap_welfare_tenths", jsonName: "capWelfareTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 17, name: "talk_below_tenths", jsonName: "talkBelowTenths", type: .int64, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 18, name: "resignation_after_years", jsonName: "resignationAfterYears", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 19, name: "minimum_proposals", jsonName: "minimumProposals", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 20, name: "minimum_opinions", jsonName: "minimumOpinions", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 21, name: "training_tenths", jsonName: "trainingTenths", type: .int64, label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 22, name: "cap_training_tenths", jsonName: "capTrainingTenths", type: .int64, label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 23, name: "minimum_research", jsonName: "minimumResearch", type: .int32, label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 24, name: "minimum_welfare", jsonName: "minimumWelfare", type: .int32, label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 25, name: "award_min_tenths", jsonName: "awardMinTenths", type: .int64, label: .optional, oneof: nil),
        ProtoFieldDescriptor(number: 26, name: "award_top_percent", jsonName: "awardTopPercent", type: .int32, label: .optional, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(Int64Codec.self, baseTenths, field: 1)
        n += WireSize.singular(Int64Codec.self, attendanceTenths, field: 2)
        n += WireSize.singular(Int64Codec.self, excusedAbsenceTenths, field: 3)
        n += WireSize.singular(Int64Codec.self, unexcusedAbsenceTenths, field: 4)
        n += WireSize.singular(Int64Codec.self, proposalTenths, field: 5)
        n += WireSize.singular(Int64Codec.self, proposalRegisteredTenths, field: 6)
        n += WireSize.singular(Int64Codec.self, cosignerPercent, field: 7)
        n += WireSize.singular(Int64Codec.self, opinionTenths, field: 8)
        n += WireSize.singular(Int64Codec.self, opinionAdoptedTenths, field: 9)
        n += WireSize.singular(Int64Codec.self, researchTenths, field: 10)
        n += WireSize.singular(Int64Codec.self, welfareTenths, field: 11)
        n += WireSize.singular(Int64Codec.self, capMeetingsTenths, field: 12)
        n += WireSize.singular(Int64Codec.self, capProposalsTenths, field: 13)
        n += WireSize.singular(Int64Codec.self, capOpinionsTenths, field: 14)
        n += WireSize.singular(Int64Codec.self, capResearchTenths, field: 15)
        n += WireSize.singular(Int64Codec.self, capWelfareTenths, field: 16)
        n += WireSize.singular(Int64Codec.self, talkBelowTenths, field: 17)
        n += WireSize.singular(Int32Codec.self, resignationAfterYears, field: 18)
        n += WireSize.singular(Int32Codec.self, minimumProposals, field: 19)
        n += WireSize.singular(Int32Codec.self, minimumOpinions, field: 20)
        if let v = trainingTenths { n += WireSize.present(Int64Codec.self, v, field: 21) }
        if let v = capTrainingTenths { n += WireSize.present(Int64Codec.self, v, field: 22) }
        if let v = minimumResearch { n += WireSize.present(Int32Codec.self, v, field: 23) }
        if let v = minimumWelfare { n += WireSize.present(Int32Codec.self, v, field: 24) }
        if let v = awardMinTenths { n += WireSize.present(Int64Codec.self, v, field: 25) }
        if let v = awardTopPercent { n += WireSize.present(Int32Codec.self, v, field: 26) }
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(Int64Codec.self, baseTenths, field: 1)
        w.singular(Int64Codec.self, attendanceTenths, field: 2)
        w.singular(Int64Codec.self, excusedAbsenceTenths, field: 3)
        w.singular(Int64Codec.self, unexcusedAbsenceTenths, field: 4)
        w.singular(Int64Codec.self, proposalTenths, field: 5)
        w.singular(Int64Codec.self, proposalRegisteredTenths, field: 6)
        w.singular(Int64Codec.self, cosignerPercent, field: 7)
        w.singular(Int64Codec.self, opinionTenths, field: 8)
        w.singular(Int64Codec.self, opinionAdoptedTenths, field: 9)
        w.singular(Int64Codec.self, researchTenths, field: 10)
        w.singular(Int64Codec.self, welfareTenths, field: 11)
        w.singular(Int64Codec.self, capMeetingsTenths, field: 12)
        w.singular(Int64Codec.self, capProposalsTenths, field: 13)
        w.singular(Int64Codec.self, capOpinionsTenths, field: 14)
        w.singular(Int64Codec.self, capResearchTenths, field: 15)
        w.singular(Int64Codec.self, capWelfareTenths, field: 16)
        w.singular(Int64Codec.self, talkBelowTenths, field: 17)
        w.singular(Int32Codec.self, resignationAfterYears, field: 18)
        w.singular(Int32Codec.self, minimumProposals, field: 19)
        w.singular(Int32Codec.self, minimumOpinions, field: 20)
        if let v = trainingTenths { w.present(Int64Codec.self, v, field: 21) }
        if let v = capTrainingTenths { w.present(Int64Codec.self, v, field: 22) }
        if let v = minimumResearch { w.present(Int32Codec.self, v, field: 23) }
        if let v = minimumWelfare { w.present(Int32Codec.self, v, field: 24) }
        if let v = awardMinTenths { w.present(Int64Codec.self, v, field: 25) }
        if let v = awardTopPercent { w.present(Int32Codec.self, v, field: 26) }
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): baseTenths = try Int64Codec.read(from: &r)
            case (2, .varint): attendanceTenths = try Int64Codec.read(from: &r)
            case (3, .varint): excusedAbsenceTenths = try Int64Codec.read(from: &r)
            case (4, .varint): unexcusedAbsenceTenths = try Int64Codec.read(from: &r)
            case (5, .varint): proposalTenths = try Int64Codec.read(from: &r)
            case (6, .varint): proposalRegisteredTenths = try Int64Codec.read(from: &r)
            case (7, .varint): cosignerPercent = try Int64Codec.read(from: &r)
            case (8, .varint): opinionTenths = try Int64Codec.read(from: &r)
            case (9, .varint): opinionAdoptedTenths = try Int64Codec.read(from: &r)
            case (10, .varint): researchTenths = try Int64Codec.read(from: &r)
            case (11, .varint): welfareTenths = try Int64Codec.read(from: &r)
            case (12, .varint): capMeetingsTenths = try Int64Codec.read(from: &r)
            case (13, .varint): capProposalsTenths = try Int64Codec.read(from: &r)
            case (14, .varint): capOpinionsTenths = try Int64Codec.read(from: &r)
            case (15, .varint): capResearchTenths = try Int64Codec.read(from: &r)
            case (16, .varint): capWelfareTenths = try Int64Codec.read(from: &r)
            case (17, .varint): talkBelowTenths = try Int64Codec.read(from: &r)
            case (18, .varint): resignationAfterYears = try Int32Codec.read(from: &r)
            case (19, .varint): minimumProposals = try Int32Codec.read(from: &r)
            case (20, .varint): minimumOpinions = try Int32Codec.read(from: &r)
            case (21, .varint): trainingTenths = try Int64Codec.read(from: &r)
            case (22, .varint): capTrainingTenths = try Int64Codec.read(from: &r)
            case (23, .varint): minimumResearch = try Int32Codec.read(from: &r)
            case (24, .varint): minimumWelfare = try Int32Codec.read(from: &r)
            case (25, .varint): awardMinTenths = try Int64Codec.read(from: &r)
            case (26, .varint): awardTopPercent = try Int32Codec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("baseTenths", Int64Codec.self, baseTenths)
        j.singular("attendanceTenths", Int64Codec.self, attendanceTenths)
        j.singular("excusedAbsenceTenths", Int64Codec.self, excusedAbsenceTenths)
        j.singular("unexcusedAbsenceTenths", Int64Codec.self, unexcusedAbsenceTenths)
        j.singular("proposalTenths", Int64Codec.self, proposalTenths)
        j.singular("proposalRegisteredTenths", Int64Codec.self, proposalRegisteredTenths)
        j.singular("cosignerPercent", Int64Codec.self, cosignerPercent)
        j.singular("opinionTenths", Int64Codec.self, opinionTenths)
        j.singular("opinionAdoptedTenths", Int64Codec.self, opinionAdoptedTenths)
        j.singular("researchTenths", Int64Codec.self, researchTenths)
        j.singular("welfareTenths", Int64Codec.self, welfareTenths)
        j.singular("capMeetingsTenths", Int64Codec.self, capMeetingsTenths)
        j.singular("capProposalsTenths", Int64Codec.self, capProposalsTenths)
        j.singular("capOpinionsTenths", Int64Codec.self, capOpinionsTenths)
        j.singular("capResearchTenths", Int64Codec.self, capResearchTenths)
        j.singular("capWelfareTenths", Int64Codec.self, capWelfareTenths)
        j.singular("talkBelowTenths", Int64Codec.self, talkBelowTenths)
        j.singular("resignationAfterYears", Int32Codec.self, resignationAfterYears)
        j.singular("minimumProposals", Int32Codec.self, minimumProposals)
        j.singular("minimumOpinions", Int32Codec.self, minimumOpinions)
        if let v = trainingTenths { j.present("trainingTenths", Int64Codec.self, v) }
        if let v = capTrainingTenths { j.present("capTrainingTenths", Int64Codec.self, v) }
        if let v = minimumResearch { j.present("minimumResearch", Int32Codec.self, v) }
        if let v = minimumWelfare { j.present("minimumWelfare", Int32Codec.self, v) }
        if let v = awardMinTenths { j.present("awardMinTenths", Int64Codec.self, v) }
        if let v = awardTopPercent { j.present("awardTopPercent", Int32Codec.self, v) }
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "baseTenths", "base_tenths": baseTenths = try Int64Codec.readJSON(value, path: p)
            case "attendanceTenths", "attendance_tenths": attendanceTenths = try Int64Codec.readJSON(value, path: p)
            case "excusedAbsenceTenths", "excused_absence_tenths": excusedAbsenceTenths = try Int64Codec.readJSON(value, path: p)
            case "unexcusedAbsenceTenths", "unexcused_absence_tenths": unexcusedAbsenceTenths = try Int64Codec.readJSON(value, path: p)
            case "proposalTenths", "proposal_tenths": proposalTenths = try Int64Codec.readJSON(value, path: p)
            case "proposalRegisteredTenths", "proposal_registered_tenths": proposalRegisteredTenths = try Int64Codec.readJSON(value, path: p)
            case "cosignerPercent", "cosigner_percent": cosignerPercent = try Int64Codec.readJSON(value, path: p)
            case "opinionTenths", "opinion_tenths": opinionTenths = try Int64Codec.readJSON(value, path: p)
            case "opinionAdoptedTenths", "opinion_adopted_tenths": opinionAdoptedTenths = try Int64Codec.readJSON(value, path: p)
            case "researchTenths", "research_tenths": researchTenths = try Int64Codec.readJSON(value, path: p)
            case "welfareTenths", "welfare_tenths": welfareTenths = try Int64Codec.readJSON(value, path: p)
            case "capMeetingsTenths", "cap_meetings_tenths": capMeetingsTenths = try Int64Codec.readJSON(value, path: p)
            case "capProposalsTenths", "cap_proposals_tenths": capProposalsTenths = try Int64Codec.readJSON(value, path: p)
            case "capOpinionsTenths", "cap_opinions_tenths": capOpinionsTenths = try Int64Codec.readJSON(value, path: p)
            case "capResearchTenths", "cap_research_tenths": capResearchTenths = try Int64Codec.readJSON(value, path: p)
            case "capWelfareTenths", "cap_welfare_tenths": capWelfareTenths = try Int64Codec.readJSON(value, path: p)
            case "talkBelowTenths", "talk_below_tenths": talkBelowTenths = try Int64Codec.readJSON(value, path: p)
            case "resignationAfterYears", "resignation_after_years": resignationAfterYears = try Int32Codec.readJSON(value, path: p)
            case "minimumProposals", "minimum_proposals": minimumProposals = try Int32Codec.readJSON(value, path: p)
            case "minimumOpinions", "minimum_opinions": minimumOpinions = try Int32Codec.readJSON(value, path: p)
            case "trainingTenths", "training_tenths": trainingTenths = try Int64Codec.readJSON(value, path: p)
            case "capTrainingTenths", "cap_training_tenths": capTrainingTenths = try Int64Codec.readJSON(value, path: p)
            case "minimumResearch", "minimum_research": minimumResearch = try Int32Codec.readJSON(value, path: p)
            case "minimumWelfare", "minimum_welfare": minimumWelfare = try Int32Codec.readJSON(value, path: p)
            case "awardMinTenths", "award_min_tenths": awardMinTenths = try Int64Codec.readJSON(value, path: p)
            case "awardTopPercent", "award_top_percent": awardTopPercent = try Int32Codec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}

/// The full set of a body's settings.
public struct PolicySet: ProtoMessage {
    public static let protoName = "xieshang.v1.PolicySet"

    /// Version number, 1 for the first; each PolicySet of a body has a version one above the previous one.
    public var version: Int32 = 0
    /// Day from which this version applies, "YYYY-MM-DD".
    public var effective: String = ""
    /// Months from assignment 交办 to the reply due date. Default 3.
    public var replyMonths: Int32 = 0
    /// Longest extension: the due date may not pass assignment + this many months. Default 6.
    public var maxExtensionMonths: Int32 = 0
    /// Days after assignment during which a unit may object 异议 to the assignment. Default 10.
    public var objectionWindowDays: Int32 = 0
    /// Days co-signers of a joint proposal have to confirm after submission. Default 7.
    public var cosignWindowDays: Int32 = 0
    /// Days after a reply after which a proposal may be closed without every evaluation. Default 30.
    public var evaluationWindowDays: Int32 = 0
    /// Reply classes 答复类别. Default A 已经解决或基本解决, B 部分解决或已列入计划解决, C 因条件限制留作参考.
    public var replyClasses: [PolicyChoice] = []
    /// Reasons a proposal may be not registered 不予立案. Default: not_in_scope 不属于政协提案范围,
    /// multiple_issues 一案多事, no_substance 内容空泛, under_litigation 涉及诉讼案件, personal_matter 个人事务.
    public var notRegisteredReasons: [PolicyChoice] = []
    /// How the satisfaction rate is counted. Default SATISFACTION_FORMULA_SATISFIED_OR_BASIC.
    public var satisfactionFormula: SatisfactionFormula = .unspecified
    /// Quarterly appraisal: a unit whose satisfaction is below this many percent has its replies returned for
    /// re-handling. Default 80.
    public var appraisalThresholdPercent: Int32 = 0
    /// Longest opinion report text, in characters (Unicode scalar values). Default 1500.
    public var opinionMaxChars: Int32 = 0
    /// Member duty scoring table.
    public var duty: DutyScoring? = nil
    /// False for a township liaison group, which records no proposals. Default true for city and county.
    public var registersProposals: Bool = false
    /// Fields this schema does not know, kept as raw bytes and written back after the known fields.
    public var unknownFields: [UInt8] = []

    /// A message with every field at its default.
    public init() {}

    /// A message with the given fields; the others keep their defaults.
    public init(
        version: Int32 = 0,
        effective: String = "",
        replyMonths: Int32 = 0,
        maxExtensionMonths: Int32 = 0,
        objectionWindowDays: Int32 = 0,
        cosignWindowDays: Int32 = 0,
        evaluationWindowDays: Int32 = 0,
        replyClasses: [PolicyChoice] = [],
        notRegisteredReasons: [PolicyChoice] = [],
        satisfactionFormula: SatisfactionFormula = .unspecified,
        appraisalThresholdPercent: Int32 = 0,
        opinionMaxChars: Int32 = 0,
        duty: DutyScoring? = nil,
        registersProposals: Bool = false
    ) {
        self.version = version
        self.effective = effective
        self.replyMonths = replyMonths
        self.maxExtensionMonths = maxExtensionMonths
        self.objectionWindowDays = objectionWindowDays
        self.cosignWindowDays = cosignWindowDays
        self.evaluationWindowDays = evaluationWindowDays
        self.replyClasses = replyClasses
        self.notRegisteredReasons = notRegisteredReasons
        self.satisfactionFormula = satisfactionFormula
        self.appraisalThresholdPercent = appraisalThresholdPercent
        self.opinionMaxChars = opinionMaxChars
        self.duty = duty
        self.registersProposals = registersProposals
    }
}

extension PolicySet {
    public static let protoFields: [ProtoFieldDescriptor] = [
        ProtoFieldDescriptor(number: 1, name: "version", jsonName: "version", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 2, name: "effective", jsonName: "effective", type: .string, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 3, name: "reply_months", jsonName: "replyMonths", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 4, name: "max_extension_months", jsonName: "maxExtensionMonths", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 5, name: "objection_window_days", jsonName: "objectionWindowDays", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 6, name: "cosign_window_days", jsonName: "cosignWindowDays", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 7, name: "evaluation_window_days", jsonName: "evaluationWindowDays", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 8, name: "reply_classes", jsonName: "replyClasses", type: .message("xieshang.v1.PolicyChoice"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 9, name: "not_registered_reasons", jsonName: "notRegisteredReasons", type: .message("xieshang.v1.PolicyChoice"), label: .repeated, oneof: nil),
        ProtoFieldDescriptor(number: 10, name: "satisfaction_formula", jsonName: "satisfactionFormula", type: .enumeration("xieshang.v1.SatisfactionFormula"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 11, name: "appraisal_threshold_percent", jsonName: "appraisalThresholdPercent", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 12, name: "opinion_max_chars", jsonName: "opinionMaxChars", type: .int32, label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 13, name: "duty", jsonName: "duty", type: .message("xieshang.v1.DutyScoring"), label: .singular, oneof: nil),
        ProtoFieldDescriptor(number: 14, name: "registers_proposals", jsonName: "registersProposals", type: .bool, label: .singular, oneof: nil),
    ]

    public func serializedSize() -> Int {
        var n = unknownFields.count
        n += WireSize.singular(Int32Codec.self, version, field: 1)
        n += WireSize.singular(StringCodec.self, effective, field: 2)
        n += WireSize.singular(Int32Codec.self, replyMonths, field: 3)
        n += WireSize.singular(Int32Codec.self, maxExtensionMonths, field: 4)
        n += WireSize.singular(Int32Codec.self, objectionWindowDays, field: 5)
        n += WireSize.singular(Int32Codec.self, cosignWindowDays, field: 6)
        n += WireSize.singular(Int32Codec.self, evaluationWindowDays, field: 7)
        n += WireSize.messages(replyClasses, field: 8)
        n += WireSize.messages(notRegisteredReasons, field: 9)
        n += WireSize.singular(EnumCodec<SatisfactionFormula>.self, satisfactionFormula, field: 10)
        n += WireSize.singular(Int32Codec.self, appraisalThresholdPercent, field: 11)
        n += WireSize.singular(Int32Codec.self, opinionMaxChars, field: 12)
        if let v = duty { n += WireSize.message(v, field: 13) }
        n += WireSize.singular(BoolCodec.self, registersProposals, field: 14)
        return n
    }

    public func encode(to w: inout WireWriter) {
        w.singular(Int32Codec.self, version, field: 1)
        w.singular(StringCodec.self, effective, field: 2)
        w.singular(Int32Codec.self, replyMonths, field: 3)
        w.singular(Int32Codec.self, maxExtensionMonths, field: 4)
        w.singular(Int32Codec.self, objectionWindowDays, field: 5)
        w.singular(Int32Codec.self, cosignWindowDays, field: 6)
        w.singular(Int32Codec.self, evaluationWindowDays, field: 7)
        w.messages(replyClasses, field: 8)
        w.messages(notRegisteredReasons, field: 9)
        w.singular(EnumCodec<SatisfactionFormula>.self, satisfactionFormula, field: 10)
        w.singular(Int32Codec.self, appraisalThresholdPercent, field: 11)
        w.singular(Int32Codec.self, opinionMaxChars, field: 12)
        if let v = duty { w.message(v, field: 13) }
        w.singular(BoolCodec.self, registersProposals, field: 14)
        w.writeRaw(unknownFields)
    }

    public mutating func decodeFields(from r: inout WireReader) throws(WireError) {
        while let tag = try r.nextTag() {
            switch (tag.field, tag.wireType) {
            case (1, .varint): version = try Int32Codec.read(from: &r)
            case (2, .lengthDelimited): effective = try StringCodec.read(from: &r)
            case (3, .varint): replyMonths = try Int32Codec.read(from: &r)
            case (4, .varint): maxExtensionMonths = try Int32Codec.read(from: &r)
            case (5, .varint): objectionWindowDays = try Int32Codec.read(from: &r)
            case (6, .varint): cosignWindowDays = try Int32Codec.read(from: &r)
            case (7, .varint): evaluationWindowDays = try Int32Codec.read(from: &r)
            case (8, .lengthDelimited): replyClasses.append(try r.readMessage(PolicyChoice.self))
            case (9, .lengthDelimited): notRegisteredReasons.append(try r.readMessage(PolicyChoice.self))
            case (10, .varint): satisfactionFormula = try EnumCodec<SatisfactionFormula>.read(from: &r)
            case (11, .varint): appraisalThresholdPercent = try Int32Codec.read(from: &r)
            case (12, .varint): opinionMaxChars = try Int32Codec.read(from: &r)
            case (13, .lengthDelimited): try r.readMessage(into: &duty)
            case (14, .varint): registersProposals = try BoolCodec.read(from: &r)
            default: try r.skip(tag, into: &unknownFields)
            }
        }
    }

    public func encodeJSON(to j: inout JSONWriter) {
        j.beginObject()
        j.singular("version", Int32Codec.self, version)
        j.singular("effective", StringCodec.self, effective)
        j.singular("replyMonths", Int32Codec.self, replyMonths)
        j.singular("maxExtensionMonths", Int32Codec.self, maxExtensionMonths)
        j.singular("objectionWindowDays", Int32Codec.self, objectionWindowDays)
        j.singular("cosignWindowDays", Int32Codec.self, cosignWindowDays)
        j.singular("evaluationWindowDays", Int32Codec.self, evaluationWindowDays)
        j.messages("replyClasses", replyClasses)
        j.messages("notRegisteredReasons", notRegisteredReasons)
        j.singular("satisfactionFormula", EnumCodec<SatisfactionFormula>.self, satisfactionFormula)
        j.singular("appraisalThresholdPercent", Int32Codec.self, appraisalThresholdPercent)
        j.singular("opinionMaxChars", Int32Codec.self, opinionMaxChars)
        if let v = duty { j.message("duty", v) }
        j.singular("registersProposals", BoolCodec.self, registersProposals)
        j.endObject()
    }

    public mutating func decodeJSON(from object: [JSONMember], path: String) throws(WireError) {
        for (key, value) in object {
            if case .null = value { continue }
            let p = path + "." + key
            switch key {
            case "version": version = try Int32Codec.readJSON(value, path: p)
            case "effective": effective = try StringCodec.readJSON(value, path: p)
            case "replyMonths", "reply_months": replyMonths = try Int32Codec.readJSON(value, path: p)
            case "maxExtensionMonths", "max_extension_months": maxExtensionMonths = try Int32Codec.readJSON(value, path: p)
            case "objectionWindowDays", "objection_window_days": objectionWindowDays = try Int32Codec.readJSON(value, path: p)
            case "cosignWindowDays", "cosign_window_days": cosignWindowDays = try Int32Codec.readJSON(value, path: p)
            case "evaluationWindowDays", "evaluation_window_days": evaluationWindowDays = try Int32Codec.readJSON(value, path: p)
            case "replyClasses", "reply_classes": replyClasses = try JSONRead.messages(PolicyChoice.self, value, path: p)
            case "notRegisteredReasons", "not_registered_reasons": notRegisteredReasons = try JSONRead.messages(PolicyChoice.self, value, path: p)
            case "satisfactionFormula", "satisfaction_formula": satisfactionFormula = try EnumCodec<SatisfactionFormula>.readJSON(value, path: p)
            case "appraisalThresholdPercent", "appraisal_threshold_percent": appraisalThresholdPercent = try Int32Codec.readJSON(value, path: p)
            case "opinionMaxChars", "opinion_max_chars": opinionMaxChars = try Int32Codec.readJSON(value, path: p)
            case "duty": duty = try JSONRead.message(DutyScoring.self, value, path: p)
            case "registersProposals", "registers_proposals": registersProposals = try BoolCodec.readJSON(value, path: p)
            default: throw JSONRead.unknownField(key, in: Self.protoName, path: path)
            }
        }
    }
}
