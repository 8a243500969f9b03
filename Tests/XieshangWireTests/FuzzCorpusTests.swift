import Foundation
import Testing
@testable import XieshangWire

/// Every input the fuzzer ever crashed on (Tests/XieshangWireTests/FuzzCrashes) now decodes to a value or a typed error.
struct FuzzCorpusTests {
    @Test func everyRecordedCrashInputIsHandled() throws {
        let folder = TestSupport.packageRoot + "/Tests/XieshangWireTests/FuzzCrashes"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "README.md" }
        #expect(!files.isEmpty)
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
            WireFuzzing.exercise([UInt8](data))
        }
    }

    @Test func exerciseAcceptsEveryTypeSelectorAndShortInputs() {
        for selector in 0...255 {
            WireFuzzing.exercise([UInt8(selector)])
            WireFuzzing.exercise([UInt8(selector), 0x0a, 0x00])
        }
        WireFuzzing.exercise([])
    }
}
