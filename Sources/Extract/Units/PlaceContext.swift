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
        var index = 0
        while index < text.count {
            if let match = lexicon.places.longest(in: text.scalars, at: index, limit: text.count) {
                mentions.append(Mention(index: index, place: match.value))
                index += match.length
            } else {
                index += 1
            }
        }
        self.mentions = mentions
        let isHenan = mentions.contains { $0.place.full != "北京市" && $0.place.city != "北京市" }
        let province = isHenan ? "河南省" : nil
        func context(_ range: Range<Int>?) -> PlaceContext {
            var cities: [String: (count: Int, first: Int)] = [:]
            var counties: [String: (count: Int, first: Int)] = [:]
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
                    cities[mention.place.full, default: (0, mention.index)].count += 1
                case .zone:
                    if let city = mention.place.city { cities[city, default: (0, mention.index)].count += 1 }
                case .county:
                    counties[mention.place.full, default: (0, mention.index)].count += 1
                case .province, .district:
                    break
                }
            }
            func top(_ tally: [String: (count: Int, first: Int)]) -> String? {
                tally.max { $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.value.first > $1.value.first }?.key
            }
            let county = top(counties)
            // 濮阳县's own city when the text never names a city: 市委 in 004 → 濮阳市
            let city = top(cities) ?? county.flatMap { full in mentions.first { $0.place.full == full }?.place.city }
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
        WorkingText.string(ArraySlice(scalars[range].filter { !$0.isBlankOrLineBreak }))
    }
}
