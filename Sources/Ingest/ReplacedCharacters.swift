import JianbaoCore

/// Characters Ingest had to replace, or that an output format cannot carry, counted so the
/// document can say so in one diagnostic each instead of losing text silently.
///
///     代表\u{1}工作  → "1 character that XML 1.0 forbids (first U+0001 at 2) …"
struct CharacterTally: Equatable {
    var count = 0
    /// Scalar offset of the first one in the decoded source.
    var firstOffset = 0
    /// What stood there: the source byte offset of an undecodable sequence, or the scalar.
    var firstDetail = ""

    mutating func note(at offset: Int, _ detail: @autoclosure () -> String) {
        if count == 0 {
            firstOffset = offset
            firstDetail = detail()
        }
        count += 1
    }

    var span: SourceSpan { SourceSpan(start: firstOffset, end: firstOffset + 1) }
}

enum ReplacedCharacters {
    /// Undecodable sequences replaced by U+FFFD while decoding.
    static func diagnostic(replaced tally: CharacterTally, encoding: TextEncoding) -> Diagnostic? {
        guard tally.count > 0 else { return nil }
        let name = encoding == .utf8WithBOM ? TextEncoding.utf8.rawValue : encoding.rawValue
        let what = tally.count == 1 ? "1 undecodable \(name) sequence was" : "\(tally.count) undecodable \(name) sequences were"
        return Diagnostic(
            .warning, code: "replaced-characters",
            message: "\(what) replaced by U+FFFD (first \(tally.firstDetail))", span: tally.span)
    }

    /// Scalars XML 1.0 forbids (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF): they
    /// stay in the source and in JSON (escaped), and are written as U+FFFD in XML.
    static func forbiddenInXML(_ scalars: [Unicode.Scalar]) -> Diagnostic? {
        var tally = CharacterTally()
        for (offset, scalar) in scalars.enumerated() where !isAllowedInXML(scalar) {
            tally.note(at: offset, "U+" + hex(scalar.value) + " at \(offset)")
        }
        guard tally.count > 0 else { return nil }
        let what = tally.count == 1 ? "1 character that XML 1.0 forbids" : "\(tally.count) characters that XML 1.0 forbids"
        return Diagnostic(
            .warning, code: "xml-forbidden-characters",
            message: "\(what) (first \(tally.firstDetail)) written as U+FFFD in XML", span: tally.span)
    }

    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
