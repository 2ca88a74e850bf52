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
public struct JSONTextWriter {
    public init() {}

    public func write(_ value: OrderedJSON) -> String {
        var out = ""
        out.reserveCapacity(1 << 16)
        write(value, indent: 0, into: &out)
        out.append("\n")
        return out
    }

    /// The whole value on one line (for `--format jsonl`).
    public func writeLine(_ value: OrderedJSON) -> String {
        var out = ""
        writeCompact(value, into: &out)
        out.append("\n")
        return out
    }

    private func write(_ value: OrderedJSON, indent: Int, into out: inout String) {
        switch value {
        case let .array(values) where !values.isEmpty && values.allSatisfy(isFlatObject):
            // A list of flat entities: one per line.
            out.append("[\n")
            for (index, element) in values.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                writeCompact(element, into: &out)
                out.append(index + 1 < values.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "]")
        case let .array(values) where !values.isEmpty:
            out.append("[\n")
            for (index, element) in values.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                write(element, indent: indent + 2, into: &out)
                out.append(index + 1 < values.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "]")
        case let .object(pairs) where !pairs.isEmpty && !isFlatObject(value):
            out.append("{\n")
            for (index, (key, element)) in pairs.enumerated() {
                out.append(String(repeating: " ", count: indent + 2))
                appendString(key, into: &out)
                out.append(": ")
                write(element, indent: indent + 2, into: &out)
                out.append(index + 1 < pairs.count ? ",\n" : "\n")
            }
            out.append(String(repeating: " ", count: indent) + "}")
        default:
            writeCompact(value, into: &out)
        }
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

    private func writeCompact(_ value: OrderedJSON, into out: inout String) {
        switch value {
        case .null: out.append("null")
        case let .bool(flag): out.append(flag ? "true" : "false")
        case let .int(number): out.append(String(number))
        case let .double(number): out.append(number.isFinite ? "\(number)" : "null")
        case let .string(text): appendString(text, into: &out)
        case let .array(values):
            out.append("[")
            for (index, element) in values.enumerated() {
                if index > 0 { out.append(", ") }
                writeCompact(element, into: &out)
            }
            out.append("]")
        case let .object(pairs):
            out.append("{")
            for (index, (key, element)) in pairs.enumerated() {
                if index > 0 { out.append(", ") }
                appendString(key, into: &out)
                out.append(": ")
                writeCompact(element, into: &out)
            }
            out.append("}")
        }
    }

    private func appendString(_ text: String, into out: inout String) {
        out.append("\"")
        var pending = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": pending.append(contentsOf: "\\\"".unicodeScalars)
            case "\\": pending.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": pending.append(contentsOf: "\\n".unicodeScalars)
            case "\r": pending.append(contentsOf: "\\r".unicodeScalars)
            case "\t": pending.append(contentsOf: "\\t".unicodeScalars)
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    pending.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
                } else {
                    pending.append(scalar)
                }
            }
        }
        out.append(String(pending))
        out.append("\"")
    }
}
