import Testing
@testable import XieshangWire

/// Every generated message type, with every field set, survives binary and JSON round trips.
struct RoundTripTests {
    static let typeNames = SampleValues.registry().keys.sorted()

    /// Decodes `sample` as JSON into the type, then checks binary and JSON round trips are exact.
    func check<M: ProtoMessage>(_ type: M.Type, _ sample: JSONValue) throws {
        guard case .object(let members) = sample else { throw TestFailure("sample is not an object") }
        var message = M()
        try message.decodeJSON(from: members, path: "$")
        let bytes = message.serializedBytes()
        let decoded = try M(serializedBytes: bytes)
        #expect(decoded == message, "\(M.protoName): binary round trip changed the value")
        #expect(decoded.serializedBytes() == bytes, "\(M.protoName): re-encoding is not byte-identical")
        let json = message.jsonString()
        let fromJSON = try M(jsonString: json)
        #expect(fromJSON == message, "\(M.protoName): JSON round trip changed the value: \(json)")
    }

    @Test(arguments: typeNames)
    func everyFieldSetRoundTrips(_ name: String) throws {
        let type = SampleValues.registry()[name]!
        for variant in SampleValues.Variant.allCases {
            try check(type, SampleValues.sample(name, variant))
        }
    }

    @Test func nanPayloadBitsSurvive() throws {
        let quietNaN = Double(nan: 0x2_5A5A, signaling: false)
        let signalingNaN = Float(nan: 0x1234, signaling: true)
        var m = ConformanceScalars()
        m.fDouble = quietNaN
        m.fFloat = signalingNaN
        m.rDouble = [.nan, -.nan, quietNaN, .infinity]
        let back = try ConformanceScalars(serializedBytes: m.serializedBytes())
        #expect(back.fDouble.bitPattern == quietNaN.bitPattern)
        #expect(back.fFloat.bitPattern == signalingNaN.bitPattern)
        #expect(back.rDouble.map(\.bitPattern) == m.rDouble.map(\.bitPattern))
        #expect(m.jsonString().contains(#""fDouble":"NaN""#))
    }

    @Test func integersAtTheirLimitsAndNegativeValues() throws {
        var m = ConformanceScalars()
        m.fInt32 = .min
        m.fInt64 = .min
        m.fSint32 = .min
        m.fSint64 = .max
        m.fUint64 = .max
        m.fSfixed64 = .min
        m.rSint32 = [-1, 0, 1, .min, .max]
        m.oInt32 = 0
        let bytes = m.serializedBytes()
        let back = try ConformanceScalars(serializedBytes: bytes)
        #expect(back == m)
        #expect(back.oInt32 == 0, "an explicitly present zero stays present")
        // A negative int32 takes 10 bytes on the wire (sign-extended), a negative sint32 only a few (ZigZag).
        #expect(Int32Codec.size(-1) == 10)
        #expect(SInt32Codec.size(-1) == 1)
    }

    @Test func emptyAndLargeRepeatedFields() throws {
        var m = ConformanceScalars()
        m.rString = []
        m.rInt64 = Array(-50_000..<50_000).map(Int64.init)
        m.rBytes = [[], [0], Array(repeating: 0xab, count: 70_000)]
        let back = try ConformanceScalars(serializedBytes: m.serializedBytes())
        #expect(back == m)
    }

    @Test func mapsEncodeDeterministically() throws {
        var a = ConformanceTree()
        var b = ConformanceTree()
        for i in 0..<100 { a.counts["k\(i)"] = Int64(i) }
        for i in (0..<100).reversed() { b.counts["k\(i)"] = Int64(i) }
        #expect(a.serializedBytes() == b.serializedBytes())
        #expect(try ConformanceTree(serializedBytes: a.serializedBytes()) == a)
    }

    @Test func unpackedRepeatedScalarsAreAlsoAccepted() throws {
        // Field 23 (r_int32) sent unpacked, twice: 0xb8 0x01 is the tag for field 23, wire type 0.
        let bytes: [UInt8] = [0xb8, 0x01, 0x05, 0xb8, 0x01, 0x07]
        let m = try ConformanceScalars(serializedBytes: bytes)
        #expect(m.rInt32 == [5, 7])
    }

    @Test func aRepeatedMessageFieldMergesASecondOccurrenceOfASingularOne() throws {
        // Two occurrences of `scalars` (field 1) merge, as protobuf specifies.
        var first = ConformanceScalars()
        first.fInt32 = 1
        var second = ConformanceScalars()
        second.fString = "二"
        let bytes = ConformanceTree(scalars: first).serializedBytes() + ConformanceTree(scalars: second).serializedBytes()
        let merged = try ConformanceTree(serializedBytes: bytes)
        #expect(merged.scalars?.fInt32 == 1)
        #expect(merged.scalars?.fString == "二")
    }
}
