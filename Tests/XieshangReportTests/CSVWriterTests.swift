import Testing
@testable import XieshangReport

struct CSVWriterTests {
    @Test func startsWithABOMUsesCRLFAndQuotesWhatNeedsIt() {
        let bytes = CSVWriter.bytes(header: ["议题", "牵头领导"], rows: [["农村人居环境, 整治", "张\"三\""], ["多行\n文本", "=SUM(A1)"]])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "议题,牵头领导\r\n\"农村人居环境, 整治\",\"张\"\"三\"\"\"\r\n\"多行\n文本\",'=SUM(A1)\r\n")
    }

    /// Finding (issue 16, 9): the formula guard looked only at the first *character* against `=+-@`, so `=` followed
    /// by a combining mark (one grapheme) or a zero-width joiner, a leading tab or CR before `=`, and the full-width
    /// `＝＋－＠` all reached Excel as formulas. Python's csv module reads the file back and an independent check from
    /// the Unicode database (python/csv_formulas.py) finds no cell a spreadsheet could take for a formula.
    @Test func noCellStartsAFormulaWhateverHidesItsFirstCharacter() throws {
        let hostile = ["=\u{0301}HYPERLINK(\"http://x\")", "=\u{200D}1+1", "\u{200D}=1+1", "\t=cmd|' /C calc'!A0", "\r=1+1",
                       "\n@SUM(A1)", " -2+3", "＝1+1", "＋1", "－1+2", "＠SUM(A1)", "\u{FEFF}=1", "\u{202E}=1", "\u{3000}=1",
                       "﹦1", "=1", "+1+1", "-1+1", "@x", "\u{20DD}+1"]
        let safe = ["-5", "+3", "1e3", "普通文字", "a=b"]
        let rows = (hostile + safe).map { [$0, "x"] }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xs-csv-\(UUID().uuidString.prefix(8))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/t.csv"
        #expect(FileManager.default.createFile(atPath: file, contents: Data(CSVWriter.bytes(header: ["v", "w"], rows: rows))))
        let python = ProcessInfo.processInfo.environment["XIESHANG_PYTHON"] ?? "/usr/bin/python3"
        let (status, out) = try ChromiumRenderingTests().run(python, [ChromiumRenderingTests.packageRoot + "/Tests/XieshangReportTests/python/csv_formulas.py", file])
        #expect(status == 0, "\(out)")
        #expect(out.hasPrefix("rows \(rows.count + 1)\n"), "Python's csv module read every row back: \(out)")
        #expect(out.split(separator: "\n").count == 1, "cells a spreadsheet would take for formulas: \(out)")
        // Plain numbers stay numbers, and the guard does not touch text that only contains a sign.
        let text = String(decoding: CSVWriter.bytes(header: ["n"], rows: safe.map { [$0] }).dropFirst(3), as: UTF8.self)
        #expect(text == "n\r\n" + safe.joined(separator: "\r\n") + "\r\n")
    }

    /// The formula guard needs no Foundation (XieshangReport is pure): its table of scalars that NFKC maps to a sign
    /// equals what Python's unicodedata computes over every scalar.
    @Test func formulaLeadsAreEveryScalarNFKCMapsToASign() throws {
        let python = ProcessInfo.processInfo.environment["XIESHANG_PYTHON"] ?? "/usr/bin/python3"
        let (status, out) = try ChromiumRenderingTests().run(python, [ChromiumRenderingTests.packageRoot + "/Tests/XieshangReportTests/python/nfkc_formula_leads.py"])
        #expect(status == 0)
        let computed = Set(out.split(separator: "\n").compactMap { UInt32($0, radix: 16) })
        #expect(computed.count > 4 && computed == CSVWriter.formulaLeads, "unicodedata: \(computed.sorted().map { String($0, radix: 16) })")
    }

    @Test func numbersStayNumbers() {
        let text = String(decoding: CSVWriter.bytes(header: ["n"], rows: [["-5"], ["+3"]]).dropFirst(3), as: UTF8.self)
        #expect(text == "n\r\n-5\r\n+3\r\n")
    }
}

