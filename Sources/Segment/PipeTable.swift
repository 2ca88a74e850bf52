import JianbaoCore

extension SegmenterRun {
    /// A table in pipe syntax (`| 3月 | 1. … 2. … |`): each data row is an item labelled by its
    /// first cell, and each numbered topic in its other cells an item of the row.
    mutating func table(from index: Int) -> Int {
        var cursor = index
        var isHeader = true
        stack.removeAll()
        while cursor < lines.count, line.starts(lines[cursor].range, with: "|") {
            let range = lines[cursor].range
            cursor += 1
            let cells = cellRanges(range)
            if cells.allSatisfy({ $0.allSatisfy { text.scalars[$0] == "-" || text.scalars[$0] == ":" || text.scalars[$0] == " " } }) {
                continue  // |---|---|
            }
            if isHeader {
                isHeader = false
                continue
            }
            guard let first = cells.first, !first.isEmpty else { continue }
            let row = ItemNode(
                kind: "table-row", style: nil, label: line.string(first), marker: "", title: "",
                start: range.lowerBound, end: range.upperBound)
            (root ?? nil).map { $0.children.append(row) } ?? roots.append(row)
            for cell in cells.dropFirst() { topics(in: cell, row: row) }
            extend(to: range.upperBound)
        }
        return cursor
    }

    private func cellRanges(_ range: Range<Int>) -> [Range<Int>] {
        var cells: [Range<Int>] = []
        var start = range.lowerBound + 1
        for index in (range.lowerBound + 1)..<range.upperBound where text.scalars[index] == "|" {
            cells.append(line.trim(start..<index))
            start = index + 1
        }
        return cells
    }

    /// `1. 审议…；（办） 2. 听取…` — numbered topics at the start of the cell or after a space.
    private func topics(in cell: Range<Int>, row: ItemNode) {
        let s = text.scalars
        var starts: [(start: Int, textStart: Int, number: Int)] = []
        var expected = 1
        var index = cell.lowerBound
        while index < cell.upperBound {
            if HeadingMarker.isASCIIDigit(s[index]), index == cell.lowerBound || s[index - 1] == " " {
                var end = index
                while end < cell.upperBound && HeadingMarker.isASCIIDigit(s[end]) { end += 1 }
                if end < cell.upperBound, s[end] == ".", let n = Int(line.string(index..<end)), n == expected {
                    var textStart = end + 1
                    while textStart < cell.upperBound && s[textStart] == " " { textStart += 1 }
                    starts.append((index, textStart, n))
                    expected += 1
                    index = textStart
                    continue
                }
            }
            index += 1
        }
        for (position, topic) in starts.enumerated() {
            let end = line.trim(topic.start..<(position + 1 < starts.count ? starts[position + 1].start : cell.upperBound)).upperBound
            let node = ItemNode(
                kind: "topic", style: nil, label: String(topic.number), marker: "\(topic.number).",
                title: topicTitle(topic.textStart..<end), start: topic.start, end: end)
            row.children.append(node)
        }
    }

    /// Up to the first ；or 。, else without the trailing office code （办）.
    private func topicTitle(_ range: Range<Int>) -> String {
        let s = text.scalars
        if let stop = range.first(where: { s[$0] == "；" || s[$0] == "。" }) {
            return line.string(line.trim(range.lowerBound..<stop))
        }
        var upper = range.upperBound
        if upper > range.lowerBound, s[upper - 1] == "）" || s[upper - 1] == ")",
            let open = (range.lowerBound..<upper).last(where: { s[$0] == "（" || s[$0] == "(" }), upper - open <= 4
        {
            upper = open
        }
        return line.string(line.trim(range.lowerBound..<upper))
    }
}
