import JianbaoCore
import Normalize

/// What a bare 省, 市 or 县 stands for at one place in the document: the province when the
/// document is from Henan, and the city and county the surrounding text talks about most.
///
///     市人大常委会 in 003 (平顶山 named 20 times) → 平顶山市
struct PlaceContext: Sendable, Equatable {
    var province: String?
    var city: String?
    var county: String?
    /// The city and county named inside the surrounding item itself (no document fallback).
    var ownCity: String?
    var ownCounty: String?

    /// The level a bare body (常委会…, 代表工委) belongs to: the county the item names, else its
    /// city, else the province (选任联工委 in a provincial entry of 000).
    var local: String? { ownCounty ?? ownCity ?? province }

    /// A context in numbers: its names as `UnitLexicon.placeNames` indices (-1: none), the
    /// province as whether there is one (it is 河南省 or nothing). Equal keys, equal contexts,
    /// in any document read with the same lexicon.
    struct Key: Hashable, Sendable {
        var hasProvince: Bool
        var city: Int32
        var county: Int32
        var ownCity: Int32
        var ownCounty: Int32

        /// The key of a name that resolves the same under every context.
        static let any = Key(hasProvince: false, city: -2, county: -2, ownCity: -2, ownCounty: -2)

        /// The part of the key a name starting with the bare level `level` reads
        /// (`OrganisationName.fullName(in:)`: 省 the province, 市 the city, 县 the county), the
        /// rest set to -3: names read under contexts that differ elsewhere resolve alike, so a
        /// name resolved in one document is read back in the next one about the same city.
        func reading(level: Unicode.Scalar) -> Key {
            switch level {
            case "省": return Key(hasProvince: hasProvince, city: -3, county: -3, ownCity: -3, ownCounty: -3)
            case "市": return Key(hasProvince: false, city: city, county: -3, ownCity: -3, ownCounty: -3)
            default: return Key(hasProvince: false, city: -3, county: county, ownCity: -3, ownCounty: -3)
            }
        }

        /// The part of the key a name with no place reads: `local` alone (a bare body's level).
        var readingLocal: Key {
            if ownCounty >= 0 { return Key(hasProvince: false, city: -3, county: -3, ownCity: -3, ownCounty: ownCounty) }
            if ownCity >= 0 { return Key(hasProvince: false, city: -3, county: -3, ownCity: ownCity, ownCounty: -3) }
            return Key(hasProvince: hasProvince, city: -3, county: -3, ownCity: -3, ownCounty: -3)
        }
    }
}

/// Counts the places named in the working text, for the whole document and per top-level item,
/// so that 市 and 县 resolve against the document's own content, never an assumption.
struct PlaceCensus: Sendable {
    /// The distinct contexts of the document, the document's own first, and their keys.
    private let contexts: [PlaceContext]
    private let keys: [PlaceContext.Key]
    /// Working ranges of the top-level items, in order, and their context's index in `contexts`.
    private let sections: [(range: Range<Int>, context: Int)]
    /// Whether the sections follow each other without overlapping (top-level items do), so
    /// `context(at:)` may binary-search them instead of scanning every one per unit.
    private let sectionsAreOrdered: Bool

    /// `mentions`: the places named in `text`, in text order (`UnitSweep`).
    init(_ text: WorkingText, items: [Item], mentions: [UnitSweep.PlaceMention], lexicon: UnitLexicon) {
        var tallies = PlaceTallies(mentions: mentions, lexicon: lexicon)
        let names = lexicon.placeNames
        let province = tallies.province
        func number(_ name: Int?) -> Int32 { name.map { Int32($0) } ?? -1 }
        func name(_ number: Int32) -> String? { number >= 0 ? names[Int(number)] : nil }
        func context(_ key: PlaceContext.Key) -> PlaceContext {
            PlaceContext(
                province: province, city: name(key.city), county: name(key.county), ownCity: name(key.ownCity), ownCounty: name(key.ownCounty))
        }
        let top = tallies.context(nil)
        let document = PlaceContext.Key(
            hasProvince: province != nil, city: number(top.city), county: number(top.county), ownCity: number(top.city),
            ownCounty: number(top.county))
        // Most items of a bulletin talk about the same places: each context is made once, and
        // told apart from the others by the place names' numbers rather than by hashing them.
        var keys = [document]
        var known = [document: 0]
        // By index: a closure over the items would copy each one (and retain all its parts).
        sections = items.indices.map { index in
            let range = text.workingRange(covering: items[index].span)
            let top = tallies.context(range)
            let key = PlaceContext.Key(
                hasProvince: province != nil, city: top.city.map { Int32($0) } ?? document.city,
                county: top.county.map { Int32($0) } ?? document.county, ownCity: number(top.city), ownCounty: number(top.county))
            if let index = known[key] { return (range, index) }
            keys.append(key)
            known[key] = keys.count - 1
            return (range, keys.count - 1)
        }
        self.keys = keys
        contexts = keys.map(context)
        sectionsAreOrdered = zip(sections, sections.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound }
    }

    /// The context at working index `index`: its top-level item's, else the document's.
    func context(at index: Int) -> PlaceContext {
        contexts[contextID(at: index)]
    }

    /// Which context holds at working index `index`, as a number: two positions have the same
    /// number when their contexts are equal, so a name resolved once under a context is
    /// resolved for every position under it (`ResolvedNames`).
    func contextID(at index: Int) -> Int {
        guard sectionsAreOrdered else { return sections.first { $0.range.contains(index) }?.context ?? 0 }
        // Ordered and disjoint: only the last section starting at or before `index` can hold it.
        var low = 0
        var high = sections.count
        while low < high {
            let middle = (low + high) / 2
            if sections[middle].range.lowerBound <= index { low = middle + 1 } else { high = middle }
        }
        guard low > 0, sections[low - 1].range.contains(index) else { return 0 }
        return sections[low - 1].context
    }

