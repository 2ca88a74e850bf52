/// Rejoins the lines that PDF extraction broke, keeping the offset map in step.
///
/// These breaks are repaired:
/// - a list number alone on its line, its punctuation and text on the next:
///   `2\n.开展“走进人大”系列活动` → `2.开展“走进人大”系列活动`;
/// - a whole marker alone on its line: `一、\n加强学习` → `一、加强学习`;
/// - a body line that stops mid-sentence and goes on after a (possibly blank) gap:
///   `二是把代表小组向\n\n专业化聚集。` → `二是把代表小组向专业化聚集。`;
/// - the same across a photo a page layout dropped between the two halves (`PhotoBlock`):
///   the captions are moved after the rejoined paragraph;
/// - a news brief's opening line, `本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生\n实事项目…`:
///   本报讯 starts a block, but what follows it on the line is running text, not a heading.
/// A break is kept when the next line starts a block of its own (a marker, a label such as
/// 申报单位：, a bracketed byline, a table row, a news brief's headline), and after a line that
/// ends a sentence.
enum LineRepair {
    /// A line shorter than this is a heading or a name, not a body line broken by a page.
    static let minimumBodyLength = 16

    /// Repairs `scalars` in place; `offsets` maps them to the source before the repair, and
    /// `lines` are their lines (`lineRanges(scalars)`). What is returned maps them after it, with
    /// the lines of the repaired text.
    ///
    /// Each paragraph's chain of broken lines is followed by reading, and each piece written
    /// at a cursor that never passes what has been read: a piece is written once the next one
    /// is found, when all that is left to read lies after it. What the repair emits is the
    /// text read so far less what it removes, except for photo captions, which move later
    /// and so are copied aside before the piece after them is written over them. Working in
    /// place keeps the stage's memory to the one array.
    static func repair(
        _ scalars: inout [Unicode.Scalar], _ offsets: SourceOffsetMap, lines: [Range<Int>]
    ) -> (offsets: SourceOffsetMap, lines: [Range<Int>]) {
        precondition(scalars.count == offsets.count, "one offset per scalar")
        assert(lines == lineRanges(scalars), "the lines of the text to repair")
        let count = scalars.count
        var out = InPlaceWriter()
        // Reading and writing go through one pointer to the array: the rules run on every
        // line, and array subscripts would check bounds and uniqueness at each scalar they read.
        scalars.withUnsafeMutableBufferPointer { buffer in
            lines.withUnsafeBufferPointer { lines in
                let text = Text(buffer)
                var index = 0
                while index < lines.count {
                    // The paragraph's piece being read (it may be broken twice), and the
                    // captions lifted out of it.
                    var piece = lines[index]
                    var cursor = index
                    var captions: [Caption] = []
                    while let (next, skipped) = continuation(text, lines, of: piece, after: cursor) {
                        // The piece before a joined break loses its trailing spaces.
                        var previous = piece
                        while previous.upperBound > previous.lowerBound && text[previous.upperBound - 1] == " " {
                            previous = previous.lowerBound..<(previous.upperBound - 1)
                        }
                        out.copy(previous, buffer, offsets)
                        for line in skipped { captions.append(caption(lines[line], in: text, offsets)) }
                        piece = trimLeadingSpaces(text, lines[next])
                        cursor = next
                    }
                    // The break after the (joined) line survives, with its own source offset.
                    let end = lines[cursor].upperBound
                    let lineBreak = end < count ? (text[end], offsets[end]) : nil
                    out.copy(piece, buffer, offsets)
                    if let (scalar, offset) = lineBreak { out.write(scalar, offset, buffer) }
                    // Captions lifted out of the paragraph follow it, each with its own line break.
                    for caption in captions {
                        // The paragraph ended the text: the caption keeps the break before it.
                        if out.written == 0 || buffer[out.written - 1] != "\n", let before = caption.before {
                            out.write(before.0, before.1, buffer)
                        }
                        for (scalar, offset) in caption.text { out.write(scalar, offset, buffer) }
                        if let after = caption.after { out.write(after.0, after.1, buffer) }
                    }
                    index = cursor + 1
                }
            }
        }
        scalars.removeLast(count - out.written)
        out.repairedLines.append(out.lineStart..<out.written)
        return (out.repaired, out.repairedLines)
    }

