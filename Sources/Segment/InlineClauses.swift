import JianbaoCore

extension SegmenterRun {
    /// 一是…二是…三是… inside a paragraph: clause children of the paragraph's item, in
    /// sequence. An 一是 must follow a sentence boundary; 二是 only counts after 一是, so a
    /// stray 二是 in a sentence stays text.
    ///
    /// With no owner (clauses before any heading) they become top-level items.
    mutating func clauses(in range: Range<Int>, owner: ItemNode?) {
        let s = text.scalars
        // The number the next clause must have, read from the siblings only once a 是 after a
        // numeral turns up (most paragraphs have none).
        var expectedNumber: Int?
        var found: [(start: Int, textStart: Int, label: String)] = []
        var searchFrom = range.lowerBound + 1
        while searchFrom < range.upperBound, let index = line.firstIndex(of: "是", in: searchFrom..<range.upperBound) {
            searchFrom = index + 1
            var numeralStart = index
            while numeralStart > range.lowerBound && HanNumeral.isNumeral(s[numeralStart - 1]) { numeralStart -= 1 }
            guard numeralStart < index, index - numeralStart <= 2, let n = HanNumeral.value(s[numeralStart..<index]) else {
                continue
            }
            let expected = expectedNumber ?? nextClauseNumber(owner: owner)
            expectedNumber = expected
            if n == expected, numeralStart == range.lowerBound || Self.clauseBoundaries.contains(s[numeralStart - 1]) {
                found.append((numeralStart, index + 1, line.string(numeralStart..<(index + 1))))
                expectedNumber = expected + 1
            }
        }
        for (position, clause) in found.enumerated() {
            let end = position + 1 < found.count ? found[position + 1].start : range.upperBound
            var titleEnd = end
            if let stop = (clause.textStart..<end).first(where: { s[$0] == "。" || s[$0] == "；" }) { titleEnd = stop }
            let node = ItemNode(
                kind: "clause", style: .hanShi, label: clause.label, marker: clause.label,
                title: line.string(line.trim(clause.textStart..<titleEnd)), start: clause.start, end: trimEnd(end))
            if let owner { owner.children.append(node) } else { roots.append(node) }
        }
    }

    /// What may stand before an 一是 that opens a clause.
    static let clauseBoundaries: [Unicode.Scalar] = ["。", "；", "，", "：", "、", " "]

    /// One more than the last clause already among the owner's children (or the roots).
    private func nextClauseNumber(owner: ItemNode?) -> Int {
        let siblings = owner?.children ?? roots
        return (siblings.last { $0.style == .hanShi }.map { clauseNumber($0) } ?? 0) + 1
    }

    private func trimEnd(_ end: Int) -> Int {
        var upper = end
        while upper > 0 && (text.scalars[upper - 1] == " " || text.scalars[upper - 1] == "\n") { upper -= 1 }
        return upper
    }

    private func clauseNumber(_ node: ItemNode) -> Int {
        let scalars = Array((node.label ?? "").unicodeScalars.dropLast())
        return HanNumeral.value(scalars) ?? 0
    }
}
