import JianbaoCore
import Testing

/// Impossible dates are not emitted as dates (the spec table checks that); they are reported.
@Suite struct DateDiagnosticTests {
    @Test(arguments: [
        ("2023年2月30日召开。", "2023年2月30日"), ("2023年13月召开。", "2023年13月"), ("2023年2月29日召开。", "2023年2月29日"),
        ("二〇二三年二月三十日召开。", "二〇二三年二月三十日"), ("会议于2023.02.30召开。", "2023.02.30"),
    ])
    func impossibleDateIsReported(_ input: String, _ slice: String) {
        let run = DateRun.extract(input, referenceDate: "2023-06-15")
        #expect(run.dates.isEmpty)
        let diagnostic = run.diagnostics.first { $0.code == "impossible-date" }
        #expect(diagnostic?.level == .warning)
        #expect(diagnostic?.span.map { run.source.slice($0) } == slice)
    }

    @Test func yearlessDatesWithoutAnyYearGetXXXX() {
        let run = DateRun.extract("3月召开会议，今年完成。")
        #expect(run.referenceYear == nil)
        #expect(run.dates.map(\.value) == ["XXXX-03"])
        #expect(run.dates.first?.start == nil && run.dates.first?.yearSource == nil)
    }
}
