import Foundation
import JianbaoCore
import Pipeline
import Testing
import TestSupport

/// Each fixture re-encoded as GB18030, UTF-16LE with BOM, and UTF-8 with BOM and CRLF gives
/// the same items and entities, and every span slices its text out of that variant's source.
@Suite struct EncodingInvarianceTests {
    static let cases: [(String, Reencoding)] = Paths.fixtureNames.flatMap { name in Reencoding.allCases.map { (name, $0) } }

    @Test(arguments: cases)
    func sameDocumentInEveryEncoding(_ name: String, _ form: Reencoding) throws {
        let text = try String(contentsOf: Paths.fixture(name), encoding: .utf8)
        let original = try Pipeline().convert(bytes: Array(text.utf8), path: name)
        let bytes = try form.bytes(of: text)
        let variant = try Pipeline().convert(bytes: bytes, path: name)

        let decoded = form == .utf8WithBOMAndCRLF ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
        let source = SourceText(decoded)
        SpanCheck.assertSlices(variant, source)

        #expect(variant.flattenedItems.map(\.id) == original.flattenedItems.map(\.id))
        #expect(variant.flattenedItems.map(\.title) == original.flattenedItems.map(\.title))
        #expect(variant.counts.map(\.value) == original.counts.map(\.value))
        #expect(variant.counts.map(\.item) == original.counts.map(\.item))
        #expect(variant.dates.map(\.value) == original.dates.map(\.value))
        #expect(variant.units.map(\.name) == original.units.map(\.name))
        #expect(variant.people.map(\.name) == original.people.map(\.name))
        if form != .utf8WithBOMAndCRLF {
            // Same scalars, so the very same spans.
            #expect(variant.counts.map(\.span) == original.counts.map(\.span))
            #expect(variant.dates.map(\.span) == original.dates.map(\.span))
        }
    }

    @Test(arguments: Paths.fixtureNames)
    func everySpanSlicesItsText(_ name: String) throws {
        let text = try String(contentsOf: Paths.fixture(name), encoding: .utf8)
        let document = try Pipeline().convert(bytes: Array(text.utf8), path: name)
        SpanCheck.assertSlices(document, SourceText(text))
        #expect(document.source.characters == text.unicodeScalars.count)
    }
}

enum SpanCheck {
    static func assertSlices(_ document: Document, _ source: SourceText) {
        for count in document.counts { #expect(source.slice(count.span) == count.text) }
        for ratio in document.ratios { #expect(source.slice(ratio.span) == ratio.text) }
        for date in document.dates { #expect(source.slice(date.span) == date.text) }
        for duration in document.durations { #expect(source.slice(duration.span) == duration.text) }
        for unit in document.units { #expect(source.slice(unit.span) == unit.text) }
        for person in document.people { #expect(source.slice(person.span) == person.name) }
        if let date = document.document.date { #expect(source.slice(date.span) == date.text) }
        if let issue = document.document.issue { #expect(source.slice(issue.span) == issue.text) }
        for item in document.flattenedItems {
            #expect(item.span.end <= source.count)
            for field in item.fields { #expect(field.span.end <= source.count) }
        }
    }
}