    /// The text as the rules read it: in place, the array's storage.
    typealias Text = UnsafeBufferPointer<Unicode.Scalar>
    /// The lines of the text, likewise.
    typealias Lines = UnsafeBufferPointer<Range<Int>>

    /// The write side of the repair: the position written next and the offsets of what has
    /// been written. (A struct with the storage passed in, not closures over it: captured
    /// variables are checked for exclusive access at run time on every scalar.)
    ///
    /// Every line break of the repaired text is written here one by one (what `copy` moves are
    /// pieces of lines), so the writer also keeps the repaired text's lines.
    struct InPlaceWriter {
        var written = 0
        var repaired = SourceOffsetMap()
        /// The lines ended so far, and where the current one starts.
        var repairedLines: [Range<Int>] = []
        var lineStart = 0

        mutating func write(_ scalar: Unicode.Scalar, _ offset: Int32, _ scalars: UnsafeMutableBufferPointer<Unicode.Scalar>) {
            if scalar == "\n" {
                repairedLines.append(lineStart..<written)
                lineStart = written + 1
            }
            scalars[written] = scalar
            repaired.append(offset)
            written += 1
        }

        /// Copies `range` down to the write position (at or before it: a forward copy is safe
        /// where the two overlap), with its offsets.
        mutating func copy(_ range: Range<Int>, _ scalars: UnsafeMutableBufferPointer<Unicode.Scalar>, _ offsets: SourceOffsetMap) {
            let start = written
            // Until the first removal the text is already in place; after it, a memmove.
            if start != range.lowerBound, !range.isEmpty {
                let base = scalars.baseAddress!
                (base + start).update(from: base + range.lowerBound, count: range.count)
            }
            written += range.count
            repaired.append(contentsOf: offsets, range)
        }
    }

    /// A caption line copied out before the repair writes over it: its text and the line
    /// breaks before and after it, each with its source offset.
    typealias Caption = (before: (Unicode.Scalar, Int32)?, text: [(Unicode.Scalar, Int32)], after: (Unicode.Scalar, Int32)?)

    private static func caption(_ range: Range<Int>, in scalars: Text, _ offsets: SourceOffsetMap) -> Caption {
        let before = range.lowerBound > 0 ? (scalars[range.lowerBound - 1], offsets[range.lowerBound - 1]) : nil
        let after = range.upperBound < scalars.count ? (scalars[range.upperBound], offsets[range.upperBound]) : nil
        return (before, range.map { (scalars[$0], offsets[$0]) }, after)
    }

    /// The line that goes on the paragraph ending at `lines[cursor]` (whose text is `current`),
    /// with the caption lines skipped on the way; nil when the paragraph ends there.
    static func continuation(
        _ scalars: Text, _ lines: Lines, of current: Range<Int>, after cursor: Int
    ) -> (next: Int, skipped: [Int])? {
        // Most lines end a sentence: nothing after them can join, so nothing after them is read.
        let trimmed = trim(scalars, current)
        let ending = ending(scalars, trimmed)
        guard ending != .closed else { return nil }
        var next = cursor + 1
        while next < lines.count && isBlank(scalars, lines[next]) { next += 1 }
        guard next < lines.count else { return nil }
        if let photo = PhotoBlock.after(scalars, lines, from: next, blankLines: next - cursor - 1),
            photo.resume < lines.count, shouldJoin(scalars, trimmed, ending, lines[photo.resume]),
            !(ending == .open && isNewsBriefHeadline(scalars, lines, photo.resume))
        {
            return (photo.resume, photo.captions)
        }
        // A marker parted from its text takes it, headline or not.
        guard shouldJoin(scalars, trimmed, ending, lines[next]), !(ending == .open && isNewsBriefHeadline(scalars, lines, next))
        else { return nil }
        return (next, [])
    }

