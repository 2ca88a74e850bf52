import JianbaoCore
import Normalize

/// Finds organisations named in running text: a place, a body from the lexicon, and
/// optionally one of the body's offices. Conservative on purpose: a bare 市 or 县 must not
/// continue a word (全市, 城市, 各县), 人大 before 代表 is the deputies, not the body, and
/// nothing inside 《…》 or quotation marks counts.
///
///     由省人大常委会办公厅牵头 → 省人大常委会办公厅
///     全市人大代表 → nothing
struct OrganisationScanner: Sendable {
    /// The scanner of the shared lexicon, built once (its start filters are read from every
    /// lexicon entry).
    static let shared = OrganisationScanner(lexicon: .shared)

    let lexicon: UnitLexicon
    /// The first two scalars `match` can succeed at: those of a standalone organisation, of a
    /// place, of a working committee named on its own (代表工委: a congress office of three or more
    /// scalars ending in 工委, the only offices `match` accepts bare), or a bare level word
    /// 省/市/县 followed by the first scalar of a body. Everything else in `match` reads on from
    /// one of these, so a position the filter refuses is one where `match` returns nil.
    let matchStarts: StartFilter
    /// The same words' first three scalars (`ThirdScalarFilter`), for the positions
    /// `matchStarts` allows.
    let matchTriples: ThirdScalarFilter
    /// Per entry of `lexicon.standalone`: whether it names a congress (全国人大: not before 代表).
    private let standaloneNamesCongress: [Bool]
    /// Per entry of `lexicon.congressOffices`: whether it ends in 工委 (a working committee).
    private let congressOfficeEndsInWorkingCommittee: [Bool]
    /// Per entry of `lexicon.bodies`: whether it is 人大 itself (人大代表 are deputies).
    private let bodyIsRenda: [Bool]

    init(lexicon: UnitLexicon) {
        self.lexicon = lexicon
        // Asked of the forms here as `match` asked them of each name read: a matched name's
        // scalars are its form's.
        standaloneNamesCongress = (0..<lexicon.standalone.count).map { lexicon.standalone.value(at: Int32($0)).hasSuffix("人民代表大会") }
        congressOfficeEndsInWorkingCommittee = lexicon.congressOffices.forms.map { NameText($0).hasSuffix("工委") }
        bodyIsRenda = lexicon.bodies.forms.map { NameText($0).equals("人大") }
        var starts = lexicon.standalone.startPairs
        var triples = ThirdScalarFilter()
        starts.formUnion(lexicon.places.startPairs)
        for form in lexicon.standalone.entries.keys { triples.insert(form.unicodeScalars) }
        for form in lexicon.places.entries.keys { triples.insert(form.unicodeScalars) }
        for form in lexicon.congressOffices.entries.keys where form.unicodeScalars.count >= 3 && form.hasSuffix("工委") {
            starts.insert(form.unicodeScalars)
            triples.insert(form.unicodeScalars)
        }
        for level in "省市县".unicodeScalars {
            for body in lexicon.bodies.entries.keys {
                if let first = body.unicodeScalars.first { starts.insertPair(level, first) }
                triples.insert([level] + Array(body.unicodeScalars.prefix(2)))
            }
        }
        matchStarts = starts
        matchTriples = triples
    }

    struct Match: Sendable {
        var range: Range<Int>
        var name: OrganisationName
        /// Read as an organisation's name but used as something else (人大 in 人大代表); kept so
        /// that a list it ends is dropped with it.
        var attributive = false
    }

    /// A match in 16 bytes, for the sweep to keep every match of a long document.
    struct PackedMatch {
        var start: Int32
        var end: Int32
        /// The named place's `lexicon.places` entry; `relativePlace` for a bare 省/市/县 (the
        /// match's first scalar), `noPlace` for none.
        var place: Int32
        var placeLength: UInt16
        var attributive: Bool

        static let relativePlace: Int32 = -1
        static let noPlace: Int32 = -2

        var range: Range<Int> { Int(start)..<Int(end) }

        fileprivate init(_ range: Range<Int>, place: Int32, placeLength: Int, attributive: Bool = false) {
            start = Int32(truncatingIfNeeded: range.lowerBound)
            end = Int32(truncatingIfNeeded: range.upperBound)
            self.place = place
            self.placeLength = UInt16(placeLength)
            self.attributive = attributive
        }
    }

