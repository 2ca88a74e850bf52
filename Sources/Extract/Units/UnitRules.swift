import JianbaoCore
import Normalize

/// The role rules, run in order over one document; later rules skip spans already taken, so
/// a declarer is never also reported as mentioned.
struct UnitRules {
    typealias Scanner = OrganisationScanner
    let text: WorkingText
    let lexicon: UnitLexicon
    let census: PlaceCensus
    let scanner: OrganisationScanner
    let quoted: QuotedText
    /// `text.count`, read once: the rules ask it per unit and per scalar, and across modules
    /// it is a call each time.
    private let textCount: Int
    /// The organisations of running text (`UnitSweep.organisations`).
    private let organisations: [Scanner.PackedMatch]
    /// The places named in the text, in text order (`UnitSweep.placeMentions`): a bare 区 in a
    /// level list names the district mentioned last (`district(before:context:)`).
    private let placeMentions: [UnitSweep.PlaceMention]
    /// Where 由/责 and 本 stand: the only places `responsible` and `reporters` can match.
    private let responsibleAnchors: [Int]
    private let reporterAnchors: [Int]
    /// Where a 区 closes a list of bare levels (市、区): the only places `districtLevelLists` can match.
    private let listedDistricts: [Int]

    var units: [OrganisationUnit] = []
    var people: [Person] = []
    var diagnostics: [Diagnostic] = []
    /// The working positions of the ranges already given a role, one bit each, so `isTaken`
    /// costs the length of the asked range rather than the number of units found so far.
    private var takenMask: [UInt64]
    /// Taken ranges reaching outside the text (never made by the rules), checked the long way.
    private var takenOutside: [Range<Int>] = []
    /// The names resolved so far: most units repeat a name met before.
    private var resolvedNames: ResolvedNames

    init(text: WorkingText, items: [Item], scanner: OrganisationScanner) {
        self.text = text
        textCount = text.count
        lexicon = scanner.lexicon
        self.scanner = scanner
        resolvedNames = ResolvedNames(shared: scanner.lexicon.resolvedNames)
        let sweep = UnitSweep(text.scalars, lexicon: lexicon, scanner: scanner)
        census = PlaceCensus(text, items: items, mentions: sweep.placeMentions, lexicon: lexicon)
        organisations = sweep.organisations
        placeMentions = sweep.placeMentions
        quoted = sweep.quoted
        // Nearly every unit is a mentioned organisation: room for all of them at once, instead of
        // doubling the array (and holding the old copy) a dozen times on a long document.
        units.reserveCapacity(organisations.count + 64)
        responsibleAnchors = sweep.responsibleAnchors
        reporterAnchors = sweep.reporterAnchors
        listedDistricts = sweep.listedDistricts
        takenMask = [UInt64](repeating: 0, count: (textCount + 63) / 64)
    }

    // MARK: Recording

    private func isTaken(_ range: Range<Int>) -> Bool {
        // Two ranges overlap when they share a position; every taken position inside the text is
        // marked in the mask, so only positions outside it need the list.
        let inside = range.clamped(to: 0..<textCount)
        if takenMask.withUnsafeBufferPointer({ mask in Self.wordRuns(of: inside).contains { mask[$0.word] & $0.bits != 0 } }) { return true }
        return inside != range && takenOutside.contains { $0.overlaps(range) }
    }

    /// The positions of `range` as runs of bits of `takenMask`, a word at a time (a name spans
    /// one or two words): read and marked by word rather than by position.
    private static func wordRuns(of range: Range<Int>) -> some Sequence<(word: Int, bits: UInt64)> {
        sequence(state: range.lowerBound) { index -> (word: Int, bits: UInt64)? in
            guard index < range.upperBound else { return nil }
            let bit = index & 63
            let take = min(64 - bit, range.upperBound - index)
            let bits = take == 64 ? UInt64.max : ((1 << UInt64(take)) - 1) << UInt64(bit)
            defer { index += take }
            return (index >> 6, bits)
        }
    }