    /// 舞钢：“三级运行体系”打通基层民主“最后一公里” / 本报讯（记者蔡文瑞）… — a line with no
    /// full stop, with a news brief's opening line next, is that brief's headline. Nothing marks
    /// it but what follows it, and the line before it (a brief ending without a full stop) would
    /// otherwise take it in.
    static func isNewsBriefHeadline(_ scalars: Text, _ lines: Lines, _ line: Int) -> Bool {
        let headline = trim(scalars, lines[line])
        guard !headline.isEmpty, !endsSentence(scalars, headline) else { return false }
        var after = line + 1
        while after < lines.count && isBlank(scalars, lines[after]) { after += 1 }
        return after < lines.count && opensNewsBrief(scalars, trim(scalars, lines[after]))
    }

    /// 本报讯（记者蔡文瑞）宝丰县人大常委会… — a news brief's opening line.
    static func opensNewsBrief(_ scalars: Text, _ line: Range<Int>) -> Bool {
        BlockStart.startsWith(scalars, line, BlockStart.newsBriefPrefix)
    }

    /// How a line ends, as far as it decides alone whether the next line may join it.
    enum Ending {
        /// Nothing joins it: it is blank, a table row, or ends a sentence, a credit or a byline.
        case closed
        /// 2 / .开展… — a list number parted from its punctuation.
        case listNumber
        /// 一、 / 加强学习 — a whole marker alone on its line takes the next line as its text.
        case bareMarker
        /// The next line decides.
        case open
    }

    static func ending(_ scalars: Text, _ trimmed: Range<Int>) -> Ending {
        guard !trimmed.isEmpty else { return .closed }
        // A table row stands on its own line.
        if scalars[trimmed.upperBound - 1] == "|" { return .closed }
        if trimmed.count <= 3 && allDigits(scalars, trimmed) { return .listNumber }
        if BlockStart.isBareMarker(scalars, trimmed) { return .bareMarker }
        guard !endsSentence(scalars, trimmed) else { return .closed }
        // …河南日报记者 聂冬晗 摄 — a photo's credit closes its caption.
        if PhotoBlock.isCredit(scalars, trimmed) { return .closed }
        // …每个社区1处站点。（本报记者 蔡文瑞） — a byline closes its article.
        if endsWithByline(scalars, trimmed) { return .closed }
        return .open
    }

    /// Whether `next` joins the line `trimmed` (trimmed of spaces), which ends as `ending` says.
    static func shouldJoin(_ scalars: Text, _ trimmed: Range<Int>, _ ending: Ending, _ next: Range<Int>) -> Bool {
        guard ending != .closed else { return false }
        let nextTrimmed = trim(scalars, next)
        guard let first = nextTrimmed.first.map({ scalars[$0] }) else { return false }
        switch ending {
        case .closed: return false
        case .listNumber: return first == "." || first == "、"
        case .bareMarker: return !BlockStart.begins(scalars, nextTrimmed)
        case .open: break
        }
        // 一是深入学习 / 宪法。二是… — a clause is running text, however short. So is the
        // text after 本报讯: a brief's headline is the line above it, never its opening line, which
        // need hold no comma (本报讯（记者蔡文瑞）宝丰县人大常委会探索推行民生 / 实事项目…).
        let isClause = BlockStart.beginsClause(scalars, trimmed)
        let isRunningText = isClause || opensNewsBrief(scalars, trimmed)
        // 今年是全国人民代表大会成立70周 / 年，为进一步… — no paragraph opens with a
        // one-character clause, so a line that does finishes the word the line above broke.
        if !isClause && startsWithOneCharacterClause(scalars, nextTrimmed) && trimmed.count >= 8
            && (isRunningText || !BlockStart.begins(scalars, trimmed))
        {
            return true
        }
        // A body line cut mid-sentence.
        guard isRunningText || (trimmed.count >= minimumBodyLength && isBodyLine(scalars, trimmed)) else { return false }
        // 四、票决民生实事，以“民主”定“民生” — a marked heading with no full stop is whole.
        if !isRunningText && BlockStart.begins(scalars, trimmed) && !contains(scalars, trimmed, "。") {
            return false
        }
        // …印发 closes a document on a line of its own.
        if endsWith(scalars, nextTrimmed, issuedWord) { return false }
        return !BlockStart.begins(scalars, nextTrimmed)
    }

