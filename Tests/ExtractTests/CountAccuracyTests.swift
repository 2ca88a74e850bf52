import Extract
import Foundation
import JianbaoCore
import Normalize
import Testing
import TestSupport

/// Counts and ratios against the hand annotations of every fixture (Fixtures/ANNOTATING.md,
/// "counts.json"). A prediction matches an annotation when their spans overlap and value,
/// unit and approx agree (and value_max for a range); the counted noun and the exact end of
/// the text are not compared. Each bulletin prints its precision and recall.
@Suite struct CountAccuracyTests {
    static let minimum = 0.97

    struct Entity: CustomStringConvertible {
        var text: String
        var span: SourceSpan
        var key: String

        var description: String { "\(key) “\(text)” @\(span.start)" }
    }

    @Test(arguments: Paths.fixtureNames)
    func precisionAndRecall(_ name: String) throws {
        let source = try String(contentsOf: Paths.fixture(name), encoding: .utf8)
        let working = Normalizer().normalize(SourceText(source))
        let found = CountExtractor().extract(working)
        let expected = try JSONValue.load(Paths.expected(name, "counts.json"))

        let predicted =
            found.counts.map { Entity(text: $0.text, span: $0.span, key: Self.key($0)) }
            + found.ratios.map { Entity(text: $0.text, span: $0.span, key: "ratio \(Self.number($0.value))") }
        let annotated =
            expected["counts"].array.map(Self.annotatedCount) + expected["ratios"].array.map(Self.annotatedRatio)

        // Greedy one-to-one matching in document order.
        var taken = Set<Int>()
        var missed: [Entity] = []
        for truth in annotated {
            if let index = predicted.indices.first(where: {
                !taken.contains($0) && predicted[$0].key == truth.key && predicted[$0].span.overlaps(truth.span)
            }) {
                taken.insert(index)
            } else {
                missed.append(truth)
            }
        }
        let spurious = predicted.indices.filter { !taken.contains($0) }.map { predicted[$0] }
        let precision = predicted.isEmpty ? 1 : Double(taken.count) / Double(predicted.count)
        let recall = annotated.isEmpty ? 1 : Double(taken.count) / Double(annotated.count)

        print(
            "counts \(name): precision \(Self.percent(precision)) (\(taken.count)/\(predicted.count)), "
                + "recall \(Self.percent(recall)) (\(taken.count)/\(annotated.count))")
        for entity in missed { print("  missed   \(entity)") }
        for entity in spurious { print("  spurious \(entity)") }
        #expect(precision >= Self.minimum, "\(name): precision \(Self.percent(precision))")
        #expect(recall >= Self.minimum, "\(name): recall \(Self.percent(recall))")
    }

    static func key(_ count: Count) -> String {
        let high = count.valueMax.map { "–" + number($0) } ?? ""
        return "\(number(count.value))\(high) \(count.unit) \(count.approx.rawValue)"
    }

    static func annotatedCount(_ value: JSONValue) -> Entity {
        let high = value["value_max"].double.map { "–" + number($0) } ?? ""
        let key =
            "\(number(value["value"].double ?? .nan))\(high) \(value["unit"].string ?? "?") \(value["approx"].string ?? "?")"
        return Entity(text: value["text"].string ?? "", span: span(value), key: key)
    }

    static func annotatedRatio(_ value: JSONValue) -> Entity {
        Entity(text: value["text"].string ?? "", span: span(value), key: "ratio \(number(value["value"].double ?? .nan))")
    }

    static func span(_ value: JSONValue) -> SourceSpan {
        let start = value["span"]["start"].int ?? 0
        return SourceSpan(start: start, end: max(start, value["span"]["end"].int ?? 0))
    }

    /// Values compared to six significant digits (0.2 and 1/5 are the same ratio).
    static func number(_ value: Double) -> String {
        String(format: "%.6g", value)
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value * 100)
    }
}
