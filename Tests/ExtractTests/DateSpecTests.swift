import Extract
import JianbaoCore
import Testing
import TestSupport

/// The hard cases of `Tests/Specs/dates.json`, one test each: every field of every expected
/// date and duration, and no others.
@Suite struct DateSpecTests {
    @Test(arguments: SpecTable.cases("dates"))
    func specCase(_ spec: SpecCase) {
        if let gap = spec.knownGap {
            withKnownIssue(Comment(rawValue: gap)) { Self.check(spec) }
        } else {
            Self.check(spec)
        }
    }

    static func check(_ spec: SpecCase) {
        #expect(!spec.expect.isNull, "the case has an expect block")
        let run = DateRun.extract(spec.input, referenceDate: spec.referenceDate)
        func slice(_ span: SourceSpan) -> String {
            guard span.end <= run.source.count else { return "<out of range>" }
            return run.source.slice(span)
        }
        func span(_ value: JSONValue) -> SourceSpan? {
            guard let start = value["span"]["start"].int, let end = value["span"]["end"].int else { return nil }
            return SourceSpan(start: start, end: end)
        }

        if case .array = spec.expect["dates"] {
            let expected = spec.expect["dates"].array
            #expect(
                run.dates.count == expected.count,
                "dates: got \(run.dates.map { "\($0.text) \($0.value)" }), expected \(expected.map { $0["text"].string ?? "" })")
            for (date, want) in zip(run.dates, expected) {
                #expect(slice(date.span) == want["text"].string, "text")
                #expect(date.type.rawValue == want["type"].string, "type of \(date.text)")
                #expect(date.value == want["value"].string, "value of \(date.text)")
                #expect(date.start == want["start"].string, "start of \(date.text)")
                #expect(date.end == want["end"].string, "end of \(date.text)")
                #expect(date.mod?.rawValue == want["mod"].string, "mod of \(date.text)")
                #expect(date.yearSource?.rawValue == want["year_source"].string, "year_source of \(date.text)")
                #expect(date.span == span(want), "span of \(date.text)")
            }
        }
        if case .array = spec.expect["durations"] {
            let expected = spec.expect["durations"].array
            #expect(
                run.durations.count == expected.count,
                "durations: got \(run.durations.map { "\($0.text) \($0.value)" }), expected \(expected.map { $0["text"].string ?? "" })")
            for (duration, want) in zip(run.durations, expected) {
                #expect(slice(duration.span) == want["text"].string, "text")
                #expect(duration.value == want["value"].string, "value of \(duration.text)")
                #expect(duration.span == span(want), "span of \(duration.text)")
            }
        }
    }
}
