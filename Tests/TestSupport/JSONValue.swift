import Foundation

/// A decoded JSON value, for reading hand-written annotation and spec files whose exact shape
/// the test itself asserts.
public enum JSONValue: Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(_ any: Any) {
        switch any {
        case is NSNull: self = .null
        case let value as Bool where type(of: any) == type(of: NSNumber(value: true)): self = .bool(value)
        case let value as NSNumber: self = .number(value.doubleValue)
        case let value as String: self = .string(value)
        case let value as [Any]: self = .array(value.map(JSONValue.init))
        case let value as [String: Any]: self = .object(value.mapValues(JSONValue.init))
        default: self = .null
        }
    }

    public static func load(_ url: URL) throws -> JSONValue {
        let data = try Data(contentsOf: url)
        return JSONValue(try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]))
    }

    public subscript(key: String) -> JSONValue {
        if case let .object(object) = self { return object[key] ?? .null }
        return .null
    }

    public var array: [JSONValue] {
        if case let .array(array) = self { return array }
        return []
    }

    public var string: String? {
        if case let .string(value) = self { return value }
        return nil
    }

    public var double: Double? {
        switch self {
        case let .number(value): return value
        case let .bool(value): return value ? 1 : 0
        default: return nil
        }
    }

    public var int: Int? { double.map { Int($0) } }

    public var isNull: Bool { self == .null }

    public var description: String {
        switch self {
        case .null: return "null"
        case let .bool(value): return String(value)
        case let .number(value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case let .string(value): return "\"\(value)\""
        case let .array(values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case let .object(object):
            return "{" + object.keys.sorted().map { "\($0): \(object[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}
