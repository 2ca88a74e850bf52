import JianbaoCore
import Normalize

/// The parts of a count found in the working text (phase one), before they are resolved.
struct CountParts {
    /// Rule that found it, for debug output.
    var rule: CountScanner.UnitRule
    /// The measure word's number in `CountLexicon.measureWords` (its String is the unit's), or
    /// -1 for a noun read from the text. Kept small: the parts are returned by value at every
    /// number, and a few more bytes made that a `memcpy` call.
    var unitWord: Int32
    var start: Int
    var numberStart: Int
    var end: Int
    var low: Double
    var high: Double?
    /// Every approximation word that applies (before, inner, after, a 至少 scope).
    var approximations: StatedApproximations
    /// Where the unit and the counted noun stand: their Strings are built in `resolve`, once a
    /// count is accepted, not for every candidate the find phase looks at.
    var unit: Range<Int>
    var object: Range<Int>?
    /// The count reads a range of two numbers (3至5个); the debug rule says so.
    var isRange: Bool { high != nil }
}

/// Scans working scalars for counts and ratios (see `CountExtractor`).
///
/// A class: as a struct, the scanner (a dozen words of text, tables and results) was copied
/// into every rule its mutating loop called, several times at each number.
final class CountScanner {
    let text: WorkingText
    let scalars: [Unicode.Scalar]
    let lexicon: CountLexicon
    let hidden: PositionBits
    /// For each position, where the 至少 governing its clause starts (至少参加一次集中学习、一次视察调研).
    /// Runs of positions governed by one 至少, in text order, standing for the dense table "for
    /// each position, its scope's start" (an `Int?` per scalar was 16 bytes a scalar, the
    /// largest allocation of the extract stage; scopes are rare, so the runs are few).
    private let scopeRuns: [ScopeRun]
    /// The positions, in order, whose scalar may start a number.
    private let numberPositions: [Int32]
    /// `NumberReader.hanNumerals` and `rangeConnectors`, asked at every number and every scalar
    /// of a counted noun: a `static let` is a `swift_once` call at each read.
    private let hanNumerals: ScalarSet
    private let rangeConnectorSet: ScalarSet
    /// `CountLexicon.numberFollowers`, asked after every number read.
    private let numberFollowers: ScalarSet

    struct ScopeRun {
        var lower: Int
        var upper: Int
        var scope: Int
    }

    private(set) var counts: [Count] = []
    private(set) var ratios: [Ratio] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// The last 至少 scope that gave its first count its text (-1: none yet). Counts are
    /// resolved in text order and a position's scope never lies before an earlier one's, so
    /// a scope not yet used is one past this.
    private var lastUsedScope = -1

    /// Characters that end a clause: a 至少 scope and an object never run past them.
    static let clauseBreaks: Set<Unicode.Scalar> = Set("，。；！？：,;!?:\n".unicodeScalars)
    /// `NumberReader.startsNumber` as a bitset: asked at every position of the text.
    static let numberStarts: ScalarSet = {
        var set = NumberReader.hanNumerals
        set.formUnion(ScalarSet("0123456789".unicodeScalars))
        return set
    }()
    /// `clauseBreaks` as a bitset, for the per-position test in `atLeastScopes`.
    static let clauseBreakSet = ScalarSet(clauseBreaks)
    static let rangeConnectors = ScalarSet("至到—–-～~－".unicodeScalars)

    init(text: WorkingText, lexicon: CountLexicon) {
        self.text = text
        self.scalars = text.scalars
        self.lexicon = lexicon
        // In the order of `CountLexicon.marks`: openers, excluded words, scope words, numbers.
        let marks = ScalarMarks(text.scalars, table: lexicon.marks)
        self.hidden = HiddenSpans.mask(text.scalars, lexicon: lexicon, openers: marks.positions[0], excludedStarts: marks.positions[1])
        self.scopeRuns = CountScanner.atLeastScopes(text.scalars, lexicon, scopeStarts: marks.positions[2])
        self.numberPositions = marks.positions[3]
        self.hanNumerals = NumberReader.hanNumerals
        self.rangeConnectorSet = Self.rangeConnectors
        self.numberFollowers = lexicon.numberFollowers
    }

