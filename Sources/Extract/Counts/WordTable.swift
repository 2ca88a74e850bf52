import Normalize

/// Words looked up by longest match at a position of the working text (the count lexicons).
///
/// Flat: every word's scalars stand one after another in one array, and the words of a first
/// scalar are a run of `Entry`s, longest first. A table of `(word: [Unicode.Scalar], payload)`
/// tuples retained and released a word array and a payload for every word compared, at most
/// positions of every text. A class, so the scanner's calls pass one reference, not the arrays.
final class WordTable<Payload>: @unchecked Sendable {
    /// Words grouped by one of their end scalars (the first for `longest`, the last for
    /// `longestEnding`), each group longest first.
    private struct Directory {
        struct Entry {
            /// Where the word's scalars stand in `scalars`.
            var start: Int32
            var length: Int32
            /// Into `WordTable.payloads`.
            var payload: Int32
            /// The word's second scalar (0 for a word of one): most words compared fail on it,
            /// which the entry then answers without reading `scalars`.
            var second: UInt32
        }

        /// The entries of a group, `start..<end`; its one-scalar words begin at `singles` (they
        /// come last, longest first). One value, so a lookup reads one place for all three.
        struct Group {
            var start: Int32
            var singles: Int32
            var end: Int32
        }

        let scalars: [Unicode.Scalar]
        let entries: [Entry]
        let groups: [Group]
        let index: FirstScalarIndex

        /// `key` picks the scalar that groups a word (its first or its last).
        init(_ words: [[Unicode.Scalar]], key: ([Unicode.Scalar]) -> Unicode.Scalar) {
            let index = FirstScalarIndex(words.map(key))
            var groups = [[Int]](repeating: [], count: index.count)
            for (number, word) in words.enumerated() { groups[index.group(of: key(word))!].append(number) }
            var scalars: [Unicode.Scalar] = []
            var entries: [Entry] = []
            var groupRuns: [Group] = []
            for var group in groups {
                // Stable, longest first: of two words of one length, the earlier one wins, as before.
                group = group.enumerated().sorted { lhs, rhs in
                    words[lhs.element].count != words[rhs.element].count
                        ? words[lhs.element].count > words[rhs.element].count : lhs.offset < rhs.offset
                }.map(\.element)
                let groupStart = Int32(entries.count)
                for number in group {
                    let word = words[number]
                    entries.append(
                        Entry(
                            start: Int32(scalars.count), length: Int32(word.count), payload: Int32(number),
                            second: word.count >= 2 ? word[1].value : 0))
                    scalars += word
                }
                let singles = group.firstIndex { words[$0].count < 2 } ?? group.count
                groupRuns.append(Group(start: groupStart, singles: groupStart + Int32(singles), end: Int32(entries.count)))
            }
            self.scalars = scalars
            self.entries = entries
            self.groups = groupRuns
            self.index = index
        }

        /// Whether the word of `entry` stands in `text` from `start`.
        @inline(__always)
        func matches(_ entry: Entry, _ text: UnsafeBufferPointer<Unicode.Scalar>, _ start: Int) -> Bool {
            let length = Int(entry.length)
            guard start >= 0, start + length <= text.count else { return false }
            if length >= 2, text[start + 1].value != entry.second { return false }
            return scalars.withUnsafeBufferPointer { own in
                let first = Int(entry.start)
                for offset in 0..<length where text[start + offset] != own[first + offset] { return false }
                return true
            }
        }
    }

    private let payloads: [Payload]
    /// The words as written in the lexicon, for callers that emit the word itself (a count's
    /// unit): no String is built per match.
    private let texts: [String]
    private let forward: Directory
    /// The same words by their last scalar, for `longestEnding` (asked before every number:
    /// 近2000, 超过 500).
    private let backward: Directory
    /// The first two scalars of every word of two or more, hashed to a bit (see `pairHash`):
    /// most positions that hold a first scalar (一, 进, 上) start no word, and the group's
    /// words need not be compared there.
    ///
    /// 4096 bits (half a kilobyte) for a table of a hundred words at most: a pair is a bit
    /// anywhere in the table, and the 64 K bits this was made of spread the lookups of every
    /// table over as many cache lines as there are pairs in a text (the load missed the cache
    /// more often than not). A few more false hits cost a short compare.
    private let pairs: [UInt64]
    private static var pairBits: Int { 1 << 12 }
    /// Whether a word of one scalar is in the table (one that the pair test cannot turn away).
    private let hasSingles: Bool
    /// The first scalars of the words.
    let starts: ScalarSet

