import Emit
import Foundation
import JianbaoCore
import Pipeline
import Testing
import TestSupport

/// Every fixture's JSON, XML and tree dump, byte for byte against `Fixtures/NAME.golden/`.
@Suite struct GoldenTests {
    static func document(_ name: String) throws -> Document {
        try Pipeline().convert(path: Paths.fixture(name).path)
    }

    static func converted(_ name: String) throws -> Document {
        var document = try document(name)
        document.source.path = "Fixtures/\(name).txt"  // the same wherever the repository is
        return document
    }

    @Test(arguments: Paths.fixtureNames)
    func json(_ name: String) throws {
        let rendered = try OutputFormat.json.render(Self.converted(name))
        if let diff = Golden.compare(rendered, fixture: name, file: "document.json") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test(arguments: Paths.fixtureNames)
    func xml(_ name: String) throws {
        let rendered = try OutputFormat.xml.render(Self.converted(name))
        if let diff = Golden.compare(rendered, fixture: name, file: "document.xml") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test(arguments: Paths.fixtureNames)
    func tree(_ name: String) throws {
        let rendered = TreeDump.render(try Self.converted(name))
        if let diff = Golden.compare(rendered, fixture: name, file: "items.tree") { Issue.record(Comment(rawValue: diff)) }
    }

    @Test(arguments: Paths.fixtureNames)
    func outputIsDeterministic(_ name: String) throws {
        let first = try OutputFormat.json.render(Self.converted(name))
        let second = try OutputFormat.json.render(Self.converted(name))
        #expect(first == second)
    }
}

/// The item tree as an indented outline, the quickest thing to review in a diff.
enum TreeDump {
    static func render(_ document: Document) -> String {
        var lines = ["# \(document.document.title ?? "(no title)") [\(document.document.kind)]"]
        func visit(_ item: Item) {
            let fields = item.fields.map { "\($0.name)=\($0.value.prefix(24))" }.joined(separator: "; ")
            lines.append(String(repeating: "  ", count: item.level - 1) + "\(item.id) [\(item.kind)] \(item.title)" + (fields.isEmpty ? "" : "  {\(fields)}"))
            item.children.forEach(visit)
        }
        document.items.forEach(visit)
        return lines.joined(separator: "\n") + "\n"
    }
}