    /// Records a unit over the working `range`, named from `written` (the range's text by default).
    @discardableResult
    private mutating func add(
        _ range: Range<Int>, role: OrganisationUnit.Role, written writtenGiven: String? = nil, name nameGiven: String? = nil
    ) -> Bool {
        guard !range.isEmpty, !isTaken(range) else { return false }
        let written: String
        let name: String
        if let given = nameGiven {
            written = writtenGiven ?? text.compactString(range)
            name = given
        } else if writtenGiven == nil, range.upperBound <= textCount {
            let resolution = parsedName(range)
            written = resolution.written
            name = resolution.name ?? resolution.written
        } else {
            let resolved = writtenName(range, written: writtenGiven).fullName(in: census.context(at: range.lowerBound), lexicon: lexicon)
            written = writtenGiven ?? text.compactString(range)
            name = resolved ?? written
        }
        units.append(OrganisationUnit(text: written, name: name, role: role, item: nil, span: text.sourceSpan(range)))
        if range.clamped(to: 0..<textCount) != range { takenOutside.append(range) }
        for run in Self.wordRuns(of: range.clamped(to: 0..<textCount)) { takenMask[run.word] |= run.bits }
        return true
    }

    /// The resolution of the name written at `range` (inside the text), parsed from its
    /// written form: read back when the same name was resolved before under a context that
    /// agrees on what it reads.
    private mutating func parsedName(_ range: Range<Int>) -> ResolvedNames.Resolution {
        let context = census.contextID(at: range.lowerBound)
        // Taken apart first (a few lexicon steps): its place says which part of the context it reads.
        let parsed = writtenName(range, written: nil)
        let keyContext: PlaceContext.Key
        switch parsed.place {
        case .named: keyContext = .any
        case let .relative(level): keyContext = census.contextKey(withID: context).reading(level: level)
        case .none: keyContext = census.contextKey(withID: context).readingLocal
        }
        let key = ResolvedNames.Key(range, origin: .parsed, context: keyContext, in: text.scalars)
        if let known = resolvedNames.resolution(for: key, in: text.scalars) { return known }
        let resolution = ResolvedNames.Resolution(
            written: text.compactString(range), name: parsed.fullName(in: census.context(withID: context), lexicon: lexicon))
        resolvedNames.record(resolution, for: key, in: text.scalars)
        return resolution
    }

    /// The name written at `range` (as `written` when given), taken apart. A range without blanks
    /// is its own written form, and is read in place instead of from a String made for it.
    private func writtenName(_ range: Range<Int>, written: String?) -> OrganisationName {
        if written == nil, range.upperBound <= textCount, !text.scalars[range].contains(where: { $0.isBlankOrLineBreak }) {
            return OrganisationName.parse(text.scalars, range, lexicon: lexicon)
        }
        return OrganisationName.parse(written ?? text.compactString(range), lexicon: lexicon)
    }

    // MARK: Issuer

    /// The masthead's issuing body, the closing “…印发” line, and the issuing-body line that
    /// heads each plan of a multi-plan file (濮阳县人民代表大会常务委员会 / 2023 年度监督工作计划).
    mutating func issuers(masthead: MastheadFacts) {
        if let issuer = masthead.issuer, let span = masthead.issuerSpan {
            add(text.workingRange(covering: span), role: .issuer, written: issuer.filter { !$0.isWhitespace })
        }
        let scalars = text.scalars
        for line in text.lines() {
            let body = text.trimmedOfBlanks(line)
            guard body.count >= 4 else { continue }
            // 河南省人大常委会代表工作委员会印发
            // (发 is the only scalar canonically equivalent to 发: test it before building the String.)
            if body.count <= 40, scalars[body.upperBound - 1] == "发", text.string(body).hasSuffix("印发") {
                let org = text.trimmedOfBlanks(body.lowerBound..<(body.upperBound - 2))
                if isOrganisationLine(org) { add(org, role: .issuer) }
                continue
            }
            // 濮阳县人民代表大会常务委员会 [2023 年度…计划]
            // Read packed: nearly every line starts with no organisation, or another one.
            guard body.count <= 60, let match = scanner.packedMatch(scalars, at: body.lowerBound, limit: body.upperBound, strict: false),
                match.place >= 0
            else { continue }
            let rest = NameText(scalars, (Int(match.start) + Int(match.placeLength))..<Int(match.end))
            guard rest.hasSuffix("常务委员会") || rest.hasSuffix("人大常委会") else { continue }
            let after = text.trimmedOfBlanks(match.range.upperBound..<body.upperBound)
            if after.isEmpty || scalars[after.lowerBound].hasNumericType {
                add(match.range, role: .issuer)
            }
        }
    }

