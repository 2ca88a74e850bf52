import Normalize

/// Small reading helpers over working-text lines, shared by the segmenter's rules.
struct LineText {
    let text: WorkingText
    var s: [Unicode.Scalar] { text.scalars }

    func string(_ range: Range<Int>) -> String { text.string(range) }

    func trim(_ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && s[lower] == " " { lower += 1 }
        while upper > lower && s[upper - 1] == " " { upper -= 1 }
        return lower..<upper
    }

    func starts(_ range: Range<Int>, with prefix: String) -> Bool {
        var index = range.lowerBound
        for scalar in prefix.unicodeScalars {
            guard index < range.upperBound, s[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    /// Whether `range` is exactly `word`, compared without making a String of it.
    func equals(_ range: Range<Int>, _ word: String) -> Bool {
        var index = range.lowerBound
        for scalar in word.unicodeScalars {
            guard index < range.upperBound, s[index] == scalar else { return false }
            index += 1
        }
        return index == range.upperBound
    }

    func starts(_ range: Range<Int>, with prefix: [Unicode.Scalar]) -> Bool {
        guard range.count >= prefix.count else { return false }
        var index = range.lowerBound
        for scalar in prefix {
            guard s[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    func ends(_ range: Range<Int>, with suffix: String) -> Bool {
        var index = range.upperBound
        for scalar in suffix.unicodeScalars.reversed() {
            guard index > range.lowerBound, s[index - 1] == scalar else { return false }
            index -= 1
        }
        return true
    }

    func firstIndex(of scalar: Unicode.Scalar, in range: Range<Int>) -> Int? {
        range.first { s[$0] == scalar }
    }

    func contains(_ scalar: Unicode.Scalar, in range: Range<Int>) -> Bool {
        firstIndex(of: scalar, in: range) != nil
    }

    /// The first occurrence of `needle` in `range`.
    func find(_ needle: String, in range: Range<Int>) -> Int? {
        let pattern = Array(needle.unicodeScalars)
        guard !pattern.isEmpty, range.count >= pattern.count else { return nil }
        var index = range.lowerBound
        while index + pattern.count <= range.upperBound {
            if s[index] == pattern[0] && zip(s[index..<(index + pattern.count)], pattern).allSatisfy({ $0 == $1 }) {
                return index
            }
            index += 1
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
        ends(range, with: "摄") || find("供图", in: range) != nil
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// Joins heading lines broken by extraction: nothing between two Han characters, one space
    /// otherwise (a title broken after a closing quote or a Latin word).
    /// Runs of spaces inside a line become one (以立法…河南建设   受到… → one space).
    func joined(_ ranges: [Range<Int>]) -> String {
        // One line without a run of spaces (nearly every title) is its own text.
        if ranges.count == 1, let range = ranges.first, !hasDoubleSpace(range) {
            return string(range)
        }
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

    func hasDoubleSpace(_ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        for index in range.lowerBound..<(range.upperBound - 1) where s[index] == " " && s[index + 1] == " " {
            return true
        }
        return false
    }
}
