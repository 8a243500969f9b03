// grpc-swift-2 peer: serves xieshang.v1.Diagnostics/Echo and EchoStream on 127.0.0.1 (port from argv, 0 = any) and
// prints "PORT <n>". Used only by Ops/bench/transport.sh.
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2
import GRPCProtobuf

struct DiagnosticsPeer: RegistrableRPCService {
    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(
            forMethod: MethodDescriptor(fullyQualifiedService: "xieshang.v1.Diagnostics", method: "Echo"),
            deserializer: ProtobufDeserializer<Xieshang_V1_EchoRequest>(),
            serializer: ProtobufSerializer<Xieshang_V1_EchoResponse>()
        ) { request, _ in
            let single = try await ServerRequest(stream: request)
            let response = try await answer(single.message, sequence: 1)
            return StreamingServerResponse(single: ServerResponse(message: response))
        }
        router.registerHandler(
            forMethod: MethodDescriptor(fullyQualifiedService: "xieshang.v1.Diagnostics", method: "EchoStream"),
            deserializer: ProtobufDeserializer<Xieshang_V1_EchoRequest>(),
            serializer: ProtobufSerializer<Xieshang_V1_EchoResponse>()
        ) { request, _ in
            StreamingServerResponse { writer in
                var sequence: UInt64 = 0
                for try await message in request.messages {
                    sequence += 1
                    try await writer.write(try await answer(message, sequence: sequence))
                }
                return [:]
            }
        }
    }
}

func answer(_ request: Xieshang_V1_EchoRequest, sequence: UInt64) async throws -> Xieshang_V1_EchoResponse {
    if request.delayMs > 0 { try await Task.sleep(nanoseconds: UInt64(request.delayMs) * 1_000_000) }
    if request.requestedStatus != 0 {
        let code = Status.Code(rawValue: Int(request.requestedStatus)).flatMap { RPCError.Code($0) } ?? .unknown
        throw RPCError(code: code, message: request.requestedMessage)
    }
    var response = Xieshang_V1_EchoResponse()
    response.payload = request.payload
    response.text = request.text
    response.sequence = sequence
    return response
}

let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 0 : 0
let server = GRPCServer(
    transport: .http2NIOPosix(address: .ipv4(host: "127.0.0.1", port: port), transportSecurity: .plaintext),
    services: [DiagnosticsPeer()]
)
try await withThrowingDiscardingTaskGroup { group in
    group.addTask { try await server.serve() }
    if let address = try await server.listeningAddress?.ipv4 {
        FileHandle.standardOutput.write(Data("PORT \(address.port)\n".utf8))
    }
}
