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
        case articleBefore = "article-before"
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
    ///
    /// PDF extraction breaks lines inside words (70周\n\n年); a short run of spaces and line
    /// breaks between two scalars of a word is read through.
    func match(_ kind: Kind, in scalars: [Unicode.Scalar], at index: Int) -> (entry: Entry, end: Int)? {
        guard let candidates = entries[kind] else { return nil }
        for entry in candidates {
            var at = index
            var matches = true
            for (offset, scalar) in entry.word.enumerated() {
                if offset > 0 { at = Self.skipBreak(scalars, at) }
                guard at < scalars.count, scalars[at] == scalar else {
                    matches = false
                    break
                }
                at += 1
            }
            if matches { return (entry, at) }
        }
        return nil
    }

    /// The word ending just before `index`, if it is of `kind`.
    func matchBefore(_ kind: Kind, in scalars: [Unicode.Scalar], at index: Int) -> Entry? {
        guard let candidates = entries[kind] else { return nil }
        for entry in candidates where index - entry.word.count >= 0 {
            if Array(scalars[(index - entry.word.count)..<index]) == entry.word { return entry }
        }
        return nil
    }

    /// Past at most four spaces and line breaks when a line break is among them.
    private static func skipBreak(_ scalars: [Unicode.Scalar], _ index: Int) -> Int {
        var at = index
        var sawBreak = false
        while at < scalars.count, at - index < 4, scalars[at] == "\n" || scalars[at] == " " {
            if scalars[at] == "\n" { sawBreak = true }
            at += 1
        }
        return sawBreak ? at : index
    }
}
