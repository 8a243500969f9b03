// Hand-written in the style of protoc-gen-swift's output for Protos/xieshang/v1/diagnostics.proto (running the
// plugin would add a long build of its own for two small messages). Keep in step with the .proto file.

import SwiftProtobuf

fileprivate let _protobuf_package = "xieshang.v1"

/// A payload to echo, and optionally a status the server should answer with instead.
struct Xieshang_V1_EchoRequest: Sendable {
  var payload: Data = Data()
  var text: String = String()
  var requestedStatus: UInt32 = 0
  var requestedMessage: String = String()
  var delayMs: UInt32 = 0
  var unknownFields = SwiftProtobuf.UnknownStorage()
  init() {}
}

/// The echoed payload.
struct Xieshang_V1_EchoResponse: Sendable {
  var payload: Data = Data()
  var text: String = String()
  var sequence: UInt64 = 0
  var unknownFields = SwiftProtobuf.UnknownStorage()
  init() {}
}

import Foundation

extension Xieshang_V1_EchoRequest: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".EchoRequest"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}payload\0\u{1}text\0\u{3}requested_status\0\u{3}requested_message\0\u{3}delay_ms\0")

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularBytesField(value: &self.payload) }()
      case 2: try { try decoder.decodeSingularStringField(value: &self.text) }()
      case 3: try { try decoder.decodeSingularUInt32Field(value: &self.requestedStatus) }()
      case 4: try { try decoder.decodeSingularStringField(value: &self.requestedMessage) }()
      case 5: try { try decoder.decodeSingularUInt32Field(value: &self.delayMs) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    if !self.payload.isEmpty {
      try visitor.visitSingularBytesField(value: self.payload, fieldNumber: 1)
    }
    if !self.text.isEmpty {
      try visitor.visitSingularStringField(value: self.text, fieldNumber: 2)
    }
    if self.requestedStatus != 0 {
      try visitor.visitSingularUInt32Field(value: self.requestedStatus, fieldNumber: 3)
    }
    if !self.requestedMessage.isEmpty {
      try visitor.visitSingularStringField(value: self.requestedMessage, fieldNumber: 4)
    }
    if self.delayMs != 0 {
      try visitor.visitSingularUInt32Field(value: self.delayMs, fieldNumber: 5)
    }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: Xieshang_V1_EchoRequest, rhs: Xieshang_V1_EchoRequest) -> Bool {
    if lhs.payload != rhs.payload {return false}
    if lhs.text != rhs.text {return false}
    if lhs.requestedStatus != rhs.requestedStatus {return false}
    if lhs.requestedMessage != rhs.requestedMessage {return false}
    if lhs.delayMs != rhs.delayMs {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}

extension Xieshang_V1_EchoResponse: SwiftProtobuf.Message, SwiftProtobuf._MessageImplementationBase, SwiftProtobuf._ProtoNameProviding {
  static let protoMessageName: String = _protobuf_package + ".EchoResponse"
  static let _protobuf_nameMap = SwiftProtobuf._NameMap(bytecode: "\0\u{1}payload\0\u{1}text\0\u{1}sequence\0")

  mutating func decodeMessage<D: SwiftProtobuf.Decoder>(decoder: inout D) throws {
    while let fieldNumber = try decoder.nextFieldNumber() {
      switch fieldNumber {
      case 1: try { try decoder.decodeSingularBytesField(value: &self.payload) }()
      case 2: try { try decoder.decodeSingularStringField(value: &self.text) }()
      case 3: try { try decoder.decodeSingularUInt64Field(value: &self.sequence) }()
      default: break
      }
    }
  }

  func traverse<V: SwiftProtobuf.Visitor>(visitor: inout V) throws {
    if !self.payload.isEmpty {
      try visitor.visitSingularBytesField(value: self.payload, fieldNumber: 1)
    }
    if !self.text.isEmpty {
      try visitor.visitSingularStringField(value: self.text, fieldNumber: 2)
    }
    if self.sequence != 0 {
      try visitor.visitSingularUInt64Field(value: self.sequence, fieldNumber: 3)
    }
    try unknownFields.traverse(visitor: &visitor)
  }

  static func ==(lhs: Xieshang_V1_EchoResponse, rhs: Xieshang_V1_EchoResponse) -> Bool {
    if lhs.payload != rhs.payload {return false}
    if lhs.text != rhs.text {return false}
    if lhs.sequence != rhs.sequence {return false}
    if lhs.unknownFields != rhs.unknownFields {return false}
    return true
  }
}
