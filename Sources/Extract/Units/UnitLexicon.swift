import Foundation
import JianbaoCore
import Normalize

/// A place an organisation's name may start with (`unit-places.tsv`).
///
///     川汇区 → full 周口市川汇区, kind district, city 周口市
///
/// A class: a match carries its place, and the scanner returns a match from every position it
/// tries, so the match stays a few words long instead of copying four fields each time.
final class PlaceEntry: Sendable, Equatable {
    enum Kind: String, Sendable { case province, city, county, district, zone }

    let form: String
    let full: String
    let kind: Kind
    /// The prefecture-level city a county, district or zone belongs to.
    let city: String?
    /// `full` and `city` as indices into `UnitLexicon.placeNames`, so the place census tallies
    /// names in arrays instead of hashing Strings.
    let fullID: Int
    let cityID: Int?
    /// Beijing or a place inside it: a document naming only such places is not from Henan.
    let isInBeijing: Bool

    init(form: String, full: String, kind: Kind, city: String?, fullID: Int, cityID: Int?) {
        self.form = form
        self.full = full
        self.kind = kind
        self.city = city
        self.fullID = fullID
        self.cityID = cityID
        isInBeijing = full == "北京市" || city == "北京市"
    }

    static func == (lhs: PlaceEntry, rhs: PlaceEntry) -> Bool {
        lhs.form == rhs.form && lhs.full == rhs.full && lhs.kind == rhs.kind && lhs.city == rhs.city
    }
}

/// What the scanner and the census read of a place at every mention, as plain values: reading
/// them from the `PlaceEntry` object would retain and release it each time.
struct PlaceFacts: Sendable {
    let kind: PlaceEntry.Kind
    /// `PlaceEntry.fullID` and `cityID` (-1: none).
    let fullID: Int32
    let cityID: Int32
    /// The short form 河南 (河南人大 names the magazine and website, not the body).
    let isHenanShortForm: Bool
    let isInBeijing: Bool
    /// The city and the county name a mention of the place counts for in the census (-1: none).
    let countsForCity: Int32
    let countsForCounty: Int32

    init(_ entry: PlaceEntry) {
        kind = entry.kind
        fullID = Int32(entry.fullID)
        cityID = entry.cityID.map(Int32.init) ?? -1
        isHenanShortForm = entry.form == "河南"
        isInBeijing = entry.isInBeijing
        switch entry.kind {
        case .city: (countsForCity, countsForCounty) = (fullID, -1)
        case .zone: (countsForCity, countsForCounty) = (cityID, -1)
        case .county: (countsForCity, countsForCounty) = (-1, fullID)
        case .province, .district: (countsForCity, countsForCounty) = (-1, -1)
        }
    }
}

/// Which family of body follows a place: a people's congress, a Party committee, or a state organ.
enum BodyKind: String, Sendable { case congress, party, state }

/// The unit lexicons, loaded once (Sources/Extract/Lexicons/unit-*.tsv).
final class UnitLexicon: Sendable {
    static let shared = UnitLexicon()

    let places: PrefixTable<PlaceEntry>
    /// Per entry of `places` (the index `longestEntry` returns), its facts.
    let placeFacts: [PlaceFacts]
    /// Every full place name and city of `places`, once each (`PlaceEntry.fullID`, `cityID`).
    let placeNames: [String]
    /// Short form → full form, applied left to right, longest first (人大 → 人民代表大会).
    /// Kept as UTF-8, the form `expand` writes.
    let abbreviations: PrefixTable<[UInt8]>
    /// The most UTF-8 bytes `expand` writes for one scalar of a name (an abbreviation's full
    /// form per scalar of its short form, at least the 4 of any scalar).
    let expansionBytesPerScalar: Int
    let bodies: PrefixTable<BodyKind>
    /// Offices of a body: 党组, 办公厅, 代表工委 …, with a full form where expansion is not enough.
    let congressOffices: PrefixTable<String?>
    let partyOffices: PrefixTable<String?>
    /// Organisations named without a place: 党中央, 全国人大 …
    let standalone: PrefixTable<String>
    /// Posts in a speaker line, longest first (常务副主任 before 主任).
    let positions: [String]
    /// Words that, next to an organisation in running text, make it something else (全市, 主任, 会议).
    let stopsBefore: ScalarSet
    let stopsAfter: PrefixTable<Bool>
    /// The organisation names resolved with this lexicon by every document read so far.
    let resolvedNames = SharedResolvedNames()

