import Foundation
import Ingest
import JianbaoCore
import Testing
import TestSupport

@Suite struct IngestorTests {
    let sample = "代表工作\n第 41 期\n２０２４ 年 10 月 23 日\n近2000个项目。"

    @Test func readsPlainUTF8() throws {
        let source = try Ingestor().decode(Array(sample.utf8), path: "a.txt")
        #expect(source.encoding == .utf8)
        #expect(source.text.count == sample.unicodeScalars.count)
    }

    @Test(arguments: Reencoding.allCases)
    func decodesEveryFormToTheSameText(_ form: Reencoding) throws {
        let bytes = try form.bytes(of: sample)
        let source = try Ingestor().decode(bytes, path: "a.txt")
        let expected = form == .utf8WithBOMAndCRLF ? sample.replacingOccurrences(of: "\n", with: "\r\n") : sample
        #expect(String(String.UnicodeScalarView(source.text.scalars)) == expected)
        switch form {
        case .gb18030: #expect(source.encoding == .gb18030)
        case .utf16LEWithBOM: #expect(source.encoding == .utf16LE)
        case .utf8WithBOMAndCRLF: #expect(source.encoding == .utf8WithBOM)
        }
    }

    @Test func readsUTF16BigEndian() throws {
        var bytes: [UInt8] = [0xFE, 0xFF]
        for unit in sample.utf16 { bytes += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        let source = try Ingestor().decode(bytes, path: "a.txt")
        #expect(source.encoding == .utf16BE)
        #expect(source.text.count == sample.unicodeScalars.count)
    }

    @Test func hashesTheBytes() throws {
        let source = try Ingestor().decode(Array("abc".utf8), path: "a.txt")
        #expect(source.sha256 == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    static let refusals: [(name: String, bytes: [UInt8], reason: String)] = [
        ("empty", [], "empty file"),
        ("white space only", Array(" \n\u{3000}\n".utf8), "no text"),
        ("BOM only", [0xEF, 0xBB, 0xBF], "no text"),
        ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "not text: PNG image"),
        ("PDF", Array("%PDF-1.7\n".utf8), "not text: PDF document"),
        ("NUL bytes", Array("abc".utf8) + [0, 0] + Array("def".utf8), "not text: contains NUL"),
        ("truncated UTF-8", Array("代表工作".utf8).dropLast(1), "truncated: the file ends inside a UTF-8 character"),
        ("unpaired surrogate in UTF-16", [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00], "not decodable: unpaired UTF-16 surrogate"),
        ("control characters", Array(repeating: 0x01, count: 50) + Array("ab".utf8), "not text"),
    ]

    @Test(arguments: refusals.indices)
    func refusesWithOneClearReason(_ index: Int) {
        let refusal = Self.refusals[index]
        do {
            _ = try Ingestor().decode(refusal.bytes, path: "bad.txt")
            Issue.record("\(refusal.name) was accepted")
        } catch let error as IngestError {
            #expect(error.description.hasPrefix(refusal.reason), "\(refusal.name): \(error.description)")
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("\(refusal.name): unexpected \(error)")
        }
    }

    @Test func refusesOverTheLimit() {
        #expect(throws: IngestError.tooLarge(bytes: 10, limit: 5)) {
            try Ingestor(maxBytes: 5).decode(Array("0123456789".utf8), path: "big.txt")
        }
    }

    @Test func refusesBytesThatAreNoChineseEncoding() {
        // Lone continuation bytes and 0xFF are invalid in UTF-8 and in GB18030.
        let bytes: [UInt8] = Array("abc".utf8) + [0x80, 0xFF, 0xFF, 0x80, 0x30]
        #expect(throws: IngestError.self) { try Ingestor().decode(bytes, path: "bad.txt") }
    }

    // MARK: Damage that keeps the text (issue 9): replaced, and said so in one diagnostic.

    static let longSample = String(repeating: "全省各级人大常委会共建成代表联络站近2000个。\n", count: 8)

    @Test func replacesAFewInvalidUTF8SequencesInsteadOfGuessingALegacyCharset() throws {
        let bytes = Array(Self.longSample.utf8)
        let damaged = Array(bytes[..<30]) + [0xFF] + Array(bytes[30...])
        let source = try Ingestor().decode(damaged, path: "a.txt")
        #expect(source.encoding == .utf8)
        #expect(source.text.count == Self.longSample.unicodeScalars.count + 1)
        #expect(source.text.scalars[10] == "\u{FFFD}")
        let diagnostic = try #require(source.diagnostics.first)
        #expect(diagnostic.code == "replaced-characters")
        #expect(diagnostic.message == "1 undecodable UTF-8 sequence was replaced by U+FFFD (first at byte 30)")
        #expect(diagnostic.span == SourceSpan(start: 10, end: 11))
    }

    @Test func stillReadsGB18030AsGB18030() throws {
        let bytes = try Reencoding.gb18030.bytes(of: Self.longSample)
        let source = try Ingestor().decode(bytes, path: "a.txt")
        #expect(source.encoding == .gb18030)
        #expect(source.diagnostics.isEmpty)
        #expect(String(String.UnicodeScalarView(source.text.scalars)) == Self.longSample)
    }

    @Test func replacesInvalidUTF8AfterAByteOrderMark() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(Self.longSample.utf8) + [0xC0, 0xAF]
        let source = try Ingestor().decode(bytes, path: "a.txt")
        #expect(source.encoding == .utf8WithBOM)
        #expect(source.diagnostics.map(\.code) == ["replaced-characters"])
        #expect(source.diagnostics.first?.message.hasPrefix("2 undecodable UTF-8 sequences were replaced") == true)
    }

    @Test func replacesAnUnpairedSurrogateInLongUTF16() throws {
        var units = Array(Self.longSample.utf16)
        units.insert(0xDC00, at: 5)
        let bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let source = try Ingestor().decode(bytes, path: "a.txt")
        #expect(source.text.scalars[5] == "\u{FFFD}")
        #expect(source.diagnostics.first?.message == "1 undecodable UTF-16LE sequence was replaced by U+FFFD (first at byte 12)")
    }

    @Test func reportsCharactersXMLForbids() throws {
        let source = try Ingestor().decode(Array((Self.longSample + "\u{1}\u{FFFF}").utf8), path: "a.txt")
        let diagnostic = try #require(source.diagnostics.first)
        #expect(diagnostic.code == "xml-forbidden-characters")
        let offset = Self.longSample.unicodeScalars.count
        #expect(diagnostic.message == "2 characters that XML 1.0 forbids (first U+0001 at \(offset)) written as U+FFFD in XML")
        #expect(diagnostic.span == SourceSpan(start: offset, end: offset + 1))
    }

    @Test func cleanTextHasNoDiagnostics() throws {
        #expect(try Ingestor().decode(Array(sample.utf8), path: "a.txt").diagnostics.isEmpty)
    }
}