    /// （本报记者 蔡文瑞） / （漯河市人大常委会代表工委供稿） at the end of a line.
    static func endsWithByline(_ scalars: Text, _ range: Range<Int>) -> Bool {
        guard let last = range.last, scalars[last] == "）" || scalars[last] == ")" else { return false }
        var open = last - 1
        while open >= range.lowerBound && scalars[open] != "（" && scalars[open] != "(" { open -= 1 }
        guard open >= range.lowerBound else { return false }
        let inner = (open + 1)..<last
        return contains(scalars, inner, reporterWord) || contains(scalars, inner, contributedWord)
    }

    static let reporterWord: [Unicode.Scalar] = Array("记者".unicodeScalars)
    static let contributedWord: [Unicode.Scalar] = Array("供稿".unicodeScalars)

    /// Whether `pattern` occurs in `range`, compared in place (this runs on every line that
    /// ends in a bracket).
    static func contains(_ scalars: Text, _ range: Range<Int>, _ pattern: [Unicode.Scalar]) -> Bool {
        guard range.count >= pattern.count else { return false }
        var start = range.lowerBound
        while start + pattern.count <= range.upperBound {
            var matched = 0
            while matched < pattern.count && scalars[start + matched] == pattern[matched] { matched += 1 }
            if matched == pattern.count { return true }
            start += 1
        }
        return false
    }

    /// 年，为… — a single Han character, then a comma.
    static func startsWithOneCharacterClause(_ scalars: Text, _ range: Range<Int>) -> Bool {
        guard range.count >= 3 else { return false }
        let first = scalars[range.lowerBound]
        let second = scalars[range.lowerBound + 1]
        return isHan(first) && (second == "，" || second == "、") && !BlockStart.hanDigits.contains(first)
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    static func isBodyLine(_ scalars: Text, _ range: Range<Int>) -> Bool {
        // Loops over the line written out, here and below: the generic `contains(where:)` and
        // `allSatisfy` over a range were calls per scalar in the profile.
        for index in range.lowerBound..<range.upperBound {
            switch scalars[index] {
            case "。", "，", ",", "；", "、": return true
            default: continue
            }
        }
        return false
    }

    /// Whether `scalar` occurs in `range`.
    static func contains(_ scalars: Text, _ range: Range<Int>, _ scalar: Unicode.Scalar) -> Bool {
        for index in range.lowerBound..<range.upperBound where scalars[index] == scalar { return true }
        return false
    }

    /// Whether `range` holds ASCII digits only.
    static func allDigits(_ scalars: Text, _ range: Range<Int>) -> Bool {
        for index in range.lowerBound..<range.upperBound where !isASCIIDigit(scalars[index]) { return false }
        return true
    }

    static func endsSentence(_ scalars: Text, _ range: Range<Int>) -> Bool {
        var index = range.upperBound - 1
        // Look through closing quotes and brackets: 。” and 。） end a sentence too.
        while index > range.lowerBound, isClosing(scalars[index]) {
            index -= 1
        }
        switch scalars[index] {
        case "。", "！", "？", "；", "：", "!", "?", ";", ":", "…": return true
        default: return false
        }
    }

    static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "』", "）", ")", "》": return true
        default: return false
        }
    }

    /// Whether `range` ends with `suffix`, compared scalar by scalar from the end.
    static func endsWith(_ scalars: Text, _ range: Range<Int>, _ suffix: [Unicode.Scalar]) -> Bool {
        guard range.count >= suffix.count else { return false }
        var index = range.upperBound - suffix.count
        for scalar in suffix {
            guard scalars[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    // The words the repair looks for at the ends of lines, as scalars once (this runs on every
    // line of the text).
    static let issuedWord: [Unicode.Scalar] = Array("印发".unicodeScalars)
    static let photographedWord: [Unicode.Scalar] = Array("摄".unicodeScalars)
    static let photosByWord: [Unicode.Scalar] = Array("供图".unicodeScalars)

    static func isBlank(_ scalars: Text, _ range: Range<Int>) -> Bool {
        for index in range.lowerBound..<range.upperBound where scalars[index] != " " { return false }
        return true
    }

    static func trim(_ scalars: Text, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper && scalars[lower] == " " { lower += 1 }
        while upper > lower && scalars[upper - 1] == " " { upper -= 1 }
        return lower..<upper
    }

    static func trimLeadingSpaces(_ scalars: Text, _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound
        while lower < range.upperBound && scalars[lower] == " " { lower += 1 }
        return lower..<range.upperBound
    }

    static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }

    /// The ranges between line feeds (line feeds excluded), blank lines included: the lines the
    /// repair weighs, and the working text's lines once repaired.
    static func lineRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        scalars.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == "\n" {
                result.append(start..<index)
                start = index + 1
            }
        }
        result.append(start..<scalars.count)
        return result
    }
}