    func run() {
        var index = 0
        for start in numberPositions where Int(start) >= index {
            index = Int(start)
            guard !hidden[index] else {
                index += 1
                continue
            }
            guard let number = NumberReader.read(scalars, at: index) else {
                index += 1
                continue
            }
            let runEnd = max(number.range.upperBound, index + 1)
            // Most numerals (一 of 一是, 进一步) stand before a scalar no ratio or count reads
            // on: every rule below would send the scan on to `runEnd`, so it goes there now.
            // (A number with no value is still reported.)
            let next = number.range.upperBound
            if number.value != nil, next >= scalars.count || !numberFollowers.contains(scalars[next]) {
                index = runEnd
                continue
            }
            if isNotAQuantity(number) {
                index = runEnd
                continue
            }
            if let ratio = RatioRules.find(number, in: scalars, lexicon: lexicon) {
                ratios.append(
                    Ratio(text: text.string(ratio.range), value: ratio.value, item: nil, span: text.sourceSpan(ratio.range)))
                index = ratio.range.upperBound
                continue
            }
            if number.value == nil {
                diagnostics.append(
                    Diagnostic(
                        .info, code: "number-out-of-range",
                        message: "a numeral of \(number.range.count) characters has no value a bulletin states; not read",
                        span: text.sourceSpan(number.range)))
                index = runEnd
                continue
            }
            switch findCount(number) {
            case let .count(parts, resumeAt):
                counts.append(resolve(parts))
                index = resumeAt
            case let .skip(resumeAt):
                index = max(resumeAt, runEnd)
            }
        }
    }

    // MARK: - Phase one: find

    enum Finding {
        case count(CountParts, resumeAt: Int)
        /// Not a count; the scan goes on after the date, ordinal or number it stepped over.
        case skip(resumeAt: Int)
    }

    /// 第41期, 周三, G20 — numerals whose neighbours say they are not a quantity.
    func isNotAQuantity(_ number: ReadNumber) -> Bool {
        let start = number.range.lowerBound
        var before = start - 1
        while before >= 0, scalars[before] == " " { before -= 1 }
        guard before >= 0 else { return false }
        let previous = scalars[before]
        // Ordinals: 第41期, 第 41 期, 第十三次.
        if previous == "第" { return true }
        // Part of a code or version: G20, V2.0, 2023/10/23 (a slash fraction is read by RatioRules).
        // (An ASCII scalar is alphabetic exactly when it is a Latin letter: no property lookup.)
        if before == start - 1, previous.isASCII, ("a"..."z").contains(previous) || ("A"..."Z").contains(previous) || previous == "." {
            return true
        }
        // Weekdays and days of a lunar month: 周三, 星期一, 初一.
        if number.script == .han, before == start - 1, previous == "周" || previous == "期" && before > 0 && scalars[before - 1] == "星" || previous == "初" {
            return true
        }
        return false
    }

