import Foundation
import JianbaoCore
import Normalize

/// What a measure word is (measure-words.tsv).
enum MeasureKind: String {
    /// 个 项 名 — the counted noun may follow: 42个调研组.
    case classifier
    /// 人 元 岁 票 — a unit of its own: 20.49亿元.
    case quantity
    /// 部门 市 级 — a noun counted without a measure word; it is the unit: 9部门.
    case noun
}

/// Where an approximation word stands (approximation-words.tsv).
enum ApproximationPosition: String {
    case before, inner, after, scope
}

/// The count lexicons under `Lexicons/`, loaded once.
///
/// A class: the scanner's rules are non-mutating calls from its mutating loop, and a struct
/// of nine tables was copied whole (a kilobyte) into each of those calls, at every number.
final class CountLexicon: Sendable {
    let measureWords: WordTable<MeasureKind>
    let scaleWords: WordTable<Double>
    let approximationsBefore: WordTable<Approximation>
    let approximationsInner: WordTable<Approximation>
    let approximationsAfter: WordTable<Approximation>
    let scopeWords: WordTable<Approximation>
    let timeWords: WordTable<String>
    /// Word → the words that, right before it, make it a count after all.
    let exclusions: WordTable<[[Unicode.Scalar]]>
    /// Word → whether it stops a counted noun only after its first character.
    let objectStops: WordTable<Bool>
    /// Words starting with 成 that keep a numeral right before them from being tenths
    /// (三成员单位, 一成立就…): see `RatioRules.tenths`.
    let tenthsExclusions: WordTable<Void>
    /// The scalars that may start a quote or title, an excluded word, a scope word and a
    /// number, in that order (see `ScalarMarks`, `CountScanner.init`).
    let marks: ScalarMarks.Table
    /// What a number can be followed by when it starts a ratio or a count, or when it is
    /// stepped over to somewhere other than its own end (see `CountScanner.run`).
    let numberFollowers: ScalarSet

    static let shared = CountLexicon()

    private init() {
        let measures = LexiconFile.load("measure-words", from: .module).rows.compactMap { row -> (String, MeasureKind)? in
            guard row.count >= 2, let kind = MeasureKind(rawValue: row[1]) else { return nil }
            return (row[0], kind)
        }
        measureWords = WordTable(measures)
        scaleWords = WordTable(
            LexiconFile.load("scale-words", from: .module).rows.compactMap { row in
                guard row.count >= 2, let factor = Double(row[1]) else { return nil }
                return (row[0], factor)
            })
        var positioned: [ApproximationPosition: [(String, Approximation)]] = [:]
        for row in LexiconFile.load("approximation-words", from: .module).rows where row.count >= 3 {
            guard let position = ApproximationPosition(rawValue: row[1]), let approx = Approximation(rawValue: row[2])
            else { continue }
            positioned[position, default: []].append((row[0], approx))
        }
        approximationsBefore = WordTable(positioned[.before] ?? [])
        approximationsInner = WordTable(positioned[.inner] ?? [])
        approximationsAfter = WordTable(positioned[.after] ?? [])
        scopeWords = WordTable(positioned[.scope] ?? [])
        timeWords = WordTable(LexiconFile.load("count-time-words", from: .module).words.map { ($0, $0) })
        exclusions = WordTable(
            LexiconFile.load("count-exclusions", from: .module).rows.map { row in
                let unless =
                    row.count >= 3 && row[2] != "-"
                    ? row[2].split(separator: " ").map { Array($0.unicodeScalars) } : []
                return (row[0], unless)
            })
        objectStops = WordTable(
            LexiconFile.load("count-object-stops", from: .module).rows.map { row in
                (row[0], row.count >= 2 && row[1] == "inner")
            })
        tenthsExclusions = WordTable(LexiconFile.load("tenths-exclusions", from: .module).words.map { ($0, ()) })
        marks = ScalarMarks.Table([HiddenSpans.openers, exclusions.starts, scopeWords.starts, CountScanner.numberStarts])
        // Every scalar the ratio rules and `CountScanner.findCount` read right after a number
        // before they can answer otherwise than "nothing; go on past the number": a ratio
        // marker, a blank (approximation, unit or line break past it), an inner approximation,
        // a scale, a range connector, a time word, a measure word, or 大 and 小 before one.
        var followers = ScalarSet("\n大小".unicodeScalars)
        for starts in [RatioRules.markers, approximationsInner.starts, scaleWords.starts, timeWords.starts, measureWords.starts, CountScanner.rangeConnectors] {
            followers.formUnion(starts)
        }
        numberFollowers = followers
    }
}
