import JianbaoCore

/// How an organisation's name starts: a named place (漯河市, 商丘虞城县), a bare level word
/// (省, 市, 县) that the document's context resolves, or nothing (常委会…, 代表工委).
enum PlacePrefix: Sendable, Equatable {
    case named(PlaceEntry)
    case relative(Unicode.Scalar)
    case none
}

/// An organisation's name taken apart: the place, and the rest as written.
///
///     郑州市金水区人大常委会 → place 郑州市金水区 (named), rest 人大常委会
struct OrganisationName: Sendable {
    var place: PlacePrefix
    /// Scalars of the place part (0 for none).
    var placeLength: Int
    var rest: NameText

    /// Splits a written name. Place chains keep the innermost place: 商丘虞城县 → 虞城县.
    static func parse(_ text: String, lexicon: UnitLexicon = .shared) -> OrganisationName {
        let scalars = Array(text.unicodeScalars)
        return parse(scalars, 0..<scalars.count, lexicon: lexicon)
    }

    /// Splits the name written at `range` of `scalars`, read in place.
    static func parse(_ scalars: [Unicode.Scalar], _ range: Range<Int>, lexicon: UnitLexicon = .shared) -> OrganisationName {
        let (place, length) = placePrefix(scalars, at: range.lowerBound, limit: range.upperBound, lexicon: lexicon)
        return OrganisationName(place: place, placeLength: length, rest: NameText(scalars, (range.lowerBound + length)..<range.upperBound))
    }

    /// The place at `index`: the longest named place, then any place inside it (郑州市 + 金水区);
    /// else 省/市/县 when more text follows.
    static func placePrefix(
        _ scalars: [Unicode.Scalar], at index: Int, limit: Int, lexicon: UnitLexicon
    ) -> (PlacePrefix, Int) {
        let (place, length) = scalars.withUnsafeBufferPointer {
            placeEntry($0, at: index, limit: min(limit, scalars.count), lexicon: lexicon)
        }
        switch place {
        case OrganisationScanner.PackedMatch.noPlace: return (.none, 0)
        case OrganisationScanner.PackedMatch.relativePlace: return (.relative(scalars[index]), 1)
        default: return (.named(lexicon.places.value(at: place)), length)
        }
    }

    /// `placePrefix` in numbers, for the scanner: the place's `lexicon.places` entry (or
    /// `PackedMatch.relativePlace`, `noPlace`) and its length. `first` is the longest place at
    /// `index` when the caller has looked it up already (`.some(nil)`: there is none).
    @inline(__always)
    static func placeEntry(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, limit: Int, first known: (length: Int, entry: Int32)?? = nil,
        lexicon: UnitLexicon
    ) -> (entry: Int32, length: Int) {
        let places = lexicon.places
        if let first = known ?? places.longestEntry(in: scalars, at: index, limit: limit) {
            var place = first.entry
            var end = index + first.length
            if let inner = places.longestEntry(in: scalars, at: end, limit: limit) {
                // Compared as numbers: equal place names have one number (`UnitLexicon.placeNames`).
                let outer = lexicon.placeFacts[Int(place)]
                let facts = lexicon.placeFacts[Int(inner.entry)]
                if facts.cityID == outer.fullID || (outer.kind == .province && facts.kind != .province) {
                    place = inner.entry
                    end += inner.length
                }
            }
            return (place, end - index)
        }
        if index < limit - 1, scalars[index] == "省" || scalars[index] == "市" || scalars[index] == "县" {
            return (OrganisationScanner.PackedMatch.relativePlace, 1)
        }
        return (OrganisationScanner.PackedMatch.noPlace, 0)
    }

    /// The full official form, or nil when the place cannot be resolved.
    ///
    ///     省人大常委会办公厅 → 河南省人民代表大会常务委员会办公厅
    ///     市委办 (in 南阳's item) → 中国共产党南阳市委员会办公室
    ///     常委会财经工作委员会 (in 濮阳县's plan) → 濮阳县人民代表大会常务委员会财经工作委员会
    func fullName(in context: PlaceContext, lexicon: UnitLexicon = .shared) -> String? {
        if placeLength == 0, let whole = lexicon.standalone.entry(named: rest) { return whole }
        let placeName: String?
        switch place {
        case let .named(entry): placeName = entry.full
        case let .relative(level):
            switch level {
            case "省": placeName = context.province
            case "市": placeName = context.city
            default: placeName = context.county
            }
        case .none:
            return bareBodyName(in: context, lexicon: lexicon)
        }
        guard let placeName else { return nil }
        return fullName(under: placeName, lexicon: lexicon)
    }

    /// The full official form of `rest` under the place named `placeName`, whatever the
    /// written place was: 省、市人大常委会 names 省 with 市's body (`UnitRules.leadingLevels`).
    ///
    ///     人大常委会 under 河南省 → 河南省人民代表大会常务委员会
    func fullName(under placeName: String, lexicon: UnitLexicon = .shared) -> String {
        if rest.first == "委", !rest.hasPrefix("委员会") {
            // 省委办公厅 → 中国共产党河南省委员会办公厅
            let office = rest.droppingFirstScalars(1)
            let officeName = office.isEmpty ? "" : (lexicon.partyOffices.entry(named: office).flatMap { $0 } ?? office.string)
            return "中国共产党" + placeName + "委员会" + officeName
        }
        // 县人大代表工委: a working committee belongs to the standing committee, so the full
        // form names it (郏县人民代表大会常务委员会代表工作委员会); 人大工委 itself does not.
        if rest.hasPrefix("人大"), !rest.hasPrefix("人大常委会"), rest.count > 4,
            rest.hasSuffix("工委") || rest.hasSuffix("工作委员会")
        {
            return lexicon.expand(rest.droppingFirstCharacters(2), after: placeName, "人民代表大会常务委员会")
        }
        return lexicon.expand(rest, after: placeName)
    }

    /// 常委会社会建设工作委员会, 代表工委, 选工委: an office of the local congress.
    private func bareBodyName(in context: PlaceContext, lexicon: UnitLexicon) -> String? {
        guard let local = context.local else { return nil }
        if rest.hasPrefix("常委会") || rest.hasPrefix("常务委员会") {
            return lexicon.expand(rest, after: local, "人民代表大会")
        }
        if let office = lexicon.congressOffices.longest(in: rest.scalars, at: rest.range.lowerBound, limit: rest.range.upperBound),
            office.length == rest.count, rest.contains("委")
        {
            return lexicon.expand(rest, after: local, "人民代表大会常务委员会")
        }
        return nil
    }
}