    init(_ entries: [(String, Payload)]) {
        var words: [[Unicode.Scalar]] = []
        var payloads: [Payload] = []
        var texts: [String] = []
        for entry in entries {
            let scalars = Array(entry.0.unicodeScalars)
            guard !scalars.isEmpty else { continue }
            words.append(scalars)
            payloads.append(entry.1)
            texts.append(entry.0)
        }
        self.payloads = payloads
        self.texts = texts
        forward = Directory(words) { $0[0] }
        backward = Directory(words) { $0[$0.count - 1] }
        var pairs = [UInt64](repeating: 0, count: Self.pairBits / 64)
        for word in words where word.count >= 2 {
            let hash = Self.pairHash(word[0], word[1])
            pairs[hash >> 6] |= 1 << UInt64(hash & 63)
        }
        self.pairs = pairs
        hasSingles = words.contains { $0.count < 2 }
        starts = ScalarSet(words.map { $0[0] })
    }

    @inline(__always)
    private static func pairHash(_ first: Unicode.Scalar, _ second: Unicode.Scalar) -> Int {
        Int(truncatingIfNeeded: ((first.value &* 0x9E37_79B1) ^ second.value) & UInt32(pairBits - 1))
    }

    /// The longest word starting at `position`, with its length.
    @inline(__always)
    func longest(in scalars: [Unicode.Scalar], at position: Int) -> (length: Int, payload: Payload)? {
        guard let word = longestNumber(in: scalars, at: position) else { return nil }
        return (word.length, payloads[word.number])
    }

    /// `longest`, with the word's number, for `text(ofWord:)`.
    @inline(__always)
    func longestWithNumber(in scalars: [Unicode.Scalar], at position: Int) -> (length: Int, payload: Payload, number: Int)? {
        guard let word = longestNumber(in: scalars, at: position) else { return nil }
        return (word.length, payloads[word.number], word.number)
    }

    /// The word `longestWithNumber` numbered, as the lexicon writes it.
    func text(ofWord number: Int) -> String {
        texts[number]
    }

    /// The length and number (into `payloads`, `texts`) of the longest word at `position`.
    @inline(__always)
    private func longestNumber(in scalars: [Unicode.Scalar], at position: Int) -> (length: Int, number: Int)? {
        // Most positions asked start no word: that answer is inlined (a bit test), the search
        // for the word is not.
        guard position >= 0, position < scalars.count, forward.index.contains(scalars[position]) else { return nil }
        // In a table of longer words only (the excluded words), the first two scalars decide
        // most positions (一 of 一个, 进 of 推进) inline too.
        if !hasSingles {
            guard position + 1 < scalars.count else { return nil }
            let hash = Self.pairHash(scalars[position], scalars[position + 1])
            guard pairs.withUnsafeBufferPointer({ $0[hash >> 6] }) & (1 << UInt64(hash & 63)) != 0 else { return nil }
        }
        return scalars.withUnsafeBufferPointer { longestWord(in: $0, at: position) }
    }

    private func longestWord(in text: UnsafeBufferPointer<Unicode.Scalar>, at position: Int) -> (length: Int, number: Int)? {
        guard let group = forward.index.group(of: text[position]) else { return nil }
        let run = forward.groups.withUnsafeBufferPointer { $0[group] }
        var first = Int(run.start)
        let end = Int(run.end)
        // Without the first two scalars of a longer word here, only a one-scalar word can match.
        let hash = position + 1 < text.count ? Self.pairHash(text[position], text[position + 1]) : -1
        if hash < 0 || pairs.withUnsafeBufferPointer({ $0[hash >> 6] }) & (1 << UInt64(hash & 63)) == 0 {
            first = Int(run.singles)
        }
        return forward.entries.withUnsafeBufferPointer { entries in
            for entry in entries[first..<end] where forward.matches(entry, text, position) {
                return (Int(entry.length), Int(entry.payload))
            }
            return nil
        }
    }

    /// The longest word ending just before `position`. Two words of one length that both
    /// match are the same word, so the first match in longest-first order is the longest.
    func longestEnding(in scalars: [Unicode.Scalar], before position: Int) -> (length: Int, payload: Payload)? {
        guard position >= 1, position <= scalars.count, let group = backward.index.group(of: scalars[position - 1]) else {
            return nil
        }
        return scalars.withUnsafeBufferPointer { text in
            backward.entries.withUnsafeBufferPointer { entries in
                let run = backward.groups[group]
                for entry in entries[Int(run.start)..<Int(run.end)]
                where backward.matches(entry, text, position - Int(entry.length)) {
                    return (Int(entry.length), payloads[Int(entry.payload)])
                }
                return nil
            }
        }
    }
}
