import Emit
import Foundation
import JianbaoCore
import Testing

/// The fast writer against the reference: `JSONTextWriter` over the `OrderedJSON` tree is slow
/// but plainly follows the layout rule, so the two must agree byte for byte on every shape of
/// document — flat and spread items, a flat or spread masthead, escapes, numbers, deep nesting.
@Suite struct DocumentJSONWriterTests {
    static let span = SourceSpan(start: 3, end: 17)

    static func document(
        info: DocumentInfo = DocumentInfo(), items: [Item] = [], text: String = "近2000个项目", values: [Double] = [2000],
        spans: [SourceSpan?] = [span]
    ) -> Document {
        Document(
            source: SourceInfo(path: "dir/\(text).txt", sha256: String(repeating: "a", count: 64), bytes: 123_456, encoding: "GB18030", characters: 0),
            document: info,
            items: items,
            units: [OrganisationUnit(text: text, name: "省人大常委会", role: .declarer, item: "1", span: span),
                    OrganisationUnit(text: "x", name: text, role: .mentioned, item: nil, span: span)],
            people: [Person(name: text, position: nil, organisation: "省委", role: .speaker, item: nil, span: span)],
            counts: values.map { Count(text: text, value: $0, valueMax: $0 > 1 ? $0 * 2 : nil, approx: .about, unit: "个", object: nil, item: "1/一是", span: span) },
            ratios: values.map { Ratio(text: "\($0)", value: $0, item: nil, span: span) },
            dates: [DateMention(text: text, type: .range, value: "2023-01/2023-03", start: "2023-01", end: nil, mod: .START, yearSource: nil, item: "2", span: span)],
            durations: [Duration(text: "三年", value: "P3Y", item: nil, span: span)],
            diagnostics: spans.map { Diagnostic(.warning, code: "count.total", message: text, span: $0) })
    }

    static func item(_ path: [String], fields: [Field] = [], children: [Item] = []) -> Item {
        Item(path: path, marker: "\(path.last ?? "")、", kind: "item", title: "标题 \(path.count)", fields: fields, span: span, children: children)
    }

    /// An item nested `depth` levels, deep enough that indentation passes any fixed run of spaces.
    static func chain(depth: Int, prefix: [String] = []) -> Item {
        let path = prefix + ["\(prefix.count + 1)"]
        let children = depth > 1 ? [chain(depth: depth - 1, prefix: path), item(path + ["leaf"])] : []
        return item(path, fields: depth % 3 == 0 ? [Field(name: "申报单位", value: "办公厅", span: span)] : [], children: children)
    }

    static let shapes: [(String, Document)] = [
        ("empty lists, flat masthead", Document(source: SourceInfo(path: "a", sha256: "", bytes: 0, encoding: "UTF-8", characters: 0), document: DocumentInfo())),
        ("flat masthead with reference year", document(info: DocumentInfo(title: "名单", kind: "list", referenceYear: ReferenceYear(value: 2023, source: .document)))),
        ("spread masthead", document(info: DocumentInfo(
            title: nil, issue: Issue(text: "第 41 期", number: nil, span: span), issuer: "办公厅",
            date: DocumentDate(text: "2023年3月1日", value: "2023-03-01", span: span),
            fields: [Field(name: "主送", value: "各市", span: span), Field(name: "抄送", value: "", span: span)]))),
        ("masthead with only fields", document(info: DocumentInfo(fields: [Field(name: "a", value: "b", span: span)]))),
        ("flat and spread items", document(items: [
            item(["1"]), item([], fields: [Field(name: "简介", value: "内容", span: span)]),
            item(["2"], children: [item(["2", "一是"]), item(["2", "二是"], fields: [Field(name: "n", value: "v", span: span)])]),
            item(["3"]),
        ])),
        ("deep nesting", document(items: [chain(depth: 40)])),
        ("escapes", document(text: "引号\"反斜杠\\换行\n回车\r制表\t控制\u{1}\u{1F}删除\u{7F}“全角”结尾\"")),
        ("escape in every position of a word", document(text: "12345678\"2345678\\abcdefg\u{0}ABCDEFGH")),
        ("numbers", document(values: [0, -0.0, 0.2, 1.0 / 3, 1e-7, -42, 2_049_000_000, 999_999_999_999_999, 1e15, 1e20, -1e300, .nan, .infinity, -.infinity])),
        ("null and extreme spans", document(spans: [nil, SourceSpan(start: 0, end: 0), SourceSpan(start: 9_876_543_210, end: Int.max)])),
    ]

    @Test(arguments: shapes.indices)
    func manyLinesMatchTheReference(_ index: Int) {
        let (name, document) = Self.shapes[index]
        let reference = JSONTextWriter().write(DocumentJSON.encode(document))
        #expect(DocumentJSONWriter().write(document) == reference, "\(name)")
        #expect(DocumentJSONWriter().data(document) == Data(reference.utf8), "\(name)")
    }

    @Test(arguments: shapes.indices)
    func oneLineMatchesTheReference(_ index: Int) {
        let (name, document) = Self.shapes[index]
        let reference = JSONTextWriter().writeLine(DocumentJSON.encode(document))
        #expect(DocumentJSONWriter().writeLine(document) == reference, "\(name)")
        #expect(DocumentJSONWriter().lineData(document) == Data(reference.utf8), "\(name)")
    }

    @Test func bufferGrowsPastItsEstimate() {
        // A source said to be empty but with long texts: the estimate is far too small.
        let long = String(repeating: "很长的文本", count: 20_000)
        let document = Self.document(text: long)
        #expect(DocumentJSONWriter().write(document) == JSONTextWriter().write(DocumentJSON.encode(document)))
    }
}
