import Normalize

/// The working positions whose numerals are never counts or ratios: quoted names and slogans,
/// book titles, and the words of count-exclusions.tsv (SPEC, "Counts": "Not counts").
///
///     推进“三个一批”建设   → “三个一批” hidden
///     他说：“今年全村种植酥梨10万亩以上！” → not hidden: a quote with sentence punctuation is speech
///     学习《十四五规划纲要》 → 《十四五规划纲要》 hidden
enum HiddenSpans {
    /// A quote longer than this is speech, whose numbers count; shorter ones are names.
    static let maximumNameLength = 25
    /// A 《title》 that has not closed after this many scalars was never opened.
    static let maximumTitleLength = 100

    /// Opening and closing marks. Pairs, not dictionaries: asked at every opener of a text,
    /// a short scan is cheaper than hashing.
    static let quoteClosers: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("\"", "\"")]
    static let titleClosers: [(open: Unicode.Scalar, close: Unicode.Scalar)] = [("《", "》"), ("〈", "〉")]
    /// Punctuation that makes a quote speech rather than a name (“赞成58票，反对0票，通过！”).
    /// The keys of `quoteClosers` and `titleClosers`.
    static let openers = ScalarSet((quoteClosers + titleClosers).map(\.open))

    static func closer(of opener: Unicode.Scalar, in pairs: [(open: Unicode.Scalar, close: Unicode.Scalar)]) -> Unicode.Scalar? {
        for pair in pairs where pair.open == opener { return pair.close }
        return nil
    }
    static let speechPunctuation = ScalarSet("，。！？；,!?;".unicodeScalars)

    /// `openers` and `excludedStarts`: the positions, in order, of the scalars in `openers`
    /// and of those that start an excluded word (see `ScalarMarks`).
    static func mask(_ scalars: [Unicode.Scalar], lexicon: CountLexicon, openers: [Int32], excludedStarts: [Int32]) -> PositionBits {
        var hidden = PositionBits(count: scalars.count)
        hideQuotesAndTitles(scalars, openers: openers, &hidden)
        hideExcludedWords(scalars, lexicon, starts: excludedStarts, &hidden)
        return hidden
    }

    // “三个一批” / 《十四五规划纲要》 — each opener looks a bounded way ahead for its closer,
    // so an unclosed mark never swallows the next paragraph and the pass stays linear.
    static func hideQuotesAndTitles(_ scalars: [Unicode.Scalar], openers: [Int32], _ hidden: inout PositionBits) {
        // Read once: each read of a `static let` calls `swift_once` on Linux.
        let speechPunctuation = Self.speechPunctuation
        let titleClosers = Self.titleClosers
        let quoteClosers = Self.quoteClosers
        // Unchecked reads: an opener is one scalar in a hundred, but each looks dozens ahead.
        scalars.withUnsafeBufferPointer { scalars in
            var index = 0
            for opener in openers where Int(opener) >= index {
                index = Int(opener)
                let scalar = scalars[index]
                if let closer = closer(of: scalar, in: titleClosers),
                    let close = find(closer, in: scalars, after: index, within: maximumTitleLength, crossingLines: true)
                {
                    hidden.insert(index..<(close + 1))
                    index = close + 1
                    continue
                }
                if let closer = closer(of: scalar, in: quoteClosers) {
                    let (close, isSpeech) = findQuoteEnd(closer, in: scalars, after: index, speechPunctuation: speechPunctuation)
                    if let close {
                        if !isSpeech {
                            hidden.insert(index..<(close + 1))
                            index = close + 1
                            continue
                        }
                        // Straight quotes open and close alike: step over the pair so the closer
                        // is not taken for the next opener.
                        if closer == scalar {
                            index = close + 1
                            continue
                        }
                    }
                }
                index += 1
            }
        }
    }

    /// `find` for a quote's closer (within a name's length, never across a line), noting on the
    /// way whether speech punctuation stands inside: one walk where a second one re-read the
    /// quote for the punctuation.
    @inline(__always)
    static func findQuoteEnd(
        _ closer: Unicode.Scalar, in scalars: UnsafeBufferPointer<Unicode.Scalar>, after open: Int, speechPunctuation: ScalarSet
    ) -> (close: Int?, isSpeech: Bool) {
        var isSpeech = false
        var index = open + 1
        let end = min(scalars.count, open + 1 + maximumNameLength + 1)
        while index < end {
            let scalar = scalars[index]
            if scalar == closer { return (index, isSpeech) }
            if scalar == "\n" { return (nil, isSpeech) }
            if speechPunctuation.contains(scalar) { isSpeech = true }
            index += 1
        }
        return (nil, isSpeech)
    }

    static func find(
        _ closer: Unicode.Scalar, in scalars: UnsafeBufferPointer<Unicode.Scalar>, after open: Int, within limit: Int, crossingLines: Bool
    ) -> Int? {
        var index = open + 1
        let end = min(scalars.count, open + 1 + limit)
        while index < end {
            let scalar = scalars[index]
            if scalar == closer { return index }
            if scalar == "\n" {
                // A title may cross one PDF line break, never a blank line.
                guard crossingLines, index + 1 < scalars.count, scalars[index + 1] != "\n" else { return nil }
            }
            index += 1
        }
        return nil
    }

    // 一府一委两院, 十四五, 四川 — set phrases, plan names, congress ordinals and places.
    static func hideExcludedWords(_ scalars: [Unicode.Scalar], _ lexicon: CountLexicon, starts: [Int32], _ hidden: inout PositionBits) {
        let exclusions = lexicon.exclusions
        var index = 0
        for start in starts where Int(start) >= index {
            index = Int(start)
            guard let (length, unlessAfter) = exclusions.longest(in: scalars, at: index) else {
                index += 1
                continue
            }
            // 化解一起矛盾: a governing verb right before the phrase makes it a count.
            let governed = unlessAfter.contains { verb in
                verb.count <= index && scalars[(index - verb.count)..<index].elementsEqual(verb)
            }
            if !governed {
                hidden.insert(index..<(index + length))
            }
            index += length
        }
    }
}