// MARK: - Photos between the halves of a paragraph
// (kept in this file: Normalize's other files belong to other owners)

/// A photo that page layout dropped between the two halves of a paragraph: its caption
/// lines sit where the text breaks, and end with the photo's credit.
///
///     “两城”建设紧锣密鼓，抢时间就是抢
///     （blank lines）
///     3月11日，市人大常委会主任张明新带队到湛河区马庄街道调研…。
///     （blank lines）
///     5月10日，…调研。本版图片均为市人大常委会供图
///     先机，抓服务就是抓效益。…
///
/// The block starts either with a credit line or after two or more blank lines (the room the
/// photo took), and runs to the first credit line within a few lines.
enum PhotoBlock {
    /// Caption lines a photo can carry before its credit.
    static let maximumCaptionLines = 3

    /// The caption lines from `first` on and the line after them, or nil when no credit closes
    /// a block there.
    static func after(
        _ scalars: LineRepair.Text, _ lines: LineRepair.Lines, from first: Int, blankLines: Int
    ) -> (captions: [Int], resume: Int)? {
        guard blankLines >= 2 || isCredit(scalars, lines[first]) else { return nil }
        var captions: [Int] = []
        var index = first
        while index < lines.count && captions.count < maximumCaptionLines {
            if LineRepair.isBlank(scalars, lines[index]) {
                index += 1
                continue
            }
            if BlockStart.begins(scalars, LineRepair.trim(scalars, lines[index])) { return nil }
            captions.append(index)
            if isCredit(scalars, lines[index]) {
                var resume = index + 1
                while resume < lines.count && LineRepair.isBlank(scalars, lines[resume]) { resume += 1 }
                return (captions, resume)
            }
            index += 1
        }
        return nil
    }

    /// 河南日报记者 聂冬晗 摄 / 本版图片均为市人大常委会供图 — a photo's credit.
    static func isCredit(_ scalars: LineRepair.Text, _ line: Range<Int>) -> Bool {
        let trimmed = LineRepair.trim(scalars, line)
        return LineRepair.endsWith(scalars, trimmed, LineRepair.photographedWord)
            || LineRepair.endsWith(scalars, trimmed, LineRepair.photosByWord)
    }
}