    /// The match `packedMatch` found, read back from the scalars it was found in.
    func unpack(_ packed: PackedMatch, in scalars: [Unicode.Scalar]) -> Match {
        let range = packed.range
        let place: PlacePrefix
        switch packed.place {
        case PackedMatch.relativePlace: place = .relative(scalars[range.lowerBound])
        case PackedMatch.noPlace: place = .none
        default: place = .named(lexicon.places.value(at: packed.place))
        }
        let bodyStart = range.lowerBound + Int(packed.placeLength)
        return Match(
            range: range, name: OrganisationName(place: place, placeLength: Int(packed.placeLength), rest: NameText(scalars, bodyStart..<range.upperBound)),
            attributive: packed.attributive)
    }

    /// The organisation that starts at `index`, if any. `strict` applies the word-boundary
    /// test to a bare level word (running text); field values are read with `strict: false`.
    func match(_ scalars: [Unicode.Scalar], at index: Int, limit: Int, strict: Bool = true) -> Match? {
        packedMatch(scalars, at: index, limit: limit, strict: strict).map { unpack($0, in: scalars) }
    }

    /// `match`, packed; a position `matchStarts` refuses is passed over at once.
    func packedMatch(_ scalars: [Unicode.Scalar], at index: Int, limit: Int, strict: Bool = true) -> PackedMatch? {
        scalars.withUnsafeBufferPointer { buffer in
            let limit = min(limit, buffer.count)
            guard index >= 0, matchStarts.allows(buffer, at: index, limit: limit), matchTriples.allows(buffer, at: index, limit: limit) else {
                return nil
            }
            return packedMatch(buffer, at: index, limit: limit, strict: strict)
        }
    }

    /// `match`, packed, over scalars the caller holds as a buffer (`limit` at most their
    /// count). `firstPlace` is the longest place at `index` when the caller has looked it up
    /// already (`.some(nil)`: there is none).
    ///
    /// Read in numbers throughout: the entries matched are told apart by the facts worked out
    /// from their forms once (`OrganisationScanner.init`), so a match builds no name and
    /// retains nothing.
    func packedMatch(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, at index: Int, limit: Int, strict: Bool = true,
        firstPlace: (length: Int, entry: Int32)?? = nil
    ) -> PackedMatch? {
        let lexicon = lexicon
        if let whole = lexicon.standalone.longestEntry(in: scalars, at: index, limit: limit) {
            let end = index + whole.length
            // 全国人大代表 are deputies.
            if standaloneNamesCongress[Int(whole.entry)], follows(scalars, end, limit, "代", "表"), !followsOffice(scalars, end, limit) {
                return nil
            }
            return PackedMatch(index..<end, place: PackedMatch.noPlace, placeLength: 0)
        }
        let (place, placeLength) = OrganisationName.placeEntry(scalars, at: index, limit: limit, first: firstPlace, lexicon: lexicon)
        switch place {
        case PackedMatch.noPlace:
            // 由代表工委负责, 选任联工委: a working committee named on its own belongs to the
            // congress the item is about.
            guard let office = lexicon.congressOffices.longestEntry(in: scalars, at: index, limit: limit),
                office.length >= 3, congressOfficeEndsInWorkingCommittee[Int(office.entry)]
            else { return nil }
            if index > 0, scalars[index - 1].isHanIdeograph, !Self.mayPrecedeBareOffice(scalars[index - 1]) { return nil }
            return PackedMatch(index..<(index + office.length), place: PackedMatch.noPlace, placeLength: 0)
        case PackedMatch.relativePlace:
            if strict, index > 0, lexicon.stopsBefore.contains(scalars[index - 1]) { return nil }
        default:
            // 平顶山市人大 inside 新平顶山市… is not a concern; a named place needs no boundary.
            break
        }
        let bodyStart = index + placeLength
        guard let body = lexicon.bodies.longestEntry(in: scalars, at: bodyStart, limit: limit) else { return nil }
        var end = bodyStart + body.length
        var attributive = false
        switch lexicon.bodies.value(at: body.entry) {
        case .congress:
            let isRenda = bodyIsRenda[Int(body.entry)]
            if let office = lexicon.congressOffices.longestEntry(in: scalars, at: end, limit: limit) {
                end += office.length
            } else if isRenda,
                follows(scalars, end, limit, "代", "表") || follows(scalars, end, limit, "工", "作") || follows(scalars, end, limit, "制", "度")
                    || (end < limit && scalars[end].hasNumericType)
            {
                attributive = true
            } else if isRenda, place >= 0, lexicon.placeFacts[Int(place)].isHenanShortForm {
                attributive = true  // 河南人大 names the magazine and website, not the body
            }
        case .party:
            // 市委员 / 县委托 are other words.
            if end < limit, scalars[end] == "员" || scalars[end] == "托" { return nil }
            if place >= 0, lexicon.placeFacts[Int(place)].kind == .province, !Self.isHenanProvince(scalars, index..<bodyStart) { return nil }
            if let office = lexicon.partyOffices.longestEntry(in: scalars, at: end, limit: limit) {
                end += office.length
            }
        case .state:
            break
        }
        return PackedMatch(index..<end, place: place, placeLength: placeLength, attributive: attributive)
    }

