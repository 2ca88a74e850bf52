import Emit
import Foundation
import JianbaoCore
import Pipeline
import Testing
import TestSupport

/// Whatever lands in the cron folder: each bad input is either refused with one clear reason
/// or converted without a crash into JSON and XML that validate, with a diagnostic wherever
/// text was replaced. Time is checked for linearity on the inputs that could go quadratic.
@Suite struct HostileInputTests {
    enum Outcome: Sendable {
        /// Refused; the reason starts with this.
        case refused(String)
        /// Converted; the document carries these diagnostic codes (may be none).
        case converted(diagnostics: [String])
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: @Sendable () throws -> [UInt8]
        var outcome: Outcome
        /// Extra checks on the converted document.
        var check: @Sendable (Document) -> Void = { _ in }

        var testDescription: String { name }
    }

    static let paragraph = "一、加强代表联络站建设\n今年以来，全省各级人大常委会共建成代表联络站近2000个，组织代表开展活动3.5万人次。\n"

    static let cases: [Case] = [
        Case(name: "empty", bytes: { [] }, outcome: .refused("empty file")),
        Case(name: "only white space", bytes: { Array(" \t\n\u{3000}\r\n  ".utf8) }, outcome: .refused("no text")),
        Case(name: "only a UTF-8 BOM", bytes: { [0xEF, 0xBB, 0xBF] }, outcome: .refused("no text")),
        Case(name: "only a UTF-16 BOM", bytes: { [0xFF, 0xFE] }, outcome: .refused("no text")),
        Case(name: "PNG image", bytes: { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Noise.bytes(4096, seed: 1) }, outcome: .refused("not text: PNG image")),
        Case(name: "spreadsheet saved as .txt", bytes: { [0x50, 0x4B, 0x03, 0x04] + Noise.bytes(4096, seed: 2) }, outcome: .refused("not text: ZIP archive")),
        Case(name: "binary noise", bytes: { Noise.bytes(65536, seed: 3) }, outcome: .refused("not text")),
        Case(name: "NUL bytes in text", bytes: { Array(paragraph.utf8) + [0, 0, 0] + Array(paragraph.utf8) }, outcome: .refused("not text: contains NUL")),
        Case(name: "truncated UTF-8", bytes: { Array(paragraph.utf8) + Array("项".utf8).dropLast() }, outcome: .refused("truncated")),
        Case(
            name: "invalid UTF-8 sequences in a UTF-8 bulletin",
            bytes: { try Splice.insert([[0xC0, 0xAF], [0xFF], [0xED, 0xA0, 0x80]], into: Array(Fixture.text(1).utf8)) },
            outcome: .converted(diagnostics: ["replaced-characters"]),
            check: { document in
                #expect(document.source.encoding == "UTF-8")
                #expect(document.diagnostics.first { $0.code == "replaced-characters" }?.message.contains("undecodable UTF-8 sequences") == true)
            }),
        Case(
            name: "invalid UTF-8 after a UTF-8 BOM",
            bytes: { [0xEF, 0xBB, 0xBF] + (try Splice.insert([[0x80]], into: Array(Fixture.text(2).utf8))) },
            outcome: .converted(diagnostics: ["replaced-characters"])),
        Case(
            name: "unpaired surrogate in a UTF-16 bulletin",
            bytes: {
                let units = Array(try Fixture.text(0).utf16)
                let damaged = units[..<200] + [0xD800] + units[200...] + [0xDC00]
                return [0xFF, 0xFE] + damaged.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            },
            outcome: .converted(diagnostics: ["replaced-characters"]),
            check: { #expect($0.source.encoding == "UTF-16LE") }),
        Case(
            name: "UTF-16 made of unpaired surrogates",
            bytes: { [0xFE, 0xFF] + Array(repeating: [0xDC, 0x00, 0x4E, 0x00], count: 100).flatMap { $0 } },
            outcome: .refused("not decodable: unpaired UTF-16 surrogates: 100 in 200")),
        Case(
            name: "GB18030 four-byte sequences",
            bytes: { try Reencoding.gb18030.bytes(of: paragraph + "𠀀𪚥、ÿ、€与€\n" + paragraph) },
            outcome: .converted(diagnostics: []),
            check: { document in
                #expect(document.source.encoding == "GB18030")
                #expect(document.source.characters == (paragraph + "𠀀𪚥、ÿ、€与€\n" + paragraph).unicodeScalars.count)
            }),
        Case(
            name: "a 20 MB single line",
            bytes: { Array(String(repeating: "代表们认真审议了有关报告并提出意见建议，", count: 20 * 1024 * 1024 / 60).utf8) },
            outcome: .converted(diagnostics: [])),
        Case(
            name: "100 000 repeated list markers, one per line",
            bytes: { Array(String(repeating: "1.\n", count: 100_000).utf8) },
            outcome: .converted(diagnostics: [])),
        Case(
            name: "100 000 markers on one line",
            bytes: { Array(String(repeating: "（一）", count: 100_000).utf8) },
            outcome: .converted(diagnostics: [])),
        Case(
            name: "100 000 nested brackets",
            bytes: { Array((String(repeating: "（", count: 100_000) + "一" + String(repeating: "）", count: 100_000)).utf8) },
            outcome: .converted(diagnostics: [])),
        Case(
            name: "100 000 unclosed quotes and book titles",
            bytes: { Array(String(repeating: "“《3个", count: 100_000).utf8) },
            outcome: .converted(diagnostics: [])),
        Case(
            name: "a 10 000-digit number",
            bytes: { Array(("共建成" + String(repeating: "9", count: 10_000) + "个站点。\n").utf8) },
            outcome: .converted(diagnostics: ["number-out-of-range"]),
            check: { document in
                #expect(document.counts.allSatisfy { $0.value.isFinite && $0.value < 1e300 })
            }),
        Case(
            name: "亿亿亿亿亿",
            bytes: { Array("投资5亿亿亿亿亿元，亿亿亿亿亿。\n".utf8) },
            outcome: .converted(diagnostics: ["number-out-of-range"]),
            check: { document in #expect(document.counts.allSatisfy { $0.value.isFinite }) }),
        Case(
            name: "2023年13月45日",
            bytes: { Array("会议于2023年13月45日召开。\n".utf8) },
            outcome: .converted(diagnostics: ["impossible-date"]),
            check: { document in #expect(!document.dates.contains { $0.text.contains("13月45日") }) }),
        Case(
            name: "2月30日",
            bytes: { Array("2023年2月30日，代表们到基层调研。\n".utf8) },
            outcome: .converted(diagnostics: ["impossible-date"]),
            check: { document in #expect(!document.dates.contains { $0.text.contains("2月30日") }) }),
        Case(
            name: "U+0001 and U+FFFE, which XML 1.0 forbids",
            bytes: { Array((paragraph + paragraph + "代表\u{1}工作\u{FFFE}站近2000个\u{FFFF}。\n" + paragraph).utf8) },
            outcome: .converted(diagnostics: ["xml-forbidden-characters"]),
            check: { document in
                #expect(document.diagnostics.first { $0.code == "xml-forbidden-characters" }?.message.hasPrefix("3 characters") == true)
            }),
        Case(
            name: "C0 controls throughout",
            bytes: { Array(String(repeating: "代表\u{1}\u{2}\u{3}", count: 100).utf8) },
            outcome: .refused("not text: 300 control characters")),
    ]

    @Test(arguments: cases)
    func badInput(_ badCase: Case) throws {
        let bytes = try badCase.bytes()
        let result = Result { try Pipeline().convert(bytes: bytes, path: "hostile.txt") }
        switch (badCase.outcome, result) {
        case let (.refused(reason), .failure(error as ConversionError)):
            #expect(error.reason.hasPrefix(reason), "reason: \(error.reason)")
            #expect(!error.reason.contains("\n"))
        case let (.refused(reason), .success(document)):
            Issue.record("expected a refusal (\(reason)), got a document with \(document.diagnostics.map(\.code))")
        case let (.converted, .failure(error)):
            Issue.record("expected a document, got \(error)")
        case let (.converted(codes), .success(document)):
            let found = Set(document.diagnostics.map(\.code))
            for code in codes { #expect(found.contains(code), "no \(code) diagnostic in \(found.sorted())") }
            OutputCheck.assertValid(document)
            OutputCheck.assertSpansInside(document)
            badCase.check(document)
        case let (.refused, .failure(error)):
            Issue.record("unexpected error \(error)")
        }
    }

    /// Every input the fuzzer (`make fuzz`) found a crash, hang or broken output with, kept
    /// under `Fuzz/Regressions/` and held to the same contract as the table above. They run
    /// through the built `jianbao` binary, so a crash that comes back fails this test instead
    /// of taking the whole test run down with it.
    static var fuzzFindings: [String] {
        let folder = Paths.repository.appendingPathComponent("Fuzz/Regressions")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Findings whose fix belongs to another stage's owner and has not landed yet: reported as
    /// known issues until it does (then delete the entry: a known issue that stops happening
    /// fails the test, so this list cannot go stale).
    /// Findings whose fix has not landed yet (none now): a known issue that stops happening
    /// fails the test, so this list cannot go stale.
    static let awaitingFix: [String: String] = [:]

    @Test(arguments: fuzzFindings)
    func fuzzFinding(_ name: String) throws {
        let url = Paths.repository.appendingPathComponent("Fuzz/Regressions").appendingPathComponent(name)
        if let reason = Self.awaitingFix[name] {
            withKnownIssue(Comment(rawValue: reason)) { try FindingCheck.run(url) }
        } else {
            try FindingCheck.run(url)
        }
    }

    /// Inputs that a quadratic scanner would make hang, at 1× and 4× their size: a linear
    /// stage takes about four times as long, a quadratic one sixteen. The bound (8× plus a
    /// quarter second) leaves room for a busy machine without letting n² through; a ratio
    /// of sizes rather than a wall-clock budget keeps it independent of the machine.
    static let growthCases: [(name: String, unit: String, count: Int)] = [
        ("long single line", "代表们认真审议了有关报告并提出意见建议，", 4_000),
        ("list markers, one per line", "1.\n", 4_000),
        ("markers on one line", "（一）", 4_000),
        ("open brackets", "（", 20_000),
        ("unclosed quotes and book titles", "“《3个", 4_000),
        ("numbers with scale words", "近2000个、3.5万人次、20.49亿元，", 1_000),
        ("dates", "2023年4月22日至25日，", 1_000),
        ("organisations", "安阳、鹤壁五市人大常委会，", 1_000),
        ("broken lines", "代表们认真审议了有关报告并提出意见\n", 2_000),
    ]

    @Test(arguments: growthCases.indices)
    func timeGrowsLinearly(_ index: Int) throws {
        let growth = Self.growthCases[index]
        func seconds(_ count: Int) throws -> Double {
            let bytes = Array(String(repeating: growth.unit, count: count).utf8)
            var best = Double.infinity
            for _ in 0..<2 {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try Pipeline().convert(bytes: bytes, path: "growth.txt")
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            }
            return best
        }
        let small = try seconds(growth.count)
        let large = try seconds(growth.count * 4)
        #expect(large < 8 * small + 0.25, "\(growth.name): \(small) s for n, \(large) s for 4n")
    }
}

/// Every output of a converted document keeps the contract: JSON and XML validate (XML against
/// the shipped XSD, through a real file, as `jianbao validate` does) and CSV tables render.
enum OutputCheck {
    static func assertValid(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jianbao-hostile-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let xml = try OutputFormat.xml.render(document)
            #expect(!xml.unicodeScalars.contains { !isAllowedInXML($0) }, sourceLocation: sourceLocation)
            let xmlURL = folder.appendingPathComponent("document.xml")
            try xml.write(to: xmlURL, atomically: false, encoding: .utf8)
            let xmlProblems = DocumentValidator().validate(xmlURL)
            #expect(xmlProblems.isEmpty, "XML: \(xmlProblems.prefix(3))", sourceLocation: sourceLocation)
            let json = try OutputFormat.json.render(document)
            let jsonProblems = DocumentValidator().validateJSON(Data(json.utf8))
            #expect(jsonProblems.isEmpty, "JSON: \(jsonProblems.prefix(3))", sourceLocation: sourceLocation)
            for table in CSVTable.allCases { #expect(table.render([document]).hasPrefix(CSVTable.byteOrderMark)) }
        } catch {
            Issue.record("rendering failed: \(error)", sourceLocation: sourceLocation)
        }
    }

    /// Every span lies inside the decoded source, as the SPEC's `source[start:end]` needs.
    static func assertSpansInside(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
        let length = document.source.characters
        var spans = document.flattenedItems.flatMap { [$0.span] + $0.fields.map(\.span) }
        spans += document.units.map(\.span) + document.people.map(\.span) + document.counts.map(\.span)
        spans += document.ratios.map(\.span) + document.dates.map(\.span) + document.durations.map(\.span)
        spans += document.diagnostics.compactMap(\.span)
        for span in spans where !(0 <= span.start && span.start <= span.end && span.end <= length) {
            Issue.record("span \(span) outside 0..<\(length)", sourceLocation: sourceLocation)
        }
    }

    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}

/// Deterministic bytes: a linear congruential generator, so a failure reproduces.
enum Noise {
    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed &* 6364136223846793005 &+ 1442695040888963407
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }
}

enum Fixture {
    static func text(_ index: Int) throws -> String {
        try String(contentsOf: Paths.fixture(Paths.fixtureNames[index]), encoding: .utf8)
    }
}

/// Puts byte sequences into UTF-8 text at evenly spaced character boundaries.
enum Splice {
    static func insert(_ pieces: [[UInt8]], into bytes: [UInt8]) throws -> [UInt8] {
        var out = bytes
        for (index, piece) in pieces.enumerated().reversed() {
            var at = bytes.count * (index + 1) / (pieces.count + 1)
            while at < bytes.count && bytes[at] & 0xC0 == 0x80 { at += 1 }  // not inside a character
            out.insert(contentsOf: piece, at: at)
        }
        return out
    }
}

/// A fuzz finding through the `jianbao` binary: every format, no signal, one-line refusals,
/// and JSON and XML files that validate.
enum FindingCheck {
    static func run(_ input: URL) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jianbao-finding-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["json", "xml", "csv", "jsonl"] {
            let output = folder.appendingPathComponent("out.\(format)")
            let process = Process()
            process.executableURL = HostilePathTests.binary
            process.arguments = ["extract", input.path, "--format", format, "--output", output.path]
            // A crash is the finding itself: skip the backtracer's seconds of symbolication.
            process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            guard process.terminationReason == .exit else {
                Issue.record("\(format): jianbao died of signal \(process.terminationStatus)")
                continue
            }
            if process.terminationStatus != 0 {
                #expect(stderr.split(separator: "\n").count == 1, "\(format): refusal is not one line: \(stderr)")
                continue
            }
            if format == "json" || format == "xml" {
                let problems = DocumentValidator().validate(output)
                #expect(problems.isEmpty, "\(format): \(problems.prefix(3))")
            }
        }
    }
}
