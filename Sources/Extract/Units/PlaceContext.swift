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
}

/// Counts the places named in the working text, for the whole document and per top-level item,
/// so that 市 and 县 resolve against the document's own content, never an assumption.
struct PlaceCensus: Sendable {
    private struct Mention { var index: Int; var place: PlaceEntry }

    private let mentions: [Mention]
    private let document: PlaceContext
    /// Working ranges of the top-level items, in order.
    private let sections: [(range: Range<Int>, context: PlaceContext)]
    /// Whether the sections follow each other without overlapping (top-level items do), so
    /// `context(at:)` may binary-search them instead of scanning every one per unit.
    private let sectionsAreOrdered: Bool

    init(_ text: WorkingText, items: [Item], lexicon: UnitLexicon) {
        var mentions: [Mention] = []
        let scalars = text.scalars
        let places = lexicon.places
        // Nearly every position starts no place: one bit test turns it away before the trie.
        let starts = places.startPairs
        scalars.withUnsafeBufferPointer { buffer in
            var index = 0
            while index < buffer.count {
                if starts.allows(buffer, at: index, limit: buffer.count), let match = places.longest(in: scalars, at: index, limit: scalars.count) {
                    mentions.append(Mention(index: index, place: match.value))
                    index += match.length
                } else {
                    index += 1
                }
            }
        }
        self.mentions = mentions
        let isHenan = mentions.contains { $0.place.full != "北京市" && $0.place.city != "北京市" }
        let province = isHenan ? "河南省" : nil
        // Tallies by place name (`PlaceEntry.fullID`, `cityID`), reused by every context: only
        // the names a context touched are read and then cleared.
        var cities = NameTally(names: lexicon.placeNames.count)
        var counties = NameTally(names: lexicon.placeNames.count)
        func context(_ range: Range<Int>?) -> PlaceContext {
            // Mentions are in text order: only the slice inside `range` is visited (binary
            // search for its ends), so per-item contexts cost their own mentions, not the document's.
            func firstMention(atOrAfter position: Int) -> Int {
                var low = 0
                var high = mentions.count
                while low < high {
                    let middle = (low + high) / 2
                    if mentions[middle].index < position { low = middle + 1 } else { high = middle }
                }
                return low
            }
            let visited = range.map { range in
                mentions[firstMention(atOrAfter: range.lowerBound)..<max(firstMention(atOrAfter: range.lowerBound), firstMention(atOrAfter: range.upperBound))]
            } ?? mentions[...]
            for mention in visited where range.map({ $0.contains(mention.index) }) ?? true {
                switch mention.place.kind {
                case .city:
                    cities.count(mention.place.fullID, at: mention.index)
                case .zone:
                    if let city = mention.place.cityID { cities.count(city, at: mention.index) }
                case .county:
                    counties.count(mention.place.fullID, at: mention.index)
                case .province, .district:
                    break
                }
            }
            let county = counties.takeTop().map { lexicon.placeNames[$0] }
            // 濮阳县's own city when the text never names a city: 市委 in 004 → 濮阳市
            let city = cities.takeTop().map { lexicon.placeNames[$0] } ?? county.flatMap { full in mentions.first { $0.place.full == full }?.place.city }
            return PlaceContext(province: province, city: city, county: county, ownCity: city, ownCounty: county)
        }
        let document = context(nil)
        self.document = document
        sections = items.map { item in
            let range = text.workingRange(covering: item.span)
            var local = context(range)
            local.city = local.city ?? document.city
            local.county = local.county ?? document.county
            return (range, local)
        }
        sectionsAreOrdered = zip(sections, sections.dropFirst()).allSatisfy { $0.range.upperBound <= $1.range.lowerBound }
    }

    /// The context at working index `index`: its top-level item's, else the document's.
    func context(at index: Int) -> PlaceContext {
        guard sectionsAreOrdered else { return sections.first { $0.range.contains(index) }?.context ?? document }
        // Ordered and disjoint: only the last section starting at or before `index` can hold it.
        var low = 0
        var high = sections.count
        while low < high {
            let middle = (low + high) / 2
            if sections[middle].range.lowerBound <= index { low = middle + 1 } else { high = middle }
        }
        guard low > 0, sections[low - 1].range.contains(index) else { return document }
        return sections[low - 1].context
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
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if Int(sourceOffsets[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low
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
