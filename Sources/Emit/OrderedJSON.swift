/// A JSON value whose object keys keep the order they were added in, so output follows the
/// SPEC's field order and is byte-for-byte deterministic.
public indirect enum OrderedJSON: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.string(a), .string(b)): return a == b
        case let (.array(a), .array(b)): return a == b
        case let (.object(a), .object(b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// A number as JSON writes it: whole values without a fraction (2049000000, not 2.049e9).
    public static func number(_ value: Double) -> OrderedJSON {
        if value == value.rounded(), abs(value) < 1e15 { return .int(Int(value)) }
        return .double(value)
    }

    public static func optional(_ value: String?) -> OrderedJSON {
        value.map(OrderedJSON.string) ?? .null
    }
}

/// Writes `OrderedJSON` as UTF-8 text: Chinese unescaped, two-space indentation, entities of a
/// list one per line so diffs of golden files read entity by entity.
///
/// The text is built as UTF-8 bytes and made a String once at the end: appending to a String
/// piece by piece re-checks its storage and flags on every append, which made writing a large
/// document's JSON cost as much as extracting it. The bytes are those the String appends made.
public struct JSONTextWriter {
    public init() {}

    public func write(_ value: OrderedJSON) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The whole value on one line (for `--format jsonl`).
    public func writeLine(_ value: OrderedJSON) -> String {
        var out: [UInt8] = []
        writeCompact(value, into: &out)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(_ value: OrderedJSON, indent: Int, into out: inout [UInt8]) {
        switch value {
        case let .array(values) where !values.isEmpty && values.allSatisfy(isFlatObject):
            // A list of flat entities: one per line.
            out.append(contentsOf: "[\n".utf8)
            for (index, element) in values.enumerated() {
                spaces(indent + 2, into: &out)
                writeCompact(element, into: &out)
                out.append(contentsOf: (index + 1 < values.count ? ",\n" : "\n").utf8)
            }
            spaces(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case let .array(values) where !values.isEmpty:
            out.append(contentsOf: "[\n".utf8)
            for (index, element) in values.enumerated() {
                spaces(indent + 2, into: &out)
                write(element, indent: indent + 2, into: &out)
                out.append(contentsOf: (index + 1 < values.count ? ",\n" : "\n").utf8)
            }
            spaces(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case let .object(pairs) where !pairs.isEmpty && !isFlatObject(value):
            out.append(contentsOf: "{\n".utf8)
            for (index, (key, element)) in pairs.enumerated() {
                spaces(indent + 2, into: &out)
                appendString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                write(element, indent: indent + 2, into: &out)
                out.append(contentsOf: (index + 1 < pairs.count ? ",\n" : "\n").utf8)
            }
            spaces(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        default:
            writeCompact(value, into: &out)
        }
    }

    private func spaces(_ count: Int, into out: inout [UInt8]) {
        for _ in 0..<max(0, count) { out.append(0x20) }
    }

    /// An object whose values are scalars, spans or short lists of scalars.
    private func isFlatObject(_ value: OrderedJSON) -> Bool {
        guard case let .object(pairs) = value else { return false }
        return pairs.allSatisfy { _, element in
            switch element {
            case .array(let values): return values.allSatisfy { if case .object = $0 { return false }; if case .array = $0 { return false }; return true }
            case .object(let inner): return inner.allSatisfy { if case .object = $0.1 { return false }; if case .array = $0.1 { return false }; return true }
            default: return true
            }
        }
    }

    private func writeCompact(_ value: OrderedJSON, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case let .bool(flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case let .int(number): out.append(contentsOf: String(number).utf8)
        case let .double(number): out.append(contentsOf: (number.isFinite ? "\(number)" : "null").utf8)
        case let .string(text): appendString(text, into: &out)
        case let .array(values):
            out.append(UInt8(ascii: "["))
            for (index, element) in values.enumerated() {
                if index > 0 { out.append(contentsOf: ", ".utf8) }
                writeCompact(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case let .object(pairs):
            out.append(UInt8(ascii: "{"))
            for (index, (key, element)) in pairs.enumerated() {
                if index > 0 { out.append(contentsOf: ", ".utf8) }
                appendString(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                writeCompact(element, into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string: `"`, `\\`, and the control characters escaped (\n \r \t by name, the
    /// rest as \u00XX); everything else, Chinese included, as its own UTF-8 bytes. Escapes are
    /// decided per byte: a byte below 0x80 is a whole ASCII scalar in UTF-8.
    private func appendString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Nearly every string needs no escape: then its bytes are copied in one go.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out.append(contentsOf: text.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case ..<0x20:
                let hex = String(byte, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