    /// The parts of a count whose number is `number`, or where to go on when it is none.
    func findCount(_ number: ReadNumber) -> Finding {
        let start = number.range.lowerBound
        var low = number.value ?? 0
        var high: Double?
        var approximations = StatedApproximations()
        var position = number.range.upperBound

        // 五六个村 → 5–6.
        if let adjacent = number.adjacentRange {
            low = adjacent.low
            high = adjacent.high
        }
        // 20多万 / 1.2万余 / 3万多: 多 and 余 before or after the scale words.
        if let inner = lexicon.approximationsInner.longest(in: scalars, at: skipSpaces(position)) {
            approximations.append(inner.payload)
            position = skipSpaces(position) + inner.length
        }
        let scale = readScale(at: position)
        low *= scale.factor
        position = scale.end
        if scale.factor != 1, let inner = lexicon.approximationsInner.longest(in: scalars, at: position) {
            approximations.append(inner.payload)
            position += inner.length
        }
        // 3至5个 / 10—20家 / 2至3万元 / 1万至2万人 — a range of two numbers.
        if high == nil, approximations.isEmpty, let range = readRangeEnd(at: position) {
            high = range.value
            position = range.end
            if range.scale != 1 {
                high! *= range.scale
                if scale.factor == 1 { low *= range.scale }  // 2至3万元: the scale is shared
            } else if scale.factor != 1 {
                high! *= scale.factor
            }
        }

        // A numeral standing alone as a scale (千, 万) counts only when approximated: 近千家, 千余人.
        if number.isBareScale, approximationBefore(start) == nil, approximations.isEmpty { return .skip(resumeAt: number.range.upperBound) }
        // 零 alone is part of a word (零星, 零售), not a quantity.
        if number.script == .han, number.value == 0 { return .skip(resumeAt: number.range.upperBound) }

        // The measure word may follow a space or a PDF line break (2100多\n条).
        let unitStart = skipBlank(position)
        // 2024年, 10月, 9天, 7个月, 十二届 — dates, durations and ordinals.
        if let time = timeWord(at: unitStart) { return .skip(resumeAt: unitStart + time) }
        guard let unit = readUnit(at: unitStart) else { return .skip(resumeAt: number.range.upperBound) }
        position = unit.end

        // 二次会议 after 人大, 三次全会 after 届: the session's ordinal, not a number of meetings.
        if unit.isTimes, isSessionOrdinal(numberStart: start, after: position) {
            return .skip(resumeAt: position)
        }

        // 10万亩以上 / 300人左右.
        if let after = lexicon.approximationsAfter.longest(in: scalars, at: position) {
            approximations.append(after.payload)
            position += after.length
        }
        let before = approximationBefore(start)
        if high == nil, approximations.isEmpty, before == nil, scopeStart(start) == nil,
            isIndefiniteArticle(number, unit: unit)
        {
            return .skip(resumeAt: unit.end)
        }
        var end = position
        var object: Range<Int>?
        if unit.kind == .classifier, let noun = readObject(at: position) {
            object = noun
            end = noun.upperBound
        }

        var first = start
        if let before {
            approximations.append(before.approx)
            first = before.start
        }
        let parts = CountParts(
            rule: unit.rule, unitWord: unit.word, start: first, numberStart: start, end: end, low: low, high: high, approximations: approximations,
            unit: unit.range, object: object)
        return .count(parts, resumeAt: unit.end)
    }

    /// 万, 亿, 千万, 万亿 after a number: their factors multiply.
    func readScale(at start: Int) -> (factor: Double, end: Int) {
        var factor = 1.0
        var position = start
        var words = 0
        while words < 3, let scale = lexicon.scaleWords.longest(in: scalars, at: position), !hidden[position] {
            factor *= scale.payload
            position += scale.length
            words += 1
        }
        return (factor, position)
    }

    // 至5 / —20 / 至2万: the high end of a range, with its own scale if it has one.
    func readRangeEnd(at start: Int) -> (value: Double, scale: Double, end: Int)? {
        guard start < scalars.count, rangeConnectorSet.contains(scalars[start]) else { return nil }
        let numberStart = skipSpaces(start + 1)
        guard numberStart < scalars.count, !hidden[numberStart],
            let second = NumberReader.read(scalars, at: numberStart), let value = second.value, !second.isBareScale
        else { return nil }
        let scale = readScale(at: second.range.upperBound)
        return (value, scale.factor, scale.end)
    }

    /// The approximation word right before the number (近2000, 超过 500), with where it starts.
    func approximationBefore(_ numberStart: Int) -> (approx: Approximation, start: Int)? {
        var end = numberStart
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        guard let word = lexicon.approximationsBefore.longestEnding(in: scalars, before: end), !hidden[end - 1] else {
            return nil
        }
        return (word.payload, end - word.length)
    }

