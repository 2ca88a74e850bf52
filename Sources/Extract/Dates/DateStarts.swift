import Normalize

/// Which scalars each find rule of `DateScanner` and `DurationScanner` can start at, so the
/// scan skips, with one bit test, the positions where a rule would only return nil. Most
/// scalars of a bulletin start nothing; of those that might, most start only some rules.
///
/// Each set follows from the first step of its rules (kept in step with them; the spec tests
/// cover every rule) and from the date words' first scalars, so a word added to the lexicon
/// widens the sets by itself:
///
/// - numeral rules (2023.10.23, 2021—2035, 1—7月份, 2022财政决算, 25日): `DateText.numeral`
///   at the position, so an ASCII digit or a Han numeral;
/// - a phrase (`DateScanner.phrase`): a relative year (今年), a part of a year (上半年),
///   第 or a digit (第一季度), or a numeral (2023年, 3月);
/// - a framed phrase (截至…, 自…起, 从…开始): a frame word, or a phrase;
/// - 每 (recurring);
/// - a duration: a duration word (月余, 半年) or a numeral (9天).
///
/// A numeral passes a second test, on what follows it (`numeralLeadsOn`): most numerals of a
/// bulletin count things and are turned away there, before any rule runs.
///
/// Scanners keep a copy (`shared`) rather than reading `static let`s in their loops: on Linux
/// each read of a static calls `swift_once`.
struct DateStarts: Sendable {
    static let shared = DateStarts(words: .shared)

    /// `DateText.isHanNumeral` as a bitset.
    let hanNumeral = ScalarSet(bmpWhere: DateText.isHanNumeral)
    let numeral: ScalarSet
    let framed: ScalarSet
    let duration: ScalarSet
    /// Where a date or a duration may start.
    let any: ScalarSet
    /// `any` for the find loop's gathering of candidates (`StartCandidates.widened`).
    let anyCandidates: [UInt64]
    /// The scalars that start a rule through a word rather than a numeral.
    let words: ScalarSet
    /// The kinds of word those rules start with, but for 第 and 每 (bits `1 << ordinal`):
    /// at a scalar that is neither a numeral nor 第 or 每, some word of these kinds must
    /// start, or no rule finds anything there (see `wordLeadsOn`).
    let startKinds: UInt32
    /// The second scalars of the words of `startKinds`, and the one-scalar words among them
    /// (自, 从): a word scalar (年, 上, 月) before anything else starts no word of those kinds.
    private let secondOfStartWords: ScalarSet
    private let wholeStartWords: ScalarSet
    private let lexicon: DateWords
    /// What may stand after a numeral that starts a date or a duration (see `numeralLeadsOn`).
    let afterNumeral: ScalarSet
    /// Of `afterNumeral`, . and / when only the numeric date (2023.10.23, 2023/10/23) reads
    /// them: right after a four-digit Arabic year. Most are list markers (1. 2.).
    private let numericDateSeparators: ScalarSet
    /// Of `afterNumeral`, 余 多 个 when only a duration reads them (10余天, 3个多月, 7个月):
    /// then a unit of time must follow. Most count things (15个方面, 30余人).
    private let durationCounters: ScalarSet
    /// The first scalars of 季度 and the other quarter words.
    let quarterWords: ScalarSet
    /// What `numeralLeadsOn` reads right after a numeral's first scalar before it can say no:
    /// more of the numeral, a space or a line break, `afterNumeral`, a quarter word. After
    /// anything else (the 是 of 一是), the answer is no, and the find loop gives it at once.
    let mayFollowNumeral: ScalarSet
    /// No numeral scalar starts a word: then inside a run of numerals (the 023 of 2023, the
    /// 十 of 二十) nothing starts (`continuesNumeral`), and the find loop can skip the run.
    let numeralsStartNoWord: Bool

    init(words lexicon: DateWords) {
        var numeral = hanNumeral
        numeral.formUnion(ScalarSet("0123456789".unicodeScalars))
        self.numeral = numeral
        var framed = numeral
        framed.insert("第")
        framed.formUnion(lexicon.firstScalars(.relativeYear, .yearPart, .asOf, .sinceOpen, .afterOpen))
        var duration = numeral
        duration.formUnion(lexicon.firstScalars(.durationWord))
        var any = framed
        any.insert("每")
        any.formUnion(duration)
        let startKinds: [DateWords.Kind] = [.relativeYear, .yearPart, .asOf, .sinceOpen, .afterOpen, .durationWord]
        self.startKinds = startKinds.reduce(0) { $0 | 1 << UInt32($1.ordinal) }
        (self.secondOfStartWords, self.wholeStartWords) = lexicon.secondScalars(startKinds)
        self.lexicon = lexicon
        var words = lexicon.firstScalars(.relativeYear, .yearPart, .asOf, .sinceOpen, .afterOpen, .durationWord)
        words.insert("第")
        words.insert("每")
        var afterNumeral = ScalarSet(".-/年月日号余多个".unicodeScalars)
        let wordsAfterNumeral = lexicon.firstScalars(.range, .yearTopic, .durationUnit)
        afterNumeral.formUnion(wordsAfterNumeral)
        self.afterNumeral = afterNumeral
        self.numericDateSeparators = ScalarSet("./".unicodeScalars.filter { !wordsAfterNumeral.contains($0) })
        let dateWordsAfterNumeral = lexicon.firstScalars(.range, .yearTopic)
        self.durationCounters = ScalarSet("余多个".unicodeScalars.filter { !dateWordsAfterNumeral.contains($0) })
        self.quarterWords = lexicon.firstScalars(.quarter)
        var mayFollowNumeral = numeral
        mayFollowNumeral.formUnion(afterNumeral)
        mayFollowNumeral.formUnion(quarterWords)
        mayFollowNumeral.formUnion(ScalarSet(" \u{3000}\n".unicodeScalars))
        self.mayFollowNumeral = mayFollowNumeral
        self.framed = framed
        self.duration = duration
        self.any = any
        self.anyCandidates = StartCandidates.widened(CandidateBits(any))
        self.words = words
        self.numeralsStartNoWord = !(0..<UInt32(0x10000)).contains { value in
            Unicode.Scalar(value).map { numeral.contains($0) && words.contains($0) } ?? false
        }
    }