    /// What may stand right before a working committee named on its own (由代表工委负责).
    private static func mayPrecedeBareOffice(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "由", "和", "与", "及", "、", "为", "在", "向", "对", "经": return true
        default: return false
        }
    }

    /// Whether the place written at `range` is 河南省, as `NameText.equals` answers.
    private static func isHenanProvince(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ range: Range<Int>) -> Bool {
        let copy = Array(scalars[range])
        return NameText(copy, 0..<copy.count).equals("河南省")
    }

    /// Whether the text after `end` makes the organisation a modifier rather than an actor:
    /// 主任 (a person's post), 会议 (a meeting's name), 官网 (media), 2023年 (an attribute).
    ///
    ///     省委、市委人大工作会议精神 → neither 省委 nor 市委
    func isAttributive(_ scalars: [Unicode.Scalar], end: Int, limit: Int) -> Bool {
        // Nearly every organisation is followed by no stop word: its first two scalars say so
        // before the trie is walked.
        let mayStop = scalars.withUnsafeBufferPointer { lexicon.stopsAfter.startPairs.allows($0, at: end, limit: min(limit, $0.count)) }
        if mayStop, lexicon.stopsAfter.longestEntry(in: scalars, at: end, limit: limit) != nil { return true }
        var index = end
        // The cheap test first: text after an organisation is nearly always Han.
        while index < limit, !scalars[index].isHanIdeograph, scalars[index].hasNumericType { index += 1 }
        if index > end && index < limit && scalars[index] == "年" { return true }
        // 市委五届三次全会: a session of the body
        index = end
        while index < limit, Self.isHanDigit(scalars[index]) { index += 1 }
        if index > end && index < limit && scalars[index] == "届" { return true }
        // 市十二届人大常委会第十三次会议: a sitting, not the body
        guard end < limit, scalars[end] == "第" else { return false }
        index = end + 1
        while index < limit, Self.isHanDigit(scalars[index]) { index += 1 }
        return index > end + 1 && index < limit && scalars[index] == "次"
    }

    /// Every organisation in `range`, left to right, quoted text read like any other (field
    /// values, contributor lines). Running text is scanned by `UnitSweep`, which skips quotes.
    func scan(_ text: WorkingText, in range: Range<Int>) -> [Match] {
        var found: [Match] = []
        let mayStart = matchStarts
        let mayContinue = matchTriples
        let scalars = text.scalars
        scalars.withUnsafeBufferPointer { buffer in
            var index = range.lowerBound
            while index < range.upperBound {
                // `match` returns nil unless a standalone name, a place, 省/市/县 + body or a working
                // committee starts here.
                guard mayStart.allows(buffer, at: index, limit: range.upperBound), mayContinue.allows(buffer, at: index, limit: range.upperBound) else {
                    index += 1
                    continue
                }
                if let match = match(scalars, at: index, limit: range.upperBound) {
                    found.append(match)
                    index = match.range.upperBound
                } else {
                    index += 1
                }
            }
        }
        return found
    }

    /// 一 to 十 (a switch: searching a String's scalars decodes it at every call).
    private static func isHanDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": return true
        default: return false
        }
    }

    /// Whether the two scalars of a word stand at `index`, before `limit`.
    @inline(__always)
    private func follows(
        _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ index: Int, _ limit: Int, _ first: Unicode.Scalar, _ second: Unicode.Scalar
    ) -> Bool {
        index + 1 < limit && scalars[index] == first && scalars[index + 1] == second
    }

    private func followsOffice(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ index: Int, _ limit: Int) -> Bool {
        lexicon.congressOffices.longestEntry(in: scalars, at: index, limit: limit) != nil
    }
}
