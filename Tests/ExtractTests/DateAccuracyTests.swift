import Extract
import Foundation
import JianbaoCore
import Testing
import TestSupport

/// Dates and durations against the hand annotations of the five bulletins
/// (`Fixtures/*.expected/dates.json`). A prediction matches an annotation when their spans
/// overlap and type, value, start and end agree (durations: value); each is used once.
@Suite struct DateAccuracyTests {
    static let threshold = 0.97

    @Test(arguments: Paths.fixtureNames)
    func bulletin(_ name: String) throws {
        let input = try String(contentsOf: Paths.fixture(name), encoding: .utf8)
        let expected = try JSONValue.load(Paths.expected(name, "dates.json"))
        let run = DateRun.extract(input)

        func span(_ value: JSONValue) -> SourceSpan {
            SourceSpan(start: value["span"]["start"].int ?? 0, end: value["span"]["end"].int ?? 0)
        }
        func key(_ value: JSONValue) -> [String?] {
            [value["type"].string, value["value"].string, value["start"].string, value["end"].string]
        }
        let predictedDates = run.dates.map { ($0.span, [$0.type.rawValue, $0.value, $0.start, $0.end], $0.text) }
        let expectedDates = expected["dates"].array.map { (span($0), key($0), $0["text"].string ?? "") }
        let predictedDurations = run.durations.map { ($0.span, [$0.value], $0.text) }
        let expectedDurations = expected["durations"].array.map { (span($0), [$0["value"].string], $0["text"].string ?? "") }

        let dates = Self.score(predictedDates, expectedDates)
        let durations = Self.score(predictedDurations, expectedDurations)
        let matched = dates.matched + durations.matched
        let predicted = predictedDates.count + predictedDurations.count
        let annotated = expectedDates.count + expectedDurations.count
        let precision = predicted == 0 ? 1 : Double(matched) / Double(predicted)
        let recall = annotated == 0 ? 1 : Double(matched) / Double(annotated)

        print(
            "dates \(name): precision \(Self.format(precision)) (\(matched)/\(predicted)), recall \(Self.format(recall)) (\(matched)/\(annotated))"
                + " — dates \(dates.matched)/\(predictedDates.count)/\(expectedDates.count), durations \(durations.matched)/\(predictedDurations.count)/\(expectedDurations.count)"
                + (run.referenceYear.map { "; reference year \($0.value) (\($0.source.rawValue))" } ?? ""))
        for miss in dates.spurious + durations.spurious { print("  spurious  \(miss)") }
        for miss in dates.missed + durations.missed { print("  missed    \(miss)") }

        #expect(run.referenceYear?.value == expected["reference_year"].int)
        #expect(precision >= Self.threshold, "precision of \(name)")
        #expect(recall >= Self.threshold, "recall of \(name)")
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }

    /// Greedy one-to-one matching in document order.
    static func score(_ predicted: [(SourceSpan, [String?], String)], _ expected: [(SourceSpan, [String?], String)]) -> (
        matched: Int, spurious: [String], missed: [String]
    ) {
        var used = Array(repeating: false, count: predicted.count)
        var missed: [String] = []
        var matched = 0
        for annotation in expected {
            if let index = predicted.indices.first(where: {
                !used[$0] && predicted[$0].0.overlaps(annotation.0) && predicted[$0].1 == annotation.1
            }) {
                used[index] = true
                matched += 1
            } else {
                let near = predicted.first { $0.0.overlaps(annotation.0) }
                missed.append("\(annotation.2.debugDescription) \(annotation.1.map { $0 ?? "null" }) @\(annotation.0.start)"
                    + (near.map { " — got \($0.2.debugDescription) \($0.1.map { $0 ?? "null" })" } ?? ""))
            }
        }
        let spurious = predicted.indices.filter { !used[$0] }.map {
            "\(predicted[$0].2.debugDescription) \(predicted[$0].1.map { $0 ?? "null" }) @\(predicted[$0].0.start)"
        }
        return (matched, spurious, missed)
    }
}