    /// Whether a numeral at `index` (whose scalar starts no word) may start a date or a
    /// duration: most numerals of a bulletin count things (15个, 三项) and start neither.
    /// `end` is where the numeral's scalars end (see `DateText.numeralEnd`), or `index + 1`
    /// when the answer came before they were read.
    ///
    /// Every rule that starts with a numeral next reads, right after it or past spaces or a
    /// short line break, one of `afterNumeral`: a separator (2023.10.23), 年 月 日 号, a range
    /// word (2021—2035, 5—6月), a year topic (2022财政决算), or 余 多 个 and the units of a
    /// duration (10余天, 3个多月, 9天). The one rule that does not read the numeral, the
    /// quarter (一季度, 3季度), reads a digit and then a quarter word.
    func numeralLeadsOn(_ text: DateText, at index: Int) -> (leadsOn: Bool, end: Int) {
        if let next = text[index + 1], quarterWords.contains(next) { return (true, index + 1) }
        // What follows is asked first, past the numeral's scalars (where its range would end),
        // so that the numerals of counts are turned away before their value is read.
        let end = text.numeralEnd(at: index)
        func follows(_ at: Int) -> Bool {
            guard let scalar = text[at], afterNumeral.contains(scalar) else { return false }
            if numericDateSeparators.contains(scalar) {
                return at == end && end - index == 4 && DateText.isASCIIDigit(text[index])
            }
            if durationCounters.contains(scalar) {
                return durationUnitStarts(text, at: at) || ((scalar == "余" || scalar == "多") && durationUnitStarts(text, at: at + 1))
            }
            return true
        }
        guard let next = text[end] else { return (false, end) }
        // Past no space, `skipSpaces` and `skipGap` stay at `end`.
        let isSpace = next == " " || next == "\u{3000}" || next == "\n"
        guard isSpace ? follows(text.skipSpaces(end)) || follows(text.skipGap(end)) : follows(end) else { return (false, end) }
        // A numeral that a decimal point follows still starts 2023.10.23 (`pointMayFollow`);
        // without it, no numeral rule applies.
        return (text.numeral(at: index, pointMayFollow: true) != nil, end)
    }

    /// Whether a unit of time, as `DurationScanner.unit` reads it past 余 or 多, starts at
    /// `index`: a duration unit (天, 个月), or 个多 (3个多月).
    private func durationUnitStarts(_ text: DateText, at index: Int) -> Bool {
        (text[index] == "个" && text[index + 1] == "多") || lexicon.matchEnd(.durationUnit, in: text.scalars, at: index) != nil
    }

    /// Whether a scalar that is no numeral, at `index`, may start a date or a duration.
    ///
    /// Of the rules that start at such a scalar, 每 starts the recurring ones and 第 a quarter;
    /// every other one first matches a word there: a frame (截至, 自, 从), a relative year
    /// (今年), a part of a year (上半年, 年底) or a duration word (月余, 半年). Most such scalars
    /// of a bulletin (上, 下, 年, 自 of 自治区) start none, and no rule is asked.
    func wordLeadsOn(_ text: DateText, at index: Int) -> Bool {
        guard let scalar = text[index] else { return false }
        if scalar == "第" || scalar == "每" { return true }
        if !wholeStartWords.contains(scalar) {
            guard let next = text[index + 1], secondOfStartWords.contains(next) else { return false }
        }
        return lexicon.startsWord(ofKinds: startKinds, in: text.scalars, at: index)
    }

    /// Whether `scalar` goes on the numeral `previous` belongs to (the 0 of 2023, the 十 of 二十).
    /// No numeral starts there (`DateText.numeral` refuses to start inside a number, and so
    /// does `DateScanner.quarter`), so unless the scalar also starts a word, no rule does.
    @inline(__always)
    func continuesNumeral(_ previous: Unicode.Scalar, _ scalar: Unicode.Scalar) -> Bool {
        guard !words.contains(scalar) else { return false }
        if DateText.isASCIIDigit(scalar) { return DateText.isASCIIDigit(previous) }
        return hanNumeral.contains(scalar) && hanNumeral.contains(previous)
    }
}
