import Foundation
import Segment
import Testing
import TestSupport

/// The hard-case table Tests/Specs/segment.json, one parameterised test per case: the
/// flattened items (id, label, level, kind, title) must equal the expected ones.
@Suite struct SegmentSpecTests {
    /// Cases the rules cannot reach yet, each with the reason.
    static let knownIssues: [String: String] = [:]

    @Test(arguments: SpecTable.cases("segment"))
    func specCase(_ spec: SpecCase) {
        if let reason = Self.knownIssues[spec.name] ?? spec.knownGap {
            withKnownIssue(Comment(rawValue: reason)) { check(spec) }
        } else {
            check(spec)
        }
    }

    func check(_ spec: SpecCase) {
        #expect(spec.expect != .null, "the spec table is missing or a case has no expect")
        let found = ItemRow.segment(spec.input).rows.map(\.withoutFields)
        let expected = spec.expect["items"].array.map { ItemRow($0).withoutFields }
        #expect(found == expected, "\(spec.name): \(spec.input)")
    }
}