    /// The length of a date or duration word at `start`, if one is there.
    func timeWord(at start: Int) -> Int? {
        guard let time = lexicon.timeWords.longest(in: scalars, at: start) else { return nil }
        // 3个月份 is a count of month-names: 个 + 月份, not the duration 个月.
        // (The word matched is its payload; comparing scalars avoids a String comparison.)
        if time.length == 2, scalars[start] == "个", scalars[start + 1] == "月", start + 2 < scalars.count, scalars[start + 2] == "份" {
            return nil
        }
        return time.length
    }

    struct Unit {
        /// Where the measure word or noun stands; its String is built only for an accepted count.
        var range: Range<Int>
        var kind: MeasureKind
        var end: Int { range.upperBound }
        var rule: UnitRule
        /// The unit is 次 (times), which two rules ask about: kept as a flag, read from the
        /// scalars, so that no String comparison runs per count.
        var isTimes = false
        /// The measure word's number in the lexicon (the same scalars as `range`), so that an
        /// accepted count takes its unit's String from there; -1 for a noun read from the text.
        var word: Int32 = -1
    }

    /// How the unit of a count was read (for debug output).
    enum UnitRule {
        /// 42个, 9部门, 人次.
        case measureWord
        /// 六大类, 11小项: 大 or 小, then a measure word.
        case sizedMeasureWord
        /// 7大产业集群: 大, then a noun.
        case bigNoun
    }

    private func unit(_ range: Range<Int>, kind: MeasureKind, rule: UnitRule, word: Int = -1) -> Unit {
        let isTimes = range.count == 1 && scalars[range.lowerBound] == "次"
        return Unit(range: range, kind: kind, rule: rule, isTimes: isTimes, word: Int32(word))
    }

    func readUnit(at start: Int) -> Unit? {
        guard start < scalars.count, !hidden[start] else { return nil }
        // 42个 / 9部门 / 人次 — the longest measure word or counted noun.
        if let word = lexicon.measureWords.longestWithNumber(in: scalars, at: start) {
            return unit(start..<(start + word.length), kind: word.payload, rule: .measureWord, word: word.number)
        }
        // 六大类 / 11小项 — 大 and 小 before a measure word leave it the unit.
        guard scalars[start] == "大" || scalars[start] == "小" else { return nil }
        if let word = lexicon.measureWords.longestWithNumber(in: scalars, at: start + 1), word.payload != .noun {
            return unit((start + 1)..<(start + 1 + word.length), kind: word.payload, rule: .sizedMeasureWord, word: word.number)
        }
        // 7大产业集群 — the noun after 大 is the unit.
        guard scalars[start] == "大", let noun = readObject(at: start + 1) else { return nil }
        return unit(noun, kind: .noun, rule: .bigNoun)
    }

    /// Words before 一次 that make it "an occasion" rather than a number of them (的一次调研, 是一次成功的会议).
    static let determiners = ScalarSet("的是这那".unicodeScalars)

    /// 一 before a measure word mostly reads as "a": 一项重要监督工作, 打造一支队伍, 的一次调研.
    /// It is a count for events (召开一次片会, 组织一次视察 — but not 的一次调研, 是一次) and as a member
    /// of a list of counts (一个引领、三大任务). An approximation (至少…一次) makes it a count
    /// before this rule is asked.
    func isIndefiniteArticle(_ number: ReadNumber, unit: Unit) -> Bool {
        let start = number.range.lowerBound
        guard number.script == .han, number.range.count == 1, scalars[start] == "一" else { return false }
        if unit.isTimes { return start > 0 && Self.determiners.contains(scalars[start - 1]) }
        // 一个引领、三大任务: the next list member is a count too.
        let next = unit.end
        if let object = readObject(at: next), object.upperBound < scalars.count, scalars[object.upperBound] == "、",
            object.upperBound + 1 < scalars.count, NumberReader.startsNumber(scalars[object.upperBound + 1])
        {
            return false
        }
        if next < scalars.count, scalars[next] == "、", next + 1 < scalars.count, NumberReader.startsNumber(scalars[next + 1]) {
            return false
        }
        // …、三大任务、一个引领: the previous one is.
        // (The scalar first: reading `counts.last` copied a whole count, four Strings retained.)
        if start >= 1, scalars[start - 1] == "、", let lastEnd = counts.last?.span.end, text.sourceSpan(start - 1, start).start == lastEnd {
            return false
        }
        return true
    }

