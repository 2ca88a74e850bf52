import Foundation
import JianbaoCore

/// The date words of `Lexicons/date-words.tsv`, grouped by kind, each group longest word first
/// so a scanner that takes the first match takes the longest (每个月 before 每月).
///
///     DateWords.shared.match(.monthPart, in: scalars, at: 3)   // 10月下旬 → (下旬, END)
struct DateWords: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case relativeYear = "relative-year"
        case followingYear = "following-year"
        case yearPart = "year-part"
        case quarter
        case yearSuffix = "year-suffix"
        case monthPart = "month-part"
        case deadline
        case asOf = "as-of"
        case since
        case sinceOpen = "since-open"
        case sinceClose = "since-close"
        case afterOpen = "after-open"
        case afterClose = "after-close"
        case range
        case set
        case weekday
        case durationUnit = "duration-unit"
        case durationWord = "duration-word"
        case yearTopic = "year-topic"
        case notDuration = "not-duration"
    }

    struct Entry: Sendable {
        let word: [Unicode.Scalar]
        /// The third column: an offset (今年 0), a code (H1, END, P1M) or `-`.
        let value: String
    }

    static let shared = DateWords(LexiconFile.load("date-words", from: .module))

    private let entries: [Kind: [Entry]]

    init(_ file: LexiconFile) {
        var entries: [Kind: [Entry]] = [:]
        for row in file.rows where row.count >= 3 {
            guard let kind = Kind(rawValue: row[1]) else {
                preconditionFailure("\(file.name).tsv: unknown kind \(row[1]) for \(row[0])")
            }
            entries[kind, default: []].append(Entry(word: Array(row[0].unicodeScalars), value: row[2]))
        }
        self.entries = entries.mapValues { $0.sorted { $0.word.count > $1.word.count } }
    }

    /// The longest word of `kind` that starts at `index`, with the index just past it.
    func match(_ kind: Kind, in scalars: [Unicode.Scalar], at index: Int) -> (entry: Entry, end: Int)? {
        guard let candidates = entries[kind] else { return nil }
        for entry in candidates where index + entry.word.count <= scalars.count {
            var matches = true
            for (offset, scalar) in entry.word.enumerated() where scalars[index + offset] != scalar {
                matches = false
                break
            }
            if matches { return (entry, index + entry.word.count) }
        }
        return nil
    }
}
