import Foundation
import JianbaoCore
import Normalize
import Segment
import Testing
import TestSupport

/// The item tree against the hand-checked trees of every fixture (Fixtures/ANNOTATING.md,
/// "items.json"). An expected item matches a found one with the same id, kind and title
/// whose fields agree: for each expected field, the found value starts with the first 20
/// characters of the expected one. Each bulletin prints expected / found / matching and its
/// mismatches; the floors below are the ratios reached, kept as a regression guard.
/// `SEGMENT_DUMP=1` also prints every item found; `SEGMENT_DUMP=lines` the working lines too.
@Suite struct SegmentAccuracyTests {
    /// matching / expected, per bulletin (the prefix of the fixture's name).
    static let floors: [String: Double] = [
        "000": 1.0, "001": 1.0, "002": 1.0, "003": 1.0, "004": 1.0,
    ]

    @Test(arguments: Paths.fixtureNames)
    func itemsMatch(_ name: String) throws {
        let source = try String(contentsOf: Paths.fixture(name), encoding: .utf8)
        let found = ItemRow.segment(source).rows
        let expected = try JSONValue.load(Paths.expected(name, "items.json"))["items"].array.map(ItemRow.init)

        var mismatches: [String] = []
        var matching = 0
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for truth in expected {
            guard let row = byID[truth.id] else {
                mismatches.append("missing  \(truth)")
                continue
            }
            if row.kind != truth.kind || row.title != truth.title {
                mismatches.append("differs  \(truth)\n           found \(row)")
                continue
            }
            let badFields = truth.fields.keys.sorted().filter { field in
                !(row.fields[field] ?? "").hasPrefix(String(truth.fields[field]!.prefix(20)))
            }
            if !badFields.isEmpty {
                let detail = badFields.map { "\($0): expected “\(truth.fields[$0]!.prefix(20))” found “\(row.fields[$0] ?? "none")”" }
                mismatches.append("fields   \(truth.id) " + detail.joined(separator: "; "))
                continue
            }
            matching += 1
        }
        let expectedIDs = Set(expected.map(\.id))
        for row in found where !expectedIDs.contains(row.id) { mismatches.append("spurious \(row)") }

        let ratio = expected.isEmpty ? 1 : Double(matching) / Double(expected.count)
        print("items \(name): expected \(expected.count), found \(found.count), matching \(matching) (\(Self.percent(ratio)))")
        for line in mismatches { print("  \(line)") }
        if ProcessInfo.processInfo.environment["SEGMENT_DUMP"] != nil {
            for row in found { print("  found    \(row) \(row.fields.keys.sorted())") }
            if ProcessInfo.processInfo.environment["SEGMENT_DUMP"] == "lines" {
                let working = Normalizer().normalize(SourceText(source))
                for range in working.lines() where !range.isEmpty {
                    let text = working.string(range)
                    print("  line     \(text.prefix(25)) … \(text.suffix(12))")
                }
            }
        }
        let floor = Self.floors[String(name.prefix(3))] ?? 1
        #expect(ratio >= floor, "\(name): \(matching)/\(expected.count) items match, floor \(Self.percent(floor))")
    }

    // The issue's checkpoints: counts a reader checks at a glance.

    /// 000: the 36 entries of the 出彩工作 list, each declared by a 申报单位.
    @Test func listEntriesHaveDeclarers() throws {
        let items = try Self.items("000")
        #expect(items.count == 36)
        #expect(items.allSatisfy { item in item.fields.contains { $0.name == "申报单位" } })
    }

    /// 004: part #1 (工作要点) has 22 items under five sections; the supervision plan (#2)
    /// declares 18 + 5 + 4 + 2 + 11 items in its sections and they are all found.
    @Test func planPartsAndSections() throws {
        let segmentation = try Self.segmentation("004")
        let items = segmentation.items
        try #require(items.count >= 2)
        let workPlan = items[0]
        #expect(workPlan.kind == "part")
        #expect(workPlan.children.filter { $0.kind == "section" }.count == 5)
        #expect(workPlan.children.flatMap(\.children).filter { $0.kind == "item" }.count == 22)

        let supervision = items[1]
        let sections = supervision.children.filter { $0.kind == "section" }
        let counts = sections.prefix(5).map { $0.children.filter { $0.kind == "item" }.count }
        #expect(counts == [18, 5, 4, 2, 11])
        #expect(!segmentation.diagnostics.contains { $0.code == "declared-count-mismatch" })
    }

    /// 002: eleven speeches.
    @Test func speeches() throws {
        let items = try Self.items("002")
        #expect(items.filter { $0.kind == "speech" }.count == 11)
    }

    static func segmentation(_ prefix: String) throws -> Segmentation {
        let name = try #require(Paths.fixtureNames.first { $0.hasPrefix(prefix) })
        let source = try String(contentsOf: Paths.fixture(name), encoding: .utf8)
        return ItemRow.segment(source).segmentation
    }

    static func items(_ prefix: String) throws -> [Item] {
        try segmentation(prefix).items
    }

    static func percent(_ value: Double) -> String {
        String(format: "%.1f%%", value * 100)
    }
}