    /// 人大二次会议, 五届三次全会: 次 names the session when the numeral follows a congress name.
    func isSessionOrdinal(numberStart: Int, after position: Int) -> Bool {
        // The cheap test on the scalar before the numeral first; then the meeting words
        // (会议, 全会, 全体会议, 常委会), compared as scalars: no array of Strings per 次.
        guard numberStart > 0 else { return false }
        let previous = scalars[numberStart - 1]
        guard previous == "届" || previous == "大" || previous == "会" else { return false }
        return startsWith("会议", at: position) || startsWith("全会", at: position) || startsWith("全体会议", at: position)
            || startsWith("常委会", at: position)
    }

    /// The counted noun from `start`: Han characters up to punctuation, a function word, a verb
    /// or another quantity, kept short (SPEC: the noun that directly follows the unit).
    func readObject(at start: Int) -> Range<Int>? {
        var position = start
        let limit = 16
        while position < scalars.count, position - start <= limit {
            let scalar = scalars[position]
            guard Self.isHan(scalar), !hidden[position] else { break }
            if let stop = lexicon.objectStops.longest(in: scalars, at: position), !(stop.payload && position == start) {
                break
            }
            if hanNumerals.contains(scalar), beginsQuantity(at: position) { break }
            position += 1
        }
        guard position > start, position - start <= limit else { return nil }
        return start..<position
    }

    /// Whether a Chinese numeral at `start` is followed by a measure word (五级 in 2216名五级人大代表).
    func beginsQuantity(at start: Int) -> Bool {
        var position = start
        // Bounded: a numeral longer than this is no quantity, and the object scan stays linear.
        while position < scalars.count, position - start < 24, hanNumerals.contains(scalars[position]) {
            position += 1
        }
        guard position < scalars.count else { return false }
        return lexicon.measureWords.longest(in: scalars, at: position) != nil || scalars[position] == "大"
    }

    // MARK: - Phase two: resolve

    func resolve(_ parts: CountParts) -> Count {
        var start = parts.start
        var approximations = parts.approximations
        // 至少参加一次集中学习、一次视察调研: 至少 governs every count of its clause; the first
        // one's text starts at 至少.
        if let scope = scopeStart(parts.numberStart) {
            approximations.append(.over)
            if scope != lastUsedScope {
                lastUsedScope = scope
                start = min(start, scope)
            }
        }
        let approx: Approximation
        if parts.high != nil {
            approx = .range
        } else if let first = approximations.first {
            if approximations.contains(.about) || (approximations.contains(.over) && approximations.contains(.under)) {
                approx = .about  // 近2500余件: both bounds stated, so it is about 2500
            } else {
                approx = first
            }
        } else {
            approx = .exact
        }
        let range = start..<parts.end
        let countText = text.string(range)
        // A measure word's String is the lexicon's; only a noun read as the unit is built here.
        let unit = parts.unitWord >= 0 ? lexicon.measureWords.text(ofWord: Int(parts.unitWord)) : text.string(parts.unit)
        // The counted noun ends the count's text: its bytes are copied from there, cheaper than
        // encoding and validating its scalars again.
        var object: String?
        if let noun = parts.object {
            object = Self.suffix(of: countText, endingAt: range.upperBound, from: noun, in: scalars) ?? text.string(noun)
        }
        return Count(
            text: countText, value: parts.low, valueMax: parts.high, approx: approx, unit: unit,
            object: object, item: nil, span: text.sourceSpan(range))
    }

