import Foundation
import Testing

/// One case of a spec table under `Tests/Specs/` (see its README for the format).
public struct SpecCase: Sendable, CustomTestStringConvertible {
    public var name: String
    public var input: String
    /// `context.reference_date`, as YYYY-MM-DD.
    public var referenceDate: String?
    public var expect: JSONValue
    public var knownGap: String?

    public var testDescription: String { name }
}

public enum SpecTable {
    /// The cases of `Tests/Specs/<name>.json`; an unreadable table is a test failure, so it
    /// comes back as one case that says why.
    public static func cases(_ name: String) -> [SpecCase] {
        let url = Paths.specs.appendingPathComponent(name + ".json")
        guard let table = try? JSONValue.load(url) else {
            return [SpecCase(name: "\(name).json is missing or not JSON", input: "", referenceDate: nil, expect: .null, knownGap: nil)]
        }
        return table["cases"].array.enumerated().map { index, value in
            SpecCase(
                name: value["name"].string ?? "case \(index)",
                input: value["input"].string ?? "",
                referenceDate: value["context"]["reference_date"].string,
                expect: value["expect"],
                knownGap: value["knownGap"].string)
        }
    }
}
