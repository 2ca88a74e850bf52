extension SegmenterRun {
    /// The longest continuation line a broken heading leaves: the tail of a title, not a
    /// heading or a sentence of its own.
    static let maximumContinuationLength = 15
    /// A heading line this short is whole: PDF lines break only when they are long.
    static let minimumBrokenHeadingLength = 8
    static let closingBrackets: [Unicode.Scalar] = ["）", ")", "”", "》"]

    /// The line that finishes a numbered heading the PDF broke, or nil.
    ///
    ///     1.以立法与普法相结合助力法治      → title 以立法与普法相结合助力法治河南建设
    ///     河南建设
    ///     申报单位：省人大常委会办公厅
    ///
    /// The candidate follows with no blank line, is short, reads like a heading (no 。, not
    /// ending in ，), and is nothing else the segmenter knows: not a marker, a label, a byline,
    /// a table or its caption, an issuer or plan title, a speaker line.
    func headingContinuation(of title: Range<Int>, at index: Int) -> Int? {
        let next = index + 1
        guard title.count >= Self.minimumBrokenHeadingLength, next < lines.count, !lines[next].blankBefore else { return nil }
        // 听取审议工作报告（18 项） — a heading closed by a bracket is whole.
        if let last = title.last, Self.closingBrackets.contains(text.scalars[last]) { return nil }
        let candidate = lines[next].range
        guard candidate.count <= Self.maximumContinuationLength, line.isHeadingLike(candidate),
            HeadingMarker.read(text.scalars, candidate) == nil, fieldLabel(candidate) == nil,
            !line.starts(candidate, with: "|"), !line.starts(candidate, with: LineWords.subtitleDash),
            !line.starts(candidate, with: LineWords.newsBriefOpening),
            !isContributorByline(candidate), !isReporterByline(candidate), !isIssuerName(candidate),
            !isPlanTitle(candidate), !SpeakerLine.matches(line, candidate)
        else { return nil }
        // A short line before a table is the table's caption.
        if next + 1 < lines.count, line.starts(lines[next + 1].range, with: "|") { return nil }
        return next
    }
}
