import Emit
import Foundation
import JianbaoCore
import Testing
import TestSupport

@Suite struct EmitterTests {
    static func sample(text: String = "近2000个项目") -> Document {
        Document(
            source: SourceInfo(path: "a.txt", sha256: String(repeating: "0", count: 64), bytes: 10, encoding: "UTF-8", characters: 8),
            document: DocumentInfo(title: "代表工作", issue: Issue(text: "第 41 期", number: 41, span: SourceSpan(start: 0, end: 6))),
            items: [Item(path: ["1"], marker: "1.", kind: "item", title: "标题", span: SourceSpan(start: 0, end: 8))],
            counts: [Count(text: text, value: 2000, approx: .under, unit: "个", object: "项目", item: "1", span: SourceSpan(start: 0, end: 8))],
            ratios: [Ratio(text: "1/5", value: 0.2, item: nil, span: SourceSpan(start: 0, end: 3))])
    }

    @Test func jsonKeepsSpecOrderAndChinese() {
        let json = DocumentJSONWriter().write(Self.sample())
        let keys = ["\"schema\"", "\"source\"", "\"document\"", "\"items\"", "\"units\"", "\"people\"", "\"counts\"", "\"ratios\"", "\"dates\"", "\"durations\"", "\"diagnostics\""]
        let positions = keys.map { json.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(json.contains("近2000个项目"))
        #expect(json.contains("\"value\": 2000,"))
        #expect(json.contains("\"value\": 0.2,"))
    }

    @Test func jsonRoundTripsThroughStrictValidation() {
        let json = DocumentJSONWriter().write(Self.sample())
        #expect(DocumentValidator().validateJSON(Data(json.utf8)) == [])
    }

    @Test func strictValidationRejectsUnknownAndMissingFields() {
        let json = DocumentJSONWriter().write(Self.sample())
        let extra = json.replacingOccurrences(of: "\"schema\":", with: "\"colour\": 1, \"schema\":")
        #expect(DocumentValidator().validateJSON(Data(extra.utf8)).contains { $0.contains("unknown field $.colour") })
        let missing = json.replacingOccurrences(of: "\"approx\": \"under\", ", with: "")
        #expect(!DocumentValidator().validateJSON(Data(missing.utf8)).isEmpty)
    }

    @Test(arguments: ["近2000个项目", "bad \u{1}\u{FFFE} chars", "a < b & \"c\""])
    func xmlValidatesAgainstTheSchema(_ text: String) throws {
        let xml = try XMLDocumentWriter().write(Self.sample(text: text))
        #expect(xml.contains("xmlns=\"urn:jianbao:document:1\""))
        #expect(!xml.unicodeScalars.contains { $0.value == 1 || $0.value == 0xFFFE })
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jianbao-\(UUID().uuidString).xml")
        try xml.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(DocumentValidator().validate(url) == [])
    }

    @Test func csvHasBOMHeaderAndQuotes() {
        var document = Self.sample(text: "a,\"b\"\n c")
        document.counts[0].object = nil
        let csv = CSVTable.counts.render([document])
        #expect(csv.hasPrefix("\u{FEFF}path,item,span_start,span_end,text,value,value_max,approx,unit,object\r\n"))
        #expect(csv.contains("a.txt,1,0,8,\"a,\"\"b\"\"\n c\",2000,,under,个,\r\n"))
    }
}
