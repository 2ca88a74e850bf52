import Foundation

/// Where the repository's fixtures and spec tables are, found from this source file so tests
/// run the same from `swift test`, Xcode or any working directory.
public enum Paths {
    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/Paths.swift
        return url
    }()

    public static let fixtures = repository.appendingPathComponent("Fixtures")
    public static let specs = repository.appendingPathComponent("Tests/Specs")

    /// The five real bulletins (and any added later), by base name, sorted.
    public static var fixtureNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return names.filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    public static func fixture(_ name: String) -> URL {
        fixtures.appendingPathComponent(name + ".txt")
    }

    public static func expected(_ name: String, _ file: String) -> URL {
        fixtures.appendingPathComponent(name + ".expected").appendingPathComponent(file)
    }

    public static func golden(_ name: String) -> URL {
        fixtures.appendingPathComponent(name + ".golden")
    }
}
