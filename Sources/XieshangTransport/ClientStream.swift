import CNghttp2

/// One call on a client connection, on the reactor side: the request bytes to send, the response deframer and
/// the status. Invariant: reactor-confined (created and used only inside reactor jobs and callbacks).
final class ClientStream: @unchecked Sendable {
    let call: ClientCall
    var id: Int32 = 0
    weak var connection: ClientConnection?
    var deframer: MessageDeframer
    var outChunks: [[UInt8]] = []
    var outHead = 0
    var outOffset = 0
    var requestEnded = false
    var deferred = false
    var httpStatus = ""
    var contentType = ""
    var grpcStatus: Int?
    var grpcMessage = ""
    var finished = false
    var owed = 0
    var deadlineTimer: UInt64?
    let windowBytes: Int

    init(call: ClientCall, windowBytes: Int) {
        self.call = call
        self.windowBytes = windowBytes
        deframer = MessageDeframer(maxMessageBytes: call.maxMessageBytes)
    }

    /// Queues request bytes (nil with `end` to half-close).
    func enqueue(_ framed: [UInt8]?, end: Bool) {
        guard !finished, !requestEnded else { return }
        if let framed { outChunks.append(framed) }
        if end { requestEnded = true }
        if deferred, id > 0, let c = connection {
            deferred = false
            c.resume(self)
        }
    }

    func copyBody(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var written = 0
        while written < buffer.count && outHead < outChunks.count {
            let chunk = outChunks[outHead]
            let n = min(chunk.count - outOffset, buffer.count - written)
            chunk.withUnsafeBytes { src in
                (buffer.baseAddress! + written).copyMemory(from: src.baseAddress! + outOffset, byteCount: n)
            }
            written += n
            outOffset += n
            if outOffset == chunk.count { outHead += 1; outOffset = 0 }
        }
        if outHead == outChunks.count { outChunks.removeAll(keepingCapacity: true); outHead = 0 }
        if written > 0 { call.budget.release(written) }
        return written
    }

    var hasPendingBody: Bool { outHead < outChunks.count }

    /// The response queue shrank: reopen any withheld stream window.
    func taken() {
        guard owed > 0, !finished, let c = connection, call.responses.bufferedBytes < windowBytes else { return }
        c.consumeStream(self, owed)
        owed = 0
    }

    /// Ends the call with `error` (or OK when nil); with `reset`, the stream is reset on the wire.
    func fail(_ error: TransportError?, reset: Bool) {
        guard !finished else { return }
        finished = true
        if let t = deadlineTimer { Reactor.shared.cancelTimer(t); deadlineTimer = nil }
        if let error {
            call.responses.finish(.failure(error))
            call.budget.close(error)
        } else {
            call.responses.finish(.success(()))
            call.budget.close(TransportError(.rpc, status: .ok, "the call already ended"))
        }
        outChunks = []
        connection?.streamFinished(self, reset: reset)
    }

    /// Decides the call's outcome from what the server sent.
    func complete(errorCode: UInt32) {
        if let s = grpcStatus {
            if s == 0 {
                fail(nil, reset: false)
            } else {
                fail(TransportError(.rpc, status: StatusCode(rawValue: s), grpcMessage, streamID: id,
                                    peer: connection?.peer), reset: false)
            }
            return
        }
        let peer = connection?.peer
        if errorCode == NGHTTP2_REFUSED_STREAM.rawValue {
            fail(TransportError(.refused, status: .unavailable,
                                "\(call.path): the server refused the stream before processing it (it is going away or at its stream limit); retry", streamID: id,
                                peer: peer), reset: false)
        } else if errorCode == NGHTTP2_CANCEL.rawValue {
            fail(TransportError(.cancelled, status: .cancelled, "\(call.path): the server cancelled the stream",
                                streamID: id, peer: peer), reset: false)
        } else if !httpStatus.isEmpty && httpStatus != "200" {
            let status: StatusCode = switch httpStatus {
            case "400": .internal
            case "401": .unauthenticated
            case "403": .permissionDenied
            case "404": .unimplemented
            case "429", "502", "503", "504": .unavailable
            default: .unknown
            }
            fail(TransportError(.protocolViolation, status: status,
                                "\(call.path): HTTP status \(httpStatus) without grpc-status", streamID: id, peer: peer),
                 reset: false)
        } else {
            fail(TransportError(.protocolViolation, status: errorCode == 0 ? .internal : .unavailable,
                                "\(call.path): the stream closed without grpc-status (HTTP/2 error \(errorCode))",
                                streamID: id, peer: peer), reset: false)
        }
    }
}
