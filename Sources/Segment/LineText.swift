import Normalize

/// Small reading helpers over working-text lines, shared by the segmenter's rules.
///
/// Words are given as scalar arrays made once (`LineWords`, the lexicons in `HeadingStyles`):
/// these tests run on every line, and a String literal would be decoded — and for `find`
/// copied into an array — at every call.
struct LineText {
    let text: WorkingText
    let s: [Unicode.Scalar]

    init(text: WorkingText) {
        self.text = text
        self.s = text.scalars
    }

    func string(_ range: Range<Int>) -> String { text.string(range) }

    func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && s[lower] == " " { lower += 1 }
        while upper > lower && s[upper - 1] == " " { upper -= 1 }
        return lower..<upper
    }

    func starts(_ range: Range<Int>, with scalar: Unicode.Scalar) -> Bool {
        !range.isEmpty && s[range.lowerBound] == scalar
    }

    func starts(_ range: Range<Int>, with prefix: [Unicode.Scalar]) -> Bool {
        guard range.count >= prefix.count else { return false }
        return matches(prefix, at: range.lowerBound)
    }

    func ends(_ range: Range<Int>, with scalar: Unicode.Scalar) -> Bool {
        !range.isEmpty && s[range.upperBound - 1] == scalar
    }

    func ends(_ range: Range<Int>, with suffix: [Unicode.Scalar]) -> Bool {
        guard range.count >= suffix.count else { return false }
        return matches(suffix, at: range.upperBound - suffix.count)
    }

    /// Whether `range` is exactly `word`, compared without making a String of it.
    func equals(_ range: Range<Int>, _ word: [Unicode.Scalar]) -> Bool {
        range.count == word.count && matches(word, at: range.lowerBound)
    }

    /// Whether `word` is written at `offset` (the caller has checked it fits).
    private func matches(_ word: [Unicode.Scalar], at offset: Int) -> Bool {
        s.withUnsafeBufferPointer { buffer in
            word.withUnsafeBufferPointer { pattern in
                for index in 0..<pattern.count where buffer[offset + index] != pattern[index] { return false }
                return true
            }
        }
    }

    /// The first `scalar` in `range`. Lines are passed over eight scalars at a compare: the
    /// segmenter looks for 是 and 。 through every paragraph.
    func firstIndex(of scalar: Unicode.Scalar, in range: Range<Int>) -> Int? {
        guard !range.isEmpty else { return nil }
        return s.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            let wanted = SIMD8<UInt32>(repeating: scalar.value)
            var index = range.lowerBound
            while index + 8 <= range.upperBound {
                let chunk = base.loadUnaligned(fromByteOffset: index * MemoryLayout<Unicode.Scalar>.stride, as: SIMD8<UInt32>.self)
                // A lane equals the scalar where its xor is zero, and a zero lane is the only
                // one whose top bit `(x - 1) & ~x` sets (scalars are below 2^31). (Not `.==`:
                // the compiler makes a loop over the lanes of a SIMD comparison.)
                let difference = chunk ^ wanted
                if ((difference &- 1) & ~difference &>> 31).wrappedSum() != 0 { break }
                index += 8
            }
            while index < range.upperBound {
                if buffer[index] == scalar { return index }
                index += 1
            }
            return nil
        }
    }

    func contains(_ scalar: Unicode.Scalar, in range: Range<Int>) -> Bool {
        firstIndex(of: scalar, in: range) != nil
    }

    /// The first occurrence of `needle` in `range`.
    func find(_ needle: [Unicode.Scalar], in range: Range<Int>) -> Int? {
        guard let head = needle.first, range.count >= needle.count else { return nil }
        let last = range.upperBound - needle.count
        var from = range.lowerBound
        while from <= last, let index = firstIndex(of: head, in: from..<(last + 1)) {
            if matches(needle, at: index) { return index }
            from = index + 1
        }
        return nil
    }

    /// A heading: short, no full stop, not ending like a clause that goes on.
    func isHeadingLike(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 50 else { return false }
        if contains("。", in: range) { return false }
        let last = s[range.upperBound - 1]
        switch last {
        case "，", "、", "；", "：", ",", ";", ":": return false
        default: break
        }
        return !isCaption(range)
    }

    /// A photo caption or credit that a page break dropped between paragraphs.
    func isCaption(_ range: Range<Int>) -> Bool {
        ends(range, with: "摄") || find(LineWords.photosBy, in: range) != nil
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Joins heading lines broken by extraction: nothing between two Han characters, one space
    /// otherwise (a title broken after a closing quote or a Latin word).
    /// Runs of spaces inside a line become one (以立法…河南建设   受到… → one space).
    func joined(_ ranges: [Range<Int>]) -> String {
        if ranges.count == 1, let range = ranges.first { return joined(range) }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(ranges.reduce(0) { $0 + $1.count } + ranges.count)
        for range in ranges where !range.isEmpty {
            if let last = result.last, !(LineText.isHan(last) && LineText.isHan(s[range.lowerBound])) {
                result.append(" ")
            }
            for scalar in s[range] where !(scalar == " " && result.last == " ") {
                result.append(scalar)
            }
        }
        return String(scalars: result[...])
    }

    /// One line as a title: runs of spaces become one.
    func joined(_ range: Range<Int>) -> String {
        // A line without a run of spaces (nearly every title) is its own text.
        if !hasDoubleSpace(range) { return string(range) }
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(range.count)
        for scalar in s[range] where !(scalar == " " && result.last == " ") {
            result.append(scalar)
        }
        return String(scalars: result[...])
    }

    func hasDoubleSpace(_ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        return s.withUnsafeBufferPointer { buffer in
            for index in range.lowerBound..<(range.upperBound - 1) where buffer[index] == " " && buffer[index + 1] == " " {
                return true
            }
            return false
        }
    }
}
