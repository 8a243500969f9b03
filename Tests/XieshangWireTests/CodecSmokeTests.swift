import Testing
import XieshangTestKinds
@testable import XieshangWire

/// Hand-checked encodings: each expected byte string was worked out from the protobuf encoding spec.
struct CodecKnownBytesTests {
    @Test func eventBodyEncodesInFieldOrderWithDefaultsOmitted() throws {
        let body = EventBody(origin: "a", seq: 300, scope: Scope(target: .up(true)), kind: .testNote)
        // 0a 01 61 | 10 ac 02 | 2a 02 08 01 | 30 04
        #expect(body.serializedBytes() == [0x0a, 0x01, 0x61, 0x10, 0xac, 0x02, 0x2a, 0x02, 0x08, 0x01, 0x30, 0x04])
        #expect(try EventBody(serializedBytes: body.serializedBytes()) == body)
    }

    @Test func negativeInt64IsTenBytesAndJSONUsesStrings() throws {
        let body = EventBody(timeMs: -1)
        #expect(body.serializedBytes() == [0x20] + [UInt8](repeating: 0xff, count: 9) + [0x01])
        #expect(body.jsonString() == #"{"timeMs":"-1"}"#)
        #expect(try EventBody(jsonString: #"{"time_ms": -1}"#) == body)
    }

    @Test func unknownFieldsAreKeptAndWrittenBack() throws {
        // Field 99 (varint 7) is unknown to Note; it must survive a decode/encode round trip.
        let bytes: [UInt8] = [0x0a, 0x02, 0x68, 0x69, 0x98, 0x06, 0x07]
        let note = try Note(serializedBytes: bytes)
        #expect(note.text == "hi")
        #expect(note.unknownFields == [0x98, 0x06, 0x07])
        #expect(note.serializedBytes() == bytes)
    }
}
