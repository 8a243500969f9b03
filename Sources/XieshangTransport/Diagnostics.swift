import XieshangWire

/// The Diagnostics service (`xieshang.v1.Diagnostics`, 诊断): Echo and EchoStream, served by every node for health
/// checks and benchmarks. Honours `requested_status`/`requested_message` (the call ends with that status) and
/// `delay_ms` (the handler waits, cancellably, before answering).
public enum Diagnostics {
    /// The handlers keyed by path, ready to pass to ``Server/init(handlers:configuration:log:)``.
    public static func handlers() -> [String: RPCHandler] {
        [
            DiagnosticsService.echo.path: .unary { bytes, _ in
                let request = try decode(bytes)
                return try await answer(request, sequence: 1).serializedBytes()
            },
            DiagnosticsService.echoStream.path: .bidirectionalStreaming { requests, writer, _ in
                var sequence: UInt64 = 0
                for try await bytes in requests {
                    sequence += 1
                    try await writer.write(try await answer(try decode(bytes), sequence: sequence).serializedBytes())
                }
            },
        ]
    }

    private static func decode(_ bytes: [UInt8]) throws(TransportError) -> EchoRequest {
        do {
            return try EchoRequest(serializedBytes: bytes, limits: DecodeLimits(maxMessageBytes: max(bytes.count, 1)))
        } catch {
            throw TransportError.status(.invalidArgument, "EchoRequest does not decode: \(error)")
        }
    }

    private static func answer(_ request: EchoRequest, sequence: UInt64) async throws -> EchoResponse {
        if request.delayMs > 0 { try await Task.sleep(nanoseconds: UInt64(request.delayMs) * 1_000_000) }
        if request.requestedStatus != 0 {
            throw TransportError.status(StatusCode(rawValue: Int(request.requestedStatus)), request.requestedMessage)
        }
        return EchoResponse(payload: request.payload, text: request.text, sequence: sequence)
    }
}