struct HTMLReportTests {
    func model() -> ReportModel {
        ReportModel(
            title: "铜仁市政协履职统计", period: "2026", generatedAt: "2026-11-24",
            bodies: [
                .init(id: "city", name: "铜仁市政协", tier: "city", parent: "", own: ["activities": 1], totals: ["activities": 6], verified: true),
                .init(id: "a", name: "万山区政协", tier: "county", parent: "city", own: ["activities": 2], totals: ["activities": 3], verified: true),
                .init(id: "b", name: "碧江区<政协>", tier: "county", parent: "city", own: ["activities": 2], totals: ["activities": 2], verified: false),
                .init(id: "a1", name: "敖寨乡政协工委", tier: "township", parent: "a", own: ["activities": 1], totals: ["activities": 1], verified: true),
            ],
            figures: [("activities", "履职活动")], chartFigure: "activities",
            trend: [("2026-01", 1), ("2026-02", 4)],
            rates: [.init(label: "办结率", numerator: 118, denominator: 118), .init(label: "满意率", numerator: 108, denominator: 110)],
            overdueItems: [["乡村振兴专题协商", "万山区政协", "2026-06-30", "准备中"]],
            proposalsPastDue: [["TA-2026-005 关于保障农村饮水安全的建议", "市水务局", "2026-06-05"]],
            recordFigures: [("提案提交数", 118), ("办结数", 116)])
    }

    @Test func holdsTheTotalsEveryBodyChartsAndLists() {
        let html = HTMLReport.render(model())
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<td data-figure=\"activities\">6</td>"))
        #expect(html.contains("万山区政协") && html.contains("敖寨乡政协工委"))
        #expect(html.contains("碧江区&lt;政协&gt;"), "names are escaped")
        #expect(html.contains("100.0%") && html.contains("98.2%"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 3, "a bar chart per parent (city, 万山) and the trend")
        #expect(html.contains("乡村振兴专题协商"))
        #expect(html.contains("TA-2026-005 关于保障农村饮水安全的建议") && html.contains("超过答复期限的提案"))
        #expect(html.contains("<th>提案提交数</th><td>118</td>"), "the body's own record figures")
        #expect(html.contains("@page { size: A4"), "prints on A4")
        #expect(!html.contains("<script"), "no scripts")
        #expect(!html.contains("http://") || !html.contains("src="), "no external resources")
    }

    @Test func rateTextRoundsToOneDecimal() {
        #expect(ReportModel.Rate(label: "", numerator: 108, denominator: 110).text == "98.2%")
        #expect(ReportModel.Rate(label: "", numerator: 160, denominator: 200).text == "80.0%")
        #expect(ReportModel.Rate(label: "", numerator: 0, denominator: 0).text == "—")
    }
}

import Foundation

/// The report as a person sees it: rendered by headless Chromium (Debian's `chromium`, which `make test` installs).
struct ChromiumRenderingTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Runs `program` to its end and answers its exit status and standard output; the wait happens on the process's
    /// termination handler, never on a thread of Swift's cooperative pool (standard output goes to a file meanwhile).
    static func runOffThePool(_ program: String, _ args: [String]) async throws -> (Int32, String) {
        let output = NSTemporaryDirectory() + "xs-run-\(UUID().uuidString.prefix(8)).out"
        FileManager.default.createFile(atPath: output, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: output) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        p.standardError = FileHandle.nullDevice
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            p.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try p.run() } catch {
                p.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        return (status, (try? String(contentsOfFile: output, encoding: .utf8)) ?? "")
    }

    func run(_ program: String, _ args: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func chromiumRendersTheReportWithTheTotalsAndEveryCounty() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let chromium else {
            Issue.record("chromium is not installed; run `make test` (it installs Debian's chromium)")
            return
        }
        let dir = NSTemporaryDirectory() + "xs-report-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let html = HTMLReport.render(HTMLReportTests().model())
        try html.write(toFile: dir + "/report.html", atomically: true, encoding: .utf8)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--user-data-dir=\(dir)/profile"]
        let (domStatus, dom) = try run(chromium, common + ["--dump-dom", "file://\(dir)/report.html"])
        #expect(domStatus == 0)
        #expect(dom.contains("<td data-figure=\"activities\">6</td>"), "the city's total is in the rendered DOM")
        for county in ["万山区政协", "碧江区&lt;政协&gt;"] { #expect(dom.contains(county), "\(county) in the DOM") }
        #expect(dom.contains("办结率") && dom.contains("满意率") && dom.contains("<svg"), "rates and charts in the DOM")
        let (shotStatus, _) = try run(chromium, common + ["--screenshot=\(dir)/shot.png", "--window-size=1024,1400",
                                                           "file://\(dir)/report.html"])
        #expect(shotStatus == 0)
        let python = ProcessInfo.processInfo.environment["XIESHANG_PYTHON"] ?? "/usr/bin/python3"
        let (inkStatus, ink) = try run(python, [Self.packageRoot + "/Tests/XieshangReportTests/python/png_ink.py", dir + "/shot.png"])
        #expect(inkStatus == 0)
        let fraction = Double(ink.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(fraction > 0.01, "the screenshot is not blank (ink \(fraction))")
    }
}
