import Extract
import Foundation
import JianbaoCore
import Normalize
import Testing
import TestSupport

/// The hard-case table Tests/Specs/counts.json, one parameterised test per case (format in
/// Tests/Specs/README.md). Every field of every expected count and ratio is compared; `text`
/// is checked as the input's slice at the predicted span. Cases with a `knownGap` run inside
/// `withKnownIssue`.
@Suite struct CountSpecTests {
    @Test(arguments: SpecTable.cases("counts"))
    func specCase(_ spec: SpecCase) {
        if let gap = spec.knownGap {
            withKnownIssue(Comment(rawValue: gap)) { check(spec) }
        } else {
            check(spec)
        }
    }

    func check(_ spec: SpecCase) {
        #expect(spec.expect != .null, "the spec table is missing or a case has no expect")
        let source = SourceText(spec.input)
        let found = CountExtractor().extract(Normalizer().normalize(source))

        if case .array = spec.expect["counts"] {
            let predicted = found.counts.map { count in
                CountRow(
                    text: source.slice(count.span), value: Self.number(count.value),
                    valueMax: count.valueMax.map(Self.number), approx: count.approx.rawValue, unit: count.unit,
                    object: count.object, start: count.span.start, end: count.span.end)
            }
            let expected = spec.expect["counts"].array.map { value in
                CountRow(
                    text: value["text"].string ?? "", value: Self.number(value["value"].double ?? .nan),
                    valueMax: value["value_max"].double.map(Self.number), approx: value["approx"].string ?? "exact",
                    unit: value["unit"].string ?? "", object: value["object"].string,
                    start: value["span"]["start"].int ?? -1, end: value["span"]["end"].int ?? -1)
            }
            #expect(predicted == expected, "\(spec.name): \(spec.input)")
        }
        if case .array = spec.expect["ratios"] {
            let predicted = found.ratios.map {
                RatioRow(text: source.slice($0.span), value: Self.number($0.value), start: $0.span.start, end: $0.span.end)
            }
            let expected = spec.expect["ratios"].array.map { value in
                RatioRow(
                    text: value["text"].string ?? "", value: Self.number(value["value"].double ?? .nan),
                    start: value["span"]["start"].int ?? -1, end: value["span"]["end"].int ?? -1)
            }
            #expect(predicted == expected, "\(spec.name): \(spec.input)")
        }
    }

    struct CountRow: Equatable, CustomStringConvertible {
        var text: String
        var value: String
        var valueMax: String?
        var approx: String
        var unit: String
        var object: String?
        var start: Int
        var end: Int

        var description: String {
            "“\(text)” \(value)\(valueMax.map { "–" + $0 } ?? "") \(approx) unit \(unit) object \(object ?? "null") [\(start), \(end))"
        }
    }

    struct RatioRow: Equatable, CustomStringConvertible {
        var text: String
        var value: String
        var start: Int
        var end: Int

        var description: String { "“\(text)” \(value) [\(start), \(end))" }
    }

    /// Values compared to twelve significant digits (2/3 as 0.6666666666666666 or 0.666666667).
    static func number(_ value: Double) -> String {
        String(format: "%.12g", value)
    }
}

