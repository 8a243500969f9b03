import Testing
@testable import XieshangTransport

@Suite struct MessageDeframerTests {
    private func feed(_ d: inout MessageDeframer, _ bytes: [UInt8]) -> ([[UInt8]], MessageDeframer.Failure?) {
        var out: [[UInt8]] = []
        let failure = bytes.withUnsafeBytes { d.append($0) { out.append($0) } }
        return (out, failure)
    }

    @Test func splitsMessagesAcrossAnyChunking() {
        let messages: [[UInt8]] = [[], [1], Array(repeating: 7, count: 300), [4, 5]]
        let stream = messages.flatMap(MessageFramer.frame)
        for chunk in [1, 2, 3, 5, 7, 64, stream.count] {
            var d = MessageDeframer(maxMessageBytes: 1000)
            var got: [[UInt8]] = []
            var i = 0
            while i < stream.count {
                let (m, f) = feed(&d, Array(stream[i..<min(i + chunk, stream.count)]))
                #expect(f == nil)
                got += m
                i += chunk
            }
            #expect(got == messages, "chunk size \(chunk)")
            #expect(!d.hasPartialMessage)
        }
    }

    @Test func refusesOversizedPrefixBeforeTheBody() {
        var d = MessageDeframer(maxMessageBytes: 4 * 1024 * 1024)
        let (m, f) = feed(&d, [0, 0xFF, 0xFF, 0xFF, 0xFF])
        #expect(m.isEmpty)
        #expect(f == .tooLarge(length: 4_294_967_295, limit: 4 * 1024 * 1024))
    }

    @Test func refusesCompressedAndUnknownFlags() {
        var a = MessageDeframer(maxMessageBytes: 10)
        #expect(feed(&a, [1, 0, 0, 0, 1, 9]).1 == .compressed)
        var b = MessageDeframer(maxMessageBytes: 10)
        #expect(feed(&b, [2, 0, 0, 0, 1, 9]).1 == .badFlag(2))
    }

    @Test func reportsAPartialMessage() {
        var d = MessageDeframer(maxMessageBytes: 10)
        _ = feed(&d, [0, 0, 0, 0, 4, 1])
        #expect(d.hasPartialMessage)
    }
}

@Suite struct PercentEncodingTests {
    @Test func roundTripsChineseAndPercent() {
        let text = "找不到提案 100% ✓\n"
        let encoded = PercentEncoding.encode(text)
        #expect(encoded.allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
        #expect(String(decoding: encoded, as: UTF8.self).hasPrefix("%E6%89%BE"))
        #expect(PercentEncoding.decode(encoded) == text)
    }

    @Test func keepsMalformedSequencesLiterally() {
        #expect(PercentEncoding.decode(Array("50%".utf8)) == "50%")
        #expect(PercentEncoding.decode(Array("%zz%4".utf8)) == "%zz%4")
    }
}

@Suite struct EndpointTests {
    @Test func parsesTheThreeForms() throws {
        #expect(try Endpoint(parsing: "127.0.0.1:50051") == .tcp(host: "127.0.0.1", port: 50051))
        #expect(try Endpoint(parsing: "[::1]:0") == .tcp(host: "::1", port: 0))
        #expect(try Endpoint(parsing: "unix:/tmp/x.sock") == .unix(path: "/tmp/x.sock"))
        #expect(throws: TransportError.self) { try Endpoint(parsing: "127.0.0.1") }
        #expect(throws: TransportError.self) { try Endpoint(parsing: "h:99999") }
    }

    @Test func parsesGrpcTimeouts() {
        #expect(parseTimeout("100m") == 100_000_000)
        #expect(parseTimeout("2S") == 2_000_000_000)
        #expect(parseTimeout("1H") == 3_600_000_000_000)
        #expect(parseTimeout("5") == nil)
        #expect(parseTimeout("123456789m") == nil)
        #expect(parseTimeout("1x") == nil)
    }
}
