import Foundation
import JianbaoCore
import Normalize

/// Words looked up by longest match at a position of the working text.
struct WordTable<Payload> {
    typealias Word = (word: [Unicode.Scalar], payload: Payload)
    /// The words grouped by first scalar (numbered by `index`), each group longest first.
    private let groups: [[Word]]
    /// Called at most positions of the text: turns away the positions no word starts at with
    /// one bit test, and finds the group of the others without hashing.
    private let index: FirstScalarIndex
    /// The first scalars of the words.
    let starts: ScalarSet
    /// The same words grouped by their last scalar, each group longest first, for
    /// `longestEnding` (asked before every number: 近2000, 超过 500).
    private let endingGroups: [[Word]]
    private let endingIndex: FirstScalarIndex

    init(_ entries: [(String, Payload)]) {
        let words = entries.compactMap { entry -> Word? in
            let scalars = Array(entry.0.unicodeScalars)
            return scalars.isEmpty ? nil : (scalars, entry.1)
        }
        let index = FirstScalarIndex(words.map { $0.word[0] })
        var groups = [[Word]](repeating: [], count: index.count)
        for word in words { groups[index.group(of: word.word[0])!].append(word) }
        for group in groups.indices {
            groups[group].sort { $0.word.count > $1.word.count }
        }
        self.groups = groups
        self.index = index
        self.starts = ScalarSet(words.map { $0.word[0] })
        let endingIndex = FirstScalarIndex(words.map { $0.word[$0.word.count - 1] })
        var endingGroups = [[Word]](repeating: [], count: endingIndex.count)
        for word in words { endingGroups[endingIndex.group(of: word.word[word.word.count - 1])!].append(word) }
        for group in endingGroups.indices {
            endingGroups[group].sort { $0.word.count > $1.word.count }
        }
        self.endingGroups = endingGroups
        self.endingIndex = endingIndex
    }

    /// The longest word starting at `position`, with its length.
    @inline(__always)
    func longest(in scalars: [Unicode.Scalar], at position: Int) -> (length: Int, payload: Payload)? {
        // Most positions asked start no word: that answer is inlined (a bit test), the search
        // for the word is not.
        guard position >= 0, position < scalars.count, index.contains(scalars[position]) else { return nil }
        return longestWord(in: scalars, at: position)
    }

    private func longestWord(in scalars: [Unicode.Scalar], at position: Int) -> (length: Int, payload: Payload)? {
        guard let group = index.group(of: scalars[position]) else { return nil }
        for candidate in groups[group] where matches(candidate.word, scalars, position) {
            return (candidate.word.count, candidate.payload)
        }
        return nil
    }

    /// The longest word ending just before `position`. Two words of one length that both
    /// match are the same word, so the first match in longest-first order is the longest.
    func longestEnding(in scalars: [Unicode.Scalar], before position: Int) -> (length: Int, payload: Payload)? {
        guard position >= 1, position <= scalars.count, let group = endingIndex.group(of: scalars[position - 1]) else {
            return nil
        }
        for candidate in endingGroups[group] where candidate.word.count <= position {
            if matches(candidate.word, scalars, position - candidate.word.count) {
                return (candidate.word.count, candidate.payload)
            }
        }
        return nil
    }

    private func matches(_ word: [Unicode.Scalar], _ scalars: [Unicode.Scalar], _ start: Int) -> Bool {
        guard start >= 0, start + word.count <= scalars.count else { return false }
        for offset in 0..<word.count where scalars[start + offset] != word[offset] { return false }
        return true
    }
}

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
struct CountLexicon: Sendable {
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
    /// The scalars that may start a quote or title, an excluded word, a scope word and a
    /// number, in that order (see `ScalarMarks`, `CountScanner.init`).
    let marks: ScalarMarks.Table

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
        marks = ScalarMarks.Table([HiddenSpans.openers, exclusions.starts, scopeWords.starts, CountScanner.numberStarts])
    }
}

extension WordTable: @unchecked Sendable {}