    /// A whole range that reads as one organisation: a place at its start, no punctuation.
    private func isOrganisationLine(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, text.scalars[range].allSatisfy({ $0.isHanIdeograph || $0.isBlankOrLineBreak }) else { return false }
        let name = OrganisationName.parse(text.compactString(range), lexicon: lexicon)
        if case .named = name.place { return true }
        return false
    }

    // MARK: Fields

    /// 申报单位 (declarer), 供稿 / 供图 (contributor) and 发言人 (speaker) on every item.
    mutating func fieldRoles(_ items: [Item]) {
        // By index: iterating the items would copy each one (and retain all its parts).
        for index in items.indices {
            for field in items[index].fields {
                // Most fields are none of these (简介材料): told apart before their range is found,
                // and most by their first scalar, before their name is copied out of its String.
                guard let first = field.name.unicodeScalars.first,
                    !NameText.isPlain(first) || first == "申" || first == "供" || first == "发"
                else { continue }
                let name = NameText(field.name)
                if name.equals("申报单位") {
                    declarers(text.trimmedOfBlanks(text.workingRange(covering: field.span)), field: field)
                } else if name.equals("供稿") || name.equals("供图") {
                    contributors(text.trimmedOfBlanks(text.workingRange(covering: field.span)))
                } else if name.equals("发言人") {
                    speaker(text.trimmedOfBlanks(text.workingRange(covering: field.span)))
                }
            }
            fieldRoles(items[index].children)
        }
    }

    /// Splits a declarer list on 、 and ，; a shared suffix with a stated count is expanded
    /// to one unit per place, each spanning its own place name.
    ///
    ///     安阳、鹤壁、新乡、焦作、濮阳五市人大常委会 → five units, count checked against 五
    private mutating func declarers(_ range: Range<Int>, field: Field) {
        let parts = split(range)
        var pendingPlaces: [(Range<Int>, PlaceEntry)] = []
        for part in parts {
            let scalars = text.scalars
            let (place, length) = OrganisationName.placePrefix(scalars, at: part.lowerBound, limit: part.upperBound, lexicon: lexicon)
            if case let .named(entry) = place, length == part.count {
                pendingPlaces.append((part, entry))  // 安阳、 — waits for the shared suffix
                continue
            }
            if case let .named(entry) = place, let shared = sharedSuffix(part, after: part.lowerBound + length) {
                let group = pendingPlaces + [(part.lowerBound..<(part.lowerBound + length), entry)]
                let suffix = lexicon.expand(shared.body)
                for (placeRange, placeEntry) in group {
                    add(placeRange, role: .declarer, name: placeEntry.full + suffix)
                }
                if let stated = shared.count, stated != group.count {
                    diagnostics.append(
                        Diagnostic(
                            .warning, code: "declared-count-mismatch",
                            message: "申报单位 states \(stated) but names \(group.count): \(field.value)", span: field.span))
                }
                pendingPlaces = []
                continue
            }
            for (placeRange, _) in pendingPlaces { add(placeRange, role: .declarer) }
            pendingPlaces = []
            add(part, role: .declarer)
        }
        for (placeRange, _) in pendingPlaces { add(placeRange, role: .declarer) }
    }

    /// After the last place of a shared-suffix list: a count and level word, then the body.
    ///
    ///     五市人大常委会 → count 5, body 人大常委会
    private func sharedSuffix(_ part: Range<Int>, after start: Int) -> (count: Int?, body: String)? {
        var index = start
        var digits: [Unicode.Scalar] = []
        while index < part.upperBound, Self.numeral(text.scalars[index]) != nil || text.scalars[index].hasNumericType {
            digits.append(text.scalars[index])
            index += 1
        }
        guard !digits.isEmpty, index < part.upperBound, "市县区".unicodeScalars.contains(text.scalars[index]) else { return nil }
        let body = text.compactString((index + 1)..<part.upperBound)
        guard !body.isEmpty else { return nil }
        return (Self.value(of: digits), body)
    }

