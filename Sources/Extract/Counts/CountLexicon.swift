import Foundation
import JianbaoCore
import Normalize

/// Words looked up by longest match at a position of the working text.
struct WordTable<Payload> {
    private var byFirst: [Unicode.Scalar: [(word: [Unicode.Scalar], payload: Payload)]] = [:]
    /// The keys of `byFirst` as a bitset: called at every position of the text, `longest`
    /// turns away the positions no word starts at with one bit test instead of a hash lookup.
    private(set) var starts = ScalarSet()

    init(_ entries: [(String, Payload)]) {
        for (word, payload) in entries {
            let scalars = Array(word.unicodeScalars)
            guard let first = scalars.first else { continue }
            byFirst[first, default: []].append((scalars, payload))
            starts.insert(first)
        }
        for key in byFirst.keys {
            byFirst[key]!.sort { $0.word.count > $1.word.count }
        }
    }

    /// The longest word starting at `index`, with its length.
    func longest(in scalars: [Unicode.Scalar], at index: Int) -> (length: Int, payload: Payload)? {
        guard index >= 0, index < scalars.count, starts.contains(scalars[index]), let candidates = byFirst[scalars[index]] else {
            return nil
        }
        for candidate in candidates where matches(candidate.word, scalars, index) {
            return (candidate.word.count, candidate.payload)
        }
        return nil
    }

    /// The longest word ending just before `index`.
    func longestEnding(in scalars: [Unicode.Scalar], before index: Int) -> (length: Int, payload: Payload)? {
        var best: (length: Int, payload: Payload)?
        for candidates in byFirst.values {
            for candidate in candidates where candidate.word.count <= index {
                let start = index - candidate.word.count
                if matches(candidate.word, scalars, start), candidate.word.count > (best?.length ?? 0) {
                    best = (candidate.word.count, candidate.payload)
                }
            }
        }
        return best
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
    }
}

extension WordTable: @unchecked Sendable {}