    init() {
        var placeNames: [String] = []
        var nameIDs: [String: Int] = [:]
        func id(_ name: String) -> Int {
            if let known = nameIDs[name] { return known }
            placeNames.append(name)
            nameIDs[name] = placeNames.count - 1
            return placeNames.count - 1
        }
        var places: [(String, PlaceEntry)] = []
        for row in LexiconFile.load("unit-places", from: .module).rows {
            guard row.count >= 3, let kind = PlaceEntry.Kind(rawValue: row[2]) else { continue }
            let city = row.count > 3 && !row[3].isEmpty ? row[3] : nil
            let entry = PlaceEntry(form: row[0], full: row[1], kind: kind, city: city, fullID: id(row[1]), cityID: city.map(id))
            places.append((row[0], entry))
        }
        let table = PrefixTable(places)
        self.places = table
        placeFacts = (0..<table.count).map { PlaceFacts(table.value(at: Int32($0))) }
        self.placeNames = placeNames
        let abbreviationRows = LexiconFile.load("unit-abbreviations", from: .module).rows.filter { $0.count >= 2 }
        abbreviations = PrefixTable(abbreviationRows.map { ($0[0], Array($0[1].utf8)) })
        expansionBytesPerScalar = abbreviationRows.reduce(4) { most, row in
            max(most, (row[1].utf8.count + row[0].unicodeScalars.count - 1) / max(1, row[0].unicodeScalars.count))
        }
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
        stopsBefore = ScalarSet(stops.filter { $0[1] == "before" }.compactMap { $0[0].unicodeScalars.first })
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
        expand(NameText(text))
    }

    /// `prefix`, then `middle`, then `name` expanded: read in place, and written as UTF-8 into
    /// one buffer that becomes the String (appending to a String re-checks and grows it at every
    /// abbreviation and scalar).
    func expand(_ name: NameText, after prefix: String = "", _ middle: String = "") -> String {
        let scalars = name.scalars
        let end = name.range.upperBound
        let capacity = prefix.utf8.count + middle.utf8.count + name.count * expansionBytesPerScalar
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var writer = UTF8Writer(buffer: buffer)
            writer.write(prefix.utf8)
            writer.write(middle.utf8)
            var index = name.range.lowerBound
            while index < end {
                if let match = abbreviations.longestEntry(in: scalars, at: index, limit: end),
                    !(scalars[index + match.length - 1] == "委" && index + match.length < end && scalars[index + match.length] == "员")
                {
                    writer.write(abbreviations.value(at: match.entry))
                    index += match.length
                } else {
                    writer.write(UTF8.encode(scalars[index])!)
                    index += 1
                }
            }
            return writer.string
        }
    }
}

/// UTF-8 written into a buffer sized beforehand (a struct, not a capturing nested function, so
/// the count is a plain stored property).
private struct UTF8Writer {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    mutating func write(_ bytes: some Collection<UInt8>) {
        // A String's UTF-8 and an array are copied at once; walking a String's view a byte at a
        // time checks its index at every byte.
        let copied = bytes.withContiguousStorageIfAvailable { source -> Int in
            guard let from = source.baseAddress else { return 0 }
            precondition(count + source.count <= buffer.count, "room for the bytes")
            (buffer.baseAddress! + count).update(from: from, count: source.count)
            return source.count
        }
        if let copied {
            count += copied
            return
        }
        for byte in bytes {
            buffer[count] = byte
            count += 1
        }
    }

    var string: String { String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self) }
}

extension Unicode.Scalar {
    /// `properties.numericType != nil`. The property's types are the standard library's
    /// resilient ones: a function reading them makes room for them on every call, asked or not,
    /// so the question is asked out of line, and ASCII (whose digits alone have a numeric type)
    /// is answered before it.
    @inline(__always)
    var hasNumericType: Bool {
        if value < 0x80 { return (0x30...0x39).contains(value) }
        return Self.hasNumericType(self)
    }

    @inline(never)
    private static func hasNumericType(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.numericType != nil
    }

    var isHanIdeograph: Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0xF900...0xFAFF).contains(value)
    }

    /// `properties.isWhitespace` (White_Space, which includes U+3000): its 25 scalars, tested by
    /// value. The property lookup, and then a table behind a lazily initialised global, were a
    /// measurable share of the unit rules' trimming and scanning.
    var isBlankOrLineBreak: Bool {
        let value = value
        guard value <= 0x3000 else { return false }  // every ideograph and everything after
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }
}
