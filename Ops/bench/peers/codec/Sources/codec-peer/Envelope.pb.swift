// Hand-written in the style of protoc-gen-swift's output for Protos/xieshang/v1/envelope.proto (EventBody, Scope,
// DownScope), so the benchmark peer needs no protoc plugin build. Field numbers and types match the .proto.
import SwiftProtobuf

struct Xieshang_V1_DownScope: Sendable {
  var only: [String] = []
  var unknownFields = SwiftProtobuf.UnknownStorage()
  init() {}
}

struct Xieshang_V1_Scope: Sendable {
  var target: Xieshang_V1_Scope.OneOf_Target? = nil

  enum OneOf_Target: Equatable, Sendable {
    case up(Bool)
    case down(Xieshang_V1_DownScope)
    case alliance(String)
    case direct(String)
    case local(Bool)
  }

  var unknownFields = SwiftProtobuf.UnknownStorage()
  init() {}
}

struct Xieshang_V1_EventBody: Sendable {
  var origin: String = String()
  var seq: UInt64 = 0
  var prevHash: Data = Data()
  var timeMs: Int64 = 0
  var scope: Xieshang_V1_Scope {
    get { return _scope ?? Xieshang_V1_Scope() }
    set { _scope = newValue }
  }
  var hasScope: Bool { return self._scope != nil }
  var kind: Int32 = 0
  var payload: Data = Data()
  var incarnation: Data = Data()
  var unknownFields = SwiftProtobuf.UnknownStorage()
  init() {}
  fileprivate var _scope: Xieshang_V1_Scope? = nil
}

import Foundation

fileprivate let _protobuf_package = "xieshang.v1"

extension Xieshang_V1_DownScope: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".DownScope"
  static let _protobuf_nameMap: SwiftProtobuf._NameMap = [1: .same(proto: "only")]

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeRepeatedStringField(value: &self.only) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    if !self.only.isEmpty { try visitor.visitRepeatedStringField(value: self.only, fieldNumber: 1) }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: Xieshang_V1_DownScope, rhs: Xieshang_V1_DownScope) -> Bool {
    if lhs.only != rhs.only { return false }
    if lhs.unknownFields != rhs.unknownFields { return false }
    return true
  }
}

extension Xieshang_V1_Scope: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".Scope"
  static let _protobuf_nameMap: SwiftProtobuf._NameMap = [
    1: .same(proto: "up"), 2: .same(proto: "down"), 3: .same(proto: "alliance"), 4: .same(proto: "direct"), 5: .same(proto: "local"),
  ]

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try {
        var v: Bool?
        try decoder.decodeSingularBoolField(value: &v)
        if let v = v {
          if self.target != nil { try decoder.handleConflictingOneOf() }
          self.target = .up(v)
        }
      }()
      case 2: try {
        var v: Xieshang_V1_DownScope?
        var hadOneofValue = false
        if let current = self.target {
          hadOneofValue = true
          if case .down(let m) = current { v = m }
        }
        try decoder.decodeSingularMessageField(value: &v)
        if let v = v {
          if hadOneofValue { try decoder.handleConflictingOneOf() }
          self.target = .down(v)
        }
      }()
      case 3: try {
        var v: String?
        try decoder.decodeSingularStringField(value: &v)
        if let v = v {
          if self.target != nil { try decoder.handleConflictingOneOf() }
          self.target = .alliance(v)
        }
      }()
      case 4: try {
        var v: String?
        try decoder.decodeSingularStringField(value: &v)
        if let v = v {
          if self.target != nil { try decoder.handleConflictingOneOf() }
          self.target = .direct(v)
        }
      }()
      case 5: try {
        var v: Bool?
        try decoder.decodeSingularBoolField(value: &v)
        if let v = v {
          if self.target != nil { try decoder.handleConflictingOneOf() }
          self.target = .local(v)
        }
      }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    switch self.target {
    case .up?: try { guard case .up(let v)? = self.target else { preconditionFailure() }
      try visitor.visitSingularBoolField(value: v, fieldNumber: 1) }()
    case .down?: try { guard case .down(let v)? = self.target else { preconditionFailure() }
      try visitor.visitSingularMessageField(value: v, fieldNumber: 2) }()
    case .alliance?: try { guard case .alliance(let v)? = self.target else { preconditionFailure() }
      try visitor.visitSingularStringField(value: v, fieldNumber: 3) }()
    case .direct?: try { guard case .direct(let v)? = self.target else { preconditionFailure() }
      try visitor.visitSingularStringField(value: v, fieldNumber: 4) }()
    case .local?: try { guard case .local(let v)? = self.target else { preconditionFailure() }
      try visitor.visitSingularBoolField(value: v, fieldNumber: 5) }()
    case nil: break
    }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: Xieshang_V1_Scope, rhs: Xieshang_V1_Scope) -> Bool {
    if lhs.target != rhs.target { return false }
    if lhs.unknownFields != rhs.unknownFields { return false }
    return true
  }
}

extension Xieshang_V1_EventBody: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".EventBody"
  static let _protobuf_nameMap: SwiftProtobuf._NameMap = [
    1: .same(proto: "origin"), 2: .same(proto: "seq"), 3: .standard(proto: "prev_hash"), 4: .standard(proto: "time_ms"),
    5: .same(proto: "scope"), 6: .same(proto: "kind"), 7: .same(proto: "payload"), 8: .same(proto: "incarnation"),
  ]

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularStringField(value: &self.origin) }()
      case 2: try { try decoder.decodeSingularUInt64Field(value: &self.seq) }()
      case 3: try { try decoder.decodeSingularBytesField(value: &self.prevHash) }()
      case 4: try { try decoder.decodeSingularInt64Field(value: &self.timeMs) }()
      case 5: try { try decoder.decodeSingularMessageField(value: &self._scope) }()
      case 6: try { try decoder.decodeSingularInt32Field(value: &self.kind) }()
      case 7: try { try decoder.decodeSingularBytesField(value: &self.payload) }()
      case 8: try { try decoder.decodeSingularBytesField(value: &self.incarnation) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    if !self.origin.isEmpty { try visitor.visitSingularStringField(value: self.origin, fieldNumber: 1) }
    if self.seq != 0 { try visitor.visitSingularUInt64Field(value: self.seq, fieldNumber: 2) }
    if !self.prevHash.isEmpty { try visitor.visitSingularBytesField(value: self.prevHash, fieldNumber: 3) }
    if self.timeMs != 0 { try visitor.visitSingularInt64Field(value: self.timeMs, fieldNumber: 4) }
    try { if let v = self._scope { try visitor.visitSingularMessageField(value: v, fieldNumber: 5) } }()
    if self.kind != 0 { try visitor.visitSingularInt32Field(value: self.kind, fieldNumber: 6) }
    if !self.payload.isEmpty { try visitor.visitSingularBytesField(value: self.payload, fieldNumber: 7) }
    if !self.incarnation.isEmpty { try visitor.visitSingularBytesField(value: self.incarnation, fieldNumber: 8) }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: Xieshang_V1_EventBody, rhs: Xieshang_V1_EventBody) -> Bool {
    if lhs.origin != rhs.origin { return false }
    if lhs.seq != rhs.seq { return false }
    if lhs.prevHash != rhs.prevHash { return false }
    if lhs.timeMs != rhs.timeMs { return false }
    if lhs._scope != rhs._scope { return false }
    if lhs.kind != rhs.kind { return false }
    if lhs.payload != rhs.payload { return false }
    if lhs.incarnation != rhs.incarnation { return false }
    if lhs.unknownFields != rhs.unknownFields { return false }
    return true
  }
}
