import Testing
import XieshangWire
@testable import XieshangDomain

/// The draft operation encoding (protobuf `xieshang.v1.DraftOperations`).
struct DraftOpCodecTests {
    static let sample: [DraftOp] = [
        DraftOp(replica: "a", seq: 1, edit: .insert(text: "协", left: nil, right: nil)),
        DraftOp(replica: "铜仁", seq: 0, edit: .insert(text: "商", left: DraftCharID(replica: "a", seq: 1),
                                                             right: DraftCharID(replica: "a", seq: 0))),
        DraftOp(replica: "a", seq: 2, edit: .delete([DraftDeleteSpan(replica: "铜仁", seq: 0, length: 1),
                                                     DraftDeleteSpan(replica: "a", seq: 0, length: 2, reversed: true)])),
    ]

    @Test("the encoding is the deterministic protobuf encoding of draft.proto")
    func goldenBytes() {
        let delete = DraftOp(replica: "a", seq: 2, edit: .delete([
            DraftDeleteSpan(replica: "a", seq: 0, length: 1),
            DraftDeleteSpan(replica: "a", seq: 0, length: 2, reversed: true),
        ]))
        let bytes = DraftOpCodec.encode([Self.sample[0], delete])
        let expected: [UInt8] = [
            0x0A, 0x01, 0x61,                                      // replicas = "a"
            0x12, 0x07, 0x10, 0x01, 0x1A, 0x03, 0xE5, 0x8D, 0x8F,  // op: seq 1, text 协
            0x12, 0x0C, 0x10, 0x02,                                // op: seq 2,
            0x42, 0x02, 0x18, 0x01,                                //   deletes {length 1}
            0x42, 0x04, 0x18, 0x02, 0x20, 0x01,                    //   deletes {length 2, reversed}
        ]
        #expect(hexString(bytes) == hexString(expected))
    }

    @Test("operations survive encoding and decoding")
    func roundTrip() throws {
        #expect(try DraftOpCodec.decode(DraftOpCodec.encode(Self.sample)) == Self.sample)
        #expect(try DraftOpCodec.decode([]) == [])
        var t = DraftText(replica: "恩施州政协")
        try t.insert("武陵山片区联名提案", at: 0)
        try t.delete(at: 2, length: 3)
        try t.insert("𠀀", at: 1)
        let ops = t.ops(since: DraftVersion())
        #expect(try DraftOpCodec.decode(DraftOpCodec.encode(ops)) == ops)
    }

    @Test("every truncation and random corruption gives operations or an error, never a crash")
    func corruptInput() {
        let bytes = DraftOpCodec.encode(Self.sample)
        var errors = 0
        for cut in 0..<bytes.count {
            do { _ = try DraftOpCodec.decode(Array(bytes.prefix(cut))) } catch { errors += 1 }
        }
        #expect(errors > bytes.count / 2)
        var rng = DraftTestRandom(seed: 7)
        for _ in 0..<20_000 {
            var mutated = bytes
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                mutated[Int.random(in: 0..<mutated.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
            }
            if let ops = try? DraftOpCodec.decode(mutated) {
                // Whatever decodes can be offered to a replica without crashing it.
                var t = DraftText(replica: "fuzz")
                try? t.apply(ops)
            }
        }
    }

    @Test("specific bad inputs name the problem")
    func specificErrors() {
        func code(_ bytes: [UInt8]) -> DomainError.Code? {
            do { _ = try DraftOpCodec.decode(bytes); return nil } catch { return error.code }
        }
        #expect(code([0x0A, 0x05, 0x61]) == .truncated)                         // length past end
        #expect(code([0x0A, 0x01, 0xFF]) == .invalidEncoding)                   // bad UTF-8
        #expect(code([0x12, 0x02, 0x10, 0x01]) == .invalidEncoding)             // names replica #0 of none
        #expect(code([0x0A, 0x01, 0x61, 0x12, 0x02, 0x10, 0x01]) == .malformedOperation)  // neither insert nor delete
        #expect(code([0x0B]) == .invalidEncoding)                               // wire type 3
        #expect(code(Array(repeating: 0xFF, count: 11)) == .invalidEncoding)    // varint too long
    }
}