    /// 一 to 十 and 两 (a switch: a dictionary hashes the scalar at every call).
    private static func numeral(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "一": return 1
        case "二", "两": return 2
        case "三": return 3
        case "四": return 4
        case "五": return 5
        case "六": return 6
        case "七": return 7
        case "八": return 8
        case "九": return 9
        case "十": return 10
        default: return nil
        }
    }

    /// 五 → 5, 十二 → 12, 17 → 17.
    private static func value(of digits: [Unicode.Scalar]) -> Int? {
        if let arabic = Int(String(String.UnicodeScalarView(digits))) { return arabic }
        var total = 0
        var current = 0
        for digit in digits {
            guard let value = numeral(digit) else { return nil }
            if value == 10 {
                total += max(current, 1) * 10
                current = 0
            } else {
                current = value
            }
        }
        return total + current
    }

    /// Splits on 、 ， , ；, trimming each part.
    private func split(_ range: Range<Int>) -> [Range<Int>] {
        var parts: [Range<Int>] = []
        var start = range.lowerBound
        for index in range where Self.isPartSeparator(text.scalars[index]) {
            parts.append(text.trimmedOfBlanks(start..<index))
            start = index + 1
        }
        parts.append(text.trimmedOfBlanks(start..<range.upperBound))
        return parts.filter { !$0.isEmpty }
    }

    /// 、 ， , ； ; (a switch: searching a String's scalars decodes it at every call).
    private static func isPartSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", "，", ",", "；", ";": return true
        default: return false
        }
    }

    /// (漯河市人大常委会代表工委供稿), 本版图片均为市人大常委会供图: the organisation named in the
    /// value, or the whole value when the scanner knows no such organisation.
    private mutating func contributors(_ range: Range<Int>) {
        for part in split(range) {
            let inner = trimBrackets(part)
            let found = scanner.scan(text, in: inner)
            if found.isEmpty {
                if inner.count <= 30 { add(inner, role: .contributor) }
            } else {
                for match in found where !match.attributive { add(match.range, role: .contributor) }
            }
        }
    }

    private func trimBrackets(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, "(（".unicodeScalars.contains(text.scalars[lower]) { lower += 1 }
        while upper > lower, ")）".unicodeScalars.contains(text.scalars[upper - 1]) { upper -= 1 }
        return text.trimmedOfBlanks(lower..<upper)
    }

    /// 周口市人大常委会主任 吴刚 → the unit 周口市人大常委会 and the person 吴刚 (主任).
    private mutating func speaker(_ range: Range<Int>) {
        guard let gap = range.reversed().first(where: { text.scalars[$0].isBlankOrLineBreak }) else { return }
        let nameRange = text.trimmedOfBlanks((gap + 1)..<range.upperBound)
        let head = text.trimmedOfBlanks(range.lowerBound..<gap)
        let headText = text.string(head)
        guard !nameRange.isEmpty, !head.isEmpty,
            let position = lexicon.positions.first(where: { headText.hasSuffix($0) && headText != $0 })
        else { return }
        let organisation = head.lowerBound..<(head.upperBound - position.unicodeScalars.count)
        let organisationText = text.compactString(organisation)
        add(organisation, role: .speaker)
        people.append(
            Person(
                name: text.compactString(nameRange), position: position, organisation: organisationText, role: .speaker,
                item: nil, span: text.sourceSpan(nameRange)))
    }

    // MARK: Running text

    /// Contributor lines Segment did not turn into fields: …均为市人大常委会供图, (…供稿).
    mutating func contributorLines() {
        for line in text.lines() {
            let body = text.trimmedOfBlanks(line)
            // Every suffix below ends in 图, 稿, ） or ), and (String suffixes compare canonically)
            // no other scalar is canonically equivalent to those four: a line ending in anything
            // else cannot match, and is passed over without building its String.
            guard let last = body.last.map({ text.scalars[$0] }), Self.mayEndContributorMarker(last),
                let closing = contributorMarker(endingAt: body)
            else { continue }
            let end = body.upperBound - closing - 2
            // A line that is only the marker (供稿) names no organisation.
            guard end > body.lowerBound else { continue }
            // The organisation that ends right before the marker.
            var start = end - 1
            while start > body.lowerBound, text.scalars[start - 1].isHanIdeograph { start -= 1 }
            let window = start..<end
            let found = scanner.scan(text, in: window)
            if let last = found.last(where: { $0.range.upperBound == end && !$0.attributive }) {
                add(last.range, role: .contributor)
            }
        }
    }

    /// 图, 稿, ） or ) (a switch: searching a String's scalars decodes it at every call).
    private static func mayEndContributorMarker(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "图", "稿", "）", ")": return true
        default: return false
        }
    }

    /// Whether the line `body` ends in 供图 or 供稿, alone or before ） or ): the scalars the
    /// closing bracket takes (0 or 1), or nil.
    ///
    /// As `String.hasSuffix` answers, comparing Characters canonically. When the last four
    /// scalars are each a Character of their own with no decomposition (plain ideographs,
    /// printable ASCII, ）) that is scalar equality, decided in place; otherwise the line's String
    /// is asked.
    private func contributorMarker(endingAt body: Range<Int>) -> Int? {
        let scalars = text.scalars
        let tail = max(body.lowerBound, body.upperBound - 4)..<body.upperBound
        if tail.allSatisfy({ NameText.isPlain(scalars[$0]) || (0x20..<0x7F).contains(scalars[$0].value) || scalars[$0] == "）" }) {
            func isMarker(endingAt end: Int) -> Bool {
                end - 2 >= body.lowerBound && scalars[end - 2] == "供" && (scalars[end - 1] == "图" || scalars[end - 1] == "稿")
            }
            if isMarker(endingAt: body.upperBound) { return 0 }
            let last = scalars[body.upperBound - 1]
            return (last == "）" || last == ")") && isMarker(endingAt: body.upperBound - 1) ? 1 : nil
        }
        let written = text.string(body)
        guard let marker = ["供图", "供稿"].first(where: { written.hasSuffix($0) || written.hasSuffix($0 + "）") || written.hasSuffix($0 + ")") })
        else { return nil }
        return written.hasSuffix(marker) ? 0 : 1
    }

    /// 由常委会财经工作委员会负责做好相关工作, 由代表工委负责组织, （责任科室为选工委）.
    mutating func responsible() {
        let scalars = text.scalars
        let ends = ["负责", "做好相关工作", "组织实施"].map { Array($0.unicodeScalars) }
        let officeEnds: [[Unicode.Scalar]] = [[")"], ["）"], ["，"], ["、"]]
        let office = Array("责任科室为".unicodeScalars)
        // Read once: a `static let` is a lazily initialised global, checked at every read.
        let organisationEndings = Self.organisationEndings
        // Only 由 and 责 start a rule: the sweep found where they are.
        for index in responsibleAnchors {
            let from: Int
            let closing: [[Unicode.Scalar]]
            if scalars[index] == "由" {
                (from, closing) = (index + 1, ends)
            } else if matches(office, at: index) {
                (from, closing) = (index + 5, officeEnds)
            } else {
                continue
            }
            var cursor = from
            var found: Range<Int>?
            while cursor < min(scalars.count, from + 30) {
                let scalar = scalars[cursor]
                // A closing word starts with one of 负做组)），、: any other scalar is passed over
                // without comparing the words.
                if cursor > from, Self.mayStartClosingWord(scalar), closing.contains(where: { matches($0, at: cursor) }) {
                    found = from..<cursor
                    break
                }
                if !(scalar.isHanIdeograph || scalar.isBlankOrLineBreak) { break }
                cursor += 1
            }
            guard let candidate = found.map({ text.trimmedOfBlanks($0) }), candidate.count >= 2 else { continue }
            // Read in place when the candidate holds no blank (its written form is its scalars).
            let hasBlank = text.scalars[candidate].contains(where: { $0.isBlankOrLineBreak })
            let writtenName = hasBlank ? NameText(text.compactString(candidate)) : NameText(text.scalars, candidate)
            guard organisationEndings.contains(where: { writtenName.hasSuffix($0) }) else { continue }
            // Resolved here (or read back) and handed to `add`, which would resolve it the same way again.
            let resolution = parsedName(candidate)
            guard let name = resolution.name else { continue }
            add(candidate, role: .responsible, written: resolution.written, name: name)
        }
    }

    private static func mayStartClosingWord(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "负", "做", "组", ")", "）", "，", "、": return true
        default: return false
        }
    }

    private static let organisationEndings = ["委员会", "工委", "委", "办公室", "办公厅", "局", "厅", "院", "政府", "中心"]

    private func matches(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= textCount else { return false }
        // Compared in place: no Array is made for the slice.
        for (offset, scalar) in word.enumerated() where text.scalars[index + offset] != scalar { return false }
        return true
    }

    /// 本报讯（记者蔡文瑞） and （本报记者 蔡文瑞）: 本报 as reporter, and the journalist.
    /// A line that opens with 本报讯 is a byline even with no journalist named
    /// (本报讯 近日，宝丰县人大常委会… → 本报, no person); elsewhere in a sentence a bare
    /// 本报讯 (据本报讯) reports nothing.
    mutating func reporters() {
        let scalars = text.scalars
        let paper = Array("本报".unicodeScalars)
        let news = Array("讯".unicodeScalars)
        let reporter = Array("记者".unicodeScalars)
        // Only 本 starts a byline: the sweep found where it stands.
        for index in reporterAnchors where index + 2 < scalars.count {
            guard matches(paper, at: index) else { continue }
            var cursor = index + 2
            if matches(news, at: cursor) {
                cursor += 1
                let paperRange = index..<(index + 2)
                // The unit stands on the line's 本报讯 alone; a journalist after it adds the person.
                if startsLine(index) { add(paperRange, role: .reporter, written: "本报", name: "本报") }
                guard cursor < scalars.count, "(（".unicodeScalars.contains(scalars[cursor]) else { continue }
                cursor += 1
            } else if index > 0, "(（".unicodeScalars.contains(scalars[index - 1]) {
                // （本报记者 …）
            } else {
                continue
            }
            guard matches(reporter, at: cursor) else { continue }
            cursor += 2
            while cursor < scalars.count, scalars[cursor].isBlankOrLineBreak { cursor += 1 }
            let nameStart = cursor
            while cursor < scalars.count, scalars[cursor].isHanIdeograph, cursor - nameStart < 4 { cursor += 1 }
            guard cursor - nameStart >= 2, cursor < scalars.count, ")）".unicodeScalars.contains(scalars[cursor]) else { continue }
            let paperRange = index..<(index + 2)
            // Taken already when the byline opens its line (above).
            if !startsLine(index) { add(paperRange, role: .reporter, written: "本报", name: "本报") }
            people.append(
                Person(
                    name: text.string(nameStart..<cursor), position: "记者", organisation: "本报", role: .reporter, item: nil,
                    span: text.sourceSpan(nameStart..<cursor)))
        }
    }

    /// Whether only blanks stand between the start of its line and `index`.
    private func startsLine(_ index: Int) -> Bool {
        var before = index - 1
        while before >= 0 {
            let scalar = text.scalars[before]
            if scalar == "\n" { return true }
            guard scalar.isBlankOrLineBreak else { return false }
            before -= 1
        }
        return true
    }

    /// Organisations named as actors anywhere else in the text.
    ///
    /// A list joined by 、和及与 shares its last member's fate: in 省委、市委人大工作会议 the
    /// stop word 会议 after 市委 drops 省委 too.
    ///
    /// The distribution lists (送：, 发：) name readers, not actors, and are skipped.
    mutating func mentioned(masthead: MastheadFacts) {
        let lists = masthead.documentFields.filter { ["送", "发", "抄送"].contains($0.name) }.map { text.workingRange(covering: $0.span) }
        // Read as found: a chain is decided when the next match does not join it, so only the
        // chain is held, not every match of the document.
        var chain: [Scanner.PackedMatch] = []
        // The sweep found them (`scanner.scan` over the whole text, outside quotes). They stay
        // packed: most repeat a name resolved before, and are never unpacked.
        for match in organisations {
            let range = match.range
            guard !lists.contains(where: { $0.overlaps(range) }) else { continue }
            if let last = chain.last, !isJoined(last, match) {
                mentionedChain(chain)
                chain.removeAll(keepingCapacity: true)
            }
            chain.append(match)
        }
        mentionedChain(chain)
        districtLevelLists(outside: lists)
    }

    /// Whether `next` continues the list `match` is in: 省委、市委 (one of 、和及与 between them).
    private func isJoined(_ match: Scanner.PackedMatch, _ next: Scanner.PackedMatch) -> Bool {
        next.start == match.end + 1 && Self.isListJoiner(text.scalars[Int(match.end)])
    }

    private static func isListJoiner(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", "和", "及", "与": return true
        default: return false
        }
    }

    /// Records a list of mentioned organisations, unless its last member is attributive.
    private mutating func mentionedChain(_ chain: [Scanner.PackedMatch]) {
        guard let last = chain.last,
            !(last.attributive || scanner.isAttributive(text.scalars, end: Int(last.end), limit: textCount))
        else { return }
        for match in chain where !match.attributive {
            let range = match.range
            guard !isTaken(range) else { continue }
            let context = census.contextID(at: range.lowerBound)
            let resolution = matchedName(match, context: context)
            guard let name = resolution.name else { continue }
            add(range, role: .mentioned, written: resolution.written, name: name)
            leadingLevels(before: match, context: context)
            listContinuation(after: match, context: context)
        }
    }

    /// Bare levels listed before a placed organisation share its body, each under the place
    /// the context gives that level; each spans its own level scalar:
    /// 在省、市人大常委会 → 省 (河南省人民代表大会常务委员会); 在市、区人大 → 市, 区.
    ///
    /// Left alone: 各市、县人大 and 全省、市 (a level after 各, 全 … names no single place),
    /// 郑州市、开封市人大 (市 ends a place name: a list of full places), 省市县三级 (no 、),
    /// and a level the context cannot resolve (乡, or 区 in a county's document).
    private mutating func leadingLevels(before match: Scanner.PackedMatch, context contextID: Int) {
        // Nearly every organisation follows something else than a level and 、: nothing to do then.
        let start = Int(match.start)
        guard start >= 2, text.scalars[start - 1] == "、", Self.isListedLevel(text.scalars[start - 2]),
            match.place != Scanner.PackedMatch.noPlace
        else { return }
        levelList(listedLevels(endingAt: start - 2), body: scanner.unpack(match, in: text.scalars).name, context: contextID)
    }

    /// Records each bare level of `levels` (working indices, in text order) as the organisation
    /// `body` names under that level's place, when the list stands free (see `leadingLevels`).
    private mutating func levelList(_ levels: [Int], body: OrganisationName, context contextID: Int) {
        guard let first = levels.first, first == 0 || Self.mayPrecedeLevels(text.scalars[first - 1]), !endsPlaceName(at: first + 1),
            !levels.contains(where: { quoted[$0] })
        else { return }
        let context = census.context(withID: contextID)
        for level in levels {
            let scalar = text.scalars[level]
            let place = scalar == "区" ? district(before: level, context: contextID) : Self.place(of: scalar, in: context)
            guard let placeName = place else { continue }
            let name = body.fullName(under: placeName, lexicon: lexicon)
            add(level..<(level + 1), role: .mentioned, written: String(scalar), name: name)
        }
    }

    /// A list of bare levels ending in 区, which the scanner does not read as a level (区 alone
    /// starts too many words): 在市、区人大的鼓励 → 市 (开封市人民代表大会), 区 (开封市龙亭区人民代表大会).
    /// The body after 区 is read as the scanner reads it after 市. The distribution lists
    /// (`lists`) are skipped, as in `mentioned`.
    private mutating func districtLevelLists(outside lists: [Range<Int>]) {
        let scalars = text.scalars
        // The sweep found where such a 区 stands.
        for index in listedDistricts {
            guard !isTaken(index..<(index + 1)), !lists.contains(where: { $0.contains(index) }) else { continue }
            let limit = min(textCount, index + 24)
            let read = ["市"] + scalars[(index + 1)..<limit]
            guard let match = scanner.packedMatch(read, at: 0, limit: read.count, strict: false),
                match.place == Scanner.PackedMatch.relativePlace, !match.attributive,
                !scanner.isAttributive(scalars, end: index + Int(match.end), limit: textCount)
            else { continue }
            levelList(listedLevels(endingAt: index), body: scanner.unpack(match, in: read).name, context: census.contextID(at: index))
        }
    }

    /// The bare levels of the list whose last level is at `last` (a level there is given), in
    /// text order: 省、市 … each one back to the first that no 、 precedes.
    private func listedLevels(endingAt last: Int) -> [Int] {
        var levels = [last]
        var index = last
        while index >= 2, text.scalars[index - 1] == "、", Self.isListedLevel(text.scalars[index - 2]) {
            index -= 2
            levels.append(index)
        }
        return levels.reversed()
    }

    /// 省, 市, 县, 区: the levels a list may name bare.
    static func isListedLevel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "省", "市", "县", "区": return true
        default: return false
        }
    }

    /// What may stand before a list of bare levels: no ideograph (the line's start, punctuation),
    /// or a preposition or conjunction (在省、市…, 向市、县…). 各, 全, 本, 两 … are not among them.
    private static func mayPrecedeLevels(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.isHanIdeograph else { return true }
        switch scalar {
        case "在", "向", "对", "由", "经", "与", "和", "及", "同", "从", "受", "为", "被", "将", "把", "请", "并", "到", "给": return true
        default: return false
        }
    }

    /// Whether a place name of the lexicon ends at `end` (郑州市 in 郑州市、开封市人大).
    private func endsPlaceName(at end: Int) -> Bool {
        (max(0, end - 12)..<(end - 1)).contains { start in
            lexicon.places.longestEntry(in: text.scalars, at: start, limit: end)?.length == end - start
        }
    }

    /// The district a bare 区 at `index` names: the last one mentioned before it under the same
    /// context, when it lies in the context's city (the census counts no districts: 龙亭区 in
    /// 开封市龙亭区人大常委会 … 在市、区人大 → 开封市龙亭区).
    private func district(before index: Int, context contextID: Int) -> String? {
        let city = census.context(withID: contextID).city
        let facts = lexicon.placeFacts
        let names = lexicon.placeNames
        for mention in placeMentions.reversed() where Int(mention.index) < index {
            let fact = facts[Int(mention.entry)]
            guard fact.kind == .district else { continue }
            guard census.contextID(at: Int(mention.index)) == contextID, fact.cityID >= 0, names[Int(fact.cityID)] == city
            else { return nil }
            return names[Int(fact.fullID)]
        }
        return nil
    }

    /// The place a bare level names under `context`: 县 only when the context's county is one.
    private static func place(of level: Unicode.Scalar, in context: PlaceContext) -> String? {
        switch level {
        case "省": return context.province
        case "市": return context.city
        case "县": return context.county.flatMap { $0.hasSuffix("县") ? $0 : nil }
        default: return nil
        }
    }

    /// The resolution of a scanner match under the context numbered `context`, read back when
    /// met before.
    private mutating func matchedName(_ match: Scanner.PackedMatch, context: Int) -> ResolvedNames.Resolution {
        let range = match.range
        // A named place (漯河市…) resolves the same under every context; a bare level or body
        // under every context that agrees on the one place it reads (`PlaceContext.Key.reading`).
        let keyContext: PlaceContext.Key
        switch match.place {
        case Scanner.PackedMatch.relativePlace:
            keyContext = census.contextKey(withID: context).reading(level: text.scalars[range.lowerBound])
        case Scanner.PackedMatch.noPlace:
            keyContext = census.contextKey(withID: context).readingLocal
        default:
            keyContext = .any
        }
        let key = ResolvedNames.Key(
            range, origin: .matched(place: match.place, placeLength: match.placeLength), context: keyContext, in: text.scalars)
        if let known = resolvedNames.resolution(for: key, in: text.scalars) { return known }
        let resolution = ResolvedNames.Resolution(
            written: text.compactString(range),
            name: scanner.unpack(match, in: text.scalars).name.fullName(in: census.context(withID: context), lexicon: lexicon))
        resolvedNames.record(resolution, for: key, in: text.scalars)
        return resolution
    }

    /// Offices listed after a placed organisation share its place:
    /// 县检察院、审计局、统计局、农业机械技术中心 → 濮阳县审计局, 濮阳县统计局 …
    private mutating func listContinuation(after match: Scanner.PackedMatch, context contextID: Int) {
        // Nearly every organisation is followed by something else: nothing to work out then.
        guard Int(match.end) < textCount, text.scalars[Int(match.end)] == "、" else { return }
        let placeName: String?
        switch match.place {
        case Scanner.PackedMatch.noPlace: placeName = nil
        case Scanner.PackedMatch.relativePlace:
            let context = census.context(withID: contextID)
            let level = text.scalars[Int(match.start)]
            placeName = level == "省" ? context.province : level == "市" ? context.city : context.county
        default: placeName = lexicon.places.value(at: match.place).full
        }
        guard let placeName else { return }
        var index = Int(match.end)
        while index < textCount, text.scalars[index] == "、" {
            let start = index + 1
            var end = start
            while end < textCount, text.scalars[end].isHanIdeograph, end - start <= 10 { end += 1 }
            guard end < textCount, Self.endsListedOffice(text.scalars[end]), (3...10).contains(end - start), !quoted[start]
            else { return }
            // Read in place (as its String would answer); the String is made for a unit only.
            let office = NameText(text.scalars, start..<end)
            guard Self.listedOfficeEndings.contains(where: { office.hasSuffix($0) }),
                scanner.packedMatch(text.scalars, at: start, limit: end, strict: false) == nil,
                !office.hasPrefix("各"), !office.hasPrefix("有关"), !office.hasPrefix("相关")
            else { return }
            let written = office.string
            add(start..<end, role: .mentioned, written: written, name: placeName + written)
            index = end
        }
    }

    /// What may follow a listed office: the next one, or the list's end.
    private static func endsListedOffice(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", "）", ")", "，", ",", "。", "；", "等": return true
        default: return false
        }
    }

    private static let listedOfficeEndings = ["局", "中心", "办公室"]
}
