/// Whether a line opens a block of its own, so a break before it is never a PDF artefact:
/// a list marker (一、 （一） 1. 1、 ① * 一是), a label (申报单位： 送：), or a bracketed
/// byline (（…供稿） （本报记者…）), a table row (| 3月 | … |).
enum BlockStart {
    static let hanDigits = HanDigits()
    static let labels = ["申报单位", "简介材料", "送", "发", "备注", "附件", "抄送", "本报讯"]
    /// Each label with its full-width and its ASCII colon, as scalars once (this runs on every
    /// line break the repair weighs).
    static let labelPrefixes: [[Unicode.Scalar]] = labels.flatMap { label in
        [Array((label + "：").unicodeScalars), Array((label + ":").unicodeScalars)]
    }
    static let newsBriefPrefix: [Unicode.Scalar] = Array("本报讯".unicodeScalars)

    /// 〇零一二三四五六七八九十百两: the digits a Han list marker is written with.
    struct HanDigits {
        @inline(__always) func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "〇", "零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "两": return true
            default: return false
            }
        }
    }

    static func begins(_ scalars: LineRepair.Text, _ line: Range<Int>) -> Bool {
        guard let firstIndex = line.first else { return false }
        let first = scalars[firstIndex]
        if first == "*" || first == "（" || first == "(" || first == "【" || first == "—" || first == "|" { return true }
        if (0x2460...0x2473).contains(first.value) { return true }  // ① … ⑳
        // 一、 / 一是 / 12. / 12、
        var index = firstIndex
        if hanDigits.contains(first) {
            while index < line.upperBound && hanDigits.contains(scalars[index]) { index += 1 }
            if index < line.upperBound && (scalars[index] == "、" || scalars[index] == "是") { return true }
        } else if LineRepair.isASCIIDigit(first) {
            while index < line.upperBound && LineRepair.isASCIIDigit(scalars[index]) { index += 1 }
            if index < line.upperBound {
                let mark = scalars[index]
                if mark == "、" { return true }
                if mark == "." {
                    // 1. is a marker; 2.8万 is a number.
                    return index + 1 >= line.upperBound || !LineRepair.isASCIIDigit(scalars[index + 1])
                }
            }
        }
        if first == "第" { return true }
        for prefix in labelPrefixes where startsWith(scalars, line, prefix) {
            return true
        }
        return startsWith(scalars, line, newsBriefPrefix)
    }

    /// 一、 / （一） / 1. / 1、 / ① with nothing after: a marker whose text went to the next line.
    static func isBareMarker(_ scalars: LineRepair.Text, _ line: Range<Int>) -> Bool {
        guard let last = line.last, line.count <= 5 else { return false }
        let body = line.lowerBound..<last
        let mark = scalars[last]
        if line.count == 1 { return (0x2460...0x2473).contains(mark.value) }
        if mark == "、" {
            return body.allSatisfy { hanDigits.contains(scalars[$0]) || LineRepair.isASCIIDigit(scalars[$0]) }
        }
        if mark == "." { return body.allSatisfy { LineRepair.isASCIIDigit(scalars[$0]) } }
        if mark == "）" || mark == ")" {
            let open = scalars[line.lowerBound]
            let inner = (line.lowerBound + 1)..<last
            return (open == "（" || open == "(") && !inner.isEmpty
                && inner.allSatisfy { hanDigits.contains(scalars[$0]) || LineRepair.isASCIIDigit(scalars[$0]) }
        }
        return false
    }

    /// 一是… / 二是… at the start of a line: a clause of running text, not a heading.
    static func beginsClause(_ scalars: LineRepair.Text, _ line: Range<Int>) -> Bool {
        var index = line.lowerBound
        while index < line.upperBound && hanDigits.contains(scalars[index]) { index += 1 }
        return index > line.lowerBound && index - line.lowerBound <= 2 && index < line.upperBound && scalars[index] == "是"
    }

    static func startsWith(_ scalars: LineRepair.Text, _ line: Range<Int>, _ prefix: [Unicode.Scalar]) -> Bool {
        var index = line.lowerBound
        for scalar in prefix {
            guard index < line.upperBound, scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }
}
