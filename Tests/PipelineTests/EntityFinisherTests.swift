import JianbaoCore
import Testing

@testable import Pipeline

/// The finisher keeps an extractor's text when it is already the exact source slice, and builds
/// the slice only when it is not: the comparison must be exact for every UTF-8 length.
@Suite struct EntityFinisherTests {
    static let source = SourceText("申报单位：省人大常委会办公厅\n近2000个项目，增长30%，📄附件ｘ")

    @Test(arguments: [
        ("省人大常委会办公厅", 5, 14, true),
        ("近2000个项目", 15, 23, true),
        ("30%", 26, 29, true),
        ("📄附件ｘ", 30, 34, true),
        ("省人大常委会办公", 5, 14, false),  // shorter than the slice
        ("省人大常委会办公厅厅", 5, 14, false),  // longer
        ("近２０００个项目", 15, 23, false),  // the working text folded the digits: the source has them half-width
        ("办公厅\n近", 11, 16, true),  // across a line break
        ("", 3, 3, true),
        ("x", 3, 3, false),
        ("厅", 13, 99, false),  // a span past the end is never a match
    ])
    func textIsSourceSlice(text: String, start: Int, end: Int, expected: Bool) {
        #expect(EntityFinisher.text(text, isSourceSlice: SourceSpan(start: start, end: end), of: Self.source) == expected)
        if expected { #expect(Self.source.slice(SourceSpan(start: start, end: end)) == text) }
    }
}
