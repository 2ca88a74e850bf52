/// Rejoins the lines that PDF extraction broke, keeping the offset map in step.
///
/// Two breaks are repaired:
/// - a list number alone on its line, its punctuation and text on the next:
///   `2\n.开展“走进人大”系列活动` → `2.开展“走进人大”系列活动`;
/// - a body line that stops mid-sentence and goes on after a (possibly blank) gap:
///   `二是把代表小组向\n\n专业化聚集。` → `二是把代表小组向专业化聚集。`.
/// A break is kept when the next line starts a block of its own (a marker, a label such as
/// 申报单位：, a bracketed byline), and after a line that ends a sentence.
enum LineRepair {
    /// A line shorter than this is a heading or a name, not a body line broken by a page.
    static let minimumBodyLength = 16

    static func repair(_ scalars: [Unicode.Scalar], _ offsets: [Int]) -> ([Unicode.Scalar], [Int]) {
        let lines = lineRanges(scalars)
        var outScalars: [Unicode.Scalar] = []
        var outOffsets: [Int] = []
        outScalars.reserveCapacity(scalars.count)
        outOffsets.reserveCapacity(scalars.count)

        var index = 0
        while index < lines.count {
            var current = lines[index]
            outScalars.append(contentsOf: scalars[current])
            outOffsets.append(contentsOf: offsets[current])
            var cursor = index
            // Follow the chain of breaks inside one paragraph (it may be broken twice).
            while true {
                var next = cursor + 1
                while next < lines.count && isBlank(scalars, lines[next]) { next += 1 }
                guard next < lines.count, shouldJoin(scalars, current, lines[next]) else { break }
                while let last = outScalars.last, last == " " {
                    outScalars.removeLast()
                    outOffsets.removeLast()
                }
                current = trimLeadingSpaces(scalars, lines[next])
                outScalars.append(contentsOf: scalars[current])
                outOffsets.append(contentsOf: offsets[current])
                cursor = next
            }
            // The break after the (joined) line survives, with its own source offset.
            let end = lines[cursor].upperBound
            if end < scalars.count {
                outScalars.append(scalars[end])
                outOffsets.append(offsets[end])
            }
            index = cursor + 1
        }
        return (outScalars, outOffsets)
    }

    static func shouldJoin(_ scalars: [Unicode.Scalar], _ line: Range<Int>, _ next: Range<Int>) -> Bool {
        let trimmed = trim(scalars, line)
        guard !trimmed.isEmpty else { return false }
        let nextTrimmed = trim(scalars, next)
        guard let first = nextTrimmed.first.map({ scalars[$0] }) else { return false }

        // 2 / .开展… — a list number parted from its punctuation.
        if trimmed.count <= 3 && trimmed.allSatisfy({ isASCIIDigit(scalars[$0]) }) {
            return first == "." || first == "、"
        }
        // A body line cut mid-sentence.
        guard trimmed.count >= minimumBodyLength, isBodyLine(scalars, trimmed) else { return false }
        guard !endsSentence(scalars, trimmed) else { return false }
        // 四、票决民生实事，以“民主”定“民生” — a marked heading with no full stop is whole.
        if BlockStart.begins(scalars, trimmed) && !trimmed.contains(where: { scalars[$0] == "。" }) { return false }
        // …印发 closes a document on a line of its own.
        if endsWith(scalars, nextTrimmed, "印发") { return false }
        return !BlockStart.begins(scalars, nextTrimmed)
    }

    static func isBodyLine(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        range.contains { index in
            switch scalars[index] {
            case "。", "，", ",", "；", "、": return true
            default: return false
            }
        }
    }

    static func endsSentence(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var index = range.upperBound - 1
        // Look through closing quotes and brackets: 。” and 。） end a sentence too.
        while index > range.lowerBound, "”’」』）)》".unicodeScalars.contains(scalars[index]) {
            index -= 1
        }
        return "。！？；：!?;:…".unicodeScalars.contains(scalars[index])
    }

    static func endsWith(_ scalars: [Unicode.Scalar], _ range: Range<Int>, _ suffix: String) -> Bool {
        let tail = Array(suffix.unicodeScalars)
        guard range.count >= tail.count else { return false }
        return Array(scalars[(range.upperBound - tail.count)..<range.upperBound]) == tail
    }

    static func isBlank(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        range.allSatisfy { scalars[$0] == " " }
    }

    static func trim(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && scalars[lower] == " " { lower += 1 }
        while upper > lower && scalars[upper - 1] == " " { upper -= 1 }
        return lower..<upper
    }

    static func trimLeadingSpaces(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        while lower < range.upperBound && scalars[lower] == " " { lower += 1 }
        return lower..<range.upperBound
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    static func lineRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for index in scalars.indices where scalars[index] == "\n" {
            result.append(start..<index)
            start = index + 1
        }
        result.append(start..<scalars.count)
        return result
    }
}
