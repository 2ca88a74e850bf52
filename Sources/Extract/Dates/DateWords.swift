import Foundation
import JianbaoCore
import Normalize

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

        /// The declaration index, for array-indexed tables (no hashing on the hot path).
        var ordinal: Int {
            switch self {
            case .relativeYear: return 0
            case .followingYear: return 1
            case .yearPart: return 2
            case .quarter: return 3
            case .yearSuffix: return 4
            case .monthPart: return 5
            case .deadline: return 6
            case .asOf: return 7
            case .since: return 8
            case .sinceOpen: return 9
            case .sinceClose: return 10
            case .afterOpen: return 11
            case .afterClose: return 12
            case .range: return 13
            case .set: return 14
            case .weekday: return 15
            case .durationUnit: return 16
            case .durationWord: return 17
            case .yearTopic: return 18
            case .notDuration: return 19
            case .articleBefore: return 20
            }
        }
    }

    struct Entry: Sendable {
        let word: [Unicode.Scalar]
        /// The third column: an offset (今年 0), a code (H1, END, P1M) or `-`.
        let value: String
    }

    static let shared = DateWords(LexiconFile.load("date-words", from: .module))

    /// The words grouped by kind and first scalar: `groups[group * kindCount + kind.ordinal]`,
    /// with `group` the first scalar's number in `firstScalars`, each group in the kind's
    /// longest-first order. A word can only match where the text holds its first scalar (the
    /// first scalar is never read through a break), so looking only at that group returns the
    /// same entry a scan over the whole kind would — without the scan, and without hashing:
    /// most positions hold no first scalar at all and are turned away by one bit test.
    private let groups: [[Entry]]
    /// The same words, flat, for matching: bucket `b` (an index of `groups`) has its words'
    /// scalars at `spans[bucketStarts[b]..<bucketStarts[b + 1]]` of `letters`, in the order of
    /// `groups[b]`. Comparing through nested arrays of entries cost a bounds check and a load
    /// of the entry for every scalar compared.
    private let letters: [Unicode.Scalar]
    private let spans: [(start: Int32, length: Int32)]
    private let bucketStarts: [Int32]
    private let firstScalars: FirstScalarIndex
    /// Per first scalar's group, a bit per kind (`1 << ordinal`) that has words there: most
    /// first scalars start words of one or two kinds, and the scanners ask for every kind.
    private let kindsByGroup: [UInt32]
    private let kindCount = Kind.allCases.count
    /// Each kind's words, longest first.
    private let sorted: [[Entry]]

    /// The scalars a word of any of `kinds` starts with (for the scanners' prefilters).
    func firstScalars(_ kinds: Kind...) -> ScalarSet {
        var set = ScalarSet()
        for kind in kinds {
            for entry in sorted[kind.ordinal] { if let first = entry.word.first { set.insert(first) } }
        }
        return set
    }

    /// The scalars a word of any of `kinds` has second (a scanner's second bit test), plus
    /// what `match` reads through between two scalars of a word (a space, a line break).
    /// `wholeWords` are the one-scalar words' scalars, which have no second scalar to ask.
    func secondScalars(_ kinds: [Kind]) -> (second: ScalarSet, wholeWords: ScalarSet) {
        var second = ScalarSet(" \n".unicodeScalars)
        var wholeWords = ScalarSet()
        for kind in kinds {
            for entry in sorted[kind.ordinal] {
                if entry.word.count > 1 { second.insert(entry.word[1]) } else if let first = entry.word.first { wholeWords.insert(first) }
            }
        }
        return (second, wholeWords)
    }

    init(_ file: LexiconFile) {
        var entries: [Kind: [Entry]] = [:]
        for row in file.rows where row.count >= 3 {
            guard let kind = Kind(rawValue: row[1]) else {
                preconditionFailure("\(file.name).tsv: unknown kind \(row[1]) for \(row[0])")
            }
            entries[kind, default: []].append(Entry(word: Array(row[0].unicodeScalars), value: row[2]))
        }
        let sortedEntries = entries.mapValues { $0.sorted { $0.word.count > $1.word.count } }
        var sorted: [[Entry]] = []
        for kind in Kind.allCases {
            precondition(kind.ordinal == sorted.count, "Kind.ordinal follows the declaration order")
            sorted.append(sortedEntries[kind] ?? [])
        }
        let firstScalars = FirstScalarIndex(sorted.joined().compactMap { $0.word.first })
        let kindCount = Kind.allCases.count
        precondition(kindCount <= 32, "a kind is a bit of a UInt32")
        var groups = [[Entry]](repeating: [], count: firstScalars.count * kindCount)
        var kindsByGroup = [UInt32](repeating: 0, count: firstScalars.count)
        for kind in Kind.allCases {
            for entry in sorted[kind.ordinal] {
                guard let first = entry.word.first, let group = firstScalars.group(of: first) else { continue }
                groups[group * kindCount + kind.ordinal].append(entry)
                kindsByGroup[group] |= 1 << UInt32(kind.ordinal)
            }
        }
        var letters: [Unicode.Scalar] = []
        var spans: [(start: Int32, length: Int32)] = []
        var bucketStarts: [Int32] = []
        for bucket in groups {
            bucketStarts.append(Int32(spans.count))
            for entry in bucket {
                spans.append((Int32(letters.count), Int32(entry.word.count)))
                letters += entry.word
            }
        }
        bucketStarts.append(Int32(spans.count))
        self.letters = letters
        self.spans = spans
        self.bucketStarts = bucketStarts
        self.groups = groups
        self.kindsByGroup = kindsByGroup
        self.firstScalars = firstScalars
        self.sorted = sorted
    }

    /// The longest word of `kind` that starts at `index`, with the index just past it.
    ///
    /// PDF extraction breaks lines inside words (70周\n\n年); a short run of spaces and line
    /// breaks between two scalars of a word is read through.
    @inline(__always)
    func match(_ kind: Kind, in scalars: [Unicode.Scalar], at index: Int) -> (entry: Entry, end: Int)? {
        // The scanners ask at many positions where no word of the kind starts: that answer is
        // inlined (a bit test for the scalar, one for the kind), the search for a word is not.
        guard index >= 0, index < scalars.count, let group = firstScalars.group(of: scalars[index]),
            kindsByGroup.withUnsafeBufferPointer({ $0[group] }) & (1 << UInt32(kind.ordinal)) != 0
        else { return nil }
        guard let found = findWord(group * kindCount + kind.ordinal, in: scalars, at: index) else { return nil }
        return (groups[group * kindCount + kind.ordinal][found.candidate], found.end)
    }

    /// `match(kind, in: scalars, at: index)?.end`, for the many callers that need no entry:
    /// the entry, two references, is then neither retained nor released.
    @inline(__always)
    func matchEnd(_ kind: Kind, in scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index >= 0, index < scalars.count, let group = firstScalars.group(of: scalars[index]),
            kindsByGroup.withUnsafeBufferPointer({ $0[group] }) & (1 << UInt32(kind.ordinal)) != 0
        else { return nil }
        return findWord(group * kindCount + kind.ordinal, in: scalars, at: index)?.end
    }

    /// Whether a word of any kind in `kinds` (bits `1 << ordinal`) starts at `index`.
    func startsWord(ofKinds kinds: UInt32, in scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index < scalars.count, let group = firstScalars.group(of: scalars[index]) else { return false }
        var left = kindsByGroup[group] & kinds
        while left != 0 {
            if findWord(group * kindCount + left.trailingZeroBitCount, in: scalars, at: index) != nil { return true }
            left &= left - 1
        }
        return false
    }

    /// The longest word of `groups[candidates]` (one kind's words of one first scalar) at
    /// `index`: its place in that group, and the index just past it.
    private func findWord(_ candidates: Int, in scalars: [Unicode.Scalar], at index: Int) -> (candidate: Int, end: Int)? {
        let first = Int(bucketStarts[candidates])
        return scalars.withUnsafeBufferPointer { text in
            letters.withUnsafeBufferPointer { letters in
                spans.withUnsafeBufferPointer { spans in
                    for candidate in first..<Int(bucketStarts[candidates + 1]) {
                        let span = spans[candidate]
                        var at = index + 1
                        var matches = true
                        for offset in 1..<max(1, Int(span.length)) {
                            at = Self.skipBreak(text, at)
                            guard at < text.count, text[at] == letters[Int(span.start) + offset] else {
                                matches = false
                                break
                            }
                            at += 1
                        }
                        if matches { return (candidate - first, at) }
                    }
                    return nil
                }
            }
        }
    }

    /// The word ending just before `index`, if it is of `kind`.
    func matchBefore(_ kind: Kind, in scalars: [Unicode.Scalar], at index: Int) -> Entry? {
        candidates: for entry in sorted[kind.ordinal] where index - entry.word.count >= 0 {
            let start = index - entry.word.count
            for (offset, scalar) in entry.word.enumerated() where scalars[start + offset] != scalar { continue candidates }
            return entry
        }
        return nil
    }

    /// Past at most four spaces and line breaks when a line break is among them.
    private static func skipBreak(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ index: Int) -> Int {
        var at = index
        var sawBreak = false
        while at < scalars.count, at - index < 4, scalars[at] == "\n" || scalars[at] == " " {
            if scalars[at] == "\n" { sawBreak = true }
            at += 1
        }
        return sawBreak ? at : index
    }
}
