import Emit
import Foundation
import JianbaoCore
import Pipeline

/// libFuzzer's entry point: bytes in, every format out, and the output contract checked.
///
/// A conversion may refuse the input (a `ConversionError` with its one-line reason); anything
/// else — a trap, a sanitizer report, a hang, an output that breaks the contract — is a
/// finding, and `OutputContract` turns the broken promises into traps so libFuzzer saves
/// the input that caused them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let document: Document
    do {
        document = try Pipeline().convert(bytes: bytes, path: "fuzz.txt")
    } catch let error as ConversionError {
        OutputContract.require(!error.reason.isEmpty && !error.reason.contains("\n"), "refusal reason is one line: \(error)")
        return 0
    } catch {
        OutputContract.fail("convert threw something other than a ConversionError: \(error)")
    }
    OutputContract.check(document, bytes: bytes)
    return 0
}

enum OutputContract {
    static func fail(_ message: String) -> Never {
        fatalError("output contract broken: \(message)")
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { fail(message()) }
    }

    static func check(_ document: Document, bytes: [UInt8]) {
        checkSpans(document)
        checkJSON(document)
        checkXML(document)
        checkCSV(document)
    }

    /// Every span lies inside the decoded source, and every entity's text is its exact slice
    /// (the source is decoded again here, independently of the pipeline's own copy).
    static func checkSpans(_ document: Document) {
        let length = document.source.characters
        func inside(_ span: SourceSpan, _ what: String) {
            require(0 <= span.start && span.start <= span.end && span.end <= length, "\(what) span \(span) outside 0..<\(length)")
        }
        document.flattenedItems.forEach { item in
            inside(item.span, "item \(item.id)")
            item.fields.forEach { inside($0.span, "field \($0.name)") }
        }
        document.units.forEach { inside($0.span, "unit") }
        document.people.forEach { inside($0.span, "person") }
        document.counts.forEach { inside($0.span, "count") }
        document.ratios.forEach { inside($0.span, "ratio") }
        document.dates.forEach { inside($0.span, "date") }
        document.durations.forEach { inside($0.span, "duration") }
        document.diagnostics.forEach { if let span = $0.span { inside(span, "diagnostic \($0.code)") } }
        require(document.counts.allSatisfy { $0.value.isFinite }, "a count value is not finite")
        require(document.ratios.allSatisfy { $0.value.isFinite }, "a ratio value is not finite")
    }

    static func checkJSON(_ document: Document) {
        let json: String
        do { json = try OutputFormat.json.render(document) } catch { fail("JSON render threw \(error)") }
        let problems = DocumentValidator().validateJSON(Data(json.utf8))
        require(problems.isEmpty, "JSON does not validate: \(problems.prefix(3))")
        let line: String
        do { line = try OutputFormat.jsonl.render(document) } catch { fail("JSONL render threw \(error)") }
        require(line.dropLast().allSatisfy { $0 != "\n" }, "JSONL record spans several lines")
    }

    /// Only characters XML 1.0 allows, and valid against the shipped XSD (through a file, as
    /// `jianbao validate` reads it; FoundationXML's parser leaks, which LeakSanitizer reports).
    static func checkXML(_ document: Document) {
        let xml: String
        do { xml = try OutputFormat.xml.render(document) } catch { fail("XML render threw \(error)") }
        for scalar in xml.unicodeScalars {
            switch scalar.value {
            case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: continue
            default: fail("XML holds U+\(String(scalar.value, radix: 16, uppercase: true)), which XML 1.0 forbids")
            }
        }
        do { try Data(xml.utf8).write(to: scratchXML) } catch { fail("cannot write \(scratchXML.path): \(error)") }
        let problems = DocumentValidator().validateXML(scratchXML)
        require(problems.isEmpty, "XML does not validate: \(problems.prefix(3))")
    }

    static let scratchXML = FileManager.default.temporaryDirectory
        .appendingPathComponent("jianbao-fuzz-\(ProcessInfo.processInfo.processIdentifier).xml")

    /// RFC 4180: a byte-order mark, then records whose field count matches the header's.
    static func checkCSV(_ document: Document) {
        for table in CSVTable.allCases {
            let csv = table.render([document])
            require(csv.hasPrefix(CSVTable.byteOrderMark), "\(table) CSV has no byte-order mark")
            let records = CSVRecords.parse(String(csv.unicodeScalars.dropFirst()))
            guard let records else { fail("\(table) CSV has an unterminated quoted field") }
            require(records.first == table.header, "\(table) CSV header is \(records.first ?? [])")
            for record in records.dropFirst() {
                require(record.count == table.header.count, "\(table) CSV row has \(record.count) fields, header \(table.header.count)")
            }
        }
    }
}

/// A strict RFC 4180 reader: nil when a quoted field never closes.
enum CSVRecords {
    static func parse(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        var atFieldStart = true
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field.append("\"") } else { quoted = false }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where atFieldStart:
                quoted = true
                atFieldStart = false
            case ",":
                record.append(String(field)); field = .init(); atFieldStart = true
            case "\r" where scalars.first == "\n":
                continue
            case "\n":
                record.append(String(field)); field = .init(); atFieldStart = true
                records.append(record); record = []
            default:
                field.append(scalar)
                atFieldStart = false
            }
        }
        if quoted { return nil }
        if !record.isEmpty || !field.isEmpty { record.append(String(field)); records.append(record) }
        return records
    }
}
