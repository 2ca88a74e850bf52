import Foundation
import JianbaoCore
import Normalize

/// A place an organisation's name may start with (`unit-places.tsv`).
///
///     川汇区 → full 周口市川汇区, kind district, city 周口市
struct PlaceEntry: Sendable, Equatable {
    enum Kind: String, Sendable { case province, city, county, district, zone }

    var form: String
    var full: String
    var kind: Kind
    /// The prefecture-level city a county, district or zone belongs to.
    var city: String?
}

/// Which family of body follows a place: a people's congress, a Party committee, or a state organ.
enum BodyKind: String, Sendable { case congress, party, state }

/// A table of surface forms looked up longest first at a scalar position.
struct PrefixTable<Value: Sendable>: Sendable {
    private(set) var entries: [String: Value] = [:]
    /// A trie over scalar values: one child map per node, node 0 the root. Lookups walk the
    /// text's scalars directly, so no String is built on the hot path.
    private var children: [[UInt32: Int]] = [[:]]
    private var values: [Value?] = [nil]
    /// The first scalars of all forms: most text positions start no form, and one bit test
    /// turns them away before the root's hash lookup (same answer: the root has no child there).
    private(set) var starts = ScalarSet()

    init(_ pairs: [(String, Value)]) {
        for (form, value) in pairs where !form.isEmpty && entries[form] == nil {
            entries[form] = value
            starts.insert(form.unicodeScalars.first!)
            var node = 0
            for scalar in form.unicodeScalars {
                if let next = children[node][scalar.value] {
                    node = next
                } else {
                    children.append([:])
                    values.append(nil)
                    children[node][scalar.value] = children.count - 1
                    node = children.count - 1
                }
            }
            values[node] = value
        }
    }

    /// The longest entry starting at `index` and ending at or before `limit`.
    func longest(in scalars: [Unicode.Scalar], at index: Int, limit: Int) -> (length: Int, value: Value)? {
        guard index >= 0, index < limit, index < scalars.count, starts.contains(scalars[index]) else { return nil }
        var node = 0
        var best: (length: Int, value: Value)?
        var position = index
        while position < limit, position < scalars.count, let next = children[node][scalars[position].value] {
            node = next
            position += 1
            if let value = values[node] { best = (position - index, value) }
        }
        return best
    }

    subscript(form: String) -> Value? { entries[form] }
}

/// The unit lexicons, loaded once (Sources/Extract/Lexicons/unit-*.tsv).
struct UnitLexicon: Sendable {
    static let shared = UnitLexicon()

    let places: PrefixTable<PlaceEntry>
    /// Short form → full form, applied left to right, longest first (人大 → 人民代表大会).
    let abbreviations: PrefixTable<String>
    let bodies: PrefixTable<BodyKind>
    /// Offices of a body: 党组, 办公厅, 代表工委 …, with a full form where expansion is not enough.
    let congressOffices: PrefixTable<String?>
    let partyOffices: PrefixTable<String?>
    /// Organisations named without a place: 党中央, 全国人大 …
    let standalone: PrefixTable<String>
    /// Posts in a speaker line, longest first (常务副主任 before 主任).
    let positions: [String]
    /// Words that, next to an organisation in running text, make it something else (全市, 主任, 会议).
    let stopsBefore: Set<Unicode.Scalar>
    let stopsAfter: PrefixTable<Bool>

    init() {
        let places = LexiconFile.load("unit-places", from: .module).rows.compactMap { row -> (String, PlaceEntry)? in
            guard row.count >= 3, let kind = PlaceEntry.Kind(rawValue: row[2]) else { return nil }
            let city = row.count > 3 && !row[3].isEmpty ? row[3] : nil
            return (row[0], PlaceEntry(form: row[0], full: row[1], kind: kind, city: city))
        }
        self.places = PrefixTable(places)
        abbreviations = PrefixTable(
            LexiconFile.load("unit-abbreviations", from: .module).rows.compactMap { row in
                row.count >= 2 ? (row[0], row[1]) : nil
            })
        bodies = PrefixTable(
            LexiconFile.load("unit-bodies", from: .module).rows.compactMap { row in
                row.count >= 2 ? BodyKind(rawValue: row[1]).map { (row[0], $0) } : nil
            })
        let offices = LexiconFile.load("unit-subbodies", from: .module).rows
        func officeTable(_ kind: String) -> PrefixTable<String?> {
            PrefixTable(
                offices.filter { $0.count >= 2 && $0[1] == kind }.map { row -> (String, String?) in
                    (row[0], row.count > 2 && !row[2].isEmpty ? row[2] : nil)
                })
        }
        congressOffices = officeTable("congress")
        partyOffices = officeTable("party")
        standalone = PrefixTable(
            LexiconFile.load("unit-standalone", from: .module).rows.compactMap { row in
                row.count >= 2 ? (row[0], row[1]) : nil
            })
        let stops = LexiconFile.load("unit-mention-stops", from: .module).rows.filter { $0.count >= 2 }
        stopsBefore = Set(stops.filter { $0[1] == "before" }.compactMap { $0[0].unicodeScalars.first })
        stopsAfter = PrefixTable(stops.filter { $0[1] == "after" }.map { ($0[0], true) })
        positions = LexiconFile.load("unit-positions", from: .module).words.sorted {
            $0.unicodeScalars.count > $1.unicodeScalars.count
        }
    }

    /// Expands every abbreviation in `text`, longest first; a form listed as its own full
    /// form guards its letters (法制委员会 is not 法制委 + 员会).
    ///
    ///     人大常委会代表工委 → 人民代表大会常务委员会代表工作委员会
    func expand(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let match = abbreviations.longest(in: scalars, at: index, limit: scalars.count),
                !(scalars[index + match.length - 1] == "委" && index + match.length < scalars.count && scalars[index + match.length] == "员")
            {
                result.append(contentsOf: match.value.unicodeScalars)
                index += match.length
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}

private let blankOrLineBreakTable = ScalarSet(bmpWhere: { $0.properties.isWhitespace || $0.value == 0x3000 })

extension Unicode.Scalar {
    var isHanIdeograph: Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
    }

    var isBlankOrLineBreak: Bool {
        // The same answer from a table for the BMP (every White_Space scalar is in it): the
        // property lookup was a measurable share of the unit rules' trimming and scanning.
        value < 0x10000 ? blankOrLineBreakTable.contains(self) : properties.isWhitespace
    }
}