    /// The String of `noun`, cut from the end of `countText` (the count's text, which ends at
    /// `end`): a copy of bytes already encoded and checked. Nil when the noun does not end it.
    static func suffix(of countText: String, endingAt end: Int, from noun: Range<Int>, in scalars: [Unicode.Scalar]) -> String? {
        guard noun.upperBound == end else { return nil }
        var bytes = 0
        for position in noun {
            let value = scalars[position].value
            bytes += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        let utf8 = countText.utf8
        guard bytes <= utf8.count else { return nil }
        return String(countText[utf8.index(utf8.endIndex, offsetBy: -bytes)...])
    }

    // MARK: - Helpers

    /// For each position, the start of the 至少 that governs its clause, if any.
    /// The start of the 至少 that governs the clause at `position`, if any.
    func scopeStart(_ position: Int) -> Int? {
        // The last run starting at or before `position` is the only one that can hold it.
        var low = 0
        var high = scopeRuns.count
        while low < high {
            let middle = (low + high) / 2
            if scopeRuns[middle].lower <= position { low = middle + 1 } else { high = middle }
        }
        guard low > 0, position < scopeRuns[low - 1].upper else { return nil }
        return scopeRuns[low - 1].scope
    }

    /// For each position, the start of the 至少 that governs its clause, if any, as runs.
    /// `scopeStarts`: the positions, in order, whose scalar may start a scope word.
    static func atLeastScopes(_ scalars: [Unicode.Scalar], _ lexicon: CountLexicon, scopeStarts: [Int32]) -> [ScopeRun] {
        var runs: [ScopeRun] = []
        // Positions are assigned once each, in increasing order: equal neighbours extend a run.
        func assign(_ position: Int, _ value: Int?) {
            guard let value else { return }
            if let last = runs.last, last.scope == value, last.upper == position {
                runs[runs.count - 1].upper = position + 1
            } else {
                runs.append(ScopeRun(lower: position, upper: position + 1, scope: value))
            }
        }
        // Outside a scope only a scope word matters, so the walk jumps between the positions
        // that may start one; inside one, a clause break or a new scope word ends it.
        let scopeWords = lexicon.scopeWords
        let clauseBreaks = clauseBreakSet
        var current: Int?
        var index = 0
        var nextStart = 0  // into scopeStarts
        while index < scalars.count {
            if current == nil {
                while nextStart < scopeStarts.count, Int(scopeStarts[nextStart]) < index { nextStart += 1 }
                guard nextStart < scopeStarts.count else { break }
                index = Int(scopeStarts[nextStart])
            }
            let scalar = scalars[index]
            if clauseBreaks.contains(scalar) { current = nil }
            if let word = scopeWords.longest(in: scalars, at: index) {
                current = index
                for offset in 0..<word.length { assign(index + offset, current) }
                index += word.length
                continue
            }
            assign(index, current)
            index += 1
        }
        return runs
    }

    func skipSpaces(_ start: Int) -> Int {
        var position = start
        while position < scalars.count, scalars[position] == " " { position += 1 }
        return position
    }

    /// Spaces and at most one line break (a count broken by PDF extraction: 2100多\n条).
    func skipBlank(_ start: Int) -> Int {
        var position = skipSpaces(start)
        if position < scalars.count, scalars[position] == "\n" { position = skipSpaces(position + 1) }
        return position
    }

    func startsWith(_ word: String, at start: Int) -> Bool {
        var position = start
        for scalar in word.unicodeScalars {
            guard position < scalars.count, scalars[position] == scalar else { return false }
            position += 1
        }
        return true
    }

    /// Static: `RatioRules.tenths` asks it too, with no scanner at hand.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