    /// The context `contextID(at:)` numbered.
    func context(withID id: Int) -> PlaceContext {
        contexts[id]
    }

    /// The key of the context `contextID(at:)` numbered.
    func contextKey(withID id: Int) -> PlaceContext.Key {
        keys[id]
    }
}

/// The census's counting, for the whole document and for one stretch at a time.
///
/// A struct of its own (not a nested function) so that the tallies it reuses are plain stored
/// properties, without the boxes and run-time exclusivity checks a capturing closure gets.
private struct PlaceTallies {
    private let mentions: [UnitSweep.PlaceMention]
    let province: String?
    /// Tallies by place name (`PlaceEntry.fullID`, `cityID`), reused by every context: only
    /// the names a context touched are read and then cleared.
    private var cities: NameTally
    private var counties: NameTally
    /// Per `lexicon.places` entry, the city and the county name a mention of it counts for
    /// (`PlaceFacts.countsForCity`, `countsForCounty`).
    private let facts: [PlaceFacts]

    init(mentions: [UnitSweep.PlaceMention], lexicon: UnitLexicon) {
        self.mentions = mentions
        let facts = lexicon.placeFacts
        let isHenan = mentions.contains { !facts[Int($0.entry)].isInBeijing }
        province = isHenan ? "河南省" : nil
        cities = NameTally(names: lexicon.placeNames.count)
        counties = NameTally(names: lexicon.placeNames.count)
        self.facts = facts
    }

    /// The first mention at or after working index `position`.
    private func firstMention(atOrAfter position: Int) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if Int(mentions[middle].index) < position { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The city and county most named in a stretch, as `UnitLexicon.placeNames` indices.
    struct Top {
        var city: Int?
        var county: Int?
    }

    /// The places most named in `range` (the whole document for nil).
    mutating func context(_ range: Range<Int>?) -> Top {
        // Mentions are in text order: only the slice inside `range` is visited (binary search
        // for its ends), so per-item contexts cost their own mentions, not the document's.
        let visited: Range<Int>
        if let range {
            let first = firstMention(atOrAfter: range.lowerBound)
            visited = first..<max(first, firstMention(atOrAfter: range.upperBound))
        } else {
            visited = mentions.indices
        }
        for position in visited {
            let mention = mentions[position]
            let counted = facts[Int(mention.entry)]
            if counted.countsForCity >= 0 { cities.count(Int(counted.countsForCity), at: Int(mention.index)) }
            if counted.countsForCounty >= 0 { counties.count(Int(counted.countsForCounty), at: Int(mention.index)) }
        }
        let county = counties.takeTop()
        // 濮阳县's own city when the text never names a city: 市委 in 004 → 濮阳市
        let city = cities.takeTop() ?? county.flatMap(cityOfFirstMention(named:))
        return Top(city: city, county: county)
    }

    /// The city of the first place mentioned whose full name is `full` (a `placeNames` index).
    private func cityOfFirstMention(named full: Int) -> Int? {
        for mention in mentions {
            let place = facts[Int(mention.entry)]
            if place.fullID == full { return place.cityID >= 0 ? Int(place.cityID) : nil }
        }
        return nil
    }
}

/// How often each place name was mentioned in one stretch of text, and where first.
private struct NameTally {
    private var counts: [Int]
    private var firsts: [Int]
    /// The names counted since the last `takeTop`, in the order first counted.
    private var touched: [Int] = []

    init(names: Int) {
        counts = [Int](repeating: 0, count: names)
        firsts = [Int](repeating: 0, count: names)
    }

    mutating func count(_ name: Int, at index: Int) {
        if counts[name] == 0 {
            firsts[name] = index
            touched.append(name)
        }
        counts[name] += 1
    }

    /// The most mentioned name, the first mentioned among equals; then clears the tally.
    mutating func takeTop() -> Int? {
        var top: Int?
        for name in touched {
            if let best = top, counts[name] < counts[best] || (counts[name] == counts[best] && firsts[name] > firsts[best]) { continue }
            top = name
        }
        for name in touched { counts[name] = 0 }
        touched.removeAll(keepingCapacity: true)
        return top
    }
}

extension WorkingText {
    /// The first working index whose source offset is at or after `offset`.
    func workingIndex(atOrAfter offset: Int) -> Int {
        sourceOffsets.firstIndex(atOrAfterSource: offset)
    }

    /// The working range that covers the source span.
    func workingRange(covering span: SourceSpan) -> Range<Int> {
        let lower = workingIndex(atOrAfter: span.start)
        return lower..<max(lower, workingIndex(atOrAfter: span.end))
    }

    /// `range` without leading and trailing spaces and line breaks.
    func trimmedOfBlanks(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, scalars[lower].isBlankOrLineBreak { lower += 1 }
        while upper > lower, scalars[upper - 1].isBlankOrLineBreak { upper -= 1 }
        return lower..<upper
    }

    /// The text of `range` with spaces and line breaks removed (a name broken across lines).
    func compactString(_ range: Range<Int>) -> String {
        // Most names hold no blank: their scalars are encoded as they are, without a filtered copy.
        guard scalars[range].contains(where: { $0.isBlankOrLineBreak }) else { return WorkingText.string(scalars[range]) }
        return WorkingText.string(ArraySlice(scalars[range].filter { !$0.isBlankOrLineBreak }))
    }
}
